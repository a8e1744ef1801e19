"""GDPR consent records: what a person agreed to, when, in which words, how it was collected."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, UTCDateTime, utcnow


class Consent(Base):
    """One consent for one purpose; withdrawing keeps the record and sets ``withdrawn_at``."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(200))
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The exact sentence the person agreed to (the proof the RGPD asks for).
    wording: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(200), default="")  # form, paper sheet, e-mail...
    # The event whose sign-in sheet collected it (0012): found by id, never by the source's
    # text, which names the event as it was then; NULL once the event is deleted.
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (Index("ix_consents_event_id", "event_id", sqlite_where=text("event_id IS NOT NULL")),)
