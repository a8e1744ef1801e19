"""Contacts, their circle, the history of moves between circles, touch points and tags."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, ColumnElement, ForeignKey, Index, Integer, String, Table, Text, and_, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from communitydesk.models import contact_conditions
from communitydesk.models.base import Base, Tracked, UTCDateTime, utcnow
from communitydesk.models.contact_conditions import ContactCondition
from communitydesk.rules.circles import Circle

contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_contact_tags_tag_id", "tag_id"),
)


# The conditions of models.contact_conditions as SQL text (the partial indexes below use them).
ACTIVE_SQL = contact_conditions.ACTIVE.sql()
ERASED_SQL = contact_conditions.ERASED.sql()


class Contact(Tracked, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")  # person | organisation
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    email_secondary: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone_secondary: Mapped[str] = mapped_column(String(40), default="")
    # Normalised keys (lower-case e-mail, E.164 phone) for matching and duplicate detection.
    email_key: Mapped[str] = mapped_column(String(254), default="", index=True)
    phone_key: Mapped[str] = mapped_column(String(20), default="", index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="FR")
    # Indexed by ix_contacts_active_circle (circle, sort_name) below; a plain index on circle
    # made SQLite count a circle through 60 000 row lookups instead of the covering one.
    circle: Mapped[str] = mapped_column(String(20), default=Circle.GRAND_PUBLIC.value)
    source: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_ambassador: Mapped[bool] = mapped_column(Boolean, default=False)
    is_critic: Mapped[bool] = mapped_column(Boolean, default=False)
    # The ambassador who brought this contact (referral, migration 0009). use_alter: contacts and
    # ambassadors refer to each other; SQLite still writes the key inside CREATE TABLE.
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("ambassadors.id", ondelete="SET NULL", use_alter=True)
    )
    # Denormalised from touch points so that "à relancer" is one indexed query at 100 000 rows.
    last_touch_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Maintained by SQL triggers (migration 0002), whoever writes the row: the folded
    # "last first" (or organisation) name for an accent-insensitive sort, and the tag names
    # for the full-text index and the list. Never set them from Python.
    sort_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    tags_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    city_sort: Mapped[str] = mapped_column(String(100), default="", server_default="")  # folded city, for sorting

    moves: Mapped[list[CircleMove]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="CircleMove.moved_at"
    )
    touch_points: Mapped[list[TouchPoint]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="TouchPoint.occurred_at"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, back_populates="contacts")

    __table_args__ = (
        # Partial indexes over the contacts a list shows (neither archived nor erased):
        # the first page of 200 out of 100 000 is read straight from the index.
        Index("ix_contacts_active_sort_name", "sort_name", sqlite_where=text(ACTIVE_SQL)),
        Index("ix_contacts_active_city", "city_sort", "sort_name", sqlite_where=text(ACTIVE_SQL)),
        Index("ix_contacts_active_circle", "circle", "sort_name", sqlite_where=text(ACTIVE_SQL)),
        Index("ix_contacts_created_at", "created_at"),
        Index("ix_contacts_referred_by_id", "referred_by_id", sqlite_where=text("referred_by_id IS NOT NULL")),
        # Erased contacts per circle (small). The figures no longer count them (they count the
        # active contacts, from contact_circle_counts); dropping the index needs a migration.
        Index("ix_contacts_erased_circle", "circle", sqlite_where=text(ERASED_SQL)),
        # "À relancer" on the dashboard: one index range per circle instead of a scan.
        # (No expression index: batch migrations cannot reflect one and would drop it.)
        Index(
            "ix_contacts_active_circle_touch",
            "circle",
            "last_touch_at",
            "created_at",
            sqlite_where=text(ACTIVE_SQL),
        ),
    )

    @property
    def display_name(self) -> str:
        if self.kind == "organisation" and self.organisation:
            return self.organisation
        name = f"{self.first_name} {self.last_name}".strip()
        return name or self.organisation or self.email


def contact_condition(condition: ContactCondition) -> ColumnElement[bool]:
    """A condition of models.contact_conditions as an SQLAlchemy expression."""
    return and_(
        *(getattr(Contact, column).is_(None) for column in condition.null),
        *(getattr(Contact, column).is_not(None) for column in condition.not_null),
    )


ACTIVE = contact_condition(contact_conditions.ACTIVE)
NOT_ERASED = contact_condition(contact_conditions.NOT_ERASED)


class CircleMove(Base):
    """One move between circles: kept forever, shown on the contact (docs/DOMAIN.md §1)."""

    __tablename__ = "circle_moves"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    moved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    from_circle: Mapped[str | None] = mapped_column(String(20))  # None: entered the community
    to_circle: Mapped[str] = mapped_column(String(20))
    moved_by: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    contact: Mapped[Contact] = relationship(back_populates="moves")

    __table_args__ = (
        # Moves in a period (dashboard, reports) are moves between circles; the entries into
        # the community (one per contact, 100 000 after a big import) are read by contact.
        Index("ix_circle_moves_between_circles", "moved_at", sqlite_where=text("from_circle IS NOT NULL")),
    )


class TouchPoint(Base):
    """An interaction with a contact: e-mail, call, meeting, event, contribution, reaction, note."""

    __tablename__ = "touch_points"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    # The event whose sign-in sheet gave it (0013): found by id, never by the summary, which
    # names the event as it was then; NULL once the event is deleted (the history stays).
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    contact: Mapped[Contact] = relationship(back_populates="touch_points")

    __table_args__ = (Index("ix_touch_points_event_id", "event_id", sqlite_where=text("event_id IS NOT NULL")),)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)

    contacts: Mapped[list[Contact]] = relationship(secondary=contact_tags, back_populates="tags")


class ContactSearchQueue(Base):
    """Contacts whose search data (full-text row, sort_name, tags_text) must be refreshed.

    Filled by SQL triggers (migration 0002) on every write to contacts, contact_tags and
    tags, whoever writes; emptied by ``db.search_index.refresh`` before any search. Why not
    write the FTS5 row in the trigger itself: FTS5 flushes its index at every statement
    savepoint, which made a trigger cost ~150 µs a row (15 s per 100 000 imported rows).
    """

    __tablename__ = "contact_search_queue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(Integer)  # no FK: deleted contacts are queued too


class ContactCircleCount(Base):
    """How many listed contacts (neither archived nor erased) each circle holds.

    Kept by SQL triggers (migration 0002) on every insert, delete and change of circle,
    archiving or erasure: the contacts screen and its rings open with their totals without
    counting 100 000 rows.
    """

    __tablename__ = "contact_circle_counts"

    circle: Mapped[str] = mapped_column(String(20), primary_key=True)
    active: Mapped[int] = mapped_column(Integer, default=0)
