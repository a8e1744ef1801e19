"""contacts: drop the (last_name, first_name) index that no query uses any more

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

Lists sort on ``sort_name`` (partial indexes of 0002); the last query ordering on
``last_name`` (campaigns' "whom to tell next") now reads ``ix_contacts_active_circle`` in
order. The index cost 3 % of a 100 000-contact database and of every write to it.

DROP INDEX only (no batch copy of ``contacts``): the triggers of 0002 stay as they are.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_contacts_last_name_first_name", table_name="contacts")


def downgrade() -> None:
    op.create_index("ix_contacts_last_name_first_name", "contacts", ["last_name", "first_name"], unique=False)
