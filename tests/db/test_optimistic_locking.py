"""A stale save fails loudly (version_id), and a locked base says so in reasonable time."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm.exc import StaleDataError

from communitydesk.db.database import Database, open_database
from communitydesk.errors import ConflictError, DatabaseError
from communitydesk.models.contacts import Contact


def new_contact(db: Database) -> int:
    with db.transaction() as session:
        contact = Contact(first_name="Léa", last_name="Durand", circle="communaute")
        session.add(contact)
        session.flush()
        return contact.id


def test_rows_carry_timestamps_and_a_version(db: Database) -> None:
    contact_id = new_contact(db)
    with db.sessions() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert contact.version_id == 1
        assert contact.created_at.tzinfo is UTC and contact.updated_at.tzinfo is UTC
        assert contact.updated_at >= contact.created_at
        assert abs((datetime.now(UTC) - contact.created_at).total_seconds()) < 60
    with db.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        contact.city = "Lyon"
    with db.sessions() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.version_id == 2 and contact.updated_at > contact.created_at


def test_second_of_two_concurrent_edits_is_refused(db: Database) -> None:
    contact_id = new_contact(db)
    first, second = db.sessions(), db.sessions()
    mine = first.get(Contact, contact_id)
    theirs = second.get(Contact, contact_id)
    assert mine is not None and theirs is not None
    mine.city = "Lyon"
    first.commit()
    theirs.city = "Nantes"
    with pytest.raises(StaleDataError):
        second.commit()
    second.rollback()
    first.close()
    second.close()
    with db.sessions() as session:
        kept = session.get(Contact, contact_id)
        assert kept is not None and (kept.city, kept.version_id) == ("Lyon", 2)


def test_transaction_reports_a_conflict_in_french(db: Database) -> None:
    contact_id = new_contact(db)
    with db.snapshot() as session:  # read for a screen, saved later
        mine = session.get(Contact, contact_id)
    assert mine is not None
    with db.transaction() as other:  # someone else saves the same contact meanwhile
        theirs = other.get(Contact, contact_id)
        assert theirs is not None
        theirs.notes = "Appelée hier"
    # (A transaction inside another one on the same base would wait for itself: refused, see test_write_turns.)
    with pytest.raises(ConflictError, match="modifiée ailleurs"), db.transaction() as session:
        mine = session.merge(mine, load=False)
        mine.notes = "Version périmée"
    with db.sessions() as session:
        kept = session.get(Contact, contact_id)
        assert kept is not None and (kept.notes, kept.version_id) == ("Appelée hier", 2)


def test_a_bug_keeps_its_own_error(db: Database) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError, match="no such table"), db.transaction() as session:
        session.execute(text("SELECT * FROM nowhere"))


def hold_exclusive(path: Path) -> sqlite3.Connection:
    """Another program writing: the lock SQLite takes for a write transaction, kept open."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    return holder


def test_saving_into_a_locked_base_says_it_is_locked(db_path: Path) -> None:
    db = open_database(db_path, busy_timeout=0.2)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in WAL mode readers still get in
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseError, match="verrouillée"):
            new_contact(db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.close()
    assert time.monotonic() - started < 3


def test_opening_a_locked_base_says_it_is_locked(db_path: Path) -> None:
    holder = hold_exclusive(db_path)
    try:
        with pytest.raises(DatabaseError, match="verrouillée"):
            open_database(db_path, busy_timeout=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_database(db_path).close()
