"""Reading a sign-in sheet typed in a spreadsheet: columns as printed, numbers, ticks."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitydesk.errors import UserError
from communitydesk.importers.sign_in_sheet_csv import read_sign_in_sheet


def test_a_french_excel_sheet_with_its_printed_columns(tmp_path: Path) -> None:
    path = tmp_path / "feuille.csv"
    text = (
        "N°;Nom;Prénom;E-mail;Téléphone;Lettre d'information (oui/non);Photos;Communauté;Signature\r\n"
        "1;Hérault;Zoé;;;OUI;x;Non;Zoé H.\r\n"
        ";Lefèvre;Marc;;;;X;o;\r\n"
        "5;;;;;;;;\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    parsed = read_sign_in_sheet(path)
    assert parsed.encoding.lower().replace("-", "") in ("cp1252", "windows1252")
    assert [(line.row, line.line_no) for line in parsed.lines] == [(2, 1), (3, 2), (4, 5)]
    assert parsed.lines[0].draft.last_name == "Hérault"
    assert parsed.lines[0].draft.consents == ("newsletter", "photos")
    assert parsed.lines[1].draft.consents == ("photos", "communaute")
    assert parsed.lines[2].draft.last_name == "" and not parsed.errors and not parsed.warnings


def test_comma_delimited_utf8_with_ticks_and_english_words(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "No,Last name,First name,Email,Phone,Newsletter,Photos,Community\n1,Doe,Jane,,,✓,✔,yes\n2,Roe,Rick,,,?,,\n",
        encoding="utf-8",
    )
    parsed = read_sign_in_sheet(path)
    assert parsed.lines[0].draft.consents == ("newsletter", "photos", "communaute")
    assert parsed.lines[1].draft.consents == ()
    [warning] = parsed.warnings
    assert (warning.line, warning.field) == (3, "Newsletter")


def test_bad_and_repeated_numbers_are_errors_on_their_line(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("N°;Nom\n1;Durand\ndeux;Martin\n1;Petit\n", encoding="utf-8")
    parsed = read_sign_in_sheet(path)
    assert [(e.line, e.field) for e in parsed.errors] == [(3, "N°"), (4, "N°")]
    assert [line.draft.last_name for line in parsed.lines] == ["Durand"]


def test_a_file_without_a_person_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("Date;Montant\n1;2\n", encoding="utf-8")
    with pytest.raises(UserError, match="Nom"):
        read_sign_in_sheet(path)
