"""events: events, their participants, consent wordings by version, sign-in sheets typed back

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

New tables only. Version 1 of the consent wordings is written by the service on first use,
in the user's language and with the organisation's name, not here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _event_link(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["event_id"], ["events.id"], name=op.f(f"fk_{table}_event_id_events"), ondelete="CASCADE"
    )


def _contact_link(table: str, column: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["contacts.id"], name=op.f(f"fk_{table}_{column}_contacts"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("starts_time", sa.Time(), nullable=True),
        sa.Column("ends_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("organiser_contact_id", sa.Integer(), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("expected_circles", sa.String(length=100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("wording_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        _contact_link("events", "organiser_contact_id", "SET NULL"),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_events_campaign_id_campaigns"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_starts_on", "events", ["starts_on"], unique=False)
    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("invited_from", sa.String(length=100), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("sheet_line", sa.Integer(), nullable=True),
        _event_link("event_participants"),
        _contact_link("event_participants", "contact_id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
        sa.UniqueConstraint("event_id", "contact_id", name="uq_event_participants_event_contact"),
    )
    op.create_index(op.f("ix_event_participants_contact_id"), "event_participants", ["contact_id"], unique=False)
    op.create_table(
        "consent_wordings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_wordings")),
        sa.UniqueConstraint("purpose", "version", name="uq_consent_wordings_purpose_version"),
    )
    op.create_table(
        "sign_in_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("consents", sa.String(length=100), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by", sa.String(length=100), nullable=False),
        _event_link("sign_in_lines"),
        _contact_link("sign_in_lines", "contact_id", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_lines")),
        sa.UniqueConstraint("event_id", "line_no", name="uq_sign_in_lines_event_line"),
    )
    op.create_index(op.f("ix_sign_in_lines_contact_id"), "sign_in_lines", ["contact_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sign_in_lines_contact_id"), table_name="sign_in_lines")
    op.drop_table("sign_in_lines")
    op.drop_table("consent_wordings")
    op.drop_index(op.f("ix_event_participants_contact_id"), table_name="event_participants")
    op.drop_table("event_participants")
    op.drop_index("ix_events_starts_on", table_name="events")
    op.drop_table("events")
