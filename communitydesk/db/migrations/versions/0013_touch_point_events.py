"""touch points a sign-in sheet gave point at their event (``touch_points.event_id``)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03

Until now the « événement » touch point a sign-in line gives was found again by its summary,
« <name> (<dd/mm/yyyy>) », which a renamed or moved event no longer builds and two events of
the same name on the same day share. The column is added by a plain ``ALTER TABLE ADD COLUMN``
carrying its ``REFERENCES`` clause (as 0009 and 0012 did): no copy of the table. The summary
stays, as the person's history reads it (and as what is left when the event is deleted).

Backfill: an « événement » touch point gets the event whose label, built from the event's
current name and day, is its summary, and on whose sheet its contact has a line. The label is
the same in French and in English (the day is written dd/mm/yyyy in both). Between several such
events (same name, same day), the one that began when the touch point says it happened (the
moment the sheet gave it), then the oldest.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

PARIS = ZoneInfo("Europe/Paris")
NOON = time(12, 0)

# rules.events.event_label as this revision was written: « name (dd/mm/yyyy) ».
_LABEL = "e.name || ' (' || strftime('%d/%m/%Y', e.starts_on) || ')'"
_CANDIDATES = (
    "SELECT DISTINCT t.id, t.occurred_at, e.id, e.starts_on, e.starts_time"
    " FROM events e JOIN sign_in_lines l ON l.event_id = e.id"
    " JOIN touch_points t ON t.contact_id = l.contact_id"
    f" WHERE t.kind = 'event' AND t.event_id IS NULL AND t.summary = {_LABEL}"
    " ORDER BY t.id, e.id"
)


def _began_then(occurred_at: str, starts_on: str, starts_time: str | None) -> bool:
    """Whether the event began at ``occurred_at`` (naive UTC text), as sign_in_sheet.event_moment dates it."""
    at = time.fromisoformat(starts_time) if starts_time else NOON
    began = datetime.combine(date.fromisoformat(starts_on), at, PARIS).astimezone(UTC).replace(tzinfo=None)
    return datetime.fromisoformat(occurred_at) == began


def upgrade() -> None:
    op.execute(
        "ALTER TABLE touch_points ADD COLUMN event_id INTEGER "
        "CONSTRAINT fk_touch_points_event_id_events REFERENCES events (id) ON DELETE SET NULL"
    )
    op.create_index(
        "ix_touch_points_event_id",
        "touch_points",
        ["event_id"],
        unique=False,
        sqlite_where=sa.text("event_id IS NOT NULL"),
    )
    conn = op.get_bind()
    chosen: dict[int, int] = {}
    on_time: set[int] = set()
    for point, occurred_at, event, starts_on, starts_time in conn.exec_driver_sql(_CANDIDATES):
        if point in on_time:
            continue
        if _began_then(occurred_at, starts_on, starts_time):
            chosen[point] = event
            on_time.add(point)
        else:
            chosen.setdefault(point, event)  # the oldest, unless a later one began then
    if chosen:
        conn.exec_driver_sql(
            "UPDATE touch_points SET event_id = ? WHERE id = ?", [(event, point) for point, event in chosen.items()]
        )


def downgrade() -> None:
    op.drop_index("ix_touch_points_event_id", table_name="touch_points")
    op.execute("ALTER TABLE touch_points DROP COLUMN event_id")
