"""profiles: passwords, PINs and login delays; the rights of each role; the append-only audit log

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

The profile columns are added by plain ``ALTER TABLE ADD COLUMN`` (all NULL or with a
default). ``role_rights`` is seeded with the default rights of each role as they were
when this revision was written (services.permissions keeps the same table; a test checks
they agree), so that an Administrateur edits them in the base. ``audit_log`` gets
triggers that abort any UPDATE or DELETE: nothing in the app can edit it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_VOLUNTEER = ("read", "figures.read", "contacts.edit", "touch_points.add", "events.sign_in")
_TEAM = (
    *_VOLUNTEER,
    "contacts.private_notes",
    "contributions.amounts",
    "contacts.merge",
    "personal_data.export",
    "campaigns.edit",
    "publications.edit",
    "publications.approve",
    "ambassadors.manage",
    "missions.validate",
    "events.edit",
    "import",
    "export",
    "settings.edit",
    "database.maintain",
)
_ADMIN = (*_TEAM, "gdpr.erase", "database.restore", "profiles.manage", "audit.view")
DEFAULT_RIGHTS: dict[str, tuple[str, ...]] = {
    "admin": _ADMIN,
    "equipe": _TEAM,
    "benevole": _VOLUNTEER,
    "lecture": ("figures.read",),
}

_APPEND_ONLY = "audit_log: le journal d''audit ne se modifie pas"


def upgrade() -> None:
    op.add_column("profiles", sa.Column("password_hash", sa.String(length=200), nullable=True))
    op.add_column("profiles", sa.Column("pin_hash", sa.String(length=200), nullable=True))
    op.add_column("profiles", sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False))
    op.add_column("profiles", sa.Column("last_failed_at", sa.DateTime(), nullable=True))
    op.add_column("profiles", sa.Column("last_login_at", sa.DateTime(), nullable=True))

    rights = op.create_table(
        "role_rights",
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("role", "action", name=op.f("pk_role_rights")),
    )
    op.bulk_insert(rights, [{"role": role, "action": a} for role, actions in DEFAULT_RIGHTS.items() for a in actions])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"], unique=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("role_rights")
    for column in ("last_login_at", "last_failed_at", "failed_logins", "pin_hash", "password_hash"):
        op.drop_column("profiles", column)
