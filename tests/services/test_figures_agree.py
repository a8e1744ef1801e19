"""One definition of each figure: the community report, the dashboard and ``stats --json`` agree."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from communitydesk import cli
from communitydesk.db.database import Database, open_database
from communitydesk.models.contacts import CircleMove, Contact
from communitydesk.rules.periods import Period
from communitydesk.services import gdpr
from communitydesk.services.community_report import community_report_data
from communitydesk.services.demo import create_demo_database
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import SYSTEM, Actor


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo, with one contact erased and one archived (the cases where the counts drifted apart)."""
    path = tmp_path_factory.mktemp("agree") / "demo.sqlite3"
    actor = SYSTEM
    create_demo_database(path, actor, contacts=300, seed=2026)
    db = open_database(path)
    try:
        with db.transaction() as session:
            first, second = session.scalars(select(Contact.id).order_by(Contact.id).limit(2)).all()
            archived = session.get(Contact, second)
            assert archived is not None
            archived.archived_at = datetime.now(UTC)
        gdpr.erase_person(db, actor, first, confirm=True)
    finally:
        db.close()
    return path


def test_report_dashboard_and_stats_count_the_same_circles(
    demo: Path, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    report = community_report_data(demo, actor, Period.default())
    dashboard = read_figures(demo, actor).contacts
    assert cli.main(["stats", "--db", str(demo), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)["contacts"]

    follow_up_page = {f.circle: f.total for f in report.follow_up}
    assert report.by_circle == follow_up_page == dashboard.by_circle == stats["by_circle"]
    assert report.total == dashboard.total == stats["total"] == 298  # the erased and the archived left
    assert {c: values[-1] for c, values in report.series.counts.items()} == report.by_circle
    assert report.follow_up_total == dashboard.a_relancer == stats["a_relancer"]


def test_recent_moves_and_new_contacts_are_counted_once(demo: Path, actor: Actor) -> None:
    now = datetime.now(UTC)
    report = community_report_data(demo, actor, Period.default(), now=now)
    dashboard = read_figures(demo, actor).contacts
    # A year of moves and arrivals, read by the report, holds the dashboard's last 30 days.
    assert 0 < dashboard.moves_last_30_days <= report.moves_total
    assert 0 < dashboard.new_last_30_days <= report.new_total


def test_a_past_moment_is_today_undone_move_by_move(db: Database, actor: Actor) -> None:
    now = datetime.now(UTC)
    with db.transaction() as session:
        # Moved after the period: counted where it was at the period's end.
        moved = Contact(first_name="Ada", circle="proches", created_at=now - timedelta(days=400))
        # Changed circle with no move recorded (an old import): today's circle is the truth.
        silent = Contact(first_name="Bea", circle="communaute", created_at=now - timedelta(days=400))
        session.add_all([moved, silent])
        session.flush()
        session.add_all(
            [
                CircleMove(contact_id=moved.id, moved_at=moved.created_at, from_circle=None, to_circle="communaute"),
                CircleMove(
                    contact_id=moved.id,
                    moved_at=now - timedelta(days=10),
                    from_circle="communaute",
                    to_circle="proches",
                ),
                CircleMove(
                    contact_id=silent.id, moved_at=silent.created_at, from_circle=None, to_circle="grand_public"
                ),
            ]
        )
    today = now.date()
    past = community_report_data(db.path, actor, Period(today - timedelta(days=90), today - timedelta(days=30)))
    assert past.by_circle == {"proches": 0, "communaute": 2, "grand_public": 0}
    current = community_report_data(db.path, actor, Period.default())
    assert (
        current.by_circle
        == read_figures(db.path, actor).contacts.by_circle
        == {
            "proches": 1,
            "communaute": 1,
            "grand_public": 0,
        }
    )
