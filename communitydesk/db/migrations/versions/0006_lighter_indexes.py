"""lighter indexes: no name index, moves by date between circles only, erased contacts apart

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

Lists sort on ``sort_name`` (partial indexes of 0002); the last query ordering on
``last_name`` (campaigns' "whom to tell next") now reads ``ix_contacts_active_circle`` in
order. The index cost 3 % of a 100 000-contact database and of every write to it.

``ix_circle_moves_moved_at`` becomes ``ix_circle_moves_between_circles``, partial: the
queries by date (dashboard, activity report) count moves between circles only
(``from_circle IS NOT NULL``), and the entry of each contact into the community (one row
per contact) no longer weighs on it: 5 % of a 100 000-contact database.

``ix_contacts_unarchived_circle`` (every contact) becomes ``ix_contacts_erased_circle``
(the erased ones, few): the dashboard counts the listed contacts per circle from
``contact_circle_counts``, kept by the triggers of 0002, and adds the erased ones.

DROP and CREATE INDEX only (no batch copy of ``contacts``): the triggers of 0002 stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ERASED = "archived_at IS NULL AND anonymised_at IS NOT NULL"


def upgrade() -> None:
    op.drop_index("ix_contacts_last_name_first_name", table_name="contacts")
    op.drop_index("ix_circle_moves_moved_at", table_name="circle_moves")
    op.create_index(
        "ix_circle_moves_between_circles",
        "circle_moves",
        ["moved_at"],
        unique=False,
        sqlite_where=sa.text("from_circle IS NOT NULL"),
    )
    op.drop_index("ix_contacts_unarchived_circle", table_name="contacts")
    op.create_index("ix_contacts_erased_circle", "contacts", ["circle"], unique=False, sqlite_where=sa.text(ERASED))


def downgrade() -> None:
    op.drop_index("ix_contacts_erased_circle", table_name="contacts")
    op.create_index(
        "ix_contacts_unarchived_circle",
        "contacts",
        ["circle"],
        unique=False,
        sqlite_where=sa.text("archived_at IS NULL"),
    )
    op.drop_index("ix_circle_moves_between_circles", table_name="circle_moves")
    op.create_index("ix_circle_moves_moved_at", "circle_moves", ["moved_at"], unique=False)
    op.create_index("ix_contacts_last_name_first_name", "contacts", ["last_name", "first_name"], unique=False)
