"""Migration 0002 on a database that already holds contacts at 0001: the search index,
sort keys and tag text are built for the existing rows; the triggers exist at HEAD."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from communitydesk.db.database import open_database
from communitydesk.db.migrate import alembic_config
from communitydesk.services import contact_search
from communitydesk.services.contact_search import ContactSort
from communitydesk.services.permissions import Actor

TRIGGERS = {
    "contacts_after_insert",
    "contacts_after_update",
    "contacts_after_delete",
    "contact_tags_after_insert",
    "contact_tags_after_update",
    "contact_tags_after_delete",
    "tags_after_rename",
    "contacts_count_after_insert",
    "contacts_count_after_update",
    "contacts_count_after_delete",
}


def database_at_0001_with_contacts(path: Path) -> None:
    command.upgrade(alembic_config(path), "0001")
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO contacts (id, kind, first_name, last_name, organisation, role, email, email_secondary, "
            "phone, phone_secondary, email_key, phone_key, address, postcode, city, country, circle, source, notes, "
            "is_ambassador, is_critic, archived_at, created_at, updated_at, version_id) VALUES "
            "(?, 'person', ?, ?, '', '', ?, '', ?, '', '', '', '', '', ?, 'FR', 'proches', '', '', 0, 0, ?, "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 1)",
            [
                (1, "Hélène", "Martin", "helene@exemple.fr", "06 12 34 56 78", "Lyon", None),
                (2, "Éric", "Zola", "", "", "Évry", None),
                (3, "Anne", "Durand", "", "", "Paris", None),
                (4, "Archivée", "Vieille", "", "", "Lille", "2026-02-01 00:00:00.000000"),
            ],
        )
        conn.execute("INSERT INTO tags (id, name) VALUES (1, 'bénévole')")
        conn.execute("INSERT INTO contact_tags (contact_id, tag_id) VALUES (2, 1)")
    conn.close()


def test_existing_contacts_are_indexed_by_the_migration(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "ancienne.sqlite3"
    database_at_0001_with_contacts(path)
    db = open_database(path)  # backs up, then upgrades to HEAD
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM contact_search_queue").scalar() == 0
            assert conn.exec_driver_sql("SELECT count(*) FROM contacts_fts").scalar() == 3  # not the archived one
            rows = conn.exec_driver_sql("SELECT id, sort_name, tags_text FROM contacts ORDER BY id").all()
            assert [tuple(r) for r in rows][:3] == [
                (1, "martin helene", ""),
                (2, "zola eric", "bénévole"),
                (3, "durand anne", ""),
            ]
            triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
            assert triggers >= TRIGGERS
            counts = dict(conn.exec_driver_sql("SELECT circle, active FROM contact_circle_counts").all())
            assert counts == {"proches": 3, "communaute": 0, "grand_public": 0}
        assert [r.display_name for r in contact_search.page(db, actor, "helene")] == ["Hélène Martin"]
        assert [r.display_name for r in contact_search.page(db, actor, "06 12")] == ["Hélène Martin"]
        assert [r.display_name for r in contact_search.page(db, actor, "benevole")] == ["Éric Zola"]
        assert [r.display_name for r in contact_search.page(db, actor, sort=ContactSort.NAME)] == [
            "Anne Durand",
            "Hélène Martin",
            "Éric Zola",
        ]
    finally:
        db.close()


def test_head_has_the_search_triggers(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    finally:
        conn.close()
    # A later migration that recreates contacts (batch copy) drops them: it must recreate them.
    assert triggers >= TRIGGERS


def test_circle_counts_follow_inserts_moves_and_unknown_circles(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        insert = (
            "INSERT OR FAIL INTO contacts (kind, first_name, last_name, organisation, role, email, email_secondary, "
            "phone, phone_secondary, email_key, phone_key, address, postcode, city, country, circle, source, notes, "
            "is_ambassador, is_critic, created_at, updated_at, version_id) VALUES ('person', ?, '', '', '', '', '', "
            "'', '', '', '', '', '', '', 'FR', ?, '', '', 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)"
        )
        with conn:
            conn.executemany(insert, [("A", "proches"), ("B", "ailleurs"), ("C", "ailleurs"), ("D", "communaute")])
            conn.execute("UPDATE contacts SET circle = 'grand_public' WHERE first_name = 'B'")
            conn.execute("UPDATE contacts SET archived_at = '2026-02-01 00:00:00' WHERE first_name = 'D'")
        counts = dict(conn.execute("SELECT circle, active FROM contact_circle_counts").fetchall())
    finally:
        conn.close()
    assert counts == {"proches": 1, "communaute": 0, "grand_public": 1, "ailleurs": 1}
