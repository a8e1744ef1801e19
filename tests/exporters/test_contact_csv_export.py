"""The contacts CSV for French Excel: text cells that keep their zeros, no formula injection."""

from __future__ import annotations

import csv
import io

import pytest

from communitydesk.exporters.contact_csv import COLUMNS, excel_cell, header, write_contacts_csv
from communitydesk.i18n import set_language
from communitydesk.importers.contact_columns import ColumnMapping, ContactField

F = ContactField
LABELS = {"proches": "Proches", "communaute": "Communauté", "grand_public": "Grand public"}


@pytest.mark.parametrize(
    ("field", "value", "cell"),
    [
        (F.POSTCODE, "01000", '="01000"'),
        (F.PHONE, "0612345678", '="0612345678"'),
        (F.PHONE, "+33 6 12 34 56 78", '="+33 6 12 34 56 78"'),
        (F.PHONE_SECONDARY, "06.12.34.56.78", '="06.12.34.56.78"'),
        (F.POSTCODE, "SW1A 1AA", "SW1A 1AA"),  # not a number to Excel: as it is
        (F.LAST_NAME, '=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        (F.NOTES, "+1 pour le projet", "'+1 pour le projet"),
        (F.NOTES, "@Zoé rappeler", "'@Zoé rappeler"),
        (F.CITY, "Saint-Étienne", "Saint-Étienne"),
        (F.NOTES, "", ""),
    ],
)
def test_cells(field: ContactField, value: str, cell: str) -> None:
    assert excel_cell(field, value) == cell


def test_header_is_recognised_by_the_importer_in_french_and_english() -> None:
    assert header()[:3] == ["Type", "Prénom", "Nom"]
    assert ColumnMapping.recognise(header()).fields == list(COLUMNS)
    set_language("en")
    assert ColumnMapping.recognise(header()).fields == list(COLUMNS)


def test_rows_with_accents_line_breaks_and_semicolons() -> None:
    out = io.StringIO(newline="")
    contact = {
        "kind": "person",
        "first_name": "Hélène",
        "last_name": "Dupré",
        "postcode": "01000",
        "phone": "06 12 34 56 78",
        "notes": "Ligne 1\nLigne 2 ; fin",
        "circle": "communaute",
        "tags": ["bénévole", "presse"],
        "is_ambassador": True,
        "country": "FR",
    }
    assert write_contacts_csv(out, [contact], LABELS) == 1
    text = out.getvalue()
    assert text.count("\r\n") == 2  # header + one row; the note's own line break stays inside its quotes
    [head, row] = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    cells = dict(zip(head, row, strict=True))
    assert cells["Code postal"] == '="01000"'
    assert cells["Téléphone"] == '="06 12 34 56 78"'
    assert cells["Notes"] == "Ligne 1\nLigne 2 ; fin"
    assert (cells["Cercle"], cells["Tags"], cells["Ambassadeur"], cells["Détracteur"]) == (
        "Communauté",
        "bénévole, presse",
        "oui",
        "non",
    )
    assert (cells["Type"], cells["Prénom"]) == ("Personne", "Hélène")
