"""editorial calendar: ligne éditoriale, networks with their targets, publications, results

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

New tables only: nothing already stored is copied or changed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
    ]


def _segment_link(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["target_segment_id"],
        ["segments.id"],
        name=op.f(f"fk_{table}_target_segment_id_segments"),
        ondelete="SET NULL",
    )


def upgrade() -> None:
    op.create_table(
        "editorial_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tone", sa.Text(), nullable=False),
        sa.Column("target_circles", sa.String(length=100), nullable=False),
        sa.Column("target_segment_id", sa.Integer(), nullable=True),
        sa.Column("visual_identity", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_tracked(),
        _segment_link("editorial_line"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_editorial_line")),
    )
    op.create_table(
        "editorial_pillars",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("target_circles", sa.String(length=100), nullable=False),
        sa.Column("target_segment_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        *_tracked(),
        _segment_link("editorial_pillars"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_editorial_pillars")),
        sa.UniqueConstraint("name", name=op.f("uq_editorial_pillars_name")),
    )
    op.create_table(
        "editorial_networks",
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("target_count", sa.Integer(), nullable=False),
        sa.Column("target_weeks", sa.Integer(), nullable=False),
        sa.Column("account_url", sa.String(length=500), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("network", name=op.f("pk_editorial_networks")),
    )
    op.create_table(
        "network_followers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("followers", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_followers")),
        sa.UniqueConstraint("network", "measured_on", name="uq_network_followers_network_measured_on"),
    )
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("pillar_id", sa.Integer(), nullable=True),
        sa.Column("target_circle", sa.String(length=20), nullable=True),
        sa.Column("target_segment_id", sa.Integer(), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("planned_time", sa.Time(), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("attachments", sa.Text(), nullable=False),
        sa.Column("sponsored", sa.Boolean(), nullable=False),
        sa.Column("commercial_mention", sa.Boolean(), nullable=False),
        sa.Column("partner_contact_id", sa.Integer(), nullable=True),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["partner_contact_id"],
            ["contacts.id"],
            name=op.f("fk_publications_partner_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pillar_id"],
            ["editorial_pillars.id"],
            name=op.f("fk_publications_pillar_id_editorial_pillars"),
            ondelete="SET NULL",
        ),
        _segment_link("publications"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publications")),
    )
    op.create_index(op.f("ix_publications_pillar_id"), "publications", ["pillar_id"], unique=False)
    op.create_index("ix_publications_planned_on_status", "publications", ["planned_on", "status"], unique=False)
    op.create_table(
        "publication_networks",
        sa.Column("publication_id", sa.Integer(), nullable=False),
        sa.Column("network", sa.String(length=20), nullable=False),
        sa.Column("views", sa.Integer(), nullable=True),
        sa.Column("reactions", sa.Integer(), nullable=True),
        sa.Column("comments", sa.Integer(), nullable=True),
        sa.Column("shares", sa.Integer(), nullable=True),
        sa.Column("measured_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["publication_id"],
            ["publications.id"],
            name=op.f("fk_publication_networks_publication_id_publications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("publication_id", "network", name=op.f("pk_publication_networks")),
    )
    op.create_index("ix_publication_networks_network", "publication_networks", ["network"], unique=False)
    op.create_table(
        "publication_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publication_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["publication_id"],
            ["publications.id"],
            name=op.f("fk_publication_status_changes_publication_id_publications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication_status_changes")),
    )
    op.create_index(
        op.f("ix_publication_status_changes_publication_id"),
        "publication_status_changes",
        ["publication_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_publication_status_changes_publication_id"), table_name="publication_status_changes")
    op.drop_table("publication_status_changes")
    op.drop_index("ix_publication_networks_network", table_name="publication_networks")
    op.drop_table("publication_networks")
    op.drop_index("ix_publications_planned_on_status", table_name="publications")
    op.drop_index(op.f("ix_publications_pillar_id"), table_name="publications")
    op.drop_table("publications")
    op.drop_table("network_followers")
    op.drop_table("editorial_networks")
    op.drop_table("editorial_pillars")
    op.drop_table("editorial_line")
