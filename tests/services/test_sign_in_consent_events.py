"""Consents ticked on a sign-in sheet belong to its event, not to the event's name: renaming or
moving the event keeps them, and two events of the same name on the same day keep their own."""

from __future__ import annotations

from datetime import timedelta

import pytest

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.records.events import EventDraft, SignInLineDraft
from communitydesk.records.identity import Identity
from communitydesk.services import duplicates, event_figures, events, gdpr, sign_in_sheet
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.services.personal_data import document_of

DAY = formatting.local_today() - timedelta(days=3)
ALICE = SignInLineDraft("Martin", "Alice", "alice@exemple.fr", consents=("newsletter", "photos"))
BRUNO = SignInLineDraft("Petit", "Bruno", "bruno@exemple.fr")


def _event(db: Database, actor: Actor, name: str = "Atelier compost") -> int:
    return events.create_event(db, actor, EventDraft(name=name, starts_on=DAY))


def _contact(db: Database, actor: Actor, first: str, last: str, email: str) -> int:
    return create_contact(db, actor, ContactInput(first_name=first, last_name=last, email=email)).id  # type: ignore[return-value]


def _rename(db: Database, actor: Actor, event_id: int, name: str, days_later: int = 0) -> None:
    events.update_event(db, actor, event_id, EventDraft(name=name, starts_on=DAY + timedelta(days=days_later)))


def _consents(db: Database, actor: Actor, contact_id: int) -> list[tuple[str, int | None]]:
    return sorted((c.purpose, c.event_id) for c in gdpr.list_consents(db, actor, contact_id))


@pytest.mark.parametrize("days_later", [0, 1])
def test_the_report_counts_the_consents_of_a_renamed_or_moved_event(
    db: Database, actor: Actor, days_later: int
) -> None:
    event_id = _event(db, actor)
    sign_in_sheet.save_line(db, actor, event_id, 1, ALICE)
    _rename(db, actor, event_id, "Atelier compost et jardin", days_later)
    report = event_figures.event_report(db, actor, event_id)
    assert dict(report.consents) == {"newsletter": 1, "photos": 1, "communaute": 0}


def test_a_line_retyped_after_a_rename_takes_back_its_consents_and_records_none_twice(
    db: Database, actor: Actor
) -> None:
    alice = _contact(db, actor, "Alice", "Martin", "alice@exemple.fr")
    bruno = _contact(db, actor, "Bruno", "Petit", "bruno@exemple.fr")
    event_id = _event(db, actor)
    sign_in_sheet.save_line(db, actor, event_id, 1, ALICE)
    _rename(db, actor, event_id, "Atelier compost (reporté)", 1)
    again = sign_in_sheet.save_line(db, actor, event_id, 1, ALICE)
    assert again.added_consents == 0
    unticked = sign_in_sheet.save_line(
        db, actor, event_id, 1, SignInLineDraft("Martin", "Alice", "alice@exemple.fr", consents=("newsletter",))
    )
    assert unticked.added_consents == 0
    assert _consents(db, actor, alice) == [("newsletter", event_id)]
    sign_in_sheet.save_line(db, actor, event_id, 1, BRUNO)  # the line was Bruno's, after all
    assert gdpr.list_consents(db, actor, alice) == []
    assert gdpr.list_consents(db, actor, bruno) == []


def test_two_events_of_the_same_name_on_the_same_day_keep_their_own_consents(db: Database, actor: Actor) -> None:
    alice = _contact(db, actor, "Alice", "Martin", "alice@exemple.fr")
    _contact(db, actor, "Bruno", "Petit", "bruno@exemple.fr")
    morning, afternoon = _event(db, actor), _event(db, actor)
    sign_in_sheet.save_line(db, actor, morning, 1, ALICE)
    afternoon_line = sign_in_sheet.save_line(db, actor, afternoon, 1, ALICE)
    assert afternoon_line.added_consents == 2
    assert _consents(db, actor, alice) == sorted(
        [("newsletter", morning), ("photos", morning), ("newsletter", afternoon), ("photos", afternoon)]
    )
    for event_id in (morning, afternoon):
        assert dict(event_figures.event_report(db, actor, event_id).consents)["photos"] == 1
    sign_in_sheet.save_line(db, actor, morning, 1, BRUNO)  # the morning's line was Bruno's
    assert _consents(db, actor, alice) == [("newsletter", afternoon), ("photos", afternoon)]
    assert dict(event_figures.event_report(db, actor, afternoon).consents)["photos"] == 1


def test_a_deleted_event_leaves_its_consents_with_their_source_as_proof(db: Database, actor: Actor) -> None:
    event_id = _event(db, actor)
    alice = sign_in_sheet.save_line(db, actor, event_id, 1, ALICE).contact_id
    assert alice is not None
    events.delete_event(db, actor, event_id)
    kept = gdpr.list_consents(db, actor, alice)
    assert sorted(c.purpose for c in kept) == ["newsletter", "photos"]
    assert {(c.event_id, c.source) for c in kept} == {
        (None, f"Feuille d'émargement — Atelier compost ({DAY:%d/%m/%Y})")
    }


def test_a_merge_keeps_each_consent_with_its_event_and_its_undo_puts_them_back(db: Database, actor: Actor) -> None:
    alice = _contact(db, actor, "Alice", "Martin", "alice@exemple.fr")
    twin = _contact(db, actor, "Alice", "Martin", "a.martin@exemple.fr")
    first, second = _event(db, actor, "Atelier compost"), _event(db, actor, "Stand du marché")
    sign_in_sheet.save_line(db, actor, first, 1, ALICE, alice)
    sign_in_sheet.save_line(
        db, actor, second, 1, SignInLineDraft("Martin", "Alice", "a.martin@exemple.fr", consents=("photos",)), twin
    )
    merge = duplicates.merge_contacts(db, actor, alice, twin)
    assert _consents(db, actor, alice) == sorted([("newsletter", first), ("photos", first), ("photos", second)])
    assert dict(event_figures.event_report(db, actor, second).consents)["photos"] == 1
    sign_in_sheet.save_line(db, actor, second, 1, BRUNO)  # takes back only the second event's consent
    assert _consents(db, actor, alice) == [("newsletter", first), ("photos", first)]
    duplicates.undo_merge(db, actor, merge.id)
    assert _consents(db, actor, alice) == [("newsletter", first), ("photos", first)]
    assert _consents(db, actor, twin) == []


def test_an_erasure_keeps_the_withdrawn_consents_counted_for_their_event(db: Database, actor: Actor) -> None:
    event_id = _event(db, actor)
    alice = sign_in_sheet.save_line(db, actor, event_id, 1, ALICE).contact_id
    assert alice is not None
    exported = gdpr.export_person(db, actor, alice)
    assert {c["numéro_de_l_événement"] for c in exported["consentements"]} == {event_id}
    [consents] = [s for s in document_of(exported, Identity(name="La Ruche")).sections if s.heading == "Consentements"]
    shown = {(v.label, v.value) for item in consents.items for v in item.values}
    assert ("Numéro de l'événement", str(event_id)) in shown
    assert ("Source", f"Feuille d'émargement — Atelier compost ({DAY:%d/%m/%Y})") in shown
    gdpr.erase_person(db, actor, alice, confirm=True)
    kept = gdpr.list_consents(db, actor, alice)
    assert {(c.event_id, c.active) for c in kept} == {(event_id, False)}
    assert dict(event_figures.event_report(db, actor, event_id).consents)["photos"] == 1
