"""The read-only quick path: plain sqlite3, no SQLAlchemy, for the start-up and small documents.

Importing SQLAlchemy costs more than showing the window or printing a short PDF, so the
dashboard's figures, ``stats`` and ``export pdf`` read through here. The queries are named
functions in ``db.figure_reads`` and ``db.document_reads``, taking the ``QuickReader`` this
module opens and returning plain values; services call them and never write SQL on the
connection, so that a base on another engine (a PostgreSQL team mode) replaces these
modules, not the services. A read-only connection cannot change the file whatever happens.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from communitydesk.db.schema_version import SchemaState, describe_sqlite_error, probe, reading
from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
from communitydesk.rules.contact_keys import fold


@dataclass(frozen=True)
class QuickReader:
    """An open read-only connection to the base at ``path``, for db/'s named reads."""

    path: Path
    connection: sqlite3.Connection


@contextmanager
def quick_reading(path: Path) -> Iterator[QuickReader]:
    """Read ``path`` as it is (probe it first): SQLite's errors become a DatabaseError naming the file."""
    try:
        with reading(path) as conn:
            conn.create_function("fold", 1, sort_key, deterministic=True)
            yield QuickReader(path, conn)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc


@contextmanager
def quick_reading_current(path: Path) -> Iterator[QuickReader]:
    """``quick_reading`` of an existing base, upgraded first if it is outdated."""
    found = probe(path)
    if found.state is SchemaState.MISSING:
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    if found.state is not SchemaState.CURRENT:
        # Rare (an old file): the full open upgrades it after a backup, or refuses it.
        from communitydesk.db.database import open_database

        open_database(path, create=False).close()
    with quick_reading(path) as reader:
        yield reader


def sort_key(text: str | None) -> str:
    """The SQL function ``fold``: rules.contact_keys.fold, with a fast path for plain ASCII (per row)."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    return fold(text)


def has_table(reader: QuickReader, name: str) -> bool:
    """Whether the base has table ``name``: False on a base from before the migration that made it."""
    sql = "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?"
    return reader.connection.execute(sql, (name,)).fetchone() is not None


def stored_setting(reader: QuickReader, key: str) -> object:
    """A setting of the base (services.settings stores JSON); None when unset or unreadable."""
    row = reader.connection.execute("SELECT value FROM app_settings WHERE key = ?", (key,)).fetchone()
    try:
        return None if row is None else json.loads(row[0])
    except ValueError:
        return None
