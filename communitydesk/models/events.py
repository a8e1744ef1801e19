"""Events (issue #18): réunions, ateliers, stands…, who was invited, registered and came,
the consent wordings printed on sign-in sheets, and the sheets as typed back line by line.

Kinds and statuses are the slugs of ``communitydesk.rules.events``. An event records the
version of the consent wordings current when it was created: the sheet printed for it
carries those words, and the consents typed back from it cite them.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, Tracked, UTCDateTime, utcnow
from communitydesk.rules.events import EventKind, ParticipantStatus


class Event(Tracked, Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), default=EventKind.AUTRE.value)
    starts_on: Mapped[date] = mapped_column(Date)
    # Local (Europe/Paris) wall-clock times; None: not said.
    starts_time: Mapped[time | None] = mapped_column(Time)
    ends_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    # Registration or information page: the poster's QR code.
    url: Mapped[str] = mapped_column(String(500), default="")
    organiser_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    expected_circles: Mapped[str] = mapped_column(String(100), default="")  # comma-separated circle slugs
    capacity: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    # The version of the consent wordings printed on this event's sheet.
    wording_version: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (Index("ix_events_starts_on", "starts_on"),)


class EventParticipant(Base):
    """A contact invited to, registered for or present at an event (one row per pair)."""

    __tablename__ = "event_participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ParticipantStatus.INVITE.value)
    invited_from: Mapped[str] = mapped_column(String(100), default="")  # the segment's name, or ""
    registered_on: Mapped[date | None] = mapped_column(Date)
    sheet_line: Mapped[int | None] = mapped_column(Integer)  # the line of the sign-in sheet they signed

    __table_args__ = (UniqueConstraint("event_id", "contact_id", name="uq_event_participants_event_contact"),)


class ConsentWording(Base):
    """The exact sentence printed for a consent purpose; editing it adds a version."""

    __tablename__ = "consent_wordings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purpose: Mapped[str] = mapped_column(String(30))
    version: Mapped[int] = mapped_column(Integer)
    wording: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("purpose", "version", name="uq_consent_wordings_purpose_version"),)


class SignInLine(Base):
    """One numbered line of a paper sign-in sheet as typed back (saved as typed: resumable)."""

    __tablename__ = "sign_in_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    last_name: Mapped[str] = mapped_column(String(100), default="")
    first_name: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    consents: Mapped[str] = mapped_column(String(100), default="")  # comma-separated purpose slugs ticked
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    outcome: Mapped[str] = mapped_column(String(20), default="")  # matched, created, skipped
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    saved_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (UniqueConstraint("event_id", "line_no", name="uq_sign_in_lines_event_line"),)
