"""What the documents read on the quick path (see db.quick_reads): ``export pdf`` never loads SQLAlchemy.

Named reads returning plain values; the services of the documents assemble them into
records. Moments go in and come out as aware datetimes (``models.stored_time``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from communitydesk.db.quick_reads import QuickReader
from communitydesk.models import stored_time
from communitydesk.models.contact_conditions import ACTIVE

_ACTIVE = ACTIVE.sql("c")


def contacts_ever(reader: QuickReader) -> int:
    """Every contact row, archived and erased ones included."""
    return int(reader.connection.execute("SELECT COUNT(*) FROM contacts").fetchone()[0])


def moves_of_active_contacts(reader: QuickReader) -> list[tuple[int, datetime, str | None, str]]:
    """(contact id, moved at, from circle, to circle) of the active contacts' moves, by contact then time."""
    decode = stored_time.decode
    rows = reader.connection.execute(
        "SELECT m.contact_id, m.moved_at, m.from_circle, m.to_circle FROM circle_moves m "
        f"JOIN contacts c ON c.id = m.contact_id WHERE {_ACTIVE} ORDER BY m.contact_id, m.moved_at, m.id"
    )
    return [
        (contact_id, decode(moved_at), from_circle, to_circle) for contact_id, moved_at, from_circle, to_circle in rows
    ]


def active_contacts_created_before(reader: QuickReader, end: datetime) -> list[tuple[int, datetime, str]]:
    """(id, created at, circle now) of the active contacts created before ``end``."""
    decode = stored_time.decode
    rows = reader.connection.execute(
        f"SELECT c.id, c.created_at, c.circle FROM contacts c WHERE {_ACTIVE} AND c.created_at < ?",
        (stored_time.encode(end),),
    )
    return [(contact_id, decode(created_at), circle) for contact_id, created_at, circle in rows]


def moves_between(reader: QuickReader, start: datetime, end: datetime) -> list[tuple[str, str, int]]:
    """(from, to, count) of the active contacts' moves between two circles in [start, end).

    The one count of moves: the community report's table and the dashboard's recent moves.
    """
    return list(
        reader.connection.execute(
            "SELECT m.from_circle, m.to_circle, COUNT(*) FROM circle_moves m "
            "JOIN contacts c ON c.id = m.contact_id "
            f"WHERE {_ACTIVE} AND m.from_circle IS NOT NULL AND m.from_circle != m.to_circle "
            "AND m.moved_at >= ? AND m.moved_at < ? GROUP BY m.from_circle, m.to_circle",
            (stored_time.encode(start), stored_time.encode(end)),
        )
    )


def new_contacts_by_source(reader: QuickReader, start: datetime, end: datetime) -> list[tuple[str, int]]:
    """(source, count) of the active contacts created in [start, end), most frequent first."""
    return list(
        reader.connection.execute(
            f"SELECT TRIM(c.source), COUNT(*) AS n FROM contacts c WHERE {_ACTIVE} "
            "AND c.created_at >= ? AND c.created_at < ? GROUP BY TRIM(c.source) ORDER BY n DESC, 1",
            (stored_time.encode(start), stored_time.encode(end)),
        )
    )


def touch_points_by_hour(reader: QuickReader, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """(UTC hour, count) of the touch points in [start, end): few rows, whatever their number."""
    rows = reader.connection.execute(
        # The stored text's first 13 characters are the hour ("2026-03-01 08").
        "SELECT substr(occurred_at, 1, 13), COUNT(*) FROM touch_points WHERE occurred_at >= ? AND occurred_at < ? "
        "GROUP BY 1",
        (stored_time.encode(start), stored_time.encode(end)),
    )
    return [(stored_time.decode(hour + ":00"), count) for hour, count in rows]


def touch_points_by_kind(reader: QuickReader, start: datetime, end: datetime) -> list[tuple[str, int]]:
    """(kind, count) of the touch points in [start, end), most frequent first."""
    return list(
        reader.connection.execute(
            "SELECT kind, COUNT(*) AS n FROM touch_points WHERE occurred_at >= ? AND occurred_at < ? "
            "GROUP BY kind ORDER BY n DESC, kind",
            (stored_time.encode(start), stored_time.encode(end)),
        )
    )


def top_tags(reader: QuickReader, limit: int) -> list[tuple[str, int]]:
    """(tag, active contacts carrying it), the ``limit`` most used, ties in alphabetical order."""
    return list(
        reader.connection.execute(
            "SELECT t.name, COUNT(*) AS n FROM tags t JOIN contact_tags ct ON ct.tag_id = t.id "
            f"JOIN contacts c ON c.id = ct.contact_id WHERE {_ACTIVE} "
            "GROUP BY t.id ORDER BY n DESC, fold(t.name) LIMIT ?",
            (limit,),
        )
    )


def tag_id(reader: QuickReader, name: str) -> int | None:
    """The id of the tag named ``name``, ignoring case and accents."""
    row = reader.connection.execute("SELECT id FROM tags WHERE fold(name) = fold(?)", (name,)).fetchone()
    return None if row is None else int(row[0])


def charter_template(reader: QuickReader, kind: str, language: str) -> tuple[str, datetime] | None:
    """The saved template's text and time of saving, None if none was saved."""
    try:
        row = reader.connection.execute(
            "SELECT body, updated_at FROM charter_templates WHERE kind = ? AND language = ?", (kind, language)
        ).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None  # a database from before templates were stored: shipped ones apply
        raise
    return None if row is None else (row[0], stored_time.decode(row[1]))


# How each column of rules.contact_list_columns is read. Printed as stored: postcodes and
# phones are text, their leading zeros stay.
LISTING_COLUMNS: dict[str, str] = {
    # An organisation without a person's name is listed by its name, not as a blank line.
    "last_name": "CASE WHEN c.kind = 'organisation' AND c.last_name = '' AND c.first_name = '' "
    "THEN c.organisation ELSE c.last_name END",
    "first_name": "c.first_name",
    "display_name": "CASE WHEN c.kind = 'organisation' AND c.organisation != '' THEN c.organisation "
    "ELSE TRIM(c.first_name || ' ' || c.last_name) END",
    "organisation": "c.organisation",
    "role": "c.role",
    "email": "c.email",
    "phone": "c.phone",
    "address": "c.address",
    "postcode": "c.postcode",
    "city": "c.city",
    "country": "c.country",
    "circle": "c.circle",
    "source": "c.source",
    "last_touch": "c.last_touch_at",
    "created": "c.created_at",
}
# Listed columns holding a moment: handed back as datetimes.
LISTING_MOMENTS = ("last_touch", "created")
_LISTING_ORDER = "fold(CASE WHEN c.last_name != '' THEN c.last_name ELSE c.organisation END), fold(c.first_name), c.id"


@dataclass(frozen=True)
class ListingSelection:
    """Which active contacts a printed list holds: all, or those of a circle, a tag, a set of ids."""

    circle: str | None = None
    tag_id: int | None = None
    contact_ids: tuple[int, ...] | None = None

    def where(self) -> tuple[str, list[object]]:
        clauses, params = [_ACTIVE], list[object]()
        if self.circle is not None:
            clauses.append("c.circle = ?")
            params.append(self.circle)
        if self.tag_id is not None:
            clauses.append("c.id IN (SELECT contact_id FROM contact_tags WHERE tag_id = ?)")
            params.append(self.tag_id)
        if self.contact_ids is not None:
            # A JSON array keeps one bound parameter whatever the size of the set.
            clauses.append("c.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(self.contact_ids))
        return " AND ".join(clauses), params


def listing_count(reader: QuickReader, selection: ListingSelection) -> int:
    where, params = selection.where()
    return int(reader.connection.execute(f"SELECT COUNT(*) FROM contacts c WHERE {where}", params).fetchone()[0])


def listing_rows(
    reader: QuickReader, selection: ListingSelection, columns: Sequence[str], batch: int
) -> Iterator[list[tuple[Any, ...]]]:
    """The selected contacts' ``columns`` (keys of LISTING_COLUMNS), by name, ``batch`` rows at a time.

    Values as stored, except LISTING_MOMENTS: aware datetimes (None when unset).
    """
    where, params = selection.where()
    select = ", ".join(LISTING_COLUMNS[key] for key in columns)
    moments = [index for index, key in enumerate(columns) if key in LISTING_MOMENTS]
    cursor = reader.connection.execute(
        f"SELECT {select} FROM contacts c WHERE {where} ORDER BY {_LISTING_ORDER}", params
    )
    decode = stored_time.decode
    while rows := cursor.fetchmany(batch):
        if moments:
            decoded = []
            for row in rows:
                values = list(row)
                for index in moments:
                    if values[index]:
                        values[index] = decode(values[index])
                decoded.append(tuple(values))
            rows = decoded
        yield rows
