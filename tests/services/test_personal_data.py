"""The right of access as a document: every key and value of the JSON export, labelled in French."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.formatting import money
from communitydesk.models.campaigns import Contribution
from communitydesk.models.duplicates import ContactMerge
from communitydesk.records.identity import Identity
from communitydesk.rules.campaigns import PaymentStatus, Platform
from communitydesk.rules.circles import Circle
from communitydesk.rules.touch_kinds import TouchKind
from communitydesk.services import campaigns, duplicates, gdpr, tags, touch_points
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.duplicates import tables_referring_to_contacts
from communitydesk.services.permissions import Actor
from communitydesk.services.personal_data import document_of, export_format, personal_data_document

# Values stored as codes, which the document names in words.
CODES = {*Circle, *TouchKind, *Platform, *PaymentStatus, "person", "organisation"}
WORDING = "J'accepte de recevoir la lettre d'information."


def held_person(db: Database, actor: Actor) -> int:
    """A person with something in every section: moves, exchanges, tags, consents, contributions, a merge."""
    cid = create_contact(
        db,
        actor,
        ContactInput(
            first_name="Chloé",
            last_name="Mercier-Éluard",
            email="chloe.mercier@exemple.fr",
            phone="06 98 76 54 32",
            city="Rennes",
            circle="communaute",
        ),
    ).id
    twin = create_contact(db, actor, ContactInput(first_name="Chloé", last_name="Mercier", email="chloe@ancien.fr")).id
    duplicates.merge_contacts(db, actor, cid, twin)
    touch_points.add_touch_point(db, actor, cid, "call", "A parlé de sa fille Léa")
    tags.tag_contacts(db, actor, [cid], "bénévole")
    gdpr.add_consent(db, actor, cid, "Lettre d'information", WORDING, "formulaire papier")
    campaign = campaigns.create_campaign(db, actor, campaigns.CampaignInput("Four à pain", platform="ulule"))
    campaigns.add_contribution(
        db, actor, campaign.id, campaigns.ContributionInput(123456, datetime(2026, 3, 2, 10, tzinfo=UTC), cid)
    )
    secret = campaigns.add_contribution(
        db,
        actor,
        campaign.id,
        campaigns.ContributionInput(2500, datetime(2026, 3, 3, 10, tzinfo=UTC), cid, anonymous=True),
    )
    with db.transaction() as session:  # the address the platform gave, abroad
        row = session.get(Contribution, secret.id)
        assert row is not None
        row.ship_address, row.ship_postcode, row.ship_city, row.ship_country = "Rue Haute 5", "1000", "Bruxelles", "BE"
    return cid


def keys_of(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_of(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_of(v)}
    return set()


def leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in leaves(v)]
    return [value]


def shown_text(document: Any) -> str:
    parts = [document.person]
    for section in document.sections:
        parts += [section.heading, section.empty_text, *(f"{v.label} {v.value}" for v in section.values)]
        for item in section.items:
            parts += [item.heading, *(f"{v.label} {v.value}" for v in item.values)]
    return "\n".join(parts)


def test_every_key_of_the_export_is_a_french_word(db: Database, actor: Actor) -> None:
    held = gdpr.export_person(db, actor, held_person(db, actor))
    keys = keys_of(held)
    assert keys <= set(gdpr.french_keys().values()), keys - set(gdpr.french_keys().values())
    assert {"prénom", "échanges", "étiquettes", "autres_données", "fusions", "montant_en_centimes"} <= keys
    internal = {"first_name", "touch_points", "other_records", "merges", "amount_cents", "ship_country"}
    assert not keys & internal


def test_every_column_about_a_person_has_a_french_key() -> None:
    for table, _column in tables_referring_to_contacts():
        if table.name != "contact_tags":  # exported as the tags' names
            assert table.name in gdpr.french_keys()
            missing = [c.name for c in table.columns if c.name not in gdpr.french_keys()]
            assert not missing, f"{table.name}: {missing}"


def test_the_document_shows_every_value_of_the_export(db: Database, actor: Actor) -> None:
    cid = held_person(db, actor)
    held = gdpr.export_person(db, actor, cid)
    document = document_of(held, Identity(name="La Ruche"))
    text = shown_text(document)

    headings = [s.heading for s in document.sections]
    assert headings == [
        "Identité",
        "Coordonnées",
        "Cercles et déplacements",
        "Échanges",
        "Tags",
        "Consentements",
        "Contributions aux campagnes",
        "Fusions de fiches",
    ]
    for leaf in leaves({k: v for k, v in held.items() if k not in ("format", "exporté_le")}):
        # Dates are worded and stored codes named (both checked below).
        if isinstance(leaf, str) and leaf and not leaf[:4].isdigit() and leaf not in CODES:
            assert leaf in text, leaf
    assert document.person == "Chloé Mercier-Éluard" and document.contact_id == cid
    assert money(123456) in text and money(2500) in text and "234,56" in money(123456)  # cents in euros
    assert "2 mars 2026" in text and "3 mars 2026" in text  # dates in words
    assert "Communauté" in text and "Appel" in text and "Ulule" in text and "validée" in text
    assert "Contribution anonyme oui" in text and "Pays de livraison BE" in text and "Bruxelles" in text
    assert "Fusion du" in text and "chloe@ancien.fr" in text  # the absorbed card's snapshot


def test_empty_sections_say_so(db: Database, actor: Actor) -> None:
    cid = create_contact(db, actor, ContactInput(organisation="L'Atelier", kind="organisation")).id
    document = personal_data_document(db, actor, cid)
    empties = {s.heading: s.empty_text for s in document.sections if not s.values and not s.items}
    assert empties["Tags"] == "Aucun tag." and empties["Contributions aux campagnes"] == "Aucune contribution."
    assert empties["Fusions de fiches"] == "Aucune fusion." and document.person == "L'Atelier"
    assert document.identity == Identity()  # not set: the renderer leaves a line to fill in


def test_an_unknown_key_still_prints() -> None:
    held = {
        "contact": {"numéro": 3},
        "autres_données": {"adhésions": [{"numéro": 5, "payée_le": "2026-01-01T09:00:00"}]},
        "nouvelle_rubrique_d_essai": ["x"],
    }
    sections = document_of(held, Identity()).sections
    memberships = next(s for s in sections if s.heading == "Adhésions")
    assert memberships.items[0].heading == "N° 5"
    number, paid = memberships.items[0].values
    assert (number.label, number.value) == ("Numéro", "5")
    assert paid.label == "Payée le" and paid.value.endswith("janvier 2026")  # a date, worded
    assert sections[-1].heading == "Nouvelle rubrique d'essai"
    assert sections[-1].values[0].value == "x"


def test_a_merge_undone_keeps_its_journal(db: Database, actor: Actor) -> None:
    cid = held_person(db, actor)
    with db.snapshot() as session:
        assert session.query(ContactMerge).count() == 1
    merges = next(s for s in personal_data_document(db, actor, cid).sections if s.heading == "Fusions de fiches")
    assert len(merges.items) == 1


@pytest.mark.parametrize(
    ("name", "requested", "expected"),
    [
        ("a.pdf", None, "pdf"),
        ("a.PDF", None, "pdf"),
        ("a.json", None, "json"),
        ("a", None, "json"),
        ("a.json", "pdf", "pdf"),
    ],
)
def test_format_by_extension_or_choice(name: str, requested: str | None, expected: str) -> None:
    assert export_format(Path(name), requested) == expected


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValidationError, match="pdf ou json"):
        export_format(Path("a.pdf"), "docx")
