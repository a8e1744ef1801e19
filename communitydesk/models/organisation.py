"""Who uses the app (profiles) and the organisation's own settings."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, Tracked


class Profile(Tracked, Base):
    """A person using this database: a founder, or a volunteer on the shared office PC."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="admin")  # admin | benevole


class AppSetting(Tracked, Base):
    """Settings that belong to the database, not to the computer: rhythms, identity, backups.

    The value is JSON text; services/settings.py gives it types.
    """

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="null")
