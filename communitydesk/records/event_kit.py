"""The event documents as their renderers read them: the kit (sign-in sheet, badges, poster, contact
cards, attendee list) and the report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

from communitydesk.records.identity import Identity

if TYPE_CHECKING:  # the kit alone does not load the report's thirteen records
    from communitydesk.records.events import EventReport


@dataclass(frozen=True)
class KitEvent:
    id: int
    name: str
    kind_label: str
    starts_on: date
    starts_time: time | None
    ends_time: time | None
    place: str
    address: str
    url: str
    description: str
    capacity: int | None


@dataclass(frozen=True)
class KitWording:
    """A consent purpose as printed on the sheet: its column heading and its exact sentence."""

    purpose: str  # slug (rules.events.ConsentPurpose)
    label: str
    version: int
    wording: str


@dataclass(frozen=True)
class KitPerson:
    """A registered participant: names as stored, status in the user's language."""

    contact_id: int
    first_name: str
    last_name: str
    organisation: str
    email: str
    phone: str
    status: str  # slug (rules.events.ParticipantStatus)
    status_label: str


@dataclass(frozen=True)
class EventKitData:
    identity: Identity
    event: KitEvent
    wordings: tuple[KitWording, ...]
    # Pre-filled on the sign-in sheet and the badges, in the sheet's line order.
    sheet: tuple[KitPerson, ...]
    # The organiser's list: every registered participant with their status.
    registered: tuple[KitPerson, ...]
    # What the poster's QR code opens: the event's page, else the organisation's site, else "" (no code).
    qr_url: str


@dataclass(frozen=True)
class EventReportDocument:
    """The event report PDF: services.event_figures' report as it is, and who prints it."""

    identity: Identity
    report: EventReport
    starts_time: time | None = None
    ends_time: time | None = None
