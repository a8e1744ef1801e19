"""Key figures for the dashboard and ``communitydesk stats``, read with plain sqlite3.

Why not the ORM: the dashboard must show its figures within a fraction of a second of
the window opening, and importing SQLAlchemy alone costs more than that. These are
read-only aggregate queries over indexed columns; tests check them against the ORM.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from communitydesk.db.schema_version import describe_sqlite_error, probe, reading
from communitydesk.rules.cadence import RHYTHM_SETTING_KEY, due_before, rhythm_from_stored
from communitydesk.rules.circles import CIRCLE_ORDER
from communitydesk.services.permissions import Action, Actor, require

ACTIVE = "archived_at IS NULL"
# models.contacts.ERASED_SQL, the condition of ix_contacts_erased_circle (a test checks they are
# the same): this module stays free of SQLAlchemy, for the start-up.
ERASED_SQL = "archived_at IS NULL AND anonymised_at IS NOT NULL"


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


def _since(days: int, now: datetime | None = None) -> str:
    # Same text form as SQLAlchemy's DateTime on SQLite, so string comparison is correct.
    moment = (now or datetime.now(UTC)) - timedelta(days=days)
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def contact_figures(conn: sqlite3.Connection, now: datetime | None = None) -> ContactFigures:
    by_circle = {circle.value: 0 for circle in CIRCLE_ORDER}
    # Listed contacts from the counts the triggers keep, plus the erased ones (few, indexed apart):
    # the same as counting every unarchived contact, without reading 100 000 index entries.
    for circle, count in conn.execute(
        "SELECT circle, active FROM contact_circle_counts WHERE active > 0 "
        f"UNION ALL SELECT circle, COUNT(*) FROM contacts WHERE {ERASED_SQL} GROUP BY circle"
    ):
        by_circle[circle] = by_circle.get(circle, 0) + count
    since = _since(30, now)
    (new,) = conn.execute(f"SELECT COUNT(*) FROM contacts WHERE {ACTIVE} AND created_at >= ?", (since,)).fetchone()
    (moves,) = conn.execute(
        "SELECT COUNT(*) FROM circle_moves WHERE moved_at >= ? AND from_circle IS NOT NULL", (since,)
    ).fetchone()
    (touches,) = conn.execute("SELECT COUNT(*) FROM touch_points WHERE occurred_at >= ?", (since,)).fetchone()
    return ContactFigures(
        total=sum(by_circle.values()),
        by_circle=by_circle,
        new_last_30_days=new,
        moves_last_30_days=moves,
        touch_points_last_30_days=touches,
        a_relancer=overdue_count(conn, now),
    )


def overdue_count(conn: sqlite3.Connection, now: datetime | None = None) -> int:
    """Contacts "à relancer": same rule as services/cadence.py (tests check they agree)."""
    row = conn.execute("SELECT value FROM app_settings WHERE key = ?", (RHYTHM_SETTING_KEY,)).fetchone()
    try:
        stored = json.loads(row[0]) if row else None
    except ValueError:
        stored = None
    limits = due_before(rhythm_from_stored(stored), now or datetime.now(UTC))
    # Two index ranges per circle on ix_contacts_active_circle_touch (touched before the limit;
    # never touched and created before it): an OR over COALESCE would scan every contact.
    sql = (
        "SELECT (SELECT COUNT(*) FROM contacts WHERE archived_at IS NULL AND anonymised_at IS NULL"
        " AND circle = :c AND last_touch_at < :limit)"
        " + (SELECT COUNT(*) FROM contacts WHERE archived_at IS NULL AND anonymised_at IS NULL"
        " AND circle = :c AND last_touch_at IS NULL AND created_at < :limit)"
    )
    return sum(
        int(conn.execute(sql, {"c": circle, "limit": _text(limit)}).fetchone()[0]) for circle, limit in limits.items()
    )


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


_CAMPAIGNS_SQL = """
SELECT c.id, c.name, c.status, c.goal_cents, c.ends_on,
       COALESCE(SUM(k.amount_cents), 0), COUNT(k.id),
       COUNT(DISTINCT k.contact_id) + COALESCE(SUM(k.id IS NOT NULL AND k.contact_id IS NULL), 0),
       COALESCE(SUM(CASE WHEN p.circle = 'proches' THEN k.amount_cents END), 0),
       COALESCE(SUM(CASE WHEN p.circle = 'communaute' THEN k.amount_cents END), 0),
       COALESCE(SUM(CASE WHEN p.circle IS NULL OR p.circle NOT IN ('proches', 'communaute')
                         THEN k.amount_cents END), 0)
FROM campaigns c
LEFT JOIN contributions k ON k.campaign_id = c.id AND k.payment_status = 'valid'
LEFT JOIN contacts p ON p.id = k.contact_id
GROUP BY c.id
ORDER BY c.id
"""


def campaign_figures(conn: sqlite3.Connection) -> list[CampaignFigures]:
    """Every campaign's total, backers and split per circle (the contact's current circle;
    contributions without a contact count as grand public)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='campaigns'").fetchone() is None:
        return []  # a base from before the campaigns migration
    return [
        CampaignFigures(
            id=row[0],
            name=row[1],
            status=row[2],
            goal_cents=row[3],
            ends_on=row[4],
            total_cents=row[5],
            contributions=row[6],
            backers=row[7],
            by_circle_cents={"proches": row[8], "communaute": row[9], "grand_public": row[10]},
        )
        for row in conn.execute(_CAMPAIGNS_SQL)
    ]


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    # Shadow tables of full-text indexes are implementation details, not user data.
    names = [n for n in names if not any(n.startswith(v + "_") for v in _virtual_tables(conn))]
    return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def _virtual_tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]


def read_figures(path: Path, actor: Actor, *, with_tables: bool = True) -> Figures:
    """All figures of the database at ``path``, read-only (the file is never written)."""
    require(actor, Action.READ)
    schema = probe(path)
    try:
        with reading(path) as conn:
            return Figures(
                schema_version=schema.revision,
                contacts=contact_figures(conn),
                tables=table_counts(conn) if with_tables else {},
                campaigns=campaign_figures(conn),
            )
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
