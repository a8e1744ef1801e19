"""The contacts a search matches, read on the quick path (no SQLAlchemy to load): what
``communitydesk search`` answers a script with. db/search_index.py keeps the data it reads."""

from __future__ import annotations

from typing import Any

from communitydesk.db.quick_reads import QuickReader
from communitydesk.models.contact_conditions import ACTIVE

FTS_TABLE = "contacts_fts"
QUEUE_TABLE = "contact_search_queue"

_COLUMNS = "c.id, c.kind, c.first_name, c.last_name, c.organisation, c.email, c.circle"


def search_data_pending(reader: QuickReader) -> bool:
    """Whether some contacts wait for their search data (written since the last refresh)."""
    return reader.connection.execute(f"SELECT 1 FROM {QUEUE_TABLE} LIMIT 1").fetchone() is not None


def listed_matches(reader: QuickReader, match: str | None, limit: int) -> list[tuple[Any, ...]]:
    """(id, kind, first name, last name, organisation, e-mail, circle) of the listed contacts matching the
    FTS5 expression ``match`` (every listed contact when None), in the contacts list's order. The search
    data must be up to date (``search_data_pending``)."""
    if match is None:
        sql = f"SELECT {_COLUMNS} FROM contacts c WHERE {ACTIVE.sql('c')} ORDER BY c.sort_name, c.id LIMIT ?"
        return reader.connection.execute(sql, (limit,)).fetchall()
    return reader.connection.execute(
        f"SELECT {_COLUMNS} FROM {FTS_TABLE} JOIN contacts c ON c.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH ? AND {ACTIVE.sql('c')} ORDER BY c.sort_name, c.id LIMIT ?",
        (match, limit),
    ).fetchall()
