"""Key figures for the dashboard and ``communitydesk stats``, on the quick path.

Why not the ORM: the dashboard must show its figures within a fraction of a second of
the window opening, and importing SQLAlchemy alone costs more than that. The queries are
db.figure_reads' (plain read-only sqlite3); tests check them against the ORM.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from communitydesk.db import figure_reads
from communitydesk.db.quick_reads import QuickReader, quick_reading, stored_setting
from communitydesk.db.schema_version import probe

# What read_figures returns: part of this service's API.
from communitydesk.records.figures import CampaignFigures as CampaignFigures
from communitydesk.records.figures import ContactFigures as ContactFigures
from communitydesk.records.figures import Figures as Figures
from communitydesk.rules.cadence import RHYTHM_SETTING_KEY, due_before, rhythm_from_stored
from communitydesk.rules.circles import CIRCLE_ORDER
from communitydesk.services import ambassador_figures, editorial_figures
from communitydesk.services.permissions import Action, Actor, require


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
        moves_last_30_days=figure_reads.moves_since(reader, since, now),
        touch_points_last_30_days=figure_reads.touch_points_since(reader, since),
        a_relancer=overdue_count(reader, now),
    )


def overdue_count(reader: QuickReader, now: datetime | None = None) -> int:
    """Contacts "à relancer": same rule as services/cadence.py (tests check they agree)."""
    rhythm = rhythm_from_stored(stored_setting(reader, RHYTHM_SETTING_KEY))
    return sum(figure_reads.overdue_counts(reader, due_before(rhythm, now or datetime.now(UTC))).values())


def read_figures(path: Path, actor: Actor, *, with_tables: bool = True) -> Figures:
    """All figures of the database at ``path``, read-only (the file is never written)."""
    require(actor, Action.READ_FIGURES)
    schema = probe(path)
    with quick_reading(path) as reader:
        return Figures(
            schema_version=schema.revision,
            contacts=contact_figures(reader),
            tables=figure_reads.table_counts(reader) if with_tables else {},
            campaigns=figure_reads.campaign_figures(reader),
            editorial=editorial_figures.figures_in(reader),
            ambassadors=ambassador_figures.figures_in(reader),
        )
