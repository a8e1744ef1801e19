"""Key figures for the dashboard and ``communitydesk stats``, on the quick path.

Why not the ORM: the dashboard must show its figures within a fraction of a second of
the window opening, and importing SQLAlchemy alone costs more than that. The queries are
db.figure_reads' (plain read-only sqlite3); tests check them against the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from communitydesk.db import figure_reads
from communitydesk.db.quick_reads import QuickReader, quick_reading, stored_setting
from communitydesk.db.schema_version import probe
from communitydesk.rules.cadence import RHYTHM_SETTING_KEY, due_before, rhythm_from_stored
from communitydesk.rules.circles import CIRCLE_ORDER
from communitydesk.services.permissions import Action, Actor, require


@dataclass(frozen=True)
class ContactFigures:
    total: int
    by_circle: dict[str, int]
    new_last_30_days: int
    moves_last_30_days: int
    touch_points_last_30_days: int
    a_relancer: int = 0  # contacts whose last touch is older than their circle's rhythm


@dataclass(frozen=True)
class CampaignFigures:
    """One campaign's headline figures, valid contributions only (refunds and cancels never count)."""

    id: int
    name: str
    status: str
    goal_cents: int
    ends_on: str | None  # ISO date
    total_cents: int
    contributions: int
    backers: int
    by_circle_cents: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "total_cents": self.total_cents,
            "contributions": self.contributions,
            "backers": self.backers,
            "by_circle_cents": self.by_circle_cents,
        }


@dataclass(frozen=True)
class Figures:
    schema_version: str | None
    contacts: ContactFigures
    tables: dict[str, int] = field(default_factory=dict)
    campaigns: list[CampaignFigures] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "contacts": {
                "total": self.contacts.total,
                "by_circle": self.contacts.by_circle,
                "new_last_30_days": self.contacts.new_last_30_days,
                "moves_last_30_days": self.contacts.moves_last_30_days,
                "touch_points_last_30_days": self.contacts.touch_points_last_30_days,
                "a_relancer": self.contacts.a_relancer,
            },
            "tables": self.tables,
            "campaigns": [campaign.as_json() for campaign in self.campaigns],
        }


def contact_figures(reader: QuickReader, now: datetime | None = None) -> ContactFigures:
    now = now or datetime.now(UTC)
    by_circle = {circle.value: 0 for circle in CIRCLE_ORDER}
    for circle, count in figure_reads.circle_counts(reader).items():
        by_circle[circle] = by_circle.get(circle, 0) + count
    since = now - timedelta(days=30)
    return ContactFigures(
        total=sum(by_circle.values()),
        by_circle=by_circle,
        new_last_30_days=figure_reads.contacts_created_since(reader, since),
        moves_last_30_days=figure_reads.moves_since(reader, since),
        touch_points_last_30_days=figure_reads.touch_points_since(reader, since),
        a_relancer=overdue_count(reader, now),
    )


def overdue_count(reader: QuickReader, now: datetime | None = None) -> int:
    """Contacts "à relancer": same rule as services/cadence.py (tests check they agree)."""
    rhythm = rhythm_from_stored(stored_setting(reader, RHYTHM_SETTING_KEY))
    return sum(figure_reads.overdue_counts(reader, due_before(rhythm, now or datetime.now(UTC))).values())


def campaign_figures(reader: QuickReader) -> list[CampaignFigures]:
    """Every campaign's total, backers and split per circle (the contact's current circle;
    contributions without a contact count as grand public)."""
    return [
        CampaignFigures(
            id=row.id,
            name=row.name,
            status=row.status,
            goal_cents=row.goal_cents,
            ends_on=row.ends_on,
            total_cents=row.total_cents,
            contributions=row.contributions,
            backers=row.backers,
            by_circle_cents={
                "proches": row.proches_cents,
                "communaute": row.communaute_cents,
                "grand_public": row.grand_public_cents,
            },
        )
        for row in figure_reads.campaign_totals(reader)
    ]


def read_figures(path: Path, actor: Actor, *, with_tables: bool = True) -> Figures:
    """All figures of the database at ``path``, read-only (the file is never written)."""
    require(actor, Action.READ)
    schema = probe(path)
    with quick_reading(path) as reader:
        return Figures(
            schema_version=schema.revision,
            contacts=contact_figures(reader),
            tables=figure_reads.table_counts(reader) if with_tables else {},
            campaigns=campaign_figures(reader),
        )
