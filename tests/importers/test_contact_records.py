"""Checking and normalising one imported line: what is kept, what is refused and why."""

from __future__ import annotations

import pytest
from sqlalchemy import String

from communitydesk.importers.contact_columns import ColumnMapping
from communitydesk.importers.contact_records import (
    MAX_LENGTHS,
    ContactRecord,
    RecordCleaner,
    RowError,
    circle_from_text,
    country_code,
    split_full_name,
)
from communitydesk.models.contacts import Contact
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import phone_key

HEADERS = ["Prénom", "Nom", "Courriel", "Tél", "CP", "Ville", "Pays", "Cercle", "Tags", "Ambassadeur", "Type"]
CLEANER = RecordCleaner(ColumnMapping.recognise(HEADERS).header_of)


def clean(line: int = 7, **cells: str) -> ContactRecord | list[RowError] | None:
    return CLEANER.clean(cells, line)


def record(**cells: str) -> ContactRecord:
    result = clean(**cells)
    assert isinstance(result, ContactRecord), result
    return result


def errors(**cells: str) -> list[tuple[int, str, str]]:
    result = clean(**cells)
    assert isinstance(result, list), result
    return [(error.line, error.field, error.message) for error in result]


def warnings(**cells: str) -> list[tuple[int, str, str]]:
    return [(warning.line, warning.field, warning.message) for warning in record(**cells).warnings]


def test_a_good_line_is_normalised() -> None:
    found = record(
        first_name=" Hélène ",
        last_name="Dupré",
        email="Helene.Dupre@Exemple.FR",
        phone="06.12.34.56.78",
        postcode="1000",
        city="Bourg",
        circle="Communauté",
        tags="bénévole; presse|bénévole",
        is_ambassador="Oui",
    )
    assert found.values == {
        "first_name": "Hélène",
        "last_name": "Dupré",
        "email": "Helene.Dupre@Exemple.FR",
        "email_key": "helene.dupre@exemple.fr",
        "phone": "06.12.34.56.78",
        "phone_key": "+33612345678",
        "postcode": "01000",
        "city": "Bourg",
        "circle": "communaute",
        "is_ambassador": True,
    }
    assert found.tags == ["bénévole", "presse"]


def test_empty_cells_give_no_value_and_empty_lines_nothing() -> None:
    assert record(first_name="Zoé", email="", city="  ").values == {"first_name": "Zoé"}
    assert clean(first_name=" ", last_name="", notes="\t") is None


@pytest.mark.parametrize(
    ("cells", "field", "message"),
    [
        ({"email": "jean@exemple"}, "Courriel", "adresse e-mail non valide « jean@exemple »"),
        ({"email": "jean.exemple.fr"}, "Courriel", "adresse e-mail non valide"),
        ({"phone": "0612"}, "Tél", "numéro de téléphone non valide « 0612 »"),
        ({"phone": "pas de tel"}, "Tél", "numéro de téléphone non valide"),
        ({"postcode": "750011"}, "CP", "code postal non valide « 750011 »"),
        ({"circle": "Cercle des amis"}, "Cercle", "cercle inconnu « Cercle des amis »"),
        ({"is_ambassador": "peut-être"}, "Ambassadeur", "« peut-être » n'est ni oui ni non"),
        ({"country": "Atlantide"}, "Pays", "pays inconnu « Atlantide »"),
        ({"kind": "robot"}, "Type", "type inconnu « robot »"),
        ({"city": "x" * 101}, "Ville", "texte trop long (100 caractères au plus)"),
        ({"tags": "t" * 61}, "Tags", "étiquette trop longue"),
    ],
)
def test_a_field_that_cannot_be_kept_is_a_warning_naming_line_and_column(
    cells: dict[str, str], field: str, message: str
) -> None:
    found = record(first_name="Zoé", last_name="Lambert", **cells)
    assert len(found.warnings) == 1
    warning = found.warnings[0]
    assert (warning.line, warning.field) == (7, field)
    assert warning.message.startswith(f"Ligne 7, « {field} » : ")
    assert message in warning.message and warning.message.endswith("Le reste de la ligne est importé.")
    # The person is kept, without the value that could not be read.
    assert (found.values["first_name"], found.values["last_name"]) == ("Zoé", "Lambert")
    assert not (set(cells) - {"tags"}) & set(found.values)


def test_a_line_without_name_nor_email() -> None:
    assert errors(phone="06 12 34 56 78", city="Lyon") == [
        (7, "Nom / E-mail", "Ligne 7 : ni nom, ni organisation, ni e-mail : impossible de savoir qui est ce contact.")
    ]


def test_all_problems_of_a_line_are_reported() -> None:
    found = warnings(first_name="A", email="x@", phone="12", circle="?")
    assert [column for _line, column, _text in found] == ["Courriel", "Tél", "Cercle"]


@pytest.mark.parametrize("email", ["jean.dupont@@exemple", "x(at)example.org", "jean@exemple"])
def test_a_mistyped_email_keeps_the_person(email: str) -> None:
    found = record(first_name="Jean", last_name="Dupont", email=email, phone="06 12 34 56 78")
    assert found.values == {
        "first_name": "Jean",
        "last_name": "Dupont",
        "phone": "06 12 34 56 78",
        "phone_key": "+33612345678",
    }
    assert [(w.line, w.field) for w in found.warnings] == [(7, "Courriel")]
    assert f"adresse e-mail non valide « {email} »" in found.warnings[0].message


def test_the_good_addresses_of_a_cell_are_kept() -> None:
    found = record(last_name="Roux", email="a@exemple.fr; faux")
    assert found.values["email"] == "a@exemple.fr" and "email_secondary" not in found.values
    assert [w.field for w in found.warnings] == ["Courriel"]


def test_an_unreadable_phone_keeps_the_person() -> None:
    found = record(first_name="Zoé", phone="pas de tel", phone_secondary="01 23 45 67 89")
    assert (found.values["phone"], found.values["phone_key"]) == ("01 23 45 67 89", "+33123456789")
    assert [w.field for w in found.warnings] == ["Tél"]


def test_only_a_line_with_nothing_to_identify_anyone_is_refused() -> None:
    # A mistyped e-mail was all it had: refused, and the reasons say why.
    assert [column for _line, column, _text in errors(email="jean@exemple", city="Lyon")] == [
        "Courriel",
        "Nom / E-mail",
    ]
    assert isinstance(clean(organisation="SCIC Énergie", email="faux"), ContactRecord)


@pytest.mark.parametrize("text", ["Proches", "proches", "PROCHE", "Cercle des proches", "1"])
def test_circle_proches(text: str) -> None:
    assert circle_from_text(text) is Circle.PROCHES


@pytest.mark.parametrize("text", ["Communauté", "communaute", "COMMUNAUTÉ", "2", "community"])
def test_circle_communaute(text: str) -> None:
    assert circle_from_text(text) is Circle.COMMUNAUTE


@pytest.mark.parametrize("text", ["Grand public", "grand_public", "Grand-Public", "GRAND PUBLIC", "public", "3"])
def test_circle_grand_public(text: str) -> None:
    assert circle_from_text(text) is Circle.GRAND_PUBLIC


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Hélène Dupré", "Hélène", "Dupré"),
        ("DUPRÉ Hélène", "Hélène", "DUPRÉ"),
        ("Hélène DUPRÉ", "Hélène", "DUPRÉ"),
        ("Dupré, Hélène", "Hélène", "Dupré"),
        ("Jean de La Fontaine", "Jean", "de La Fontaine"),
        ("DE LA FONTAINE Jean-Paul", "Jean-Paul", "DE LA FONTAINE"),
        ("Cher", "", "Cher"),
    ],
)
def test_full_names_are_split(full: str, first: str, last: str) -> None:
    assert split_full_name(full) == (first, last)
    assert record(full_name=full).values.get("first_name", "") == first


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("France", "FR"),
        ("FR", "FR"),
        ("fr", "FR"),
        ("Belgique", "BE"),
        ("Suisse", "CH"),
        ("Germany", "DE"),
        ("Royaume-Uni", "GB"),
        ("États-Unis", "US"),
        ("Nulle-part", None),
    ],
)
def test_countries(text: str, code: str | None) -> None:
    assert country_code(text) == code


def test_phones_are_read_in_the_contact_country() -> None:
    found = record(last_name="Peeters", country="Belgique", phone="0470 12 34 56", postcode="1000")
    assert (found.values["country"], found.values["phone_key"], found.values["postcode"]) == (
        "BE",
        "+32470123456",
        "1000",
    )


def test_excel_formula_text_and_neutralised_cells_read_back() -> None:
    found = record(last_name="'=Dupré", phone='="0612345678"', postcode='="01000"')
    assert (found.values["last_name"], found.values["phone"], found.values["postcode"]) == (
        "=Dupré",
        "0612345678",
        "01000",
    )


def test_several_emails_and_phones_in_one_cell() -> None:
    found = record(
        last_name="Roux", email="a@exemple.fr; b@exemple.fr, c@exemple.fr", phone="06 12 34 56 78 / 01 23 45 67 89"
    )
    assert (found.values["email"], found.values["email_secondary"]) == ("a@exemple.fr", "b@exemple.fr")
    assert found.values["notes"] == "Autres e-mails : c@exemple.fr"
    assert (found.values["phone"], found.values["phone_secondary"]) == ("06 12 34 56 78", "01 23 45 67 89")


def test_webmail_forms_and_placeholders() -> None:
    found = record(last_name="Martin", email="Jean Martin <jean@exemple.fr>", phone="NC", postcode="-")
    assert found.values["email_key"] == "jean@exemple.fr"
    assert "phone" not in found.values and "postcode" not in found.values


def test_only_an_organisation_is_an_organisation() -> None:
    assert record(organisation="SCIC Énergie").values["kind"] == "organisation"
    assert "kind" not in record(organisation="SCIC Énergie", last_name="Durand").values
    assert record(organisation="Mairie", kind="Personne morale").values["kind"] == "organisation"


def test_windows_line_breaks_in_notes_become_plain() -> None:
    assert record(last_name="A", notes="un\r\ndeux\rtrois").values["notes"] == "un\ndeux\ntrois"


def test_length_limits_follow_the_model() -> None:
    columns = Contact.__table__.c
    for name, limit in MAX_LENGTHS.items():
        column_type = columns[name].type
        assert isinstance(column_type, String) and column_type.length == limit, name


@pytest.mark.parametrize(
    ("phone", "key"),
    [
        ("06 12 34 56 78", "+33612345678"),
        ("612345678", "+33612345678"),  # the leading zero eaten by Excel
        ("6 12 34 56 78", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("0033612345678", "+33612345678"),
        ("+612345678", "+612345678"),  # a "+" says international: Australia, not a French number
        ("12345678", ""),
    ],
)
def test_french_phone_shapes_are_recognised_without_phonenumbers(phone: str, key: str) -> None:
    assert phone_key(phone) == key


@pytest.mark.parametrize(
    "phone",
    [
        "06 39 98 85 04",
        "639988504",  # the 0 eaten by Excel
        "+33 6 39 98 85 04",
        "+33 (0)6 39 98 85 04",
        "+33 (0) 6 39 98 85 04",
        "+33 06 39 98 85 04",
        "0033 6 39 98 85 04",
        "tel:+33-6-39-98-85-04",
        "TEL:06.39.98.85.04",
        "33 6 39 98 85 04",
    ],
)
def test_every_notation_of_a_number_gives_one_key(phone: str) -> None:
    assert phone_key(phone) == "+33639988504"


@pytest.mark.parametrize(
    ("phones", "key"),
    [
        (["07 00 00 00 00", "+33 (0)7 00 00 00 00", "+33 7 00 00 00 00"], "+33700000000"),  # possible, not valid
        (["05 90 12 34 56", "+33 (0)5 90 12 34 56", "0033 590 12 34 56"], "+33590123456"),  # overseas, French way
        (["+590 590 12 34 56", "00590590123456"], "+590590123456"),
    ],
)
def test_possible_numbers_are_kept_normalised(phones: list[str], key: str) -> None:
    assert {phone_key(phone) for phone in phones} == {key}
