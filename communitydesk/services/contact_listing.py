"""The contacts a printed list or directory shows, read with plain read-only sqlite3.

The rows are not read here: ``ContactListing.batches`` reads them, a batch at a time, when
the renderer iterates it, so the longest list never sits in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from communitydesk.errors import ValidationError
from communitydesk.formatting import PARIS
from communitydesk.i18n import _
from communitydesk.records.contact_listing import ContactListing, ListingFilter
from communitydesk.rules.circles import CIRCLE_ORDER, Circle, circle_label
from communitydesk.rules.contact_list_columns import parse_columns
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import ACTIVE, HasPath, database_path, full_database, parse_stored, reading
from communitydesk.services.permissions import Action, Actor, require

ROW_BATCH = 500

# How each column of rules.contact_list_columns is read. Printed as stored: postcodes and
# phones are text, their leading zeros stay.
COLUMN_SQL: dict[str, str] = {
    "last_name": "c.last_name",
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
DATE_COLUMNS = ("last_touch", "created")
ORDER = "fold(CASE WHEN c.last_name != '' THEN c.last_name ELSE c.organisation END), fold(c.first_name), c.id"


@dataclass(frozen=True)
class _ListedRows:
    """The rows of a listing as printable text, read afresh at each iteration."""

    path: Path
    columns: tuple[str, ...]
    where: str
    params: tuple[object, ...]
    batch_size: int

    def __iter__(self) -> Iterator[list[tuple[str, ...]]]:
        select = ", ".join(COLUMN_SQL[key] for key in self.columns)
        dates = [i for i, key in enumerate(self.columns) if key in DATE_COLUMNS]
        circle_index = self.columns.index("circle") if "circle" in self.columns else None
        circles = {c.value: circle_label(c.value) for c in CIRCLE_ORDER}
        with reading(self.path) as conn:
            cursor = conn.execute(f"SELECT {select} FROM contacts c WHERE {self.where} ORDER BY {ORDER}", self.params)
            while True:
                rows = cursor.fetchmany(self.batch_size)
                if not rows:
                    return
                if dates or circle_index is not None:
                    rows = [_printable(row, dates, circle_index, circles) for row in rows]
                yield rows


def _printable(
    row: tuple[object, ...], dates: list[int], circle_index: int | None, circles: dict[str, str]
) -> tuple[str, ...]:
    values = list(row)
    for index in dates:
        text = values[index]
        values[index] = parse_stored(str(text)).astimezone(PARIS).strftime("%d/%m/%Y") if text else ""
    if circle_index is not None:
        code = str(values[circle_index])
        values[circle_index] = circles.get(code) or circle_label(code)
    return tuple("" if v is None else str(v) for v in values)


def _segment_contact_ids(source: Path | HasPath, actor: Actor, name: str) -> tuple[str, str, list[int]]:
    """The name, criteria and contact ids of a saved segment, through the segments service.

    That service owns the segment's rules (full-text search, overdue...), so its ids are
    used as they are.
    """
    from communitydesk.services import contact_search, segments

    with full_database(source) as database:
        segment = segments.segment_by_name(database, actor, name)
        ids = contact_search.ids_for(database, actor, filters=segment.filter)
    return segment.name, segment.filter.describe(), ids


def _tag_id(conn: sqlite3.Connection, tag: str) -> int:
    row = conn.execute("SELECT id FROM tags WHERE fold(name) = fold(?)", (tag,)).fetchone()
    if row is None:
        raise ValidationError(_("Le tag « {tag} » n'existe pas.", tag=tag), "tag")
    return int(row[0])


def contact_listing(
    source: Path | HasPath,
    actor: Actor,
    contact_filter: ListingFilter | None = None,
    columns: Sequence[str] | None = None,
    *,
    batch_size: int = ROW_BATCH,
) -> ContactListing:
    """The contacts matching ``contact_filter`` with ``columns`` (default: the 8 usual ones),
    read ``batch_size`` rows at a time."""
    require(actor, Action.EXPORT)
    contact_filter = contact_filter or ListingFilter()
    keys = parse_columns(columns)
    where: list[str] = [ACTIVE]
    params: list[object] = []
    if contact_filter.circle:
        if contact_filter.circle not in Circle._value2member_map_:
            raise ValidationError(
                _(
                    "Cercle inconnu : « {circle} ». Cercles possibles : {known}.",
                    circle=contact_filter.circle,
                    known=", ".join(c.value for c in CIRCLE_ORDER),
                ),
                "circle",
            )
        where.append("c.circle = ?")
        params.append(contact_filter.circle)
    with reading(source) as conn:
        if contact_filter.tag:
            where.append("c.id IN (SELECT contact_id FROM contact_tags WHERE tag_id = ?)")
            params.append(_tag_id(conn, contact_filter.tag))
        identity = identity_in(conn)
    description = contact_filter.describe()
    if contact_filter.segment:
        name, criteria, ids = _segment_contact_ids(source, actor, contact_filter.segment)
        named = ListingFilter(circle=contact_filter.circle, tag=contact_filter.tag, segment=name)
        description = f"{named.describe()} ({criteria})"
        # A JSON array keeps one bound parameter whatever the size of the segment.
        where.append("c.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    clause = " AND ".join(where)
    with reading(source) as conn:
        (count,) = conn.execute(f"SELECT COUNT(*) FROM contacts c WHERE {clause}", params).fetchone()
    return ContactListing(
        identity=identity,
        columns=keys,
        count=count,
        description=description,
        batches=_ListedRows(database_path(source), keys, clause, tuple(params), batch_size),
    )
