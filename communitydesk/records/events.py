"""The plain records of events that services fill and screens, the CLI, exports and PDFs read.

Kinds, statuses, consent purposes and match reasons are the slugs of ``communitydesk.rules.events``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from communitydesk.rules.circles import circle_label
from communitydesk.rules.events import ConsentPurpose, MatchReason, ParticipantStatus, event_kind_label


@dataclass(frozen=True)
class EventDraft:
    """What a user types about an event (create or update)."""

    name: str = ""
    starts_on: date | None = None
    kind: str = "autre"
    starts_time: time | None = None
    ends_time: time | None = None
    place: str = ""
    address: str = ""
    url: str = ""
    organiser_contact_id: int | None = None
    campaign_id: int | None = None
    expected_circles: tuple[str, ...] = ()
    capacity: int | None = None
    description: str = ""


@dataclass(frozen=True)
class EventFilter:
    """Which events a list shows: a day range (both ends included), a kind, upcoming or past only."""

    after: date | None = None
    before: date | None = None
    kind: str | None = None
    upcoming: bool | None = None  # True: today and later; False: before today; None: all


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    kind: str
    kind_label: str
    starts_on: date
    starts_time: time | None
    place: str
    registered: int  # inscrit, present, absent or excusé
    present: int
    capacity: int | None


@dataclass(frozen=True)
class ParticipantRow:
    contact_id: int
    name: str
    circle: str
    status: str
    invited_from: str = ""
    registered_on: date | None = None
    sheet_line: int | None = None
    email: str = ""
    phone: str = ""

    @property
    def status_label(self) -> str:
        return ParticipantStatus(self.status).label()

    @property
    def circle_label(self) -> str:
        return circle_label(self.circle)


@dataclass(frozen=True)
class WordingRecord:
    """The sentence printed for a consent purpose, in one version."""

    purpose: str
    version: int
    wording: str
    published_on: date

    @property
    def label(self) -> str:
        return ConsentPurpose(self.purpose).label()


@dataclass(frozen=True)
class EventRecord:
    """Everything about one event: its fields, participants (by name), the wordings its sheet prints."""

    id: int
    version_id: int
    draft: EventDraft
    wording_version: int
    participants: tuple[ParticipantRow, ...] = ()
    wordings: tuple[WordingRecord, ...] = ()  # one per ConsentPurpose, in that order
    organiser_name: str = ""
    campaign_name: str = ""

    @property
    def name(self) -> str:
        return self.draft.name

    @property
    def kind_label(self) -> str:
        return event_kind_label(self.draft.kind)

    @property
    def registered(self) -> int:
        return sum(1 for p in self.participants if p.status != ParticipantStatus.INVITE)

    @property
    def present(self) -> int:
        return sum(1 for p in self.participants if p.status == ParticipantStatus.PRESENT)


@dataclass(frozen=True)
class SignInLineDraft:
    """One line of the paper sheet as typed back; ``consents``: the purposes ticked (slugs)."""

    last_name: str = ""
    first_name: str = ""
    email: str = ""
    phone: str = ""
    consents: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignInLineRecord:
    event_id: int
    line_no: int
    draft: SignInLineDraft
    contact_id: int | None
    contact_name: str
    outcome: str  # matched, created, skipped
    saved_at: datetime
    saved_by: str
    reason: str = ""  # how it was matched (MatchReason slug), "" when created or skipped
    # What this save added (0 when the line was saved before): the figures of an import.
    added_attendance: bool = False
    added_consents: int = 0
    warning: str = ""  # e.g. a name that several contacts carry: a new contact was created


@dataclass(frozen=True)
class MatchCandidate:
    contact_id: int
    name: str
    circle: str
    reason: str  # MatchReason slug: email, phone or name

    @property
    def reason_label(self) -> str:
        return MatchReason(self.reason).label()


@dataclass(frozen=True)
class ProposedMove:
    """An attendee who could move to an inner circle, and why."""

    contact_id: int
    name: str
    from_circle: str
    to_circle: str
    reason: str


@dataclass(frozen=True)
class EventReport:
    event_id: int
    name: str
    starts_on: date
    kind: str
    place: str
    registered: int
    present: int
    attendance_rate: float | None  # present / registered; None when nobody registered
    new_contacts: int  # contacts created from the sign-in sheet
    proposed_moves: tuple[ProposedMove, ...] = ()
    consents: tuple[tuple[str, int], ...] = ()  # (purpose slug, how many) in ConsentPurpose order
    sheet_lines: int = 0

    @property
    def consents_total(self) -> int:
        return sum(n for _purpose, n in self.consents)


@dataclass(frozen=True)
class EventMoment:
    """An event as the dashboard names it: when, how many registered and came."""

    id: int
    name: str
    starts_on: date
    starts_time: time | None
    registered: int
    present: int

    @property
    def attendance_rate(self) -> float | None:
        return self.present / self.registered if self.registered else None


@dataclass(frozen=True)
class EventFigures:
    """The events' figures of the dashboard card and ``stats``."""

    total: int = 0
    upcoming: int = 0
    past: int = 0
    registered: int = 0
    present: int = 0
    next_event: EventMoment | None = None
    last_event: EventMoment | None = None

    def as_json(self) -> dict[str, int]:
        return {
            "total": self.total,
            "upcoming": self.upcoming,
            "past": self.past,
            "registered": self.registered,
            "present": self.present,
        }
