"""The plain records the campaign services take and give back (frozen dataclasses).

Kept apart from the services so that screens can import them without SQLAlchemy:
the campaign page builds instantly, the ORM is loaded by its first background task.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from communitydesk.rules import pacing
from communitydesk.rules.campaigns import CampaignStatus, CampaignType, PaymentStatus, Platform, backer_label


@dataclass(frozen=True)
class CampaignInput:
    """What a user types to create or edit a campaign."""

    name: str
    type: str = CampaignType.RECOMPENSE.value
    platform: str = Platform.ULULE.value
    goal_cents: int = 0
    currency: str = "EUR"
    starts_on: date | None = None
    ends_on: date | None = None
    preparation_starts_on: date | None = None
    description: str = ""
    status: str = CampaignStatus.PREPARATION.value


@dataclass(frozen=True)
class CampaignRecord:
    id: int
    name: str
    type: str
    platform: str
    goal_cents: int
    currency: str
    starts_on: date | None
    ends_on: date | None
    preparation_starts_on: date | None
    description: str
    status: str
    version_id: int
    created_at: datetime

    def as_input(self) -> CampaignInput:
        return CampaignInput(
            name=self.name,
            type=self.type,
            platform=self.platform,
            goal_cents=self.goal_cents,
            currency=self.currency,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            preparation_starts_on=self.preparation_starts_on,
            description=self.description,
            status=self.status,
        )


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
class TierInput:
    title: str
    amount_cents: int = 0
    description: str = ""
    stock_limit: int | None = None
    estimated_delivery: date | None = None


@dataclass(frozen=True)
class TierRecord:
    id: int
    campaign_id: int
    title: str
    amount_cents: int
    description: str
    stock_limit: int | None
    estimated_delivery: date | None
    version_id: int
    taken: int  # valid or pending contributions holding this reward

    @property
    def stock_left(self) -> int | None:
        """None for an unlimited tier; never below 0."""
        return None if self.stock_limit is None else max(0, self.stock_limit - self.taken)

    def as_input(self) -> TierInput:
        return TierInput(self.title, self.amount_cents, self.description, self.stock_limit, self.estimated_delivery)


@dataclass(frozen=True)
class ContributionInput:
    amount_cents: int
    contributed_at: datetime | None = None  # aware; now when None
    contact_id: int | None = None
    tier_id: int | None = None
    payment_status: str = PaymentStatus.VALID.value
    anonymous: bool = False
    backer_name: str = ""
    platform_reference: str | None = None


@dataclass(frozen=True)
class ContributionRecord:
    id: int
    campaign_id: int
    contact_id: int | None
    backer: str  # the contact's name, else the name the platform gave
    circle: str | None
    tier_id: int | None
    tier_title: str
    amount_cents: int
    contributed_at: datetime
    platform: str
    platform_reference: str | None
    payment_status: str
    anonymous: bool
    version_id: int
    amount_shown: bool = True  # False: the profile may not see what one person gave (amount_cents is 0)


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
class TierFigure:
    tier_id: int
    title: str
    amount_cents: int
    contributions: int
    total_cents: int
    stock_left: int | None


@dataclass(frozen=True)
class CampaignDashboard:
    campaign: CampaignRecord
    today: date
    total_cents: int
    goal_ratio: float | None
    days_left: int | None
    contributions: int
    backers: int
    refunded_cents: int
    pending_cents: int
    cumulative: pacing.DaySeries
    goal_line: pacing.DaySeries
    projection: pacing.DaySeries
    projected_total_cents: int
    by_circle: dict[str, pacing.CircleShare]
    top_tiers: list[TierFigure]
    new_contacts: int
    close_circles: pacing.CloseCirclesCheck
    refunded_contributions: int = 0

    @property
    def rewards_cents(self) -> int:
        """What the valid contributions holding a contrepartie brought (the tiers' total)."""
        return sum(tier.total_cents for tier in self.top_tiers)

    @property
    def without_reward_cents(self) -> int:
        """The rest of the amount collected: valid contributions that chose no contrepartie."""
        return self.total_cents - self.rewards_cents

    @property
    def without_reward_contributions(self) -> int:
        return self.contributions - sum(tier.contributions for tier in self.top_tiers)


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
class FulfilmentLine:
    """One reward owed: who, where to send it, which contrepartie, where it stands."""

    contribution_id: int
    reference: str
    backer: str
    email: str
    phone: str
    address: str
    postcode: str
    city: str
    country: str
    tier_id: int
    tier_title: str
    amount_cents: int
    contributed_at: datetime
    state: str
    state_changed_at: datetime | None  # None while still "à préparer" untouched
    note: str
    quantity: int = 1  # of this contrepartie, in an imported order
    recipient: str = ""  # the name the platform gave for the parcel, when it is not the backer's
    anonymous: bool = False  # the backer asked the platform not to show their name
    amount_shown: bool = True  # False: the profile may not see what one person gave (amount_cents is 0)

    @property
    def backer_label(self) -> str:
        """The backer as lists show them: an anonymous one by its platform reference."""
        return backer_label(self.backer, self.anonymous, self.reference)

    @property
    def reach(self) -> str:
        """How to reach the backer: the phone, else the e-mail."""
        return self.phone or self.email

    @property
    def reward(self) -> str:
        """The contrepartie to send: ``Affiche × 2`` when an order holds several."""
        return self.tier_title if self.quantity == 1 else f"{self.tier_title} × {self.quantity}"


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
