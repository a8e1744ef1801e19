"""How a moment is stored: the one codec of the ORM's column type and of db/'s quick reads.

Naive UTC text, "2026-03-01 08:30:00.000000" (SQLite has no time zones): text order is
time order, so ranges compare as text and use the indexes. No SQLAlchemy here, so that
the quick reads of the start-up and of small documents can use it without loading it.
"""

from __future__ import annotations

from datetime import UTC, datetime


def encode(moment: datetime) -> str:
    """The stored text of an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; use an aware (UTC) datetime")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def decode(text: str) -> datetime:
    """The aware UTC datetime of a stored text (older rows may lack the microseconds)."""
    if len(text) > len("2026-03-01"):
        # Read per row in long lists: parsing an offset is several times cheaper than replace().
        return datetime.fromisoformat(text + "+00:00")
    return datetime.fromisoformat(text).replace(tzinfo=UTC)  # a date alone, written by hand
