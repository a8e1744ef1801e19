"""The demo community: the asked number of contacts, every circle, never over real data."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from communitydesk import formatting
from communitydesk.db.backup import list_backups, rotating_backup
from communitydesk.db.schema_version import HEAD, probe
from communitydesk.errors import UserError
from communitydesk.models import stored_time
from communitydesk.rules.circles import CIRCLE_ORDER
from communitydesk.services.demo import BATCH, create_demo_database
from communitydesk.services.maintenance import check_database
from communitydesk.services.permissions import Actor


def counts(path: Path, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, parameters).fetchall()
    finally:
        conn.close()


def test_demo_creates_the_contacts_in_every_circle(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "démo" / "base.sqlite3"
    seen: list[tuple[int, int]] = []
    summary = create_demo_database(path, actor, contacts=1200, seed=3, progress=lambda d, t: seen.append((d, t)))
    assert summary.contacts == 1200
    assert counts(path, "SELECT COUNT(*) FROM contacts") == [(1200,)]
    circles = dict(counts(path, "SELECT circle, COUNT(*) FROM contacts GROUP BY circle"))
    assert set(circles) == {c.value for c in CIRCLE_ORDER}
    assert circles["grand_public"] > circles["communaute"] > circles["proches"] > 0
    assert counts(path, "SELECT COUNT(*) FROM touch_points") == [(summary.touch_points,)]
    assert counts(path, "SELECT COUNT(*) FROM circle_moves") == [(summary.moves,)]
    assert summary.touch_points > 0 and summary.moves >= 1200
    assert seen[-1] == (1200, 1200)
    assert probe(path).revision == HEAD
    assert check_database(path, actor).healthy


def test_demo_is_reproducible(tmp_path: Path, actor: Actor) -> None:
    sql = "SELECT first_name, last_name, email, circle FROM contacts ORDER BY id"
    create_demo_database(tmp_path / "a.sqlite3", actor, contacts=50, seed=11)
    create_demo_database(tmp_path / "b.sqlite3", actor, contacts=50, seed=11)
    assert counts(tmp_path / "a.sqlite3", sql) == counts(tmp_path / "b.sqlite3", sql)


def test_demo_with_no_contacts(tmp_path: Path, actor: Actor) -> None:
    summary = create_demo_database(tmp_path / "vide.sqlite3", actor, contacts=0)
    assert summary.contacts == 0
    assert counts(tmp_path / "vide.sqlite3", "SELECT COUNT(*) FROM contacts") == [(0,)]


def test_demo_refuses_an_existing_database(db_path: Path, actor: Actor) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(UserError, match="existe déjà"):
        create_demo_database(db_path, actor, contacts=10)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_demo_refuses_a_file_that_is_not_a_base(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("mes notes", encoding="utf-8")
    with pytest.raises(UserError):
        create_demo_database(path, actor, contacts=10, replace=True)
    assert path.read_text(encoding="utf-8") == "mes notes"


def test_demo_replaces_when_asked(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "base.sqlite3"
    create_demo_database(path, actor, contacts=30)
    create_demo_database(path, actor, contacts=20, replace=True)
    assert counts(path, "SELECT COUNT(*) FROM contacts") == [(20,)]


def test_negative_count_is_refused(tmp_path: Path, actor: Actor) -> None:
    with pytest.raises(UserError, match="positif"):
        create_demo_database(tmp_path / "x.sqlite3", actor, contacts=-1)
    assert not (tmp_path / "x.sqlite3").exists()


def test_demo_replace_keeps_what_it_replaces_in_backups(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "base.sqlite3"
    create_demo_database(path, actor, contacts=30)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO tags (name) VALUES ('ajoutée à la main')")
    conn.close()
    summary = create_demo_database(path, actor, contacts=20, replace=True)
    assert counts(path, "SELECT COUNT(*) FROM contacts") == [(20,)]
    kept = list_backups(path)
    assert [p.name.startswith("avant-demo-") for p in kept] == [True]
    assert summary.kept == kept[0]  # said to the user (status bar, CLI)
    assert counts(kept[0], "SELECT COUNT(*) FROM contacts") == [(30,)]
    assert counts(kept[0], "SELECT COUNT(*) FROM tags WHERE name = 'ajoutée à la main'") == [(1,)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "base.sqlite3"]


def test_the_copies_kept_by_demo_replace_rotate(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "demo.sqlite3"
    create_demo_database(path, actor, contacts=0)
    mine = rotating_backup(path, reason="manuelle")
    for _ in range(3):
        create_demo_database(path, actor, contacts=0, replace=True, keep=2)
    kept = list_backups(path)
    assert mine in kept and len(kept) == 3
    assert sum(p.name.startswith("avant-demo-") for p in kept) == 2


class Interrupted(Exception):
    pass


def interrupt_after_the_first_batch(done: int, _total: int) -> None:
    raise Interrupted  # like the window's Annuler, or a crash, in the middle of the build


@pytest.mark.parametrize("existing", [False, True])
def test_an_interrupted_demo_leaves_no_half_built_base_under_its_name(
    tmp_path: Path, actor: Actor, existing: bool
) -> None:
    path = tmp_path / "démo.sqlite3"
    if existing:
        create_demo_database(path, actor, contacts=10)
        before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(Interrupted):
        create_demo_database(path, actor, contacts=2 * BATCH, replace=True, progress=interrupt_after_the_first_batch)
    if existing:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == (["démo.sqlite3"] if existing else [])


# Every moment the demo writes: what happened is never dated after the moment it was built.
_MOMENTS = {
    "contacts": ("created_at", "updated_at", "last_touch_at"),
    "circle_moves": ("moved_at",),
    "touch_points": ("occurred_at", "created_at"),
    "consents": ("given_at", "withdrawn_at", "created_at"),
    "contributions": ("contributed_at", "created_at", "updated_at"),
    "fulfilments": ("created_at",),
    "editorial_line": ("created_at", "updated_at"),
    "editorial_pillars": ("created_at", "updated_at"),
    "editorial_networks": ("created_at", "updated_at"),
    "publications": ("created_at", "updated_at", "approved_at", "published_at"),
    "publication_status_changes": ("changed_at",),
    "ambassadors": ("created_at", "updated_at"),
    "missions": ("created_at", "updated_at", "validated_at"),
}
# Days measured: results and follower counts are read today at the latest (a planned day may be ahead).
_DAYS = {
    "publication_networks": "measured_on",
    "network_followers": "measured_on",
    "ambassadors": "stage_since",
    "ambassador_stage_changes": "changed_on",
    "missions": "completed_on",
    "ambassador_rewards": "given_on",
    "ambassador_charters": "published_on",
    "charter_signatures": "signed_on",
}


def test_the_demo_dates_nothing_in_the_future(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "base.sqlite3"
    create_demo_database(path, actor, contacts=2000, seed=11)
    after = stored_time.encode(datetime.now(UTC))
    for table, columns in _MOMENTS.items():
        for column in columns:
            (latest,) = counts(path, f"SELECT MAX({column}) FROM {table}")[0]
            assert latest is None or latest <= after, (table, column, latest)
    today = formatting.local_today().isoformat()
    for table, column in _DAYS.items():
        (latest,) = counts(path, f"SELECT MAX({column}) FROM {table}")[0]
        assert latest is not None and latest <= today, (table, column, latest)
    # Coming posts are planned ahead; only published ones have results, all in the past.
    assert counts(path, "SELECT COUNT(*) FROM publications WHERE planned_on > date('now', '+1 day')")[0][0] > 0
    assert counts(
        path,
        "SELECT COUNT(*) FROM publications WHERE status = 'publiee' AND (published_at IS NULL OR planned_on >= ?)",
        (today,),
    ) == [(0,)]
    # The demo still holds moves after arrival and contributions to the running campaign today or before.
    assert counts(path, "SELECT COUNT(*) FROM circle_moves WHERE from_circle IS NOT NULL")[0][0] > 0
