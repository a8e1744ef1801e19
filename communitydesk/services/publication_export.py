"""Export the editorial calendar: an ICS file for calendar programs, the plan as a CSV file.

The ICS holds one event per dated publication that is not abandoned (a whole day when it has
no time) and one per event of the organisation (``--only`` keeps one kind). UIDs are
``publication-<id>@<the base's id>`` and ``event-<id>@…``, so exporting again updates the
events a calendar imported. The CSV holds the plan as the calendar and the ideas backlog show it, with the
headers the import reads: exported, edited in Excel and imported again, it updates the plan.
Both read the publications through ``services/editorial``.
Both files are written whole or not at all (``services/atomic_files``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.exporters import publications_csv, publications_ics
from communitydesk.exporters.publications_ics import CalendarEntry
from communitydesk.i18n import _
from communitydesk.rules.editorial import Network, PublicationStatus
from communitydesk.services import editorial, events
from communitydesk.services.atomic_files import write_atomically
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.settings import base_identifier, organisation


class CalendarContent(StrEnum):
    ALL = "all"
    PUBLICATIONS = "publications"
    EVENTS = "events"  # the organisation's events (#18)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


def publication_uid(publication_id: int, base_id: str) -> str:
    return f"publication-{publication_id}@{base_id}.communitydesk"


def export_calendar(
    db: Database,
    actor: Actor,
    out: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    content: CalendarContent = CalendarContent.ALL,
) -> ExportResult:
    """Write the ICS file of the planned publications (and events) from ``start`` to ``end``, both included."""
    require(actor, Action.EXPORT)
    if start is not None and end is not None and end < start:
        raise ValidationError(
            _(
                "La période est inversée : le début ({start}) est après la fin ({end}).",
                start=start.isoformat(),
                end=end.isoformat(),
            ),
            "period",
        )
    base_id = base_identifier(db)
    entries: list[CalendarEntry] = []
    with db.snapshot() as session:
        if content in (CalendarContent.ALL, CalendarContent.PUBLICATIONS):
            entries.extend(_publication_entries(session, actor, base_id, start, end))
        if content in (CalendarContent.ALL, CalendarContent.EVENTS):
            entries.extend(_event_entries(session, actor, base_id, start, end))
        name = organisation(session, actor).name.strip()
    if content is CalendarContent.EVENTS:
        title = _("Événements – {name}", name=name) if name else _("Événements")
    else:
        title = _("Calendrier éditorial – {name}", name=name) if name else _("Calendrier éditorial")
    calendar = publications_ics.build_calendar(entries, title)
    count = write_atomically(Path(out), "utf-8", lambda stream: publications_ics.write_calendar(stream, calendar))
    return ExportResult(Path(out), count)


def _publication_entries(
    session: Session, actor: Actor, base_id: str, start: date | None, end: date | None
) -> Iterator[CalendarEntry]:
    for publication in editorial.publications_between(session, actor, start or date.min, end or date.max):
        if publication.status == PublicationStatus.ABANDONNEE.value or publication.planned_on is None:
            continue
        networks = ", ".join(Network(network).label() for network in publication.networks)
        title = publication.title or " ".join(publication.body.split())[:80]
        details = [publication.body.strip(), _("Statut : {status}", status=publication.status_label)]
        if publication.author:
            details.append(_("Auteur : {name}", name=publication.author))
        yield CalendarEntry(
            uid=publication_uid(publication.id, base_id),
            sequence=publication.version_id,
            day=publication.planned_on,
            at=publication.planned_time,
            summary=f"[{networks}] {title}" if networks else title,
            description="\n\n".join(part for part in details if part),
            url=publication.link,
            categories=(publication.pillar_name,) if publication.pillar_name else (),
        )


def event_uid(event_id: int, base_id: str) -> str:
    return f"event-{event_id}@{base_id}.communitydesk"


# An event whose end is not said takes this long in a calendar.
EVENT_LENGTH = timedelta(hours=2)


def _event_entries(
    session: Session, actor: Actor, base_id: str, start: date | None, end: date | None
) -> Iterator[CalendarEntry]:
    for record in events.events_between(session, actor, start or date.min, end or date.max):
        draft = record.draft
        assert draft.starts_on is not None  # stored events always have their day
        ends = draft.ends_time
        if draft.starts_time is not None and ends is None:
            later = datetime.combine(draft.starts_on, draft.starts_time) + EVENT_LENGTH
            ends = later.time() if later.date() == draft.starts_on else clock(23, 59)
        details = [draft.description, _("Type : {kind}", kind=record.kind_label)]
        if draft.address:
            details.append(draft.address)
        yield CalendarEntry(
            uid=event_uid(record.id, base_id),
            sequence=record.version_id,
            day=draft.starts_on,
            at=draft.starts_time,
            summary=draft.name,
            description="\n\n".join(part for part in details if part),
            url=draft.url,
            categories=(record.kind_label,),
            ends_at=ends,
            location=", ".join(part for part in (draft.place, " ".join(draft.address.split())) if part),
            busy=True,
        )


def export_plan(db: Database, actor: Actor, out: Path) -> ExportResult:
    """Write the plan as the calendar and the ideas backlog show it (every dated publication, the
    ideas still to do) to a CSV file French Excel opens and the import reads back."""
    require(actor, Action.EXPORT)
    with db.snapshot() as session:
        lines = [
            *editorial.publications_between(session, actor, date.min, date.max),
            *editorial.ideas_backlog(session, actor),
        ]
    count = write_atomically(
        Path(out), publications_csv.ENCODING, lambda stream: publications_csv.write_plan_csv(stream, lines)
    )
    return ExportResult(Path(out), count)
