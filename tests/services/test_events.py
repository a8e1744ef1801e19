"""Events service: create, list, find, invite, register, attendance, consent wordings by version."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied, UserError, ValidationError
from communitydesk.records.changes import Changes
from communitydesk.records.events import EventDraft, EventFilter
from communitydesk.rules.events import ConsentPurpose, ParticipantStatus
from communitydesk.services import events
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Action, Actor, Role

DOOR = Actor(name="Bénévole", role=Role.VOLUNTEER, rights=frozenset({Action.READ, Action.ENTER_SIGN_IN}))


def _event(db: Database, actor: Actor, name: str = "Réunion de rentrée", days: int = -7, **fields: object) -> int:
    draft = EventDraft(name=name, starts_on=formatting.local_today() + timedelta(days=days), **fields)  # type: ignore[arg-type]
    return events.create_event(db, actor, draft)


def _contact(db: Database, actor: Actor, first: str, last: str, **fields: str) -> int:
    return create_contact(db, actor, ContactInput(first_name=first, last_name=last, **fields)).id  # type: ignore[arg-type]


def test_an_event_is_created_with_its_fields_and_the_current_wordings(db: Database, actor: Actor) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    event_id = _event(
        db, actor, kind="Atelier", place="  Maison  des associations ", starts_time=time(18, 30), capacity=30
    )
    record = events.event(db, actor, event_id)
    assert record.name == "Réunion de rentrée" and record.draft.kind == "atelier"
    assert record.draft.place == "Maison des associations" and record.draft.capacity == 30
    assert record.wording_version == 1
    assert [w.purpose for w in record.wordings] == [p.value for p in ConsentPurpose]
    assert all(w.version == 1 and w.wording for w in record.wordings)
    assert heard and heard[-1].events


def test_bad_drafts_are_refused_naming_the_field(db: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        events.create_event(db, actor, EventDraft(name=" ", starts_on=date(2026, 9, 12)))
    assert caught.value.field == "name"
    with pytest.raises(ValidationError) as caught:
        events.create_event(db, actor, EventDraft(name="AG"))
    assert caught.value.field == "starts_on"
    with pytest.raises(ValidationError) as caught:
        events.create_event(db, actor, EventDraft(name="AG", starts_on=date(2026, 9, 12), kind="concert de rock"))
    assert caught.value.field == "kind"


def test_a_volunteer_registers_and_marks_attendance_but_may_not_create(db: Database, actor: Actor) -> None:
    event_id = _event(db, actor)
    alice = _contact(db, actor, "Alice", "Martin")
    with pytest.raises(PermissionDenied):
        _event(db, DOOR)
    events.set_status(db, DOOR, event_id, alice, ParticipantStatus.INSCRIT.value)
    events.set_status(db, DOOR, event_id, alice, ParticipantStatus.PRESENT.value)
    [row] = events.events(db, actor)
    assert (row.registered, row.present) == (1, 1)
    [participant] = events.event(db, actor, event_id).participants
    assert participant.status == "present" and participant.registered_on == formatting.local_today()


def test_invitations_count_nobody_registered(db: Database, actor: Actor) -> None:
    event_id = _event(db, actor)
    ids = [_contact(db, actor, "Alice", "Martin"), _contact(db, actor, "Bruno", "Petit")]
    assert events.invite(db, actor, event_id, ids, from_segment="Bénévoles actifs") == 2
    assert events.invite(db, actor, event_id, ids) == 0
    [row] = events.events(db, actor)
    assert row.registered == 0
    assert {p.invited_from for p in events.event(db, actor, event_id).participants} == {"Bénévoles actifs"}


def test_lists_filter_upcoming_and_past(db: Database, actor: Actor) -> None:
    past = _event(db, actor, "Stand du marché", days=-30, kind="stand")
    coming = _event(db, actor, "Apéro ambassadeurs", days=10, kind="apero_ambassadeurs")
    assert [r.id for r in events.events(db, actor)] == [past, coming]
    assert [r.id for r in events.events(db, actor, EventFilter(upcoming=True))] == [coming]
    assert [r.id for r in events.events(db, actor, EventFilter(upcoming=False))] == [past]
    assert events.events(db, actor, EventFilter(kind="stand"))[0].kind_label == "Stand"


def test_find_event_by_number_or_name_blind_to_accents(db: Database, actor: Actor) -> None:
    first = _event(db, actor, "Réunion publique de Pantin")
    _event(db, actor, "Réunion publique de Bobigny")
    assert events.find_event(db, actor, str(first)) == first
    assert events.find_event(db, actor, "reunion publique de PANTIN") == first
    assert events.find_event(db, actor, "pantin") == first
    with pytest.raises(UserError, match="Plusieurs"):
        events.find_event(db, actor, "réunion")
    with pytest.raises(UserError, match="Aucun"):
        events.find_event(db, actor, "kermesse")


def test_a_new_wording_makes_a_version_and_old_events_keep_theirs(db: Database, actor: Actor) -> None:
    before = _event(db, actor, "Avant")
    record = events.update_wording(db, actor, "photos", "J'accepte d'être pris en photo.")
    assert record.version == 2
    after = _event(db, actor, "Après")
    old = {w.purpose: w for w in events.event(db, actor, before).wordings}
    new = {w.purpose: w for w in events.event(db, actor, after).wordings}
    assert old["photos"].version == 1 and new["photos"].wording == "J'accepte d'être pris en photo."
    assert new["newsletter"].version == 1 and old["newsletter"].wording == new["newsletter"].wording


def test_deleting_an_event_takes_its_participants(db: Database, actor: Actor) -> None:
    event_id = _event(db, actor)
    events.set_status(db, actor, event_id, _contact(db, actor, "Alice", "Martin"), "inscrit")
    events.delete_event(db, actor, event_id)
    assert events.events(db, actor) == []
    with pytest.raises(UserError):
        events.event(db, actor, event_id)


def test_events_are_in_the_ics_export_and_the_calendar_context(db: Database, actor: Actor, tmp_path: Path) -> None:
    from icalendar import Calendar

    from communitydesk.services import editorial
    from communitydesk.services.publication_export import CalendarContent, export_calendar
    from communitydesk.services.settings import base_identifier

    day = date(2027, 3, 12)
    event_id = events.create_event(
        db,
        actor,
        EventDraft(
            name="Atelier vélo", starts_on=day, starts_time=time(14, 0), place="Garage solidaire", kind="atelier"
        ),
    )
    events.create_event(db, actor, EventDraft(name="AG", starts_on=date(2027, 6, 1)))
    out = tmp_path / "agenda.ics"
    result = export_calendar(
        db, actor, out, start=date(2027, 3, 1), end=date(2027, 3, 31), content=CalendarContent.EVENTS
    )
    assert result.count == 1
    [entry] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(entry["uid"]) == f"event-{event_id}@{base_identifier(db)}.communitydesk"
    assert str(entry["summary"]) == "Atelier vélo" and str(entry["location"]) == "Garage solidaire"
    assert entry["dtstart"].dt.hour == 14 and entry["dtend"].dt.hour == 16 and str(entry["transp"]) == "OPAQUE"
    assert export_calendar(db, actor, out, content=CalendarContent.PUBLICATIONS).count == 0
    assert export_calendar(db, actor, out, content=CalendarContent.ALL).count == 2
    context = editorial.calendar_context(db, actor, date(2027, 3, 10), date(2027, 3, 14))
    assert [(c.day, c.kind, c.label) for c in context] == [(day, "event", "Événement « Atelier vélo » — 14:00")]
