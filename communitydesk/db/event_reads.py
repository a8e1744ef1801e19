"""What the event figures read, as named sqlite3 reads on a ``QuickReader``.

The dashboard card and ``stats`` read them on the quick path (no ORM); rules.event_figures
does the counting. Registered means inscrit, present, absent or excusé (rules.events).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from communitydesk.db.quick_reads import QuickReader
from communitydesk.records.events import EventMoment
from communitydesk.rules.events import REGISTERED_STATUSES, ParticipantStatus

_REGISTERED = ",".join(f"'{status.value}'" for status in sorted(REGISTERED_STATUSES))
_PRESENT = ParticipantStatus.PRESENT.value
_COUNTS = (
    "SELECT e.id, e.name, e.starts_on, e.starts_time,"
    f" COALESCE(SUM(p.status IN ({_REGISTERED})), 0), COALESCE(SUM(p.status = '{_PRESENT}'), 0)"
    " FROM events e LEFT JOIN event_participants p ON p.event_id = e.id"
)


def _moment(row: tuple[object, ...]) -> EventMoment:
    event_id, name, day, at, registered, present = row
    return EventMoment(
        int(event_id),  # type: ignore[call-overload]
        str(name),
        date.fromisoformat(str(day)),
        time.fromisoformat(str(at)) if at else None,
        int(registered),  # type: ignore[call-overload]
        int(present),  # type: ignore[call-overload]
    )


def every_event(reader: QuickReader) -> list[EventMoment]:
    """Every event with its registered and present counts, by date."""
    sql = f"{_COUNTS} GROUP BY e.id ORDER BY e.starts_on, e.starts_time, e.id"
    return [_moment(row) for row in reader.connection.execute(sql)]


def next_event(reader: QuickReader, today: date) -> EventMoment | None:
    """The first event from today on."""
    sql = f"{_COUNTS} WHERE e.starts_on >= ? GROUP BY e.id ORDER BY e.starts_on, e.starts_time, e.id LIMIT 1"
    row = reader.connection.execute(sql, (today.isoformat(),)).fetchone()
    return _moment(row) if row else None


def last_event(reader: QuickReader, today: date) -> EventMoment | None:
    """The latest event before today."""
    order = "e.starts_on DESC, e.starts_time DESC, e.id DESC"
    sql = f"{_COUNTS} WHERE e.starts_on < ? GROUP BY e.id ORDER BY {order} LIMIT 1"
    row = reader.connection.execute(sql, (today.isoformat(),)).fetchone()
    return _moment(row) if row else None


@dataclass(frozen=True)
class EventHeading:
    name: str
    starts_on: date
    kind: str
    place: str


@dataclass(frozen=True)
class SheetContact:
    """A typed line of an event's sheet with the contact it became."""

    consents: tuple[str, ...]
    outcome: str
    contact_id: int
    circle: str
    erased: bool
    kind: str
    first_name: str
    last_name: str
    organisation: str
    email: str


def event_heading(reader: QuickReader, event_id: int) -> EventHeading | None:
    sql = "SELECT name, starts_on, kind, place FROM events WHERE id = ?"
    row = reader.connection.execute(sql, (event_id,)).fetchone()
    return EventHeading(row[0], date.fromisoformat(row[1]), row[2], row[3]) if row else None


def status_counts(reader: QuickReader, event_id: int) -> dict[str, int]:
    sql = "SELECT status, COUNT(*) FROM event_participants WHERE event_id = ? GROUP BY status"
    return {status: int(count) for status, count in reader.connection.execute(sql, (event_id,))}


def sheet_contacts(reader: QuickReader, event_id: int) -> list[SheetContact]:
    """The sheet's lines linked to a contact, by line number."""
    sql = (
        "SELECT l.consents, l.outcome, c.id, c.circle, c.anonymised_at IS NOT NULL, c.kind, c.first_name,"
        " c.last_name, c.organisation, c.email FROM sign_in_lines l JOIN contacts c ON c.id = l.contact_id"
        " WHERE l.event_id = ? ORDER BY l.line_no"
    )
    return [
        SheetContact(tuple(p for p in row[0].split(",") if p), row[1], int(row[2]), row[3], bool(row[4]), *row[5:])
        for row in reader.connection.execute(sql, (event_id,))
    ]


def consents_from(reader: QuickReader, event_id: int) -> dict[str, int]:
    """Consents recorded from the event's sheet, by purpose (withdrawn ones too: they were collected there)."""
    sql = "SELECT purpose, COUNT(*) FROM consents WHERE event_id = ? GROUP BY purpose"
    return {purpose: int(count) for purpose, count in reader.connection.execute(sql, (event_id,))}
