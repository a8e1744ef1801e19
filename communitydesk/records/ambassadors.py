"""The plain records of the ambassador programme that services fill and screens, the CLI and PDFs read.

Types, stages, mission kinds and statuses, reward kinds and signature methods are the slugs
of ``communitydesk.rules.ambassadors``; ``label`` properties give the words to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from communitydesk.rules.ambassadors import (
    AmbassadorType,
    MissionKind,
    MissionStatus,
    RewardKind,
    SignatureMethod,
    Stage,
)


class _TypeAndStage:
    """The words of an ambassador's type and stage (their slugs are the record's own fields)."""

    type: str
    stage: str

    @property
    def type_label(self) -> str:
        return AmbassadorType(self.type).label()

    @property
    def stage_label(self) -> str:
        return Stage(self.stage).label()


@dataclass(frozen=True)
class RoleRecord:
    id: int | None
    name: str
    description: str = ""
    position: int = 0


@dataclass(frozen=True)
class LevelRecord:
    id: int | None
    slug: str
    name: str
    position: int = 0
    min_validated_missions: int = 0
    min_positive_percent: int = 0
    min_months: int = 0


@dataclass(frozen=True)
class AmbassadorDraft:
    """The fields a user edits on a membership (``enrol``, ``update_ambassador``)."""

    type: str = AmbassadorType.PASSIONNE.value
    role_ids: tuple[int, ...] = ()
    territory: str = ""
    skills: str = ""
    notes: str = ""
    # network slug → followers; replaces every audience on update.
    audiences: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class StageChangeRecord:
    from_stage: str | None
    to_stage: str
    changed_on: date
    changed_by: str

    @property
    def label(self) -> str:
        return Stage(self.to_stage).label()


@dataclass(frozen=True)
class MissionDraft:
    title: str
    kind: str = MissionKind.PUBLICATION.value
    description: str = ""
    points: int = 0
    due_on: date | None = None
    ambassador_id: int | None = None


@dataclass(frozen=True)
class MissionRecord:
    id: int
    title: str
    kind: str
    description: str
    points: int
    due_on: date | None
    ambassador_id: int | None
    ambassador_name: str
    status: str
    completed_on: date | None
    proof_link: str
    proof_file: str
    validated_by: str | None
    validated_at: datetime | None
    version_id: int

    @property
    def kind_label(self) -> str:
        return MissionKind(self.kind).label()

    @property
    def status_label(self) -> str:
        return MissionStatus(self.status).label()


@dataclass(frozen=True)
class MissionFilter:
    """Missions to list; None: any. ``unassigned`` keeps only missions nobody took yet."""

    ambassador_id: int | None = None
    status: str | None = None
    kind: str | None = None
    unassigned: bool = False


@dataclass(frozen=True)
class RewardRecord:
    id: int
    ambassador_id: int
    kind: str
    description: str
    value_cents: int
    given_on: date

    @property
    def kind_label(self) -> str:
        return RewardKind(self.kind).label()


@dataclass(frozen=True)
class CharterRecord:
    id: int
    version: int
    title: str
    ambassador_commitments: tuple[str, ...]
    organisation_commitments: tuple[str, ...]
    published_on: date


@dataclass(frozen=True)
class SignatureRecord:
    charter_id: int
    version: int
    signed_on: date
    method: str

    @property
    def method_label(self) -> str:
        return SignatureMethod(self.method).label()


@dataclass(frozen=True)
class ReferralCounts:
    """Whom an ambassador brought: contacts, and valid contributions with their amount."""

    contacts: int = 0
    contributions: int = 0
    amount_cents: int = 0


@dataclass(frozen=True)
class AmbassadorRow(_TypeAndStage):
    """One line of the ambassadors' list."""

    id: int
    contact_id: int
    name: str
    type: str
    stage: str
    stage_since: date
    territory: str
    referral_code: str
    points: int
    level: str  # slug; "" when no level is defined
    level_name: str


@dataclass(frozen=True)
class AmbassadorFilter:
    """Ambassadors to list; None or empty: any."""

    stage: str | None = None
    type: str | None = None
    role_id: int | None = None
    text: str = ""  # in the name, territory or skills (accents and case ignored)


@dataclass(frozen=True)
class AmbassadorRecord(_TypeAndStage):
    """One membership, with everything its sheet shows."""

    id: int
    contact_id: int
    name: str
    type: str
    roles: tuple[RoleRecord, ...]
    territory: str
    skills: str
    notes: str
    audiences: tuple[tuple[str, int], ...]
    stage: str
    stage_since: date
    referral_code: str
    referral_url: str  # "" when no base address is set: see ``referral_hint``
    referral_hint: str
    points: int
    level: LevelRecord | None
    referrals: ReferralCounts
    stage_changes: tuple[StageChangeRecord, ...] = ()
    missions: tuple[MissionRecord, ...] = ()
    rewards: tuple[RewardRecord, ...] = ()
    signatures: tuple[SignatureRecord, ...] = ()
    warnings: tuple[str, ...] = ()
    version_id: int = 1


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    count: int  # there now
    reached: int  # ever reached (from the stage history)
    # Share of those who reached the previous stage who reached this one; None for the first
    # stage, or when nobody reached the previous one.
    conversion: float | None

    @property
    def label(self) -> str:
        return Stage(self.stage).label()


@dataclass(frozen=True)
class FunnelRecord:
    steps: tuple[FunnelStep, ...]  # candidat → actif, in order
    inactive: int
    total: int
    counts: dict[str, int] = field(default_factory=dict)  # every stage, inactif included
