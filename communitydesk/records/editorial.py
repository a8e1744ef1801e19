"""The plain records of the editorial calendar that services fill and screens, exports and PDFs read.

Networks and statuses are the slugs of ``communitydesk.rules.editorial`` (``Network``,
``PublicationStatus``); ``label`` properties give the words to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from communitydesk.rules.editorial import Network, PublicationStatus


@dataclass(frozen=True)
class PillarRecord:
    """A theme of the ligne éditoriale; ``id=None`` is a new pillar for ``save_pillar``."""

    id: int | None = None
    name: str = ""
    colour: str = "#4c72b0"  # #rrggbb
    description: str = ""
    target_circles: tuple[str, ...] = ()
    archived: bool = False


@dataclass(frozen=True)
class NetworkTarget:
    """A network and how often the organisation publishes there: ``target_count`` every ``target_weeks`` weeks."""

    network: str
    active: bool = False
    target_count: int = 0
    target_weeks: int = 1
    account_url: str = ""

    @property
    def label(self) -> str:
        return Network(self.network).label()


@dataclass(frozen=True)
class EditorialLineRecord:
    """The ligne éditoriale: its fields, its pillars (archived ones last), every network in ``Network`` order."""

    tone: str = ""
    target_circles: tuple[str, ...] = ()
    target_segment_id: int | None = None
    visual_identity: str = ""
    notes: str = ""
    pillars: tuple[PillarRecord, ...] = ()
    networks: tuple[NetworkTarget, ...] = ()
    # None: never saved yet (a new base); a save with an older number is refused.
    version_id: int | None = None

    def network(self, network: str) -> NetworkTarget:
        return next(n for n in self.networks if n.network == network)


@dataclass(frozen=True)
class NetworkResult:
    """What a published post gathered on one network; None: not measured (0 is a measured nothing)."""

    network: str
    views: int | None = None
    reactions: int | None = None
    comments: int | None = None
    shares: int | None = None
    measured_on: date | None = None


@dataclass(frozen=True)
class PublicationDraft:
    """The fields a user edits on a publication (and an import fills), to create or update it.

    ``status`` is the starting status on creation; on update a different status is a move,
    checked like ``move_status``.
    """

    title: str = ""
    body: str = ""
    networks: tuple[str, ...] = ()
    pillar_id: int | None = None
    target_circle: str | None = None
    target_segment_id: int | None = None
    planned_on: date | None = None  # None: an idea in the backlog
    planned_time: time | None = None  # None: the whole day
    author: str = ""
    status: str = PublicationStatus.IDEE.value
    link: str = ""
    attachments: tuple[str, ...] = ()
    sponsored: bool = False
    commercial_mention: bool = False
    partner_contact_id: int | None = None


@dataclass(frozen=True)
class PublicationRecord:
    id: int
    title: str
    body: str
    networks: tuple[str, ...]
    pillar_id: int | None
    pillar_name: str
    pillar_colour: str
    target_circle: str | None
    target_segment_id: int | None
    planned_on: date | None
    planned_time: time | None
    author: str
    status: str
    link: str
    attachments: tuple[str, ...]
    sponsored: bool
    commercial_mention: bool
    partner_contact_id: int | None
    approved_by: str | None
    approved_at: datetime | None
    published_at: datetime | None
    version_id: int
    results: tuple[NetworkResult, ...]
    # Finished sentences to show beside the post (a sponsored post without its mention…).
    warnings: tuple[str, ...]

    @property
    def status_label(self) -> str:
        return PublicationStatus(self.status).label()

    def as_draft(self) -> PublicationDraft:
        return PublicationDraft(
            title=self.title,
            body=self.body,
            networks=self.networks,
            pillar_id=self.pillar_id,
            target_circle=self.target_circle,
            target_segment_id=self.target_segment_id,
            planned_on=self.planned_on,
            planned_time=self.planned_time,
            author=self.author,
            status=self.status,
            link=self.link,
            attachments=self.attachments,
            sponsored=self.sponsored,
            commercial_mention=self.commercial_mention,
            partner_contact_id=self.partner_contact_id,
        )


@dataclass(frozen=True)
class StatusChangeRecord:
    """One move of a post: from which status (None: its creation) to which, when and by whom."""

    from_status: str | None
    to_status: str
    changed_at: datetime
    changed_by: str


@dataclass(frozen=True)
class FollowerCountRecord:
    network: str
    measured_on: date
    followers: int


ContextKind = Literal["holiday", "campaign", "event"]


@dataclass(frozen=True)
class CalendarContext:
    """What else happens on a day, shown in the calendar's cell header."""

    day: date
    kind: ContextKind
    label: str


@dataclass(frozen=True)
class PublicationFilter:
    """What the calendar shows; an empty tuple keeps everything, ``text`` matches title and text (accents ignored)."""

    networks: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    pillar_ids: tuple[int, ...] = ()
    authors: tuple[str, ...] = ()
    text: str = ""
