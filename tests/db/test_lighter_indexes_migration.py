"""Migration 0006: the unused (last_name, first_name) index goes, moves are indexed by date only
between circles, the contacts triggers of 0002 stay (no table copy), and it all comes back on
the way down."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from communitydesk.db.migrate import alembic_config

BEFORE = {"ix_contacts_last_name_first_name", "ix_circle_moves_moved_at", "ix_contacts_unarchived_circle"}
AFTER = {"ix_circle_moves_between_circles", "ix_contacts_erased_circle"}


def at(path: Path, revision: str) -> None:
    command.upgrade(alembic_config(path), revision)


def names(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_upgrade_lightens_the_indexes_and_keeps_the_triggers_then_downgrade(tmp_path: Path) -> None:
    path = tmp_path / "ancienne.sqlite3"
    at(path, "0005")
    conn = sqlite3.connect(path)
    assert names(conn, "index") >= BEFORE and not AFTER & names(conn, "index")
    before = names(conn, "trigger")
    assert len(before) >= 7  # those of migration 0002
    conn.close()

    at(path, "0006")
    conn = sqlite3.connect(path)
    assert names(conn, "index") >= AFTER and not BEFORE & names(conn, "index")
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM circle_moves WHERE moved_at >= ? AND from_circle IS NOT NULL",
        ("2026-01-01",),
    ).fetchall()
    assert "ix_circle_moves_between_circles" in str(plan)  # the dashboard's count of recent moves
    assert names(conn, "trigger") == before
    conn.close()

    command.downgrade(alembic_config(path), "0005")
    conn = sqlite3.connect(path)
    assert names(conn, "index") >= BEFORE and not AFTER & names(conn, "index")
    assert names(conn, "trigger") == before
    conn.close()
