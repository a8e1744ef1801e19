"""vCards written by hand: escaping, 75-octet folding, 3.0 and 4.0 both read back by vobject."""

from __future__ import annotations

import pytest
import vobject

from communitydesk.exporters.contact_vcard import escape, fold_line, vcard_text
from communitydesk.importers.vcard_reading import card_fields

HELENE = {
    "kind": "person",
    "first_name": "Hélène",
    "last_name": "Dupré",
    "organisation": "Les Ateliers; du Lien",
    "role": "Trésorière",
    "email": "helene@exemple.fr",
    "email_secondary": "h.dupre@travail.example",
    "phone": "06 12 34 56 78",
    "phone_key": "+33612345678",
    "phone_secondary": "01 23 45 67 89",
    "address": "12, rue des Coopérateurs\nBât. B",
    "postcode": "01000",
    "city": "Bourg-en-Bresse",
    "country": "FR",
    "circle": "proches",
    "source": "salon",
    "notes": "Très engagée, " + "é" * 120,
    "tags": ["bénévole", "a,b"],
    "is_ambassador": True,
    "is_critic": False,
}


def test_escape() -> None:
    assert escape("a;b,c\\d\r\ne") == "a\\;b\\,c\\\\d\\ne"


def test_long_lines_are_folded_at_75_octets_without_cutting_a_letter() -> None:
    line = "NOTE:" + "é" * 100
    folded = fold_line(line)
    physical = folded.split("\r\n")[:-1]
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert "".join([physical[0], *(part[1:] for part in physical[1:])]) == line


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_cards_read_back_the_same(version: str) -> None:
    text = vcard_text(HELENE, version, country_name=lambda code: "France")
    assert text.startswith(f"BEGIN:VCARD\r\nVERSION:{version}\r\n")
    assert text.endswith("END:VCARD\r\n")
    card = vobject.readOne(text)
    assert card.fn.value == "Hélène Dupré"
    fields = card_fields(text)
    assert fields == {
        "first_name": "Hélène",
        "last_name": "Dupré",
        "organisation": "Les Ateliers; du Lien",
        "role": "Trésorière",
        "email": "helene@exemple.fr",
        "email_secondary": "h.dupre@travail.example",
        "phone": "06 12 34 56 78",
        "phone_secondary": "01 23 45 67 89",
        "address": "12, rue des Coopérateurs\nBât. B",
        "postcode": "01000",
        "city": "Bourg-en-Bresse",
        "country": "France",
        "notes": HELENE["notes"],
        "tags": "bénévole,a b",
        "circle": "proches",
        "source": "salon",
        "is_ambassador": "oui",
    }


def test_organisations() -> None:
    org = {"kind": "organisation", "organisation": "SCIC Énergie", "email": "contact@energie.example"}
    assert "X-ABShowAs:COMPANY" in vcard_text(org, "3.0")
    assert "KIND:org" in vcard_text(org, "4.0")
    assert card_fields(vcard_text(org, "3.0"))["kind"] == "organisation"
    assert card_fields(vcard_text(org, "4.0"))["kind"] == "organisation"


def test_unknown_version_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        vcard_text(HELENE, "2.1")
