"""contacts city sort key: "Évry" sorts among the E's, not after "Z"

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

``contacts.city_sort`` is the folded city (lower case, no accents), kept by
``db.search_index.refresh`` like ``sort_name`` (the triggers of 0002 already queue a
contact whose city changes). ``ix_contacts_active_city`` now sorts on it.

ADD COLUMN and DROP COLUMN only (no batch copy of ``contacts``): the triggers of 0002 stay
as they are. Existing rows are filled here in one pass (each distinct city folded once).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from communitydesk.rules.contact_search_text import city_sort

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ACTIVE = "archived_at IS NULL AND anonymised_at IS NULL"


def upgrade() -> None:
    op.add_column("contacts", sa.Column("city_sort", sa.String(length=100), server_default="", nullable=False))
    conn = op.get_bind()
    cities = [row[0] for row in conn.exec_driver_sql("SELECT DISTINCT city FROM contacts WHERE city != ''")]
    if cities:
        # One pass over contacts with a keyed lookup (an UPDATE per city would scan them all each time).
        conn.exec_driver_sql("CREATE TEMP TABLE city_keys (city TEXT PRIMARY KEY, city_sort TEXT NOT NULL)")
        conn.exec_driver_sql(
            "INSERT INTO city_keys (city, city_sort) VALUES (?, ?)", [(city, city_sort(city)) for city in cities]
        )
        conn.exec_driver_sql(
            "UPDATE contacts SET city_sort = (SELECT k.city_sort FROM city_keys k WHERE k.city = contacts.city) "
            "WHERE city != ''"
        )
        conn.exec_driver_sql("DROP TABLE city_keys")
    op.drop_index("ix_contacts_active_city", table_name="contacts")
    op.create_index(
        "ix_contacts_active_city", "contacts", ["city_sort", "sort_name"], unique=False, sqlite_where=sa.text(ACTIVE)
    )


def downgrade() -> None:
    op.drop_index("ix_contacts_active_city", table_name="contacts")
    op.create_index(
        "ix_contacts_active_city", "contacts", ["city", "sort_name"], unique=False, sqlite_where=sa.text(ACTIVE)
    )
    op.drop_column("contacts", "city_sort")
