"""The contacts a search matches, read on a plain sqlite3 connection (no SQLAlchemy to load): what
``communitydesk search`` answers a script with. db/search_index.py keeps the data it reads."""

from __future__ import annotations

import sqlite3
from typing import Any

FTS_TABLE = "contacts_fts"
QUEUE_TABLE = "contact_search_queue"


def listed_matches(conn: sqlite3.Connection, match: str, limit: int) -> list[tuple[Any, ...]] | None:
    """(id, kind, first name, last name, organisation, e-mail, circle) of the listed contacts matching the
    FTS5 expression ``match``, by name, on a plain read-only connection: a script's search needs no
    SQLAlchemy. None when some contacts wait for their search data: the caller goes through the
    search service, which refreshes them first."""
    if conn.execute(f"SELECT 1 FROM {QUEUE_TABLE} LIMIT 1").fetchone() is not None:
        return None
    return conn.execute(
        "SELECT c.id, c.kind, c.first_name, c.last_name, c.organisation, c.email, c.circle "
        f"FROM {FTS_TABLE} JOIN contacts c ON c.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH ? AND c.archived_at IS NULL AND c.anonymised_at IS NULL "
        "ORDER BY c.sort_name, c.id LIMIT ?",
        (match, limit),
    ).fetchall()
