"""What the ambassador kit prints, as named sqlite3 reads on a ``QuickReader``.

``export pdf ambassador-kit`` reads on the quick path like the other small documents
(no SQLAlchemy to import); services.ambassador_kit turns the rows into records. The
programme's tables and levels are read by db.ambassador_reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from communitydesk.db.quick_reads import QuickReader
from communitydesk.models.contact_conditions import ACTIVE


@dataclass(frozen=True)
class AmbassadorRow:
    id: int
    kind: str
    first_name: str
    last_name: str
    organisation: str
    email: str
    type: str
    roles: str  # comma-separated ids of ambassador_roles
    territory: str
    stage: str
    referral_code: str


@dataclass(frozen=True)
class CharterRow:
    version: int
    title: str
    ambassador_commitments: str
    organisation_commitments: str
    published_on: date | None


def ambassadors(reader: QuickReader) -> list[AmbassadorRow]:
    """Every ambassador whose contact is active (neither archived nor erased), by name."""
    rows = reader.connection.execute(
        "SELECT a.id, c.kind, c.first_name, c.last_name, c.organisation, c.email, a.type, a.roles, a.territory,"
        " a.stage, a.referral_code FROM ambassadors a JOIN contacts c ON c.id = a.contact_id"
        f" WHERE {ACTIVE.sql('c')} ORDER BY c.sort_name, a.id"
    )
    return [AmbassadorRow(*row) for row in rows]


def roles(reader: QuickReader) -> list[tuple[int, str, str]]:
    """(id, name, description) of every role, in the programme's order."""
    rows = reader.connection.execute("SELECT id, name, description FROM ambassador_roles ORDER BY position, id")
    return [(int(id_), name, description or "") for id_, name, description in rows]


def current_charter(reader: QuickReader) -> CharterRow | None:
    """The charter's latest version, the one new ambassadors sign."""
    row = reader.connection.execute(
        "SELECT version, title, ambassador_commitments, organisation_commitments, published_on"
        " FROM ambassador_charters ORDER BY version DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    version, title, mine, theirs, published = row
    return CharterRow(
        int(version), title, mine or "", theirs or "", date.fromisoformat(published) if published else None
    )
