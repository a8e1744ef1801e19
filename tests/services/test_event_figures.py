"""Event figures: one event's report, and the totals of the dashboard and ``stats``."""

from __future__ import annotations

from datetime import timedelta

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.formatting import local_today
from communitydesk.records.events import EventDraft, SignInLineDraft
from communitydesk.rules.event_figures import attendance_rate, proposed_move
from communitydesk.services import event_figures, events, sign_in_sheet
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import Actor


def test_attendance_rate_and_proposed_moves_rules() -> None:
    assert attendance_rate(0, 3) is None and attendance_rate(4, 3) == 0.75
    assert proposed_move("communaute", ["newsletter"], "AG") is None
    assert proposed_move("grand_public", ["photos"], "AG") is None
    move = proposed_move("grand_public", ["photos", "newsletter"], "AG")
    assert move is not None and move.to_circle == "communaute" and "Lettre d'information" in move.reason


def test_the_report_of_an_event(db: Database, actor: Actor) -> None:
    event_id = events.create_event(
        db, actor, EventDraft(name="Stand du marché", starts_on=local_today() - timedelta(days=2))
    )
    known = create_contact(db, actor, ContactInput(first_name="Alice", last_name="Martin", circle="communaute")).id
    absent = create_contact(db, actor, ContactInput(first_name="Bruno", last_name="Petit")).id
    events.set_status(db, actor, event_id, known, "inscrit")
    events.set_status(db, actor, event_id, absent, "inscrit")
    sign_in_sheet.save_line(db, actor, event_id, 1, SignInLineDraft("Martin", "Alice", consents=("newsletter",)))
    new = sign_in_sheet.save_line(db, actor, event_id, 2, SignInLineDraft("Nguyen", "Lan", consents=("communaute",)))
    sign_in_sheet.save_line(db, actor, event_id, 3, SignInLineDraft("Roux", "Léa", consents=("photos",)))
    sign_in_sheet.save_line(db, actor, event_id, 4, SignInLineDraft())
    report = event_figures.event_report(db, actor, event_id)
    assert (report.registered, report.present) == (4, 3)  # the walk-ins count as registered and present
    assert report.attendance_rate == 0.75
    assert report.new_contacts == 2 and report.sheet_lines == 3
    assert [(m.contact_id, m.to_circle) for m in report.proposed_moves] == [(new.contact_id, "communaute")]
    assert dict(report.consents) == {"newsletter": 1, "photos": 1, "communaute": 1}
    assert report.consents_total == 3
    with pytest.raises(UserError):
        event_figures.event_report(db, actor, 999)


def test_totals_for_stats_and_the_dashboard(db: Database, actor: Actor) -> None:
    today = local_today()
    past = events.create_event(db, actor, EventDraft(name="AG", starts_on=today - timedelta(days=30)))
    events.create_event(db, actor, EventDraft(name="Apéro", starts_on=today + timedelta(days=3)))
    events.create_event(db, actor, EventDraft(name="Atelier", starts_on=today))
    alice = create_contact(db, actor, ContactInput(first_name="Alice", last_name="Martin")).id
    events.set_status(db, actor, past, alice, "present")
    figures = read_figures(db.path, actor)
    assert figures.as_json()["events"] == {"total": 3, "upcoming": 2, "past": 1, "registered": 1, "present": 1}
    assert figures.events.next_event is not None and figures.events.next_event.name == "Atelier"
    assert figures.events.last_event is not None and figures.events.last_event.attendance_rate == 1.0
