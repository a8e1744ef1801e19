"""Reading platform exports: French money and dates, column mappings, per-line errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communitydesk.errors import UserError
from communitydesk.importers import contributions_csv as reader
from communitydesk.importers.contributions_csv import ValueProblem


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("25", 2500),
        ("25,00 €", 2500),
        ("25,5", 2550),
        ("1 234,50", 123450),
        ("1\u00a0234,50\u00a0€", 123450),
        ("1\u202f234,50 €", 123450),
        ("1.234,50", 123450),
        ("1,234.50", 123450),
        ("25.00", 2500),
        ("1.234", 123400),
        ("EUR 12,30", 1230),
        ("-3,00", -300),
        ("(3,00)", -300),
        ("0", 0),
        ("1,234,567", 123456700),
    ],
)
def test_amounts_in_french_and_english(text: str, cents: int) -> None:
    assert reader.parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "douze", "12,345", "1,2,3,4a", "€"])
def test_unreadable_amounts(text: str) -> None:
    with pytest.raises(ValueProblem):
        reader.parse_amount(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_french_money_round_trips(cents: int) -> None:
    euros, rest = divmod(cents, 100)
    grouped = f"{euros:,}".replace(",", "\u202f")
    assert reader.parse_amount(f"{grouped},{rest:02d} €") == cents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/03/2026", datetime(2026, 3, 14, 23, 0, tzinfo=UTC)),  # midnight in Paris (UTC+1 in March)
        ("15/03/2026 14:30", datetime(2026, 3, 15, 13, 30, tzinfo=UTC)),
        ("15/07/2026 14:30:15", datetime(2026, 7, 15, 12, 30, 15, tzinfo=UTC)),  # summer time, UTC+2
        ("15-03-26", datetime(2026, 3, 14, 23, 0, tzinfo=UTC)),
        ("2026-03-15", datetime(2026, 3, 14, 23, 0, tzinfo=UTC)),
        ("2026-03-15T14:30:00Z", datetime(2026, 3, 15, 14, 30, tzinfo=UTC)),
        ("2026-03-15 14:30:00+01:00", datetime(2026, 3, 15, 13, 30, tzinfo=UTC)),
        ("2026-03-15 14:30", datetime(2026, 3, 15, 13, 30, tzinfo=UTC)),
    ],
)
def test_dates_french_and_iso(text: str, expected: datetime) -> None:
    assert reader.parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["", "31/02/2026", "mars 2026", "2026/15/03", "15/03"])
def test_unreadable_dates(text: str) -> None:
    with pytest.raises(ValueProblem):
        reader.parse_datetime(text)


def test_statuses_and_flags() -> None:
    assert reader.parse_status("Validé") == "valid"
    assert reader.parse_status("") == "valid"
    assert reader.parse_status("Remboursée") == "refunded"
    assert reader.parse_status("ANNULÉ") == "cancelled"
    assert reader.parse_status("En attente") == "pending"
    with pytest.raises(ValueProblem):
        reader.parse_status("bof")
    assert reader.parse_flag("Oui") and not reader.parse_flag("non") and not reader.parse_flag("")
    assert reader.tier_title("Sans contrepartie") is None
    assert reader.tier_title("  Tote   bag ") == "Tote bag"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_generic_french_headers_without_mapping(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv",
        "Référence;Date;Montant;Prénom;Nom;Courriel;Contrepartie;Statut;Anonyme\n"
        "A1;15/03/2026;1 234,50 €;Hélène;Durand;helene@exemple.fr;Tote bag;Validé;non\n"
        "A2;16/03/2026 10:00;25,00;;;;;Remboursé;oui\n",
        "cp1252",
    )
    parsed = reader.read_contributions(path, "generic")
    assert parsed.errors == []
    assert parsed.table.encoding == "cp1252"
    first, second = parsed.rows
    assert (first.reference, first.amount_cents, first.first_name, first.tier) == ("A1", 123450, "Hélène", "Tote bag")
    assert (second.status, second.anonymous, second.tier) == ("refunded", True, None)


@pytest.mark.parametrize(
    ("platform", "header", "line"),
    [
        (
            "ulule",
            "N° de commande,Date de création,Montant,Prénom,Nom,Email,Contrepartie,Statut",
            'U-77,15/03/2026 09:12,"45,00",Léa,Roux,lea@exemple.fr,Affiche,Payé',
        ),
        (
            "kisskissbankbank",
            "Identifiant de la contribution;Date de contribution;Montant de la contribution;Prénom;Nom;Email;"
            "Contrepartie choisie;État du paiement;Contribution anonyme",
            "K-77;15/03/2026;45,00 €;Léa;Roux;lea@exemple.fr;Affiche;Validé;Non",
        ),
        (
            "helloasso",
            "Référence commande;Date de la commande;Montant tarif;Prénom payeur;Nom payeur;Email payeur;Tarif;"
            "Statut du paiement",
            "H-77;15/03/2026 09:12;45,00;Léa;Roux;lea@exemple.fr;Affiche;Autorisé",
        ),
    ],
)
def test_platform_mappings(tmp_path: Path, platform: str, header: str, line: str) -> None:
    path = write(tmp_path / f"{platform}.csv", f"\ufeff{header}\n{line}\n")
    parsed = reader.read_contributions(path, platform)
    assert parsed.errors == []
    (row,) = parsed.rows
    assert row.reference.endswith("-77")
    assert (row.amount_cents, row.first_name, row.last_name, row.email, row.tier, row.status) == (
        4500,
        "Léa",
        "Roux",
        "lea@exemple.fr",
        "Affiche",
        "valid",
    )
    assert row.contributed_at.astimezone(reader.PARIS).date() == datetime(2026, 3, 15).date()


def test_bad_rows_are_reported_with_line_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.csv",
        "Référence;Date;Montant\n"
        "R1;15/03/2026;10,00\n"
        "R2;32/03/2026;10,00\n"
        '"R3";15/03/2026;-5,00\n'
        ";15/03/2026;5\n"
        "R1;15/03/2026;7\n"
        "R6;le 3 mars;douze\n",
    )
    parsed = reader.read_contributions(path, "generic")
    assert [r.reference for r in parsed.rows] == ["R1"]
    found = {(e.line, e.field) for e in parsed.errors}
    assert found == {(3, "Date"), (4, "Montant"), (5, "Référence"), (6, "Référence"), (7, "Date"), (7, "Montant")}
    negative = next(e for e in parsed.errors if e.line == 4)
    assert "négatif" in negative.message


def test_missing_required_column_and_explicit_mapping(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "odd.csv", "Num;Quand;Somme versée\nX1;01/04/2026;12\n")
    parsed = reader.read_contributions(path, "generic")
    assert {e.field for e in parsed.errors} == {"Référence", "Date", "Montant"}
    assert all(e.line == 1 for e in parsed.errors)
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(
        json.dumps({"platform": "autre", "columns": {"reference": "Num", "date": "Quand", "amount": "Somme versée"}})
    )
    parsed = reader.read_contributions(path, "generic", reader.load_mapping_file(mapping_file))
    assert parsed.errors == [] and parsed.rows[0].amount_cents == 1200
    wrong = reader.read_contributions(path, "generic", {"reference": "Numéro"})
    assert any("Numéro" in e.message for e in wrong.errors)


def test_mapping_file_errors_are_french_sentences(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{nope")
    with pytest.raises(UserError, match="JSON"):
        reader.load_mapping_file(broken)
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"montant": "Montant"}))
    with pytest.raises(UserError, match="inconnu"):
        reader.load_mapping_file(unknown)


def test_a_spreadsheet_instead_of_a_csv_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UserError, match="Excel"):
        reader.read_contributions(path, "ulule")


@given(st.text(max_size=300))
def test_any_text_gives_rows_or_errors_never_a_crash(text: str) -> None:
    table = reader.Table(
        headers=["Référence", "Date", "Montant"],
        rows=[(n + 2, line.split(";")) for n, line in enumerate(text.splitlines())],
        encoding="utf-8",
        delimiter=";",
    )
    parsed = reader.parse_table(table, "generic")
    assert len({r.line for r in parsed.rows} | {e.line for e in parsed.errors}) <= len(table.rows)
    for row in parsed.rows:
        assert row.amount_cents >= 0 and row.reference
