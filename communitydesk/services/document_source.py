"""Where the documents' services read: a read-only sqlite3 connection, or the full Database.

Reads use plain read-only sqlite3, like ``services.figures``: ``communitydesk export pdf``
must finish before SQLAlchemy would even have been imported (see bench/pdf.py), and a
read-only connection cannot change the file whatever happens.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from communitydesk.db.schema_version import (
    SchemaState,
    connect_readonly,
    describe_sqlite_error,
    probe,
)
from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
from communitydesk.rules.contact_keys import fold

if TYPE_CHECKING:
    from communitydesk.db.database import Database

# Contacts a document shows: neither archived nor erased (as models.contacts.ACTIVE_SQL).
ACTIVE = "c.archived_at IS NULL AND c.anonymised_at IS NULL"


class HasPath(Protocol):
    """A ``Database`` (or anything else that knows its file)."""

    path: Path


def database_path(source: Path | str | HasPath) -> Path:
    return Path(source.path) if hasattr(source, "path") else Path(source)


@contextmanager
def reading(source: Path | str | HasPath) -> Iterator[sqlite3.Connection]:
    """A read-only connection to an existing database, upgraded first if it is outdated."""
    path = database_path(source)
    found = probe(path)
    if found.state is SchemaState.MISSING:
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    if found.state is not SchemaState.CURRENT:
        # Rare (an old file): the full open upgrades it after a backup, or refuses it.
        from communitydesk.db.database import open_database

        open_database(path, create=False).close()
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    conn.create_function("fold", 1, sort_key, deterministic=True)
    try:
        yield conn
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    finally:
        conn.close()


@contextmanager
def full_database(source: Path | HasPath) -> Iterator[Database]:
    """The open ``Database`` (SQLAlchemy) for data an ORM service owns; closed after if opened here.

    Only documents that need such a service pay for importing SQLAlchemy.
    """
    from communitydesk.db.database import Database, open_database

    database = source if isinstance(source, Database) else open_database(database_path(source), create=False)
    try:
        yield database
    finally:
        if database is not source:
            database.close()


def sort_key(text: str | None) -> str:
    """rules.contact_keys.fold, with a fast path for plain ASCII (most names): called per row."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    return fold(text)


def stored(moment: datetime) -> str:
    """The text form SQLAlchemy's DateTime gives on SQLite: naive UTC, so text order = time order."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def parse_stored(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def setting(conn: sqlite3.Connection, key: str) -> object:
    row = conn.execute("SELECT value FROM app_settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])
