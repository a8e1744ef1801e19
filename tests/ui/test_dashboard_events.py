"""The dashboard's « Événements » card: the next event's day and registered, the last one's attendance rate."""

from __future__ import annotations

from datetime import timedelta

from communitydesk.db.database import Database
from communitydesk.formatting import day, local_today
from communitydesk.records.events import EventDraft
from communitydesk.services import events
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import SYSTEM


def test_the_card_names_the_next_event_and_the_last_ones_attendance(make_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    today = local_today()
    past = events.create_event(db, SYSTEM, EventDraft(name="Atelier", starts_on=today - timedelta(days=5)))
    coming = events.create_event(db, SYSTEM, EventDraft(name="Apéro", starts_on=today + timedelta(days=4)))
    people = [create_contact(db, SYSTEM, ContactInput(first_name=f"P{i}", last_name="Test")).id for i in range(4)]
    for person in people:
        events.set_status(db, SYSTEM, past, person, "inscrit")
    for person in people[:3]:
        events.set_status(db, SYSTEM, past, person, "present")
    events.set_status(db, SYSTEM, coming, people[0], "inscrit")
    card = make_window(db.path).pages["dashboard"].cards["events"]
    assert card.value.text() == day(today + timedelta(days=4), "d MMM")
    caption = card.caption.text()
    assert "Prochain : Apéro, 1 inscrit" in caption and "Dernier : 75" in caption


def test_no_event_says_so(make_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    card = make_window(db.path).pages["dashboard"].cards["events"]
    assert card.value.text() == "—" and "Aucun événement à venir" in card.caption.text()
