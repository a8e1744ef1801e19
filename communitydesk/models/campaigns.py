"""Crowdfunding campaigns: tiers (contreparties), contributions, reward fulfilment, import mappings.

Money is integer cents. Statuses are the slugs of ``communitydesk.rules.campaigns``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from communitydesk.models.base import Base, Tracked, UTCDateTime, utcnow
from communitydesk.models.contacts import Contact
from communitydesk.rules.campaigns import (
    CampaignStatus,
    CampaignType,
    FulfilmentState,
    PaymentStatus,
    Platform,
)


class Campaign(Tracked, Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(20), default=CampaignType.RECOMPENSE.value)
    platform: Mapped[str] = mapped_column(String(20), default=Platform.ULULE.value)
    goal_cents: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    # The day the team started telling proches and communauté (pre-launch checklist counts from it).
    preparation_starts_on: Mapped[date | None] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=CampaignStatus.PREPARATION.value, index=True)

    tiers: Mapped[list[Tier]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="Tier.amount_cents"
    )
    contributions: Mapped[list[Contribution]] = relationship(back_populates="campaign", cascade="all, delete-orphan")


class Tier(Tracked, Base):
    """A contrepartie: what a backer gets for a given amount, maybe in limited stock."""

    __tablename__ = "campaign_tiers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    stock_limit: Mapped[int | None] = mapped_column(Integer)  # None: unlimited
    estimated_delivery: Mapped[date | None] = mapped_column(Date)

    campaign: Mapped[Campaign] = relationship(back_populates="tiers")

    # Imports find the tier by its title within the campaign.
    __table_args__ = (UniqueConstraint("campaign_id", "title", name="uq_campaign_tiers_campaign_id_title"),)


class Contribution(Tracked, Base):
    __tablename__ = "contributions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    # None: an anonymous backer the platform told us nothing about.
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_tiers.id", ondelete="RESTRICT"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    contributed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    platform: Mapped[str] = mapped_column(String(20), default=Platform.AUTRE.value)
    # The platform's own id of the contribution; None for contributions entered by hand.
    platform_reference: Mapped[str | None] = mapped_column(String(100))
    payment_status: Mapped[str] = mapped_column(String(20), default=PaymentStatus.VALID.value)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    # Name as the platform gave it, shown when there is no contact (or the contact was erased).
    backer_name: Mapped[str] = mapped_column(String(200), default="")
    # True when the import of this contribution created the contact: "new contacts brought in".
    brought_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    # The ambassador whose referral brought this contribution (migration 0009).
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("ambassadors.id", ondelete="SET NULL"))
    # Part of amount_cents paid for postage (an order's "Frais de port").
    shipping_cents: Mapped[int] = mapped_column(Integer, default=0)
    # Where the platform was told to send the rewards: kept apart from the contact's own
    # address (a gift sent to someone else), blanked by an erasure like the backer's name.
    ship_first_name: Mapped[str] = mapped_column(String(100), default="")
    ship_last_name: Mapped[str] = mapped_column(String(100), default="")
    ship_address: Mapped[str] = mapped_column(Text, default="")
    ship_postcode: Mapped[str] = mapped_column(String(20), default="")
    ship_city: Mapped[str] = mapped_column(String(100), default="")
    ship_country: Mapped[str] = mapped_column(String(100), default="")

    campaign: Mapped[Campaign] = relationship(back_populates="contributions")
    contact: Mapped[Contact | None] = relationship()
    tier: Mapped[Tier | None] = relationship()
    fulfilment: Mapped[Fulfilment | None] = relationship(
        back_populates="contribution", cascade="all, delete-orphan", uselist=False
    )
    lines: Mapped[list[ContributionLine]] = relationship(
        back_populates="contribution", cascade="all, delete-orphan", order_by="ContributionLine.position"
    )

    __table_args__ = (
        # Re-importing an export adds nothing: a platform reference exists once per platform.
        UniqueConstraint("platform", "platform_reference", name="uq_contributions_platform_platform_reference"),
        Index("ix_contributions_campaign_id_payment_status", "campaign_id", "payment_status"),
        Index("ix_contributions_referred_by_id", "referred_by_id", sqlite_where=text("referred_by_id IS NOT NULL")),
    )


class ContributionLine(Base):
    """One line of a platform order: a reward (or a free gift, tier None) times a quantity.

    Only imported orders have lines; the lines plus ``shipping_cents`` add up to the
    contribution's amount. Written by the import only, so not ``Tracked``.
    """

    __tablename__ = "contribution_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_tiers.id", ondelete="RESTRICT"), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_cents: Mapped[int] = mapped_column(Integer, default=0)

    contribution: Mapped[Contribution] = relationship(back_populates="lines")
    tier: Mapped[Tier | None] = relationship()


class Fulfilment(Tracked, Base):
    """Where the reward of one contribution stands; a contribution without one is "à préparer"."""

    __tablename__ = "fulfilments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(String(20), default=FulfilmentState.A_PREPARER.value)
    note: Mapped[str] = mapped_column(Text, default="")

    contribution: Mapped[Contribution] = relationship(back_populates="fulfilment")


class ImportMapping(Tracked, Base):
    """A saved column mapping for a platform's CSV export: JSON {field: header}."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    platform: Mapped[str] = mapped_column(String(20), default=Platform.AUTRE.value)
    columns: Mapped[str] = mapped_column(Text, default="{}")
