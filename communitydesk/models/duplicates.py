"""What duplicate handling remembers: the journal of merges (to undo them) and ignored pairs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, UTCDateTime, utcnow


class ContactMerge(Base):
    """One merge: enough to put both contacts back exactly as they were.

    ``kept_before`` and ``absorbed_before`` are JSON snapshots of both rows before the
    merge; ``repointed`` lists, per table, the rows moved from the absorbed contact to the
    kept one. An erasure (RGPD) of either person purges the snapshots: the merge can no
    longer be undone, which is the point of erasing.
    """

    __tablename__ = "contact_merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kept_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    absorbed_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    merged_by: Mapped[str] = mapped_column(String(100), default="")
    kept_before: Mapped[str] = mapped_column(Text, default="{}")
    absorbed_before: Mapped[str] = mapped_column(Text, default="{}")
    repointed: Mapped[str] = mapped_column(Text, default="{}")
    # The kept contact's version right after the merge: an undo after later edits is refused.
    kept_version_after: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[str] = mapped_column(String(100), default="")
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IgnoredDuplicate(Base):
    """A pair the user said is not a duplicate; never proposed again. ``first_id < second_id``."""

    __tablename__ = "ignored_duplicates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    second_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    ignored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ignored_by: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (UniqueConstraint("first_id", "second_id", name="uq_ignored_duplicates_first_id_second_id"),)
