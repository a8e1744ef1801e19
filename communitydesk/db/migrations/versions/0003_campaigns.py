"""campaigns: crowdfunding campaigns, tiers, contributions, reward fulfilment, import mappings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

``contributions`` has UNIQUE (platform, platform_reference): importing the same export
twice adds nothing. A contribution keeps its row when its contact is erased (SET NULL);
a tier chosen by contributions cannot be deleted (RESTRICT).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("goal_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("preparation_starts_on", sa.Date(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_campaigns_name")),
    )
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaigns_status"), ["status"], unique=False)

    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
        sa.UniqueConstraint("name", name=op.f("uq_import_mappings_name")),
    )
    op.create_table(
        "campaign_tiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("stock_limit", sa.Integer(), nullable=True),
        sa.Column("estimated_delivery", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_campaign_tiers_campaign_id_campaigns"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_tiers")),
        sa.UniqueConstraint("campaign_id", "title", name="uq_campaign_tiers_campaign_id_title"),
    )
    with op.batch_alter_table("campaign_tiers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_tiers_campaign_id"), ["campaign_id"], unique=False)

    op.create_table(
        "contributions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("tier_id", sa.Integer(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("contributed_at", sa.DateTime(), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("platform_reference", sa.String(length=100), nullable=True),
        sa.Column("payment_status", sa.String(length=20), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("backer_name", sa.String(length=200), nullable=False),
        sa.Column("brought_contact", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_contributions_campaign_id_campaigns"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_contributions_contact_id_contacts"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["tier_id"],
            ["campaign_tiers.id"],
            name=op.f("fk_contributions_tier_id_campaign_tiers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributions")),
        sa.UniqueConstraint("platform", "platform_reference", name="uq_contributions_platform_platform_reference"),
    )
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contributions_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(
            "ix_contributions_campaign_id_payment_status", ["campaign_id", "payment_status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contributions_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contributions_contributed_at"), ["contributed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_contributions_tier_id"), ["tier_id"], unique=False)

    op.create_table(
        "fulfilments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contributions.id"],
            name=op.f("fk_fulfilments_contribution_id_contributions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fulfilments")),
        sa.UniqueConstraint("contribution_id", name=op.f("uq_fulfilments_contribution_id")),
    )


def downgrade() -> None:
    op.drop_table("fulfilments")
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contributions_tier_id"))
        batch_op.drop_index(batch_op.f("ix_contributions_contributed_at"))
        batch_op.drop_index(batch_op.f("ix_contributions_contact_id"))
        batch_op.drop_index("ix_contributions_campaign_id_payment_status")
        batch_op.drop_index(batch_op.f("ix_contributions_campaign_id"))

    op.drop_table("contributions")
    with op.batch_alter_table("campaign_tiers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaign_tiers_campaign_id"))

    op.drop_table("campaign_tiers")
    op.drop_table("import_mappings")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaigns_status"))

    op.drop_table("campaigns")
