"""Keeps the contacts' search data up to date: the FTS5 row, ``sort_name``, ``city_sort`` and ``tags_text``.

Triggers (migration 0002) queue the id of every contact written, in ``contact_search_queue``;
:func:`refresh` computes the search data of the queued contacts in Python (accurate Unicode
folding, phone digit forms) and writes it in batches. The search service calls it before
every query, so a search never sees stale data; importers may call it at the end of an
import so that the first search after it is instant.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, column, delete, insert, select, table

from communitydesk.db.search_matches import FTS_TABLE, QUEUE_TABLE
from communitydesk.models.contacts import ACTIVE_SQL
from communitydesk.rules.contact_search_text import city_sort, search_body, sort_name, tags_text

BATCH = 500

_ROW_COLUMNS = (
    "id, kind, first_name, last_name, organisation, role, email, email_secondary, phone, phone_secondary, "
    f"phone_key, postcode, city, {ACTIVE_SQL}, sort_name, tags_text"
)

Progress = Callable[[int, int], None]


def pending(conn: Connection) -> bool:
    """True when some contacts wait for their search data (one indexed probe, ~10 µs)."""
    return conn.exec_driver_sql(f"SELECT 1 FROM {QUEUE_TABLE} LIMIT 1").first() is not None


def refresh(conn: Connection, progress: Progress | None = None) -> int:
    """Bring the search data of every queued contact up to date; returns how many were done.

    Runs in the caller's transaction. The queue is claimed first, by a DELETE: that write
    takes SQLite's write lock (waiting for another refresh to commit), so two connections
    refreshing at once (a page and a count after an import) never index the same row twice.
    """
    claimed = conn.exec_driver_sql(f"DELETE FROM {QUEUE_TABLE} RETURNING contact_id")
    ids = sorted({row[0] for row in claimed})
    if not ids:
        return 0
    # Migration 0002 indexes its rows with this code, before 0005 adds city_sort.
    with_city = any(row[1] == "city_sort" for row in conn.exec_driver_sql("PRAGMA table_info(contacts)"))
    for start in range(0, len(ids), BATCH):
        _refresh_batch(conn, ids[start : start + BATCH], with_city)
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def refresh_contacts(conn: Connection, ids: Sequence[int]) -> None:
    """Bring the search data of ``ids`` up to date now and drop them from the queue: a writer's own
    changes, in its transaction, so that they are searchable as soon as it commits."""
    with_city = any(row[1] == "city_sort" for row in conn.exec_driver_sql("PRAGMA table_info(contacts)"))
    ordered = sorted(ids)
    for start in range(0, len(ordered), BATCH):
        chunk = ordered[start : start + BATCH]
        conn.execute(delete(_QUEUE).where(_QUEUE.c.contact_id.in_(chunk)))
        _refresh_batch(conn, chunk, with_city)


def _refresh_batch(conn: Connection, ids: Sequence[int], with_city: bool = True) -> None:
    marks = ",".join("?" * len(ids))
    tags: dict[int, list[str]] = defaultdict(list)
    for contact_id, name in conn.exec_driver_sql(
        f"SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
        f"WHERE ct.contact_id IN ({marks})",
        tuple(ids),
    ):
        tags[contact_id].append(name)
    updates: list[tuple[str, str, str, int]] = []
    indexed: list[tuple[int, str]] = []
    columns = f"{_ROW_COLUMNS}, city_sort" if with_city else f"{_ROW_COLUMNS}, ''"
    for row in conn.exec_driver_sql(f"SELECT {columns} FROM contacts WHERE id IN ({marks})", tuple(ids)):
        contact_id, new_sort, new_tags, body = _search_data(row, tags.get(row[0], []))
        new_city = city_sort(row[12]) if with_city else ""
        if (new_sort, new_tags, new_city) != (row[14], row[15], row[16]):
            updates.append((new_sort, new_tags, new_city, contact_id))
        if row[13]:  # only the contacts a list shows are indexed
            indexed.append((contact_id, body))
    if updates and with_city:
        conn.exec_driver_sql("UPDATE contacts SET sort_name = ?, tags_text = ?, city_sort = ? WHERE id = ?", updates)
    elif updates:
        conn.exec_driver_sql(
            "UPDATE contacts SET sort_name = ?, tags_text = ? WHERE id = ?", [u[:2] + u[3:] for u in updates]
        )
    # Only rows already indexed: deleting an absent rowid still costs FTS5 a lookup per term.
    indexed_before = [
        r[0] for r in conn.exec_driver_sql(f"SELECT rowid FROM {FTS_TABLE} WHERE rowid IN ({marks})", tuple(ids))
    ]
    if indexed_before:
        conn.exec_driver_sql(
            f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({','.join('?' * len(indexed_before))})", tuple(indexed_before)
        )
    if indexed:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (?, ?)", indexed)


def _search_data(row: Sequence[Any], tag_names: list[str]) -> tuple[int, str, str, str]:
    (contact_id, kind, first, last, organisation, role, email, email2, phone, phone2, phone_key, postcode, city) = row[
        :13
    ]
    tags = tags_text(tag_names)
    body = search_body(
        first_name=first,
        last_name=last,
        organisation=organisation,
        role=role,
        email=email,
        email_secondary=email2,
        phone=phone,
        phone_secondary=phone2,
        phone_key=phone_key,
        postcode=postcode,
        city=city,
        tags=tags,
    )
    return contact_id, sort_name(kind, first, last, organisation, email), tags, body


def index_new(conn: Connection, rows: Select[tuple[int, str]]) -> None:
    """FTS rows for contacts just inserted, from ``rows`` of (id, search_body), in one statement: FTS5
    writes its index once, not at each row's statement as a trigger would (~150 µs a row). Whatever
    their insert queued is dropped: a bulk load leaves nothing for the next search to do."""
    conn.execute(insert(_FTS).from_select(["rowid", "body"], rows))
    ids = select(rows.selected_columns[0])
    conn.execute(delete(_QUEUE).where(_QUEUE.c.contact_id.in_(ids)))


_FTS = table(FTS_TABLE, column("rowid"), column("body"))
_QUEUE = table(QUEUE_TABLE, column("contact_id"))


def queue_all(conn: Connection) -> None:
    """Queue every contact (after a schema change of the index, or to repair it)."""
    conn.exec_driver_sql(f"INSERT INTO {QUEUE_TABLE}(contact_id) SELECT id FROM contacts")


def drop_deleted_terms(conn: Connection) -> None:
    """Rewrite the index so that no term of a deleted row survives in ``contacts_fts_data``.

    An FTS5 delete only adds a "deleted" marker beside the old entries, whose terms stay in
    the segments until they are merged; 'optimize' merges every segment into one, without
    them (~0.5 s at 100 000 contacts). Used by an erasure, whose terms must really go.
    """
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
