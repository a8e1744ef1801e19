"""What the Campagnes page (and a contact's sheet) lists beside the figures: the campaign list,
the pre-launch checklist, contacts not told yet, move proposals, a contact's contributions,
and the whole detail of one campaign (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from communitydesk.records.campaign_figures import CampaignDashboard, FulfilmentLine
from communitydesk.records.campaigns import CampaignRecord, ContributionRecord, TierRecord


@dataclass(frozen=True)
class CampaignSummary:
    """One line of the campaign list: the campaign and its headline figures."""

    campaign: CampaignRecord
    total_cents: int
    contributions: int
    backers: int
    goal_ratio: float | None
    days_left: int | None


@dataclass(frozen=True)
class ContactContribution:
    """One contribution of a contact, as the contact sheet lists it."""

    contribution_id: int
    campaign_id: int
    campaign_name: str
    contributed_at: datetime
    amount_cents: int
    tier_title: str  # "" without a contrepartie
    payment_status: str
    amount_shown: bool = True  # False: the profile may not see what one person gave (amount_cents is 0)


@dataclass(frozen=True)
class CircleReach:
    circle: str
    contacts: int
    told: int


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool


@dataclass(frozen=True)
class PrelaunchChecklist:
    campaign: CampaignRecord
    since: date
    reach: list[CircleReach]  # proches then communauté
    close_target_cents: int  # ~30 % of the goal, expected from close circles
    close_cents: int  # what close circles gave so far (valid contributions)
    items: list[ChecklistItem] = field(default_factory=list)


@dataclass(frozen=True)
class UntoldContact:
    contact_id: int
    name: str
    circle: str
    email: str
    phone: str


@dataclass(frozen=True)
class MoveProposal:
    """A grand-public backer who could join the communauté."""

    contact_id: int
    name: str
    email: str
    contributions: int
    amount_cents: int
    amount_shown: bool = True  # False: the profile may not see what one person gave (amount_cents is 0)


@dataclass(frozen=True)
class CampaignDetail:
    """Everything the Campagnes page shows for one campaign, read on one snapshot."""

    dashboard: CampaignDashboard
    tiers: list[TierRecord]
    contributions: list[ContributionRecord]
    checklist: PrelaunchChecklist
    untold: list[UntoldContact]
    fulfilment: list[FulfilmentLine]
    proposals: list[MoveProposal]
