"""The demo's events: past ones with attendance, sheets and consents, coming ones with registrations."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.formatting import local_today
from communitydesk.models.consent import Consent
from communitydesk.models.contacts import Contact, TouchPoint
from communitydesk.models.events import EventParticipant, SignInLine
from communitydesk.records.events import EventFilter
from communitydesk.services import ambassadors, event_figures, events, sign_in_sheet
from communitydesk.services.demo import populate
from communitydesk.services.permissions import Actor


def test_demo_events(db: Database, actor: Actor) -> None:
    populate(db, actor, contacts=300, seed=3)
    today, now = local_today(), datetime.now(UTC)

    past = events.events(db, actor, EventFilter(upcoming=False))
    coming = events.events(db, actor, EventFilter(upcoming=True))
    assert len(past) == 3 and len(coming) == 3
    for row in past:
        report = event_figures.event_report(db, actor, row.id)
        assert report.present > 0 and sign_in_sheet.lines(db, actor, row.id)
        assert report.consents_total > 0
    assert sum(event_figures.event_report(db, actor, r.id).new_contacts for r in past) == 10
    assert any(event_figures.event_report(db, actor, r.id).proposed_moves for r in past)
    assert all(row.registered > 0 and row.present == 0 for row in coming)

    [apero] = [r for r in coming if r.kind == "apero_ambassadeurs"]
    organiser = events.event(db, actor, apero.id).draft.organiser_contact_id
    assert organiser is not None
    member = ambassadors.ambassador_for_contact(db, actor, organiser)
    assert member is not None and "berger" in [role.name.lower() for role in member.roles]

    with db.snapshot() as session:  # nothing after today but the coming events themselves
        registered_on = session.scalars(
            select(EventParticipant.registered_on).where(EventParticipant.registered_on.is_not(None))
        )
        assert all(day <= today for day in registered_on)
        assert session.scalar(select(TouchPoint.occurred_at).order_by(TouchPoint.occurred_at.desc()).limit(1)) <= now
        assert all(c.given_at <= now for c in session.scalars(select(Consent)))
        assert all(line.saved_at <= now for line in session.scalars(select(SignInLine)))
        assert all(c.created_at <= now for c in session.scalars(select(Contact)))
        # Each consent ticked on a sheet points at its event, on whose sheet its contact ticked it.
        ticked = {
            (line.event_id, line.contact_id, purpose)
            for line in session.scalars(select(SignInLine))
            for purpose in line.consents.split(",")
            if purpose
        }
        from_sheets = [c for c in session.scalars(select(Consent)) if c.source.startswith("Feuille d'émargement — ")]
        assert from_sheets and {(c.event_id, c.contact_id, c.purpose) for c in from_sheets} == ticked
        assert len(from_sheets) == len(ticked)
        # Each contact on a sheet has one « événement » touch point pointing at that event.
        signed = {(line.event_id, line.contact_id) for line in session.scalars(select(SignInLine))}
        given = [
            tuple(p)
            for p in session.execute(
                select(TouchPoint.event_id, TouchPoint.contact_id).where(TouchPoint.event_id.is_not(None))
            )
        ]
        assert signed and sorted(given) == sorted(signed)
