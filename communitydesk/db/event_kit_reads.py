"""What the event kit prints, as named sqlite3 reads on a ``QuickReader``.

``export pdf event-kit`` reads on the quick path like the other small documents (no
SQLAlchemy to import); services.event_kit turns the rows into records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from communitydesk.db.quick_reads import QuickReader, has_table
from communitydesk.models.contact_conditions import NOT_ERASED


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    kind: str
    starts_on: date
    starts_time: time | None
    ends_time: time | None
    place: str
    address: str
    url: str
    description: str
    capacity: int | None
    wording_version: int


@dataclass(frozen=True)
class ParticipantRow:
    contact_id: int
    kind: str
    first_name: str
    last_name: str
    organisation: str
    email: str
    phone: str
    status: str


def has_event_tables(reader: QuickReader) -> bool:
    """False on a base from before the events' migration (the kit's reads and the figures' alike)."""
    return has_table(reader, "event_participants")


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def event_names(reader: QuickReader) -> list[tuple[int, str, date]]:
    """(id, name, day) of every event, by day: what a user may name an event by."""
    rows = reader.connection.execute("SELECT id, name, starts_on FROM events ORDER BY starts_on, id")
    return [(int(id_), name, date.fromisoformat(day)) for id_, name, day in rows]


def event(reader: QuickReader, event_id: int) -> EventRow | None:
    row = reader.connection.execute(
        "SELECT id, name, kind, starts_on, starts_time, ends_time, place, address, url, description, capacity,"
        " wording_version FROM events WHERE id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    id_, name, kind, day, starts, ends, place, address, url, description, capacity, version = row
    return EventRow(
        int(id_),
        name,
        kind,
        date.fromisoformat(day),
        _time(starts),
        _time(ends),
        place or "",
        address or "",
        url or "",
        description or "",
        None if capacity is None else int(capacity),
        int(version or 1),
    )


def participants(
    reader: QuickReader, event_id: int, statuses: Iterable[str], *, registered: bool = False
) -> list[ParticipantRow]:
    """The event's participants with one of ``statuses``, by number (services.event_kit sorts them by name);
    with ``registered``, not those who came without registering (typed from the free lines of the sheet).

    An erased person is left out; an archived one who registered still comes.
    """
    wanted = sorted(statuses)
    marks = ", ".join("?" for _ in wanted)
    registered_only = " AND (p.registered_on IS NOT NULL OR p.sheet_line IS NULL)" if registered else ""
    rows = reader.connection.execute(
        "SELECT c.id, c.kind, c.first_name, c.last_name, c.organisation, c.email, c.phone, p.status"
        " FROM event_participants p JOIN contacts c ON c.id = p.contact_id"
        f" WHERE p.event_id = ? AND p.status IN ({marks}) AND {NOT_ERASED.sql('c')}{registered_only}"
        " ORDER BY c.id",
        (event_id, *wanted),
    )
    return [ParticipantRow(int(row[0]), *(value or "" for value in row[1:])) for row in rows]


def wordings_at(reader: QuickReader, version: int) -> dict[str, tuple[int, str]]:
    """purpose → (version, wording) of each purpose's sentence at ``version``: its latest row up to it."""
    rows = reader.connection.execute(
        "SELECT purpose, version, wording FROM consent_wordings WHERE version <= ? ORDER BY version", (version,)
    )
    return {purpose: (int(number), wording) for purpose, number, wording in rows}
