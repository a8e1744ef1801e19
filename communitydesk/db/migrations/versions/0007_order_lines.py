"""order lines and shipping address of imported contributions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

A platform order (Ulule's export) can hold several rewards, each with a quantity and a
unit price, plus postage, and names where to send them. ``contribution_lines`` keeps the
lines; ``contributions`` gains the postage and the shipping address the platform gave.
Columns are added with ``ALTER TABLE ADD COLUMN`` (defaults for the rows already there):
no copy of ``contributions``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SHIPPING_COLUMNS = (
    ("ship_first_name", sa.String(length=100)),
    ("ship_last_name", sa.String(length=100)),
    ("ship_address", sa.Text()),
    ("ship_postcode", sa.String(length=20)),
    ("ship_city", sa.String(length=100)),
    ("ship_country", sa.String(length=100)),
)


def upgrade() -> None:
    op.add_column("contributions", sa.Column("shipping_cents", sa.Integer(), nullable=False, server_default="0"))
    for name, type_ in SHIPPING_COLUMNS:
        op.add_column("contributions", sa.Column(name, type_, nullable=False, server_default=""))
    op.create_table(
        "contribution_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tier_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contributions.id"],
            name=op.f("fk_contribution_lines_contribution_id_contributions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tier_id"],
            ["campaign_tiers.id"],
            name=op.f("fk_contribution_lines_tier_id_campaign_tiers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_lines")),
    )
    op.create_index(
        op.f("ix_contribution_lines_contribution_id"), "contribution_lines", ["contribution_id"], unique=False
    )
    op.create_index(op.f("ix_contribution_lines_tier_id"), "contribution_lines", ["tier_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_contribution_lines_tier_id"), table_name="contribution_lines")
    op.drop_index(op.f("ix_contribution_lines_contribution_id"), table_name="contribution_lines")
    op.drop_table("contribution_lines")
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        for name, _type in reversed(SHIPPING_COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column("shipping_cents")
