"""Segments: saved contact filters, reused by campaigns, the editorial calendar and PDF exports."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, Tracked


class Segment(Tracked, Base):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # JSON of services.contact_search.ContactFilter (circles, tags, text, overdue, flags, kind).
    criteria: Mapped[str] = mapped_column(Text, default="{}")
