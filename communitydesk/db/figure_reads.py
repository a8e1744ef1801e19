"""The dashboard's and ``stats``' figures, read on the quick path (see db.quick_reads).

Aggregate queries over indexed columns; services.figures assembles them with the rules.
Tests check them against the same counts made with the ORM.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from communitydesk.db import document_reads
from communitydesk.db.quick_reads import QuickReader, has_table
from communitydesk.db.sql_identifiers import quoted_identifier
from communitydesk.models import stored_time
from communitydesk.models.contact_conditions import ACTIVE
from communitydesk.records.figures import CampaignFigures


def circle_counts(reader: QuickReader) -> dict[str, int]:
    """Contacts per circle now: the active ones (neither archived nor erased), as the lists show them.

    The one definition of "contacts in a circle" for the dashboard, ``stats``, the community
    report's end of period and its follow-up page; read from the counts the triggers keep.
    """
    rows = reader.connection.execute("SELECT circle, active FROM contact_circle_counts WHERE active > 0")
    return {circle: int(count) for circle, count in rows}


def contacts_created_since(reader: QuickReader, since: datetime) -> int:
    """Active contacts created at or after ``since`` (the community report's new contacts, summed)."""
    sql = f"SELECT COUNT(*) FROM contacts WHERE {ACTIVE.sql()} AND created_at >= ?"
    return int(reader.connection.execute(sql, (stored_time.encode(since),)).fetchone()[0])


def moves_since(reader: QuickReader, since: datetime, now: datetime) -> int:
    """Moves between circles in [since, now), counted as the community report counts them."""
    return sum(count for _from, _to, count in document_reads.moves_between(reader, since, now))


def touch_points_since(reader: QuickReader, since: datetime) -> int:
    sql = "SELECT COUNT(*) FROM touch_points WHERE occurred_at >= ?"
    return int(reader.connection.execute(sql, (stored_time.encode(since),)).fetchone()[0])


# Two index ranges on ix_contacts_active_circle_touch (touched before the limit; never touched
# and created before it): an OR over COALESCE would scan every contact of the circle.
_OVERDUE_SQL = (
    f"SELECT (SELECT COUNT(*) FROM contacts WHERE {ACTIVE.sql()} AND circle = :circle AND last_touch_at < :limit)"
    f" + (SELECT COUNT(*) FROM contacts WHERE {ACTIVE.sql()} AND circle = :circle"
    " AND last_touch_at IS NULL AND created_at < :limit)"
)


def overdue_counts(reader: QuickReader, limits: Mapping[str, datetime]) -> dict[str, int]:
    """Active contacts per circle whose last touch (else their creation) is before the circle's limit."""
    counts = {}
    for circle, limit in limits.items():
        row = reader.connection.execute(_OVERDUE_SQL, {"circle": circle, "limit": stored_time.encode(limit)}).fetchone()
        counts[circle] = int(row[0])
    return counts


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


def campaign_figures(reader: QuickReader) -> list[CampaignFigures]:
    """Every campaign's valid contributions (refunded, cancelled and pending never count), split by
    the backer's circle now; contributions without a contact count as grand public."""
    conn = reader.connection
    if not has_table(reader, "campaigns"):
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


def table_counts(reader: QuickReader) -> dict[str, int]:
    """Rows per table of user data, by table name (Alembic's and full-text shadow tables left out)."""
    conn = reader.connection
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    virtual = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
    # Shadow tables of full-text indexes are implementation details, not user data.
    names = [name for name in names if not any(name.startswith(table + "_") for table in virtual)]
    return {name: conn.execute(f"SELECT COUNT(*) FROM {quoted_identifier(name)}").fetchone()[0] for name in names}
