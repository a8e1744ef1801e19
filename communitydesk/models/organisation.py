"""Who uses the app (profiles) and the organisation's own settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, Tracked, UTCDateTime


class Profile(Tracked, Base):
    """A person using this database: a founder, or a volunteer on the shared office PC."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="admin")  # services.permissions.Role
    # argon2id hashes (never the secret itself); NULL: no password, no PIN (0010).
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    pin_hash: Mapped[str | None] = mapped_column(String(200), default=None)
    # Failed logins in a row and the last one: the growing delay before the next try.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class AppSetting(Tracked, Base):
    """Settings that belong to the database, not to the computer: rhythms, identity, backups.

    The value is JSON text; services/settings.py gives it types.
    """

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="null")
