"""ambassador programme: members, funnel, missions, levels, rewards, charter; who referred whom

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

New tables, plus ``referred_by_id`` on ``contacts`` and ``contributions``. Those two columns
are added by a plain ``ALTER TABLE ADD COLUMN`` carrying its ``REFERENCES`` clause (SQLite
accepts one on a NULL-default column): Alembic would copy the whole table (batch mode) to
add a foreign key, and ``contacts`` holds 100 000 rows, triggers and full-text index.
The default roles, levels and charter v1 are written by the service on first use, in the
user's language, not here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

REFERRING_TABLES = ("contacts", "contributions")


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
    ]


def _ambassador_link(table: str, ondelete: str, column: str = "ambassador_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["ambassadors.id"], name=op.f(f"fk_{table}_{column}_ambassadors"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "ambassador_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ambassador_roles")),
        sa.UniqueConstraint("name", name=op.f("uq_ambassador_roles_name")),
    )
    op.create_table(
        "ambassadors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("roles", sa.String(length=200), nullable=False),
        sa.Column("territory", sa.String(length=200), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("stage_since", sa.Date(), nullable=False),
        sa.Column("referral_code", sa.String(length=8), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_ambassadors_contact_id_contacts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ambassadors")),
        sa.UniqueConstraint("contact_id", name=op.f("uq_ambassadors_contact_id")),
        sa.UniqueConstraint("referral_code", name=op.f("uq_ambassadors_referral_code")),
    )
    op.create_index("ix_ambassadors_stage", "ambassadors", ["stage"], unique=False)
    op.create_table(
        "ambassador_stage_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ambassador_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sa.String(length=20), nullable=True),
        sa.Column("to_stage", sa.String(length=20), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        _ambassador_link("ambassador_stage_changes", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ambassador_stage_changes")),
    )
    op.create_index(
        op.f("ix_ambassador_stage_changes_ambassador_id"), "ambassador_stage_changes", ["ambassador_id"], unique=False
    )
    op.create_table(
        "ambassador_audiences",
        sa.Column("ambassador_id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("followers", sa.Integer(), nullable=False),
        _ambassador_link("ambassador_audiences", "CASCADE"),
        sa.PrimaryKeyConstraint("ambassador_id", "network", name=op.f("pk_ambassador_audiences")),
    )
    op.create_table(
        "missions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("ambassador_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("proof_link", sa.String(length=500), nullable=False),
        sa.Column("proof_file", sa.String(length=500), nullable=False),
        sa.Column("validated_by", sa.String(length=100), nullable=True),
        sa.Column("validated_at", sa.DateTime(), nullable=True),
        *_tracked(),
        _ambassador_link("missions", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_missions")),
    )
    op.create_index(op.f("ix_missions_ambassador_id"), "missions", ["ambassador_id"], unique=False)
    op.create_index("ix_missions_status", "missions", ["status"], unique=False)
    op.create_table(
        "ambassador_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("min_validated_missions", sa.Integer(), nullable=False),
        sa.Column("min_positive_percent", sa.Integer(), nullable=False),
        sa.Column("min_months", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ambassador_levels")),
        sa.UniqueConstraint("slug", name=op.f("uq_ambassador_levels_slug")),
    )
    op.create_table(
        "ambassador_rewards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ambassador_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("value_cents", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        _ambassador_link("ambassador_rewards", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ambassador_rewards")),
    )
    op.create_index(op.f("ix_ambassador_rewards_ambassador_id"), "ambassador_rewards", ["ambassador_id"], unique=False)
    op.create_table(
        "ambassador_charters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("ambassador_commitments", sa.Text(), nullable=False),
        sa.Column("organisation_commitments", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ambassador_charters")),
        sa.UniqueConstraint("version", name=op.f("uq_ambassador_charters_version")),
    )
    op.create_table(
        "charter_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ambassador_id", sa.Integer(), nullable=False),
        sa.Column("charter_id", sa.Integer(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        _ambassador_link("charter_signatures", "CASCADE"),
        sa.ForeignKeyConstraint(
            ["charter_id"],
            ["ambassador_charters.id"],
            name=op.f("fk_charter_signatures_charter_id_ambassador_charters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charter_signatures")),
        sa.UniqueConstraint("ambassador_id", "charter_id", name="uq_charter_signatures_ambassador_charter"),
    )
    op.create_index(op.f("ix_charter_signatures_charter_id"), "charter_signatures", ["charter_id"], unique=False)
    for table in REFERRING_TABLES:
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN referred_by_id INTEGER "
            f"CONSTRAINT fk_{table}_referred_by_id_ambassadors REFERENCES ambassadors (id) ON DELETE SET NULL"
        )
        op.create_index(
            f"ix_{table}_referred_by_id",
            table,
            ["referred_by_id"],
            unique=False,
            sqlite_where=sa.text("referred_by_id IS NOT NULL"),
        )


def downgrade() -> None:
    for table in REFERRING_TABLES:
        op.drop_index(f"ix_{table}_referred_by_id", table_name=table)
        # SQLite (3.35+) drops such a column in place: no copy, the triggers of contacts stay.
        op.execute(f"ALTER TABLE {table} DROP COLUMN referred_by_id")
    op.drop_index(op.f("ix_charter_signatures_charter_id"), table_name="charter_signatures")
    op.drop_table("charter_signatures")
    op.drop_table("ambassador_charters")
    op.drop_index(op.f("ix_ambassador_rewards_ambassador_id"), table_name="ambassador_rewards")
    op.drop_table("ambassador_rewards")
    op.drop_table("ambassador_levels")
    op.drop_index("ix_missions_status", table_name="missions")
    op.drop_index(op.f("ix_missions_ambassador_id"), table_name="missions")
    op.drop_table("missions")
    op.drop_table("ambassador_audiences")
    op.drop_index(op.f("ix_ambassador_stage_changes_ambassador_id"), table_name="ambassador_stage_changes")
    op.drop_table("ambassador_stage_changes")
    op.drop_index("ix_ambassadors_stage", table_name="ambassadors")
    op.drop_table("ambassadors")
    op.drop_table("ambassador_roles")
