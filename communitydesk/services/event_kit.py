"""The event documents' data: the kit (the event, its consent wordings as printed, who registered)
and the report (services.event_figures' figures, never counted again here).

Read on the quick path (db.event_kit_reads: no SQLAlchemy), like the other small documents;
the renderer is reports.event_kit, the catalogue's ``event-kit``. ``sheet_people`` is the
one definition of the printed sheet's pre-filled lines (who, in which order), so that typing
the sheet back can show the same name on the same number.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from communitydesk.db.event_kit_reads import (
    EventRow,
    ParticipantRow,
    event,
    event_names,
    has_event_tables,
    participants,
    wordings_at,
)
from communitydesk.db.quick_reads import QuickReader
from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.records.event_kit import EventKitData, EventReportDocument, KitEvent, KitPerson, KitWording
from communitydesk.rules.contact_names import display_name
from communitydesk.rules.events import (
    REGISTERED_STATUSES,
    ConsentPurpose,
    ParticipantStatus,
    event_kind_label,
    event_named,
    sheet_order,
)
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import HasPath, reading
from communitydesk.services.permissions import Action, Actor, require

# Pre-filled on the sheet and the badges: whoever registered and has not cancelled.
SHEET_STATUSES = REGISTERED_STATUSES - {ParticipantStatus.EXCUSE}


def _person(row: ParticipantRow) -> KitPerson:
    first, last, organisation = row.first_name, row.last_name, row.organisation
    if row.kind == "organisation" and organisation:
        first, last, organisation = "", organisation, ""
    elif not (first or last or organisation):
        last = display_name(row.kind, first, last, organisation, row.email)
    return KitPerson(
        contact_id=row.contact_id,
        first_name=first,
        last_name=last,
        organisation=organisation,
        email=row.email,
        phone=row.phone,
        status=row.status,
        status_label=ParticipantStatus(row.status).label(),
    )


def _by_name(
    reader: QuickReader, event_id: int, statuses: Iterable[str], *, registered: bool = False
) -> tuple[KitPerson, ...]:
    """Participants sorted as the contact lists sort (``contacts.sort_name`` may not be indexed yet)."""
    rows = participants(reader, event_id, statuses, registered=registered)
    rows.sort(key=lambda r: sheet_order(r.kind, r.first_name, r.last_name, r.organisation, r.email, r.contact_id))
    return tuple(map(_person, rows))


def _sheet_people(reader: QuickReader, event_id: int) -> tuple[KitPerson, ...]:
    # Who registered, present or absent since: a reprint after the event keeps each on their line.
    return _by_name(reader, event_id, SHEET_STATUSES, registered=True)


def sheet_people(source: Path | HasPath, actor: Actor, event_id: int) -> tuple[KitPerson, ...]:
    """The sheet's pre-filled lines: line n is the n-th person (registered, not excused, by name)."""
    require(actor, Action.READ)
    with reading(source) as reader:
        return _sheet_people(reader, event_id)


def _chosen_event(reader: QuickReader, event_name: str | None) -> EventRow:
    if not has_event_tables(reader):
        raise ValidationError(_("Cette base n'a pas encore d'événements."), "event")
    row = event(reader, event_named(event_names(reader), event_name))
    assert row is not None  # just found by its number, in the same read
    return row


def event_kit_data(source: Path | HasPath, actor: Actor, event_name: str | None) -> EventKitData:
    """The kit of the event numbered or named by ``event_name``."""
    require(actor, Action.READ)
    with reading(source) as reader:
        row = _chosen_event(reader, event_name)
        identity = identity_in(reader)
        sheet = _sheet_people(reader, row.id)
        registered = _by_name(reader, row.id, REGISTERED_STATUSES)
        stored = wordings_at(reader, row.wording_version)
    # Creating an event writes the wordings; a base without them (edited by hand) prints version 1's defaults.
    defaults = {purpose.value: (1, purpose.default_wording(identity.name)) for purpose in ConsentPurpose}
    wordings = tuple(
        KitWording(purpose.value, purpose.label(), *stored.get(purpose.value, defaults[purpose.value]))
        for purpose in ConsentPurpose
    )
    kit_event = KitEvent(
        id=row.id,
        name=row.name,
        kind_label=event_kind_label(row.kind),
        starts_on=row.starts_on,
        starts_time=row.starts_time,
        ends_time=row.ends_time,
        place=row.place,
        address=row.address,
        url=row.url,
        description=row.description,
        capacity=row.capacity,
    )
    return EventKitData(
        identity=identity,
        event=kit_event,
        wordings=wordings,
        sheet=sheet,
        registered=registered,
        qr_url=row.url or identity.website,
    )


def event_report_data(source: Path | HasPath, actor: Actor, event_name: str | None) -> EventReportDocument:
    """The report of the event numbered or named by ``event_name``."""
    require(actor, Action.READ)
    with reading(source) as reader:
        row = _chosen_event(reader, event_name)
        identity = identity_in(reader)
    from communitydesk.services.event_figures import event_report  # the report's reads: not the kit's

    return EventReportDocument(identity, event_report(source, actor, row.id), row.starts_time, row.ends_time)
