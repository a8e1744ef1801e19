"""The contacts a printed list or directory shows, read on the quick path (db.document_reads).

The rows are not read here: ``ContactListing.batches`` reads them, a batch at a time, when
the renderer iterates it, so the longest list never sits in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from communitydesk.db import document_reads
from communitydesk.db.document_reads import ListingSelection
from communitydesk.db.quick_reads import QuickReader
from communitydesk.errors import ValidationError
from communitydesk.formatting import PARIS
from communitydesk.i18n import _
from communitydesk.records.contact_listing import ContactListing, ListingFilter
from communitydesk.rules.circles import CIRCLE_ORDER, Circle, circle_label
from communitydesk.rules.contact_list_columns import parse_columns
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import HasPath, database_path, full_database, reading
from communitydesk.services.permissions import Action, Actor, require

ROW_BATCH = 500


@dataclass(frozen=True)
class _ListedRows:
    """The rows of a listing as printable text, read afresh at each iteration."""

    path: Path
    columns: tuple[str, ...]
    selection: ListingSelection
    batch_size: int

    def __iter__(self) -> Iterator[list[tuple[str, ...]]]:
        dates = [i for i, key in enumerate(self.columns) if key in document_reads.LISTING_MOMENTS]
        circle_index = self.columns.index("circle") if "circle" in self.columns else None
        circles = {c.value: circle_label(c.value) for c in CIRCLE_ORDER}
        with reading(self.path) as reader:
            for rows in document_reads.listing_rows(reader, self.selection, self.columns, self.batch_size):
                if dates or circle_index is not None:
                    rows = [_printable(row, dates, circle_index, circles) for row in rows]
                yield rows


def _printable(
    row: tuple[object, ...], dates: list[int], circle_index: int | None, circles: dict[str, str]
) -> tuple[str, ...]:
    values = list(row)
    for index in dates:
        moment = values[index]
        values[index] = moment.astimezone(PARIS).strftime("%d/%m/%Y") if isinstance(moment, datetime) else ""
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


def _tag_id(reader: QuickReader, tag: str) -> int:
    found = document_reads.tag_id(reader, tag)
    if found is None:
        raise ValidationError(_("Le tag « {tag} » n'existe pas.", tag=tag), "tag")
    return found


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
    require(actor, Action.EXPORT_PERSONAL_DATA)
    contact_filter = contact_filter or ListingFilter()
    keys = parse_columns(columns)
    if contact_filter.circle and contact_filter.circle not in Circle._value2member_map_:
        raise ValidationError(
            _(
                "Cercle inconnu : « {circle} ». Cercles possibles : {known}.",
                circle=contact_filter.circle,
                known=", ".join(c.value for c in CIRCLE_ORDER),
            ),
            "circle",
        )
    with reading(source) as reader:
        tag_id = _tag_id(reader, contact_filter.tag) if contact_filter.tag else None
        identity = identity_in(reader)
    description = contact_filter.describe()
    contact_ids = None
    if contact_filter.segment:
        name, criteria, ids = _segment_contact_ids(source, actor, contact_filter.segment)
        named = ListingFilter(circle=contact_filter.circle, tag=contact_filter.tag, segment=name)
        description = f"{named.describe()} ({criteria})"
        contact_ids = tuple(ids)
    selection = ListingSelection(circle=contact_filter.circle or None, tag_id=tag_id, contact_ids=contact_ids)
    with reading(source) as reader:
        count = document_reads.listing_count(reader, selection)
        # An empty list says why: no contact at all yet, or none matching the filter.
        base_empty = count == 0 and document_reads.listing_count(reader, ListingSelection()) == 0
    return ContactListing(
        identity=identity,
        columns=keys,
        count=count,
        description=description,
        batches=_ListedRows(database_path(source), keys, selection, batch_size),
        base_empty=base_empty,
    )
