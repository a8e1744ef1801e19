"""Where the documents' services read: the quick path (db.quick_reads), or the full Database.

``communitydesk export pdf`` must finish before SQLAlchemy would even have been imported
(see bench/pdf.py), so the documents read through db.document_reads when they can.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from communitydesk.db.quick_reads import QuickReader, quick_reading_current

if TYPE_CHECKING:
    from communitydesk.db.database import Database


class HasPath(Protocol):
    """A ``Database`` (or anything else that knows its file)."""

    path: Path


def database_path(source: Path | str | HasPath) -> Path:
    return Path(source.path) if hasattr(source, "path") else Path(source)


@contextmanager
def reading(source: Path | str | HasPath) -> Iterator[QuickReader]:
    """The quick path's reader of an existing database, upgraded first if it is outdated."""
    with quick_reading_current(database_path(source)) as reader:
        yield reader


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
