"""The figures of events: one event's report, and the dashboard's and ``stats``' totals.

Read on the quick path (db.event_reads, plain sqlite3: the dashboard, ``stats`` and the
event kit's PDF use them, before SQLAlchemy is loaded) and counted by rules.event_figures.
``source`` is a base's path or an open ``Database``: either way its committed state is read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from communitydesk.db import event_reads
from communitydesk.db.event_kit_reads import has_event_tables
from communitydesk.db.quick_reads import QuickReader
from communitydesk.errors import UserError
from communitydesk.formatting import local_today
from communitydesk.i18n import _
from communitydesk.records.events import EventFigures, EventReport, ProposedMove
from communitydesk.rules import event_figures as rules
from communitydesk.rules.contact_names import display_name
from communitydesk.rules.events import REGISTERED_STATUSES, ConsentPurpose, LineOutcome, ParticipantStatus
from communitydesk.services.document_source import HasPath, reading
from communitydesk.services.permissions import Action, Actor, require


def figures_in(reader: QuickReader, today: date | None = None) -> EventFigures:
    """Totals, the next event and the last one, on an open reader."""
    if not has_event_tables(reader):
        return EventFigures()  # a base from before the events
    today = today or local_today()
    every = event_reads.every_event(reader)
    totals = rules.totals((rules.EventFact(e.starts_on, e.registered, e.present) for e in every), today)
    coming = event_reads.next_event(reader, today)
    last = event_reads.last_event(reader, today)
    return EventFigures(
        total=totals.total,
        upcoming=totals.upcoming,
        past=totals.past,
        registered=totals.registered,
        present=totals.present,
        next_event=coming,
        last_event=last,
    )


def event_report(source: Path | HasPath, actor: Actor, event_id: int) -> EventReport:
    """Registered, present, attendance rate, contacts the sheet created, moves proposed, consents collected."""
    require(actor, Action.READ)
    with reading(source) as reader:
        heading = event_reads.event_heading(reader, event_id)
        if heading is None:
            raise UserError(_("L'événement n° {id} n'existe pas (ou plus).", id=event_id))
        statuses = event_reads.status_counts(reader, event_id)
        sheet = event_reads.sheet_contacts(reader, event_id)
        by_purpose = event_reads.consents_from(reader, event_id)
    registered = sum(n for status, n in statuses.items() if status in REGISTERED_STATUSES)
    present = statuses.get(ParticipantStatus.PRESENT.value, 0)
    moves: dict[int, ProposedMove] = {}
    for line in sheet:
        proposal = None if line.erased else rules.proposed_move(line.circle, line.consents, heading.name)
        if proposal is not None and line.contact_id not in moves:
            name = display_name(line.kind, line.first_name, line.last_name, line.organisation, line.email)
            moves[line.contact_id] = ProposedMove(
                line.contact_id, name, line.circle, proposal.to_circle, proposal.reason
            )
    return EventReport(
        event_id=event_id,
        name=heading.name,
        starts_on=heading.starts_on,
        kind=heading.kind,
        place=heading.place,
        registered=registered,
        present=present,
        attendance_rate=rules.attendance_rate(registered, present),
        new_contacts=len({line.contact_id for line in sheet if line.outcome == LineOutcome.CREATED}),
        proposed_moves=tuple(moves.values()),
        consents=tuple((p.value, by_purpose.get(p.value, 0)) for p in ConsentPurpose),
        sheet_lines=len(sheet),
    )
