"""contacts extras: full-text search, sort key, consents, segments, merge journal

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Search (the FTS5 table and the triggers live only here, not in the models):
- ``contacts_fts`` is a regular FTS5 table with one ``body`` column, ``rowid = contacts.id``;
  it holds only the contacts a list shows (not archived, not erased), so that a count with
  no filter is one FTS5 query. Regular rather than external-content: its text is computed
  (phone digit forms, tag names) and a row can be dropped by rowid without handing FTS5
  the exact old text. ``unicode61 remove_diacritics 2``: "helene" finds "Hélène".
  ``prefix='1 2 3'``: search-as-you-type asks short prefixes most. ``columnsize=0``: we
  never rank by bm25, so no per-row sizes are stored.
- Triggers on contacts, contact_tags and tags only QUEUE the ids of written contacts in
  ``contact_search_queue``; ``db.search_index.refresh`` then writes the FTS rows,
  ``contacts.sort_name`` (accent-folded, for sorting) and ``contacts.tags_text`` (tag
  names, denormalised for the index and the list) in batches, before any search. Writing
  FTS5 from the trigger itself costs ~150 µs a row (FTS5 flushes at every statement
  savepoint): 15 s for a 100 000-row import instead of ~1 s.
- The existing rows are indexed here, with the same code (``db.search_index``).

- ``contact_circle_counts`` holds the number of listed contacts per circle, kept by triggers
  too: the contacts screen opens with its total and its rings' counts at any size. Its rows
  exist for every circle (created here, at 0) and the triggers only UPDATE them: an upsert
  (INSERT ... ON CONFLICT) in a trigger made every contact insert 2.5x slower (statement
  journal); a circle value outside the three gets its row on first sight.

A later migration that RECREATES ``contacts`` (batch copy-and-move) loses these triggers
with the old table: it must call ``create_triggers()`` again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from communitydesk.db import search_index

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ACTIVE = "archived_at IS NULL AND anonymised_at IS NULL"
# Columns whose change alters the indexed text, the sort key or whether the row is listed.
SEARCHED = (
    "kind, first_name, last_name, organisation, role, email, email_secondary, phone, phone_secondary, "
    "phone_key, postcode, city, archived_at, anonymised_at"
)
TRIGGERS = (
    "contacts_after_insert",
    "contacts_after_update",
    "contacts_after_delete",
    "contact_tags_after_insert",
    "contact_tags_after_update",
    "contact_tags_after_delete",
    "tags_after_rename",
    "contacts_count_after_insert",
    "contacts_count_after_update",
    "contacts_count_after_delete",
)


def _queue(contact_id: str) -> str:
    return f"INSERT INTO contact_search_queue(contact_id) VALUES ({contact_id});"


CIRCLES = ("proches", "communaute", "grand_public")  # rules.circles.Circle as of this revision
_KNOWN = ", ".join(f"'{circle}'" for circle in CIRCLES)


def _count(row: str, step: str) -> str:
    """Add ``step`` (+1/-1) to the circle of ``row`` if that row is listed."""
    return (
        f"UPDATE contact_circle_counts SET active = active + ({step}) WHERE circle = {row}.circle "
        f"AND {row}.archived_at IS NULL AND {row}.anonymised_at IS NULL;"
    )


def _count_row(row: str) -> str:
    """Create the (zero) count row of an unknown circle value; the known ones exist already.

    NOT EXISTS rather than INSERT OR IGNORE: an outer INSERT OR FAIL overrides a trigger's
    conflict policy."""
    return (
        f"INSERT INTO contact_circle_counts(circle, active) SELECT {row}.circle, 0 "
        f"WHERE {row}.circle NOT IN ({_KNOWN}) "
        f"AND NOT EXISTS (SELECT 1 FROM contact_circle_counts WHERE circle = {row}.circle);"
    )


def create_triggers() -> None:
    op.execute(f"CREATE TRIGGER contacts_after_insert AFTER INSERT ON contacts BEGIN {_queue('NEW.id')} END")
    op.execute(
        f"CREATE TRIGGER contacts_after_update AFTER UPDATE OF id, {SEARCHED} ON contacts BEGIN "
        f"{_queue('NEW.id')} INSERT INTO contact_search_queue(contact_id) SELECT OLD.id WHERE OLD.id <> NEW.id; END"
    )
    op.execute(f"CREATE TRIGGER contacts_after_delete AFTER DELETE ON contacts BEGIN {_queue('OLD.id')} END")
    op.execute(
        f"CREATE TRIGGER contact_tags_after_insert AFTER INSERT ON contact_tags BEGIN {_queue('NEW.contact_id')} END"
    )
    op.execute(
        "CREATE TRIGGER contact_tags_after_update AFTER UPDATE ON contact_tags BEGIN "
        f"{_queue('OLD.contact_id')} {_queue('NEW.contact_id')} END"
    )
    op.execute(
        f"CREATE TRIGGER contact_tags_after_delete AFTER DELETE ON contact_tags BEGIN {_queue('OLD.contact_id')} END"
    )
    op.execute(
        "CREATE TRIGGER tags_after_rename AFTER UPDATE OF name ON tags BEGIN "
        "INSERT INTO contact_search_queue(contact_id) SELECT contact_id FROM contact_tags WHERE tag_id = NEW.id; END"
    )
    op.execute(
        "CREATE TRIGGER contacts_count_after_insert AFTER INSERT ON contacts "
        f"BEGIN {_count_row('NEW')} {_count('NEW', '1')} END"
    )
    op.execute(
        "CREATE TRIGGER contacts_count_after_update AFTER UPDATE OF circle, archived_at, anonymised_at ON contacts "
        f"BEGIN {_count('OLD', '-1')} {_count_row('NEW')} {_count('NEW', '1')} END"
    )
    op.execute(f"CREATE TRIGGER contacts_count_after_delete AFTER DELETE ON contacts BEGIN {_count('OLD', '-1')} END")


def upgrade() -> None:
    op.create_table(
        "segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segments")),
        sa.UniqueConstraint("name", name=op.f("uq_segments_name")),
    )
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_consents_contact_id_contacts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "contact_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kept_id", sa.Integer(), nullable=False),
        sa.Column("absorbed_id", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("merged_by", sa.String(length=100), nullable=False),
        sa.Column("kept_before", sa.Text(), nullable=False),
        sa.Column("absorbed_before", sa.Text(), nullable=False),
        sa.Column("repointed", sa.Text(), nullable=False),
        sa.Column("kept_version_after", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.Column("undone_by", sa.String(length=100), nullable=False),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["absorbed_id"], ["contacts.id"], name=op.f("fk_contact_merges_absorbed_id_contacts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["kept_id"], ["contacts.id"], name=op.f("fk_contact_merges_kept_id_contacts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_merges")),
    )
    with op.batch_alter_table("contact_merges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_merges_absorbed_id"), ["absorbed_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_merges_kept_id"), ["kept_id"], unique=False)

    op.create_table(
        "ignored_duplicates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("ignored_at", sa.DateTime(), nullable=False),
        sa.Column("ignored_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_id"], ["contacts.id"], name=op.f("fk_ignored_duplicates_first_id_contacts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["second_id"], ["contacts.id"], name=op.f("fk_ignored_duplicates_second_id_contacts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ignored_duplicates")),
        sa.UniqueConstraint("first_id", "second_id", name="uq_ignored_duplicates_first_id_second_id"),
    )
    with op.batch_alter_table("ignored_duplicates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ignored_duplicates_second_id"), ["second_id"], unique=False)

    op.create_table(
        "contact_search_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_search_queue")),
    )
    op.create_table(
        "contact_circle_counts",
        sa.Column("circle", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("circle", name=op.f("pk_contact_circle_counts")),
    )
    zeros = ", ".join(f"('{circle}', 0)" for circle in CIRCLES)
    op.execute(f"INSERT INTO contact_circle_counts(circle, active) VALUES {zeros}")
    op.execute(
        "INSERT INTO contact_circle_counts(circle, active) SELECT circle, COUNT(*) FROM contacts "
        f"WHERE {ACTIVE} GROUP BY circle ON CONFLICT(circle) DO UPDATE SET active = excluded.active"
    )
    # ADD COLUMN (no table copy): existing rows get '' and are filled by the refresh below.
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sort_name", sa.String(length=300), server_default="", nullable=False))
        batch_op.add_column(sa.Column("tags_text", sa.Text(), server_default="", nullable=False))
        batch_op.create_index(
            "ix_contacts_active_city", ["city", "sort_name"], unique=False, sqlite_where=sa.text(ACTIVE)
        )
        batch_op.create_index(
            "ix_contacts_active_circle", ["circle", "sort_name"], unique=False, sqlite_where=sa.text(ACTIVE)
        )
        batch_op.drop_index("ix_contacts_circle")  # superseded by the partial one above (see models)
        batch_op.create_index("ix_contacts_active_sort_name", ["sort_name"], unique=False, sqlite_where=sa.text(ACTIVE))
        batch_op.create_index("ix_contacts_created_at", ["created_at"], unique=False)
        batch_op.create_index(
            "ix_contacts_unarchived_circle", ["circle"], unique=False, sqlite_where=sa.text("archived_at IS NULL")
        )
        batch_op.create_index(
            "ix_contacts_active_circle_touch",
            ["circle", "last_touch_at", "created_at"],
            unique=False,
            sqlite_where=sa.text(ACTIVE),
        )

    op.execute(
        "CREATE VIRTUAL TABLE contacts_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2', "
        "prefix='1 2 3', columnsize=0)"
    )
    create_triggers()
    connection = op.get_bind()
    search_index.queue_all(connection)
    search_index.refresh(connection)


def downgrade() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS contacts_fts")
    op.drop_table("contact_search_queue")
    op.drop_table("contact_circle_counts")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_active_circle_touch")
        batch_op.drop_index("ix_contacts_unarchived_circle")
        batch_op.drop_index("ix_contacts_created_at")
        batch_op.drop_index("ix_contacts_active_sort_name")
        batch_op.drop_index("ix_contacts_active_circle")
        batch_op.create_index("ix_contacts_circle", ["circle"], unique=False)
        batch_op.drop_index("ix_contacts_active_city")
        batch_op.drop_column("tags_text")
        batch_op.drop_column("sort_name")

    with op.batch_alter_table("ignored_duplicates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ignored_duplicates_second_id"))
    op.drop_table("ignored_duplicates")
    with op.batch_alter_table("contact_merges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_merges_kept_id"))
        batch_op.drop_index(batch_op.f("ix_contact_merges_absorbed_id"))
    op.drop_table("contact_merges")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_contact_id"))
    op.drop_table("consents")
    op.drop_table("segments")
