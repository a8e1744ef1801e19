"""RGPD: consents with their wording, everything about a person as JSON, an erasure that
anonymises for good and keeps the counts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied, UserError, ValidationError
from communitydesk.services import circle_moves, contact_search, duplicates, gdpr, tags, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import Action, Actor, Role

WORDING = "J'accepte de recevoir la lettre d'information (un envoi par mois au plus)."


@pytest.fixture
def person(db: Database, actor: Actor) -> int:
    cid = create_contact(
        db,
        actor,
        ContactInput(
            first_name="Chloé",
            last_name="Mercier",
            email="chloe.mercier@exemple.fr",
            phone="06 98 76 54 32",
            address="3 rue des Lilas",
            postcode="35000",
            city="Rennes",
            notes="Allergique aux noix",
            circle="communaute",
        ),
    ).id
    touch_points.add_touch_point(db, actor, cid, "call", "A parlé de sa fille Léa")
    touch_points.add_touch_point(db, actor, cid, "event", "Assemblée générale")
    circle_moves.move_inward(db, actor, cid, "Amie de Chloé depuis le lycée")
    tags.tag_contacts(db, actor, [cid], "bénévole")
    gdpr.add_consent(
        db,
        actor,
        cid,
        "Lettre d'information",
        WORDING,
        "formulaire du site",
        given_at=datetime.now(UTC) - timedelta(days=3),
    )
    return cid


def test_consents_add_list_withdraw(db: Database, actor: Actor, person: int) -> None:
    photo = gdpr.add_consent(db, actor, person, "Droit à l'image", "J'autorise les photos.", "feuille d'émargement")
    listed = gdpr.list_consents(db, actor, person)
    assert [c.purpose for c in listed] == ["Droit à l'image", "Lettre d'information"]
    assert all(c.active for c in listed) and listed[1].wording == WORDING
    withdrawn = gdpr.withdraw_consent(db, actor, photo.id)
    assert withdrawn.withdrawn_at is not None and not withdrawn.active
    with pytest.raises(UserError, match="déjà été retiré"):
        gdpr.withdraw_consent(db, actor, photo.id)
    assert len(gdpr.list_consents(db, actor, person)) == 2  # the record stays


@pytest.mark.parametrize(("purpose", "wording", "field"), [("", WORDING, "purpose"), ("Lettre", "  ", "wording")])
def test_consent_needs_purpose_and_wording(
    db: Database, actor: Actor, person: int, purpose: str, wording: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        gdpr.add_consent(db, actor, person, purpose, wording)
    assert caught.value.field == field


def test_export_holds_everything_and_is_json(db: Database, actor: Actor, person: int) -> None:
    other = create_contact(
        db,
        actor,
        ContactInput(first_name="Chloe", last_name="Mercier", city="Rennes", email_secondary="chloe@perso.example"),
    ).id
    duplicates.merge_contacts(db, actor, person, other)
    data = json.loads(json.dumps(gdpr.export_person(db, actor, person), ensure_ascii=False))
    assert data["format"] == "communitydesk.personal-data/2"
    assert data["contact"]["e_mail"] == "chloe.mercier@exemple.fr"
    assert data["contact"]["notes"] == "Allergique aux noix"
    assert "sort_name" not in data["contact"]
    assert data["étiquettes"] == ["bénévole"]
    # The merged contact's history came along: its own arrival in grand public.
    assert [m["cercle_d_arrivée"] for m in data["historique_des_cercles"]] == ["communaute", "proches", "grand_public"]
    assert {t["résumé"] for t in data["échanges"]} == {"A parlé de sa fille Léa", "Assemblée générale"}
    assert data["consentements"][0]["texte_accepté"] == WORDING
    assert data["fusions"][0]["fiche_absorbée_avant"]["e_mail_secondaire"] == "chloe@perso.example"
    assert data["autres_données"] == {}


def test_export_keys_are_plain_french(db: Database, actor: Actor, person: int) -> None:
    data = gdpr.export_person(db, actor, person)
    assert set(data) == {
        "format",
        "exporté_le",
        "contact",
        "étiquettes",
        "historique_des_cercles",
        "échanges",
        "consentements",
        "fusions",
        "autres_données",
    }
    assert {"prénom", "nom", "e_mail", "téléphone", "code_postal", "ville", "cercle", "créé_le"} <= set(data["contact"])
    english = {"first_name", "last_name", "email", "phone", "postcode", "city", "summary", "occurred_at", "purpose"}
    keys = set(data["contact"])
    for section in ("historique_des_cercles", "échanges", "consentements"):
        keys |= {k for row in data[section] for k in row}
    assert keys & english == set()


def test_erasure_anonymises_and_keeps_counts(db: Database, actor: Actor, person: int) -> None:
    before = read_figures(db.path, actor).contacts
    report = gdpr.erase_person(db, actor, person, confirm=True)
    assert (report.contacts, report.touch_points_kept) == (1, 2)
    erased = get_contact(db, actor, person)
    assert erased.display_name == "Contact effacé"
    data = erased.data
    assert (data.first_name, data.last_name, data.email, data.phone, data.address, data.city, data.notes) == (
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    )
    assert (erased.email_key, erased.phone_key, erased.tags) == ("", "", ())
    assert erased.anonymised_at is not None and data.circle == "proches"
    assert [p.summary for p in touch_points.timeline(db, actor, person)] == ["", ""]
    assert all(m.reason == "" for m in circle_moves.history(db, actor, person))
    assert all(not c.active for c in gdpr.list_consents(db, actor, person))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM contacts_fts WHERE rowid = ?", (person,)).scalar() == 0
    assert contact_search.count(db, actor, "mercier") == 0
    after = read_figures(db.path, actor).contacts
    # The erased contact leaves its circle's count as it leaves the lists (one definition, #20);
    # what it did stays counted.
    assert after.by_circle == {**before.by_circle, "proches": before.by_circle["proches"] - 1}
    assert after.total == before.total - 1
    assert after.touch_points_last_30_days == before.touch_points_last_30_days


def test_erasure_takes_the_merged_ones_and_their_snapshots(db: Database, actor: Actor, person: int) -> None:
    other = create_contact(db, actor, ContactInput(first_name="Chloe", last_name="Mercier", city="Rennes")).id
    merge = duplicates.merge_contacts(db, actor, person, other)
    assert gdpr.erase_person(db, actor, person, confirm=True).contacts == 2
    assert get_contact(db, actor, other).data.last_name == ""
    exported = json.dumps(gdpr.export_person(db, actor, person), ensure_ascii=False)
    assert "Mercier" not in exported and "Chlo" not in exported
    with pytest.raises(UserError, match="effacée"):
        duplicates.undo_merge(db, actor, merge.id)


def test_erasure_must_be_confirmed_and_allowed(db: Database, actor: Actor, person: int) -> None:
    with pytest.raises(UserError, match="confirmé"):
        gdpr.erase_person(db, actor, person, confirm=False)
    volunteer = Actor("Accueil", Role.VOLUNTEER, rights=frozenset(set(Action) - {Action.ERASE_PERSONAL_DATA}))
    with pytest.raises(PermissionDenied):
        gdpr.erase_person(db, volunteer, person, confirm=True)
    assert get_contact(db, actor, person).data.last_name == "Mercier"
    gdpr.erase_person(db, actor, person, confirm=True)
    with pytest.raises(UserError, match="déjà été effacé"):
        gdpr.erase_person(db, actor, person, confirm=True)
    with pytest.raises(UserError, match="effacé"):
        touch_points.add_touch_point(db, actor, person, "call")


def test_other_areas_can_add_an_erasure_step(db: Database, actor: Actor, person: int) -> None:
    seen: list[list[int]] = []
    unregister = gdpr.register_erasure_step(lambda session, ids: seen.append(list(ids)))
    try:
        gdpr.erase_person(db, actor, person, confirm=True)
    finally:
        unregister()
    assert seen == [[person]]
    other = create_contact(db, actor, ContactInput(first_name="Autre", last_name="Personne"))
    gdpr.erase_person(db, actor, other.id, confirm=True)
    assert seen == [[person]]  # taken off: the next erasure does not run it
