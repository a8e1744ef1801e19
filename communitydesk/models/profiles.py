"""The rights of each role and the audit log (profiles themselves live in models/organisation.py).

``audit_log`` is append-only: migration 0010 gives it triggers that abort any UPDATE or
DELETE, so nothing in the app can edit it. Its rows name people by id only (``target``
like ``contact:42``), so that erasing a person leaves nothing about them here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, UTCDateTime, utcnow


class RoleRight(Base):
    """One right a role has (services.permissions.Role slug, Action value)."""

    __tablename__ = "role_rights"

    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    action: Mapped[str] = mapped_column(String(50), primary_key=True)


class AuditEntry(Base):
    """Who did (or tried) what, when, on what; written by services.audit only."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(100))  # the profile's name at the time
    action: Mapped[str] = mapped_column(String(50))  # an Action value, or login / login_failed / logout / lock
    target: Mapped[str] = mapped_column(Text, default="")  # ids only: contact:42, profile:3, export:contacts
    outcome: Mapped[str] = mapped_column(String(10))  # ok | refused | failed
    detail: Mapped[str] = mapped_column(Text, default="")  # never personal data nor a secret
