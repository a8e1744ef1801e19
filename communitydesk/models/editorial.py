"""Editorial calendar: the ligne éditoriale (pillars, networks with their targets) and publications.

Networks and statuses are the slugs of ``communitydesk.rules.editorial``. A publication
without a planned day is an idea in the backlog.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from communitydesk.models.base import Base, Tracked, UTCDateTime, utcnow
from communitydesk.rules.editorial import PublicationStatus


class EditorialLine(Tracked, Base):
    """The one ligne éditoriale of the organisation (a single row, id 1)."""

    __tablename__ = "editorial_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tone: Mapped[str] = mapped_column(Text, default="")
    # Comma-separated circle slugs the communication speaks to first.
    target_circles: Mapped[str] = mapped_column(String(100), default="")
    target_segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    visual_identity: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class EditorialPillar(Tracked, Base):
    """A theme (pilier, rubrique) of the ligne éditoriale, with the colour the calendar shows."""

    __tablename__ = "editorial_pillars"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    colour: Mapped[str] = mapped_column(String(7), default="#4c72b0")  # #rrggbb
    description: Mapped[str] = mapped_column(Text, default="")
    target_circles: Mapped[str] = mapped_column(String(100), default="")
    target_segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class EditorialNetwork(Tracked, Base):
    """A network the organisation uses, and how often it means to publish there.

    The target is ``target_count`` publications every ``target_weeks`` weeks: LinkedIn 2
    every week, the newsletter 1 every 2 weeks. A count of 0 means no target.
    """

    __tablename__ = "editorial_networks"

    network: Mapped[str] = mapped_column(String(20), primary_key=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    target_count: Mapped[int] = mapped_column(Integer, default=0)
    target_weeks: Mapped[int] = mapped_column(Integer, default=1)
    # The organisation's page there, for the report and the ambassadors' brief.
    account_url: Mapped[str] = mapped_column(String(500), default="")


class Publication(Tracked, Base):
    __tablename__ = "publications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    pillar_id: Mapped[int | None] = mapped_column(ForeignKey("editorial_pillars.id", ondelete="SET NULL"), index=True)
    target_circle: Mapped[str | None] = mapped_column(String(20))
    target_segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    # None: an idea not yet placed on a day (the backlog).
    planned_on: Mapped[date | None] = mapped_column(Date)
    # Local (Europe/Paris) wall-clock time; None: the whole day.
    planned_time: Mapped[time | None] = mapped_column(Time)
    author: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default=PublicationStatus.IDEE.value)
    link: Mapped[str] = mapped_column(String(500), default="")
    # Paths of attached files (images, videos), one per line.
    attachments: Mapped[str] = mapped_column(Text, default="")
    # Paid or gifted by the organisation (an ambassador, a partner): the post must then
    # carry the « collaboration commerciale » mention (law of 9 June 2023).
    sponsored: Mapped[bool] = mapped_column(Boolean, default=False)
    commercial_mention: Mapped[bool] = mapped_column(Boolean, default=False)
    # The ambassador or partner who publishes it, when it is not the organisation itself.
    partner_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    networks: Mapped[list[PublicationNetwork]] = relationship(
        back_populates="publication", cascade="all, delete-orphan", order_by="PublicationNetwork.network"
    )
    status_changes: Mapped[list[PublicationStatusChange]] = relationship(
        back_populates="publication", cascade="all, delete-orphan", order_by="PublicationStatusChange.id"
    )

    __table_args__ = (
        # The calendar reads a date range, by status.
        Index("ix_publications_planned_on_status", "planned_on", "status"),
    )


class PublicationNetwork(Base):
    """A publication on one network, with the results read there once it is published."""

    __tablename__ = "publication_networks"

    publication_id: Mapped[int] = mapped_column(ForeignKey("publications.id", ondelete="CASCADE"), primary_key=True)
    network: Mapped[str] = mapped_column(String(20), primary_key=True)
    # None: not measured yet (0 is a measured nothing).
    views: Mapped[int | None] = mapped_column(Integer)
    reactions: Mapped[int | None] = mapped_column(Integer)
    comments: Mapped[int | None] = mapped_column(Integer)
    shares: Mapped[int | None] = mapped_column(Integer)
    measured_on: Mapped[date | None] = mapped_column(Date)

    publication: Mapped[Publication] = relationship(back_populates="networks")

    __table_args__ = (Index("ix_publication_networks_network", "network"),)


class PublicationStatusChange(Base):
    """Who moved a publication from one status to another, and when (approvals included)."""

    __tablename__ = "publication_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publications.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(100), default="")

    publication: Mapped[Publication] = relationship(back_populates="status_changes")


class FollowerCount(Base):
    """The size of the organisation's audience on a network on a given day (growth rate)."""

    __tablename__ = "network_followers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    network: Mapped[str] = mapped_column(String(20))
    measured_on: Mapped[date] = mapped_column(Date)
    followers: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("network", "measured_on", name="uq_network_followers_network_measured_on"),)
