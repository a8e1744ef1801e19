"""A campaign, its rewards and its contributions as a user types them and as they are stored
(frozen dataclasses).

Kept apart from the services so that screens can import them without SQLAlchemy. The
figures assembled from them are in ``records.campaign_figures``, the Campagnes page's own
lists in ``records.campaign_page``: a campaign document imports only what it prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from communitydesk.rules.campaigns import CampaignStatus, CampaignType, PaymentStatus, Platform


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
