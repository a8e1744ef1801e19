"""consents collected at an event point at the event (``consents.event_id``)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

Until now a consent ticked on a sign-in sheet was found again by its source text, « Feuille
d'émargement — <name> (<dd/mm/yyyy>) », which a renamed event no longer builds and two events
of the same name on the same day share. The column is added by a plain ``ALTER TABLE ADD
COLUMN`` carrying its ``REFERENCES`` clause (as 0009 did): no copy of the table. The source
text stays, as the provenance a person reads (and the proof left when the event is deleted).

Backfill: a consent gets the event whose sheet source, built from the event's current name and
day, is its source, and on whose sheet its contact has a line; a line ticking that purpose
first, then the oldest event. The text is matched as the app wrote it in French and in English.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# rules.events.sheet_source as this revision was written: the template in each language, the
# event's « name (dd/mm/yyyy) » put in its {event} place, cut at 200 characters.
SHEET_SOURCE_TEMPLATES = ("Feuille d'émargement — {event}", "Sign-in sheet — {event}")


def _sheet_source_sql(template: str) -> str:
    before, after = (part.replace("'", "''") for part in template.split("{event}"))
    label = "e.name || ' (' || strftime('%d/%m/%Y', e.starts_on) || ')'"
    return f"substr('{before}' || {label} || '{after}', 1, 200)"


_SOURCES = ", ".join(_sheet_source_sql(t) for t in SHEET_SOURCE_TEMPLATES)
_TICKED = "instr(',' || l.consents || ',', ',' || consents.purpose || ',') > 0"


def _backfill(line_condition: str) -> str:
    return (
        "UPDATE consents SET event_id = ("
        " SELECT e.id FROM events e JOIN sign_in_lines l ON l.event_id = e.id"
        f" WHERE l.contact_id = consents.contact_id AND {line_condition} AND consents.source IN ({_SOURCES})"
        " ORDER BY e.id LIMIT 1)"
        " WHERE event_id IS NULL"
    )


def upgrade() -> None:
    op.execute(
        "ALTER TABLE consents ADD COLUMN event_id INTEGER "
        "CONSTRAINT fk_consents_event_id_events REFERENCES events (id) ON DELETE SET NULL"
    )
    op.create_index(
        "ix_consents_event_id", "consents", ["event_id"], unique=False, sqlite_where=sa.text("event_id IS NOT NULL")
    )
    op.execute(_backfill(_TICKED))  # first the event whose line ticks the purpose
    op.execute(_backfill("1"))


def downgrade() -> None:
    op.drop_index("ix_consents_event_id", table_name="consents")
    op.execute("ALTER TABLE consents DROP COLUMN event_id")
