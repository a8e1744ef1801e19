"""The figures services.campaign_figures assembles for the campaign page and the campaign PDFs:
a campaign's dashboard, its rewards' figures, the rewards it owes (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from communitydesk.records.campaigns import CampaignRecord
from communitydesk.rules import pacing
from communitydesk.rules.campaigns import backer_label


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
