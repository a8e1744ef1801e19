"""Reading contacts CSV files: encodings, delimiters, headers, mapping, row numbers."""

from __future__ import annotations

import codecs

import pytest

from communitydesk.errors import UserError
from communitydesk.importers.contact_columns import ColumnMapping, ContactField, recognise_header
from communitydesk.importers.contact_files import ContactCsvFile
from communitydesk.importers.csv_reading import CsvTable, _first_lines, detect_delimiter, physical_lines
from communitydesk.importers.text_decoding import SAMPLE_BYTES, decode_text

F = ContactField
FRENCH = "Prénom;Nom;Ville\r\nHélène;Dupré;Besançon\r\nFrançoise;Lefèvre;Saint-Étienne\r\nŒdipe;Cœur;Orléans\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("cp1252"), "cp1252"),
        (FRENCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("utf-16"), "utf-16"),  # Excel's "Texte Unicode" (with its BOM)
        ("Nom;Notes\r\nDurand;Coût : 10 € – « payé »\r\n".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_of_french_files(data: bytes, encoding: str) -> None:
    decoded = decode_text(data, "contacts.csv")
    assert decoded.encoding == encoding
    assert not decoded.text.startswith("\ufeff")
    assert "Durand" in decoded.text or "Hélène" in decoded.text
    assert "Ã" not in decoded.text


@pytest.mark.parametrize("shift", [0, 1, 2, 3])
def test_big_files_are_told_apart_from_their_start(shift: int) -> None:
    """The first 256 KiB say « not UTF-8 »; a character cut by their end does not."""
    lines = "Nom;Ville\r\n" + "x" * (SAMPLE_BYTES - 11 - shift) + "€é;Évreux\r\n" * 3
    decoded = decode_text(lines.encode("utf-8"), "a.csv")
    assert (decoded.text, decoded.encoding) == (lines, "utf-8")
    decoded = decode_text(lines.encode("cp1252"), "a.csv")
    assert (decoded.text, decoded.encoding) == (lines, "cp1252")


def test_short_cp1252_file_is_not_taken_for_central_european() -> None:
    # Left free, charset-normalizer calls this cp1250 or mac_latin2.
    assert decode_text("Nom;Ville\r\nDurand;Orléans\r\n".encode("cp1252"), "x.csv").text.endswith("Orléans\r\n")


def test_utf8_keeps_letters_cp1252_has_not() -> None:
    assert decode_text("Prénom\nŁukasz\n".encode(), "x.csv").text == "Prénom\nŁukasz\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "classeur Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "classeur Excel"),
        (b"%PDF-1.7\n", "pas un fichier texte"),
        (b"Nom;Ville\n" + b"\x00\x01\x02binaire" * 10, "binaires"),
        ("Nom;Ville\n".encode("utf-16-le"), "binaires"),  # UTF-16 without its BOM: one NUL in two
    ],
)
def test_files_that_are_not_text_are_refused_clearly(data: bytes, message: str) -> None:
    with pytest.raises(UserError, match=message):
        decode_text(data, "contacts.xlsx")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Nom;Prénom;Ville\nDurand;Hélène;Lyon\n", ";"),
        ("Nom,Prénom,Ville\nDurand,Hélène,Lyon\n", ","),
        ("Nom\tPrénom\tVille\nDurand\tHélène\tLyon\n", "\t"),
        # Commas inside addresses must not fool the detection of a French ";" file.
        ("Nom;Adresse;Ville\nDurand;12, rue des Lilas, bât. B;Lyon\nMartin;3, place X;Paris\n", ";"),
        ('Name,Address\n"Durand","12; rue; X"\n"Martin","3; place"\n', ","),
        ("Nom\nDurand\n", ";"),  # one column: nothing to split, French default
        ("", ";"),
    ],
)
def test_delimiter_detection(text: str, delimiter: str) -> None:
    assert detect_delimiter(text) == delimiter


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Prénom", F.FIRST_NAME),
        ("PRENOM", F.FIRST_NAME),
        ("First Name", F.FIRST_NAME),
        ("Nom", F.LAST_NAME),
        ("Nom de famille", F.LAST_NAME),
        ("Last name", F.LAST_NAME),
        ("Nom complet", F.FULL_NAME),
        ("Nom et prénom", F.FULL_NAME),
        ("E-mail", F.EMAIL),
        ("Email", F.EMAIL),
        ("Courriel", F.EMAIL),
        ("Adresse e-mail", F.EMAIL),
        ("adresse_mail", F.EMAIL),
        ("E-mail 1 - Value", F.EMAIL),
        ("Courriel du contact", F.EMAIL),
        ("E-mail 2", F.EMAIL_SECONDARY),
        ("Téléphone", F.PHONE),
        ("Tél.", F.PHONE),
        ("Portable", F.PHONE),
        ("Mobile", F.PHONE),
        ("Tél. portable perso", F.PHONE),
        ("Téléphone 2", F.PHONE_SECONDARY),
        ("Phone 2", F.PHONE_SECONDARY),
        ("Adresse", F.ADDRESS),
        ("Complément d'adresse", F.ADDRESS),
        ("Code postal", F.POSTCODE),
        ("CP", F.POSTCODE),
        ("C.P.", F.POSTCODE),
        ("Ville", F.CITY),
        ("Pays", F.COUNTRY),
        ("Organisation", F.ORGANISATION),
        ("Structure", F.ORGANISATION),
        ("Société", F.ORGANISATION),
        ("Fonction", F.ROLE),
        ("Rôle", F.ROLE),
        ("Cercle", F.CIRCLE),
        ("Source", F.SOURCE),
        ("Notes", F.NOTES),
        ("Commentaire", F.NOTES),
        ("Tags", F.TAGS),
        ("Étiquettes", F.TAGS),
        ("Ambassadeur (oui/non)", F.IS_AMBASSADOR),
        ("Ambassadeur·rice", F.IS_AMBASSADOR),
        ("Détracteur", F.IS_CRITIC),
        ("Critique", F.IS_CRITIC),
        ("Type", F.KIND),
        ("Date de naissance", None),
        ("", None),
        ("Colonne1", None),
    ],
)
def test_french_and_english_headers(header: str, expected: ContactField | None) -> None:
    assert recognise_header(header) == expected


def test_second_phone_and_email_columns_fill_the_secondary_fields() -> None:
    mapping = ColumnMapping.recognise(
        ["Nom", "Téléphone", "Portable", "Email", "Courriel", "Ville", "Ville", "Notes", "Commentaire"]
    )
    assert mapping.fields == [
        F.LAST_NAME,
        F.PHONE,
        F.PHONE_SECONDARY,
        F.EMAIL,
        F.EMAIL_SECONDARY,
        F.CITY,
        None,
        F.NOTES,
        F.NOTES,
    ]
    assert mapping.header_of(F.PHONE_SECONDARY) == "Portable"
    assert mapping.header_of(F.ROLE) == "Fonction"  # not in the file: our label


def test_assigning_a_field_takes_it_from_the_other_column() -> None:
    mapping = ColumnMapping.recognise(["Nom", "Mail", "Courriel pro"])
    mapping.assign(2, F.EMAIL)
    assert mapping.fields == [F.LAST_NAME, None, F.EMAIL]
    mapping.assign(1, F.NOTES)
    mapping.assign(0, F.NOTES)  # notes may come from several columns
    assert mapping.columns_of(F.NOTES) == [0, 1]
    assert not mapping.can_identify or mapping.fields[2] == F.EMAIL
    assert mapping.as_dict() == {"Nom": "notes", "Mail": "notes", "Courriel pro": "email"}


def test_rows_keep_spreadsheet_numbers_through_blank_and_multiline_rows() -> None:
    text = '\r\nNom;Notes\r\nDurand;"ligne 1\r\nligne 2"\r\n;;\r\n\r\nMartin;x\r\n'
    table = CsvTable.from_text(text, "x.csv")
    assert table.header == ["Nom", "Notes"]
    assert [(line, cells[0]) for line, cells in table.rows()] == [(3, "Durand"), (6, "Martin")]


def test_header_only_or_empty_file() -> None:
    assert list(CsvTable.from_text("Nom;Ville\r\n", "x.csv").rows()) == []
    with pytest.raises(UserError, match="vide"):
        _ = CsvTable.from_text(" \r\n;;\r\n", "vide.csv").header


def test_mapping_made_for_another_file_is_refused() -> None:
    opened = ContactCsvFile(b"Nom;Ville\r\nDurand;Lyon\r\n", "a.csv")
    with pytest.raises(UserError, match=r"\(3 colonnes attendues, 2 trouvées\)"):
        opened.check_mapping(ColumnMapping.recognise(["Nom", "Ville", "CP"]))


def test_cells_of_several_columns_are_joined() -> None:
    opened = ContactCsvFile(
        "Nom;Adresse;Complément;Tags;Étiquettes\r\nDurand;12 rue X;Bât. B;a;b, c\r\n".encode(), "a.csv"
    )
    [(line, _cells, raw)] = list(opened.raw_lines(opened.recognised_mapping()))
    assert (line, raw["address"], raw["tags"]) == (2, "12 rue X\nBât. B", "a,b, c")


def test_short_rows_give_empty_cells() -> None:
    opened = ContactCsvFile("Nom;Prénom;Ville\r\nDurand\r\n".encode(), "a.csv")
    [(_line, _cells, raw)] = list(opened.raw_lines(opened.recognised_mapping()))
    assert raw == {"last_name": "Durand"}


def test_batches_number_rows_like_rows_and_keep_blank_ones() -> None:
    text = '\r\nNom;Notes\r\nDurand;"ligne 1\r\nligne 2"\r\n;;\r\n\r\nMartin;x'  # no final line break
    table = CsvTable.from_text(text, "x.csv")
    found = [(line, cells) for batch in table.batches(2) for line, cells in batch]
    assert found == [(3, ["Durand", "ligne 1\r\nligne 2"]), (4, ["", "", ""]), (5, []), (6, ["Martin", "x"])]
    assert [line for line, _cells in table.rows()] == [3, 6]  # the same numbers, blank rows left out


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\nb\n", ["a\n", "b\n"]),
        ("a\nb", ["a\n", "b\n"]),
        ("a\r\nb\r\n", ["a\r\n", "b\r\n"]),
        ("a\rb\r", ["a\r", "b\r"]),  # old Mac files
        ("x\x85y\u2028z\n", ["x\x85y\u2028z\n"]),  # not line ends for a spreadsheet
        ("", []),
    ],
)
def test_physical_lines_cut_at_line_feeds_only(text: str, lines: list[str]) -> None:
    assert list(physical_lines(text)) == lines
    assert list(_first_lines(text)) == lines  # the header's reader: the same lines, found one by one


def test_a_malformed_file_names_its_line() -> None:
    table = CsvTable.from_text("Nom;Notes\r\nDurand;x\r\nMartin;" + "y" * (17 * 1024 * 1024) + "\r\n", "x.csv")
    with pytest.raises(UserError, match="ligne 3 : le fichier CSV est mal formé"):
        list(table.batches(10))
