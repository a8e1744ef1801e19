"""Migration 0005: the folded city sort key is filled for existing contacts, the city index
sorts on it, the contacts triggers of 0002 survive (no table copy), and it goes back down."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from alembic import command

from communitydesk.db.migrate import alembic_config

# The triggers of migration 0002 (its docstring: a table copy would lose them).
TRIGGERS = set(importlib.import_module("communitydesk.db.migrations.versions.0002_contacts_extras").TRIGGERS)


def at(path: Path, revision: str) -> None:
    command.upgrade(alembic_config(path), revision)


def triggers(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def test_upgrade_fills_city_sort_and_keeps_the_triggers_then_downgrade(tmp_path: Path) -> None:
    path = tmp_path / "ancienne.sqlite3"
    at(path, "0004")
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO contacts (id, kind, first_name, last_name, organisation, role, email, email_secondary, "
            "phone, phone_secondary, email_key, phone_key, address, postcode, city, country, circle, source, notes, "
            "is_ambassador, is_critic, created_at, updated_at, version_id) VALUES "
            "(?, 'person', ?, '', '', '', '', '', '', '', '', '', '', '', ?, 'FR', 'proches', '', '', 0, 0, "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 1)",
            [(1, "Zoé", "Zurich"), (2, "Éric", "Évry"), (3, "Anne", "avignon"), (4, "Paul", "Paris"), (5, "Nul", "")],
        )
    before = triggers(conn)
    assert before >= TRIGGERS
    conn.close()

    at(path, "0005")
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT city, city_sort FROM contacts ORDER BY id").fetchall()
    assert rows == [("Zurich", "zurich"), ("Évry", "evry"), ("avignon", "avignon"), ("Paris", "paris"), ("", "")]
    assert triggers(conn) == before
    index = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_contacts_active_city'").fetchone()[0]
    assert "city_sort, sort_name" in index
    conn.close()

    command.downgrade(alembic_config(path), "0004")
    conn = sqlite3.connect(path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(contacts)")}
    assert "city_sort" not in columns and "city" in columns
    index = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_contacts_active_city'").fetchone()[0]
    assert "(city, sort_name)" in index
    assert triggers(conn) == before
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 5
    conn.close()
