"""Declarative base and the columns every row carries (timestamps, optimistic locking)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime, Integer, MetaData, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from communitydesk.models import stored_time

if TYPE_CHECKING:
    from sqlalchemy.sql.type_api import _BindProcessorType, _ResultProcessorType

# Stable constraint names so that Alembic batch migrations can find them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC text (SQLite has no time zones), handed back as aware UTC.

    The text is ``stored_time``'s, not DateTime's own: db/'s quick reads decode the same
    text without SQLAlchemy. DateTime stays the declared type (DDL, ``python_type``).
    """

    impl = DateTime
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> _BindProcessorType[datetime]:
        encode = stored_time.encode

        def process(value: datetime | None) -> str | None:
            return None if value is None else encode(value)

        return process

    def result_processor(self, dialect: Dialect, coltype: object) -> _ResultProcessorType[datetime]:
        decode = stored_time.decode

        def process(value: Any) -> datetime | None:
            return None if value is None else decode(value)

        return process


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """created_at / updated_at, and a version_id that makes a stale save fail loudly."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, nullable=False)
    version_id: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version_id}
