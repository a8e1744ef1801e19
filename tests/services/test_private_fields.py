"""Private notes and per-person amounts: blank for who lacks the right, kept in the base, totals unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from communitydesk.db.database import Database
from communitydesk.services import campaigns, contact_export, contacts
from communitydesk.services.permissions import Action, Actor, Role

VOLUNTEER = Actor(name="Malik", role=Role.VOLUNTEER)
NOTE = "Ne pas appeler avant 18 h"


def test_a_volunteer_neither_sees_nor_erases_private_notes(db: Database, actor: Actor) -> None:
    created = contacts.create_contact(db, actor, contacts.ContactInput(first_name="Awa", notes=NOTE))
    seen = contacts.get_contact(db, VOLUNTEER, created.id)
    assert seen.data.notes == "" and contacts.get_contact(db, actor, created.id).data.notes == NOTE
    saved = contacts.update_contact(
        db, VOLUNTEER, created.id, seen.version_id, replace(seen.data, city="Lyon"), move_reason=""
    )
    assert saved.data.notes == "" and saved.data.city == "Lyon"
    assert contacts.get_contact(db, actor, created.id).data.notes == NOTE


def test_amounts_per_person_are_hidden_but_totals_stay(db: Database, actor: Actor) -> None:
    person = contacts.create_contact(db, actor, contacts.ContactInput(first_name="Awa")).id
    campaign = campaigns.create_campaign(db, actor, campaigns.CampaignInput("Four", platform="helloasso")).id
    campaigns.add_contribution(
        db, actor, campaign, campaigns.ContributionInput(4200, datetime(2026, 3, 2, tzinfo=UTC), person)
    )
    [hidden] = campaigns.contributions_of_contact(db, VOLUNTEER, person)
    assert (hidden.amount_cents, hidden.amount_shown) == (0, False)
    [shown] = campaigns.contributions_of_contact(db, actor, person)
    assert (shown.amount_cents, shown.amount_shown) == (4200, True)
    assert [(c.amount_cents, c.amount_shown) for c in campaigns.list_contributions(db, VOLUNTEER, campaign)] == [
        (0, False)
    ]
    dashboard = campaigns.campaign_dashboard(db, VOLUNTEER, campaign)
    assert dashboard == campaigns.campaign_dashboard(db, actor, campaign)


def test_an_export_without_the_notes_right_leaves_them_out(db: Database, actor: Actor, tmp_path: Path) -> None:
    contacts.create_contact(db, actor, contacts.ContactInput(first_name="Awa", notes=NOTE))
    exporter = Actor(name="Inès", role=Role.TEAM, rights=frozenset(Action) - {Action.SEE_PRIVATE_NOTES})
    contact_export.export_contacts(db, exporter, tmp_path / "sans.csv")
    contact_export.export_contacts(db, actor, tmp_path / "avec.csv")
    assert NOTE not in (tmp_path / "sans.csv").read_text(encoding="utf-8-sig")
    assert NOTE in (tmp_path / "avec.csv").read_text(encoding="utf-8-sig")
