"""À relancer: contacts whose last touch (or creation) is older than their circle's rhythm,
the same from the search service, the dashboard figures and ``stats --json``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.models.contacts import Contact
from communitydesk.services import cadence, contact_search, settings
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.contacts import ContactInput, archive_contact, create_contact
from communitydesk.services.demo import populate
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import Actor
from communitydesk.services.touch_points import add_touch_point

NOW = datetime.now(UTC)


def aged(db: Database, actor: Actor, circle: str, created_days_ago: int, touched_days_ago: int | None) -> int:
    cid = create_contact(
        db, actor, ContactInput(first_name="Test", last_name=f"{circle}{created_days_ago}", circle=circle)
    ).id
    with db.transaction() as session:
        session.execute(
            update(Contact).where(Contact.id == cid).values(created_at=NOW - timedelta(days=created_days_ago))
        )
    if touched_days_ago is not None:
        add_touch_point(db, actor, cid, "call", occurred_at=NOW - timedelta(days=touched_days_ago))
    return cid


def test_overdue_per_circle_rhythm(db: Database, actor: Actor) -> None:
    due = {
        aged(db, actor, "proches", 100, 31),  # touched 31 days ago, rhythm 30
        aged(db, actor, "proches", 45, None),  # never touched, created 45 days ago
        aged(db, actor, "communaute", 200, 91),
        aged(db, actor, "grand_public", 400, None),
    }
    aged(db, actor, "proches", 100, 29)
    aged(db, actor, "communaute", 200, 80)
    aged(db, actor, "grand_public", 100, None)
    archived = aged(db, actor, "proches", 100, None)
    archive_contact(db, actor, archived)
    assert set(contact_search.ids_for(db, actor, filters=ContactFilter(overdue=True))) == due
    assert contact_search.count(db, actor, filters=ContactFilter(overdue=True)) == 4
    assert read_figures(db.path, actor).contacts.a_relancer == 4


def test_rhythm_from_settings_is_used_everywhere(db: Database, actor: Actor) -> None:
    aged(db, actor, "proches", 100, 20)
    with db.transaction() as session:
        settings.save_circle_rhythm_days(session, actor, {"proches": 14, "communaute": 90, "grand_public": 365})
    assert cadence.rhythm_days(db, actor)["proches"] == 14
    assert contact_search.count(db, actor, filters=ContactFilter(overdue=True)) == 1
    assert read_figures(db.path, actor).contacts.a_relancer == 1


def test_figures_agree_with_the_service_on_a_demo(db: Database, actor: Actor) -> None:
    populate(db, actor, contacts=600, seed=11)
    expected = contact_search.count(db, actor, filters=ContactFilter(overdue=True))
    assert expected > 0
    assert read_figures(db.path, actor).contacts.a_relancer == expected


def test_stats_json_reports_a_relancer(db: Database, actor: Actor, capsys: object) -> None:
    aged(db, actor, "grand_public", 400, None)
    db.close()
    assert main(["stats", "--db", str(db.path), "--json"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert json.loads(out)["contacts"]["a_relancer"] == 1
