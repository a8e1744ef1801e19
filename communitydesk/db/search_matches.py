"""The contacts a search matches, read on the quick path (no SQLAlchemy to load): what
``communitydesk search`` answers a script with. db/search_index.py keeps the data it reads."""

from __future__ import annotations

from typing import Any

from communitydesk.db.quick_reads import QuickReader
from communitydesk.models.contact_conditions import ACTIVE

FTS_TABLE = "contacts_fts"
QUEUE_TABLE = "contact_search_queue"


def listed_matches(reader: QuickReader, match: str, limit: int) -> list[tuple[Any, ...]] | None:
    """(id, kind, first name, last name, organisation, e-mail, circle) of the listed contacts matching the
    FTS5 expression ``match``, by name, on a plain read-only connection: a script's search needs no
    SQLAlchemy. None when some contacts wait for their search data: the caller goes through the
    search service, which refreshes them first."""
    conn = reader.connection
    if conn.execute(f"SELECT 1 FROM {QUEUE_TABLE} LIMIT 1").fetchone() is not None:
        return None
    return conn.execute(
        "SELECT c.id, c.kind, c.first_name, c.last_name, c.organisation, c.email, c.circle "
        f"FROM {FTS_TABLE} JOIN contacts c ON c.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH ? AND {ACTIVE.sql('c')} "
        "ORDER BY c.sort_name, c.id LIMIT ?",
        (match, limit),
    ).fetchall()
