"""Ambassador programme (issue #17): members, their funnel, missions, levels, rewards, charter.

Types, stages, mission kinds and statuses, reward kinds and signature methods are the slugs
of ``communitydesk.rules.ambassadors``. An ambassador is a contact (one membership each);
``contacts.referred_by_id`` and ``contributions.referred_by_id`` say whom they brought.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from communitydesk.models.base import Base, Tracked, UTCDateTime
from communitydesk.rules.ambassadors import MissionStatus, SignatureMethod, Stage


class AmbassadorRole(Base):
    """A role an ambassador may take (dénicheur, reporter…): an editable list."""

    __tablename__ = "ambassador_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Ambassador(Tracked, Base):
    __tablename__ = "ambassadors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), unique=True)
    type: Mapped[str] = mapped_column(String(20))
    # Comma-separated ids of ambassador_roles (ids, not names: a role may be renamed).
    roles: Mapped[str] = mapped_column(String(200), default="")
    territory: Mapped[str] = mapped_column(String(200), default="")
    skills: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(String(20), default=Stage.CANDIDAT.value)
    stage_since: Mapped[date] = mapped_column(Date)
    # Upper-case, 6 to 8 characters without 0/O/1/I (read aloud, typed from paper).
    referral_code: Mapped[str] = mapped_column(String(8), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    stage_changes: Mapped[list[AmbassadorStageChange]] = relationship(
        back_populates="ambassador", cascade="all, delete-orphan", order_by="AmbassadorStageChange.id"
    )
    audiences: Mapped[list[AmbassadorAudience]] = relationship(
        back_populates="ambassador", cascade="all, delete-orphan", order_by="AmbassadorAudience.network"
    )

    __table_args__ = (Index("ix_ambassadors_stage", "stage"),)


class AmbassadorStageChange(Base):
    """One step in the funnel (who, which day): conversion rates are read from these."""

    __tablename__ = "ambassador_stage_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ambassador_id: Mapped[int] = mapped_column(ForeignKey("ambassadors.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[str | None] = mapped_column(String(20))  # None: the enrolment
    to_stage: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[date] = mapped_column(Date)
    changed_by: Mapped[str] = mapped_column(String(100), default="")

    ambassador: Mapped[Ambassador] = relationship(back_populates="stage_changes")


class AmbassadorAudience(Base):
    """How many people follow an ambassador on a network (``rules.editorial.Network`` slugs)."""

    __tablename__ = "ambassador_audiences"

    ambassador_id: Mapped[int] = mapped_column(ForeignKey("ambassadors.id", ondelete="CASCADE"), primary_key=True)
    network: Mapped[str] = mapped_column(String(20), primary_key=True)
    followers: Mapped[int] = mapped_column(Integer, default=0)

    ambassador: Mapped[Ambassador] = relationship(back_populates="audiences")


class Mission(Tracked, Base):
    """Something asked of ambassadors; unassigned (``ambassador_id`` None) until someone takes it."""

    __tablename__ = "missions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    points: Mapped[int] = mapped_column(Integer, default=0)
    due_on: Mapped[date | None] = mapped_column(Date)
    ambassador_id: Mapped[int | None] = mapped_column(ForeignKey("ambassadors.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=MissionStatus.A_FAIRE.value)
    completed_on: Mapped[date | None] = mapped_column(Date)
    proof_link: Mapped[str] = mapped_column(String(500), default="")
    proof_file: Mapped[str] = mapped_column(String(500), default="")
    validated_by: Mapped[str | None] = mapped_column(String(100))
    validated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_missions_status", "status"),)


class AmbassadorLevel(Base):
    """A rung of the ladder (débutant … ambassadeur), reached on three thresholds."""

    __tablename__ = "ambassador_levels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(30), unique=True)  # stable: stats keys, never renamed
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    min_validated_missions: Mapped[int] = mapped_column(Integer, default=0)
    min_positive_percent: Mapped[int] = mapped_column(Integer, default=0)
    min_months: Mapped[int] = mapped_column(Integer, default=0)


class AmbassadorReward(Base):
    __tablename__ = "ambassador_rewards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ambassador_id: Mapped[int] = mapped_column(ForeignKey("ambassadors.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    value_cents: Mapped[int] = mapped_column(Integer, default=0)
    given_on: Mapped[date] = mapped_column(Date)


class AmbassadorCharter(Base):
    """A version of the ambassadors' charter: commitments one per line, each side."""

    __tablename__ = "ambassador_charters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(200))
    ambassador_commitments: Mapped[str] = mapped_column(Text, default="")
    organisation_commitments: Mapped[str] = mapped_column(Text, default="")
    published_on: Mapped[date] = mapped_column(Date)


class CharterSignature(Base):
    __tablename__ = "charter_signatures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ambassador_id: Mapped[int] = mapped_column(ForeignKey("ambassadors.id", ondelete="CASCADE"))
    charter_id: Mapped[int] = mapped_column(ForeignKey("ambassador_charters.id", ondelete="CASCADE"), index=True)
    signed_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20), default=SignatureMethod.PAPIER.value)

    __table_args__ = (UniqueConstraint("ambassador_id", "charter_id", name="uq_charter_signatures_ambassador_charter"),)
