"""Migration 0006: the unused (last_name, first_name) index goes, the contacts triggers of 0002
stay (no table copy), and it comes back on the way down."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from communitydesk.db.migrate import alembic_config

INDEX = "ix_contacts_last_name_first_name"


def at(path: Path, revision: str) -> None:
    command.upgrade(alembic_config(path), revision)


def names(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_upgrade_drops_the_index_and_keeps_the_triggers_then_downgrade(tmp_path: Path) -> None:
    path = tmp_path / "ancienne.sqlite3"
    at(path, "0005")
    conn = sqlite3.connect(path)
    assert INDEX in names(conn, "index")
    before = names(conn, "trigger")
    assert len(before) >= 7  # those of migration 0002
    conn.close()

    at(path, "0006")
    conn = sqlite3.connect(path)
    assert INDEX not in names(conn, "index")
    assert names(conn, "trigger") == before
    conn.close()

    command.downgrade(alembic_config(path), "0005")
    conn = sqlite3.connect(path)
    assert INDEX in names(conn, "index")
    assert names(conn, "trigger") == before
    conn.close()
