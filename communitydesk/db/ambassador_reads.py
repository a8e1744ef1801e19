"""What the ambassador figures read, as named sqlite3 reads on a ``QuickReader``.

``stats``, the dashboard card and ``ambassador list`` read them on the quick path;
services.ambassador_figures turns them into figures with rules.ambassador_levels, as the
ORM services do, so that every screen counts alike. Days come out as dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from communitydesk.db.quick_reads import QuickReader, has_table
from communitydesk.rules.ambassador_levels import JUDGED_STATUSES, WELCOMED_STAGES, LevelRule
from communitydesk.rules.ambassadors import MissionStatus, Stage
from communitydesk.rules.campaigns import PaymentStatus


@dataclass(frozen=True)
class MemberFacts:
    """One ambassador as the figures and the list need them."""

    id: int
    kind: str  # the contact's kind, first name, last name, organisation, e-mail: its display name
    first_name: str
    last_name: str
    organisation: str
    email: str
    stage: str
    stage_since: date
    referral_code: str
    first_welcome: date | None  # the first move to a welcomed stage (rules.ambassador_levels)
    points: int
    validated: int
    judged: int  # missions whose outcome counts in the share (rules.ambassador_levels.JUDGED_STATUSES)
    referred_contacts: int
    referred_contributions: int
    referred_cents: int


def has_ambassador_tables(reader: QuickReader) -> bool:
    """False on a base from before the ambassador programme's migration."""
    return has_table(reader, "ambassadors")


def stored_levels(reader: QuickReader) -> list[LevelRule]:
    sql = (
        "SELECT slug, name, position, min_validated_missions, min_positive_percent, min_months"
        " FROM ambassador_levels ORDER BY position, id"
    )
    return [LevelRule(*row) for row in reader.connection.execute(sql)]


def _listed(values: tuple[str, ...]) -> str:
    """Slugs defined in code, as an SQL list."""
    return ", ".join(f"'{value}'" for value in values)


_MEMBERS_SQL = f"""
SELECT a.id, c.kind, c.first_name, c.last_name, c.organisation, c.email,
       a.stage, a.stage_since, a.referral_code,
       (SELECT MIN(changed_on) FROM ambassador_stage_changes s
        WHERE s.ambassador_id = a.id AND s.to_stage IN ({_listed(WELCOMED_STAGES)})),
       COALESCE(m.points, 0), COALESCE(m.validated, 0), COALESCE(m.judged, 0),
       (SELECT COUNT(*) FROM contacts r WHERE r.referred_by_id = a.id AND r.anonymised_at IS NULL),
       COALESCE(k.n, 0), COALESCE(k.cents, 0)
FROM ambassadors a
JOIN contacts c ON c.id = a.contact_id
LEFT JOIN (
    SELECT ambassador_id,
           SUM(CASE WHEN status = '{MissionStatus.VALIDEE.value}' THEN points ELSE 0 END) AS points,
           SUM(status = '{MissionStatus.VALIDEE.value}') AS validated,
           COUNT(*) AS judged
    FROM missions
    WHERE ambassador_id IS NOT NULL AND status IN ({_listed(JUDGED_STATUSES)})
    GROUP BY ambassador_id
) m ON m.ambassador_id = a.id
LEFT JOIN (
    SELECT referred_by_id, COUNT(*) AS n, SUM(amount_cents) AS cents
    FROM contributions
    WHERE referred_by_id IS NOT NULL AND payment_status = '{PaymentStatus.VALID.value}'
    GROUP BY referred_by_id
) k ON k.referred_by_id = a.id
ORDER BY c.sort_name, a.id
"""


def members(reader: QuickReader) -> list[MemberFacts]:
    """Every ambassador, by name, with their mission score and whom they brought."""
    return [
        MemberFacts(
            id=row[0],
            kind=row[1],
            first_name=row[2],
            last_name=row[3],
            organisation=row[4],
            email=row[5],
            stage=row[6],
            stage_since=date.fromisoformat(row[7][:10]),
            referral_code=row[8],
            first_welcome=date.fromisoformat(row[9][:10]) if row[9] else None,
            points=int(row[10]),
            validated=int(row[11]),
            judged=int(row[12]),
            referred_contacts=int(row[13]),
            referred_contributions=int(row[14]),
            referred_cents=int(row[15]),
        )
        for row in reader.connection.execute(_MEMBERS_SQL)
    ]


def idle_welcomed_count(reader: QuickReader, since: date) -> int:
    """Welcomed ambassadors at that stage since ``since`` or before, with no mission completed after it."""
    sql = (
        "SELECT COUNT(*) FROM ambassadors a WHERE a.stage = ? AND a.stage_since <= ?"
        " AND NOT EXISTS (SELECT 1 FROM missions m WHERE m.ambassador_id = a.id AND m.completed_on > ?)"
    )
    day = since.isoformat()
    return int(reader.connection.execute(sql, (Stage.ACCUEILLI.value, day, day)).fetchone()[0])
