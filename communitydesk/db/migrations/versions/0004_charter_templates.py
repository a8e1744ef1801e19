"""charter templates: the organisation's own text of each charter

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

One row per (kind, language); without a row the template shipped in resources/charters
is printed, so an empty table is the normal state of a new database.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "charter_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charter_templates")),
        sa.UniqueConstraint("kind", "language", name="uq_charter_templates_kind_language"),
    )


def downgrade() -> None:
    op.drop_table("charter_templates")
