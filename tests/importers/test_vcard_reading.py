"""Reading vCards from phones and webmail: 2.1 quoted-printable, 3.0 folded, 4.0, broken cards."""

from __future__ import annotations

import base64

import pytest

from communitydesk.errors import UserError
from communitydesk.importers.contact_files import ContactVCardFile
from communitydesk.importers.vcard_reading import looks_like_vcard, read_vcards

ANDROID_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dupr=C3=A9;H=C3=A9l=C3=A8ne;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:H=C3=A9l=C3=A8ne Dupr=C3=A9\r\n"
    "TEL;CELL;PREF:06 12 34 56 78\r\n"
    "TEL;HOME:01 23 45 67 89\r\n"
    "EMAIL;HOME:helene@exemple.fr\r\n"
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Premi=C3=A8re ligne=0D=0A=\r\n"
    "deuxi=C3=A8me ligne\r\n"
    "END:VCARD\r\n"
)
GOOGLE_30 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Jean Martin\r\n"
    "N:Martin;Jean;;;\r\n"
    "ORG:Les Ateliers du Lien;Compta\r\n"
    "TITLE:Trésorier\r\n"
    "EMAIL;TYPE=INTERNET:jean.perso@exemple.fr\r\n"
    "EMAIL;TYPE=INTERNET,pref:jean@ateliers.example\r\n"
    "TEL;TYPE=CELL:+33 7 11 22 33 44\r\n"
    "ADR;TYPE=WORK:;;12 rue des Coopérateurs;Lyon;;69007;France\r\n"
    "NOTE:Une note assez longue pour être pliée sur deux lignes par le logiciel qui\r\n"
    "  l'a écrite\\, avec une virgule\r\n"
    "CATEGORIES:bénévole,donateur\r\n"
    "END:VCARD\r\n"
)
APPLE_40 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "KIND:org\r\n"
    "FN:SCIC Énergie Citoyenne\r\n"
    "ORG:SCIC Énergie Citoyenne\r\n"
    'TEL;VALUE=uri;TYPE="voice,work";PREF=1:tel:+33-4-78-00-00-00\r\n'
    "EMAIL;PREF=1:contact@energie.example\r\n"
    "END:VCARD\r\n"
)


def entries(text: str) -> list[dict[str, str]]:
    found, errors, _warnings = read_vcards(text, "contacts.vcf")
    assert errors == []
    return [entry.raw for entry in found]


def test_android_21_quoted_printable_with_soft_line_breaks() -> None:
    [card] = entries(ANDROID_21)
    assert (card["first_name"], card["last_name"]) == ("Hélène", "Dupré")
    assert (card["phone"], card["phone_secondary"]) == ("06 12 34 56 78", "01 23 45 67 89")
    assert card["email"] == "helene@exemple.fr"
    assert card["notes"] == "Première ligne\r\ndeuxième ligne"


def test_google_30_folded_lines_preferred_email_address() -> None:
    [card] = entries(GOOGLE_30)
    assert card["organisation"] == "Les Ateliers du Lien"
    assert card["role"] == "Trésorier"
    assert (card["email"], card["email_secondary"]) == ("jean@ateliers.example", "jean.perso@exemple.fr")
    assert (card["address"], card["postcode"], card["city"], card["country"]) == (
        "12 rue des Coopérateurs",
        "69007",
        "Lyon",
        "France",
    )
    assert card["notes"].endswith("par le logiciel qui l'a écrite, avec une virgule")
    assert card["tags"] == "bénévole,donateur"


def test_apple_40_organisation_and_tel_uri() -> None:
    [card] = entries(APPLE_40)
    assert card["kind"] == "organisation"
    assert card["organisation"] == "SCIC Énergie Citoyenne"
    assert card["phone"] == "+33-4-78-00-00-00"
    assert "first_name" not in card


def test_several_cards_with_their_line_numbers() -> None:
    text = ANDROID_21 + "\r\n" + GOOGLE_30 + APPLE_40
    found, errors, _warnings = read_vcards(text, "tel.vcf")
    assert errors == []
    assert [entry.line for entry in found] == [1, 12, 26]


def test_a_cp1252_vcard_file() -> None:
    data = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lefèvre;Françoise;;;\r\nEND:VCARD\r\n").encode("cp1252")
    opened = ContactVCardFile(data, "outlook.vcf")
    assert opened.decoded.encoding == "cp1252"
    assert opened.entries[0].raw == {"first_name": "Françoise", "last_name": "Lefèvre"}


def test_a_broken_card_is_an_error_and_the_others_are_read() -> None:
    broken = "BEGIN:VCARD\r\nVERSION:3.0\r\nN;CHARSET=NOPE;ENCODING=QUOTED-PRINTABLE:=C3=A9\r\nEND:VCARD\r\n"
    found, errors, _warnings = read_vcards(GOOGLE_30 + broken + APPLE_40, "x.vcf")
    assert [entry.line for entry in found] == [1, 19]
    assert [(error.line, error.field) for error in errors] == [(15, "VCARD")]
    assert errors[0].message.startswith("Ligne 15 : fiche vCard illisible")


def test_an_unfinished_card() -> None:
    found, errors, _warnings = read_vcards(GOOGLE_30 + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Coupé\r\n", "x.vcf")
    assert len(found) == 1
    assert [(error.line, error.field) for error in errors] == [(15, "END:VCARD")]


def test_a_file_without_cards() -> None:
    assert not looks_like_vcard("Nom;Prénom\r\n")
    assert looks_like_vcard("\ufeff\r\nbegin:vcard\r\n")
    with pytest.raises(UserError, match="aucune fiche vCard"):
        read_vcards("Nom;Prénom\r\nDurand;Hélène\r\n", "faux.vcf")


def test_preview_of_a_vcard_file() -> None:
    preview = ContactVCardFile((GOOGLE_30 + APPLE_40).encode(), "x.vcf").preview(rows=5)
    assert (preview.file_format, preview.delimiter, preview.mapping) == ("vcard", "", None)
    assert [row.line for row in preview.rows] == [1, 15]
    assert preview.rows[0].values["email_key"] == "jean@ateliers.example"
    assert "E-mail" in preview.headers


def folded(line: str) -> str:
    return "\r\n ".join(line[start : start + 74] for start in range(0, len(line), 74)) + "\r\n"


def test_a_multi_megabyte_folded_photo_is_left_out_and_the_person_read() -> None:
    photo = base64.b64encode(bytes(range(256)) * (4 * 1024 * 1024 // 256)).decode()  # 4 MB, 5.6 MB in base64
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        + folded(f"PHOTO;ENCODING=b;TYPE=JPEG:{photo}")
        + "N:Durand;Amélie;;;\r\n"
        + folded("NOTE:" + "Rencontrée à l'atelier réparation à relancer avant l'AG. " * 40)
        + "EMAIL:amelie@exemple.fr\r\n"
        + folded(f"LOGO;ENCODING=b;TYPE=PNG:{photo[:5000]}")
        + "END:VCARD\r\n"
    )
    found, errors, warnings = read_vcards(card + GOOGLE_30, "x.vcf")
    assert (errors, warnings) == ([], [])
    assert found[0].raw == {
        "first_name": "Amélie",
        "last_name": "Durand",
        "email": "amelie@exemple.fr",
        "notes": ("Rencontrée à l'atelier réparation à relancer avant l'AG. " * 40).strip(),
    }
    assert found[1].raw["last_name"] == "Martin" and found[1].line == 1 + card.count("\r\n")


def test_a_21_base64_photo_without_indented_lines_is_left_out() -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Durand;Amélie\r\n"
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ\r\n"
        "AAAQABAAD/2wBDAAgGBgcGBQgHBwcJ\r\n"
        "CQgKDBQNDAsLDBkSEw8U\r\n"
        "\r\n"
        "TEL;CELL:06 12 34 56 78\r\n"
        "END:VCARD\r\n"
    )
    found, errors, _warnings = read_vcards(card + ANDROID_21, "x.vcf")
    assert errors == []
    assert found[0].raw == {"first_name": "Amélie", "last_name": "Durand", "phone": "06 12 34 56 78"}
    assert found[1].raw["notes"] == "Première ligne\r\ndeuxième ligne"  # quoted-printable soft breaks still joined


def test_a_file_mixing_utf8_and_cp1252_cards_is_decoded_card_by_card() -> None:
    phone = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Durand;Amélie;;;\r\nEND:VCARD\r\n".encode()
    outlook = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lefèvre;Françoise\r\nNOTE:Coût : 5 €\r\nEND:VCARD\r\n".encode("cp1252")
    opened = ContactVCardFile(phone + outlook + phone, "carnet.vcf")
    assert [entry.raw.get("first_name") for entry in opened.entries] == ["Amélie", "Françoise", "Amélie"]
    assert opened.entries[1].raw["notes"] == "Coût : 5 €"
    assert opened.decoded.label == "UTF-8 et Windows-1252 selon la fiche"


def test_a_card_without_any_usable_field_is_reported() -> None:
    empty = "BEGIN:VCARD\r\nVERSION:3.0\r\nBDAY:1990-01-01\r\nEND:VCARD\r\n"
    found, errors, _warnings = read_vcards(empty + APPLE_40, "x.vcf")
    assert [entry.line for entry in found] == [5]
    assert [error.as_dict() for error in errors] == [
        {
            "line": 1,
            "field": "VCARD",
            "message": "Ligne 1 : fiche vCard sans nom, organisation, e-mail, téléphone ni adresse : ignorée.",
        }
    ]


def test_control_characters_in_a_card_are_taken_out_and_reported() -> None:
    found, _errors, warnings = read_vcards(APPLE_40.replace("SCIC É", "SCIC\x00 É"), "x.vcf")
    assert found[0].raw["organisation"] == "SCIC Énergie Citoyenne"
    assert [(warning.line, warning.field) for warning in warnings] == [(1, "ORG")]
