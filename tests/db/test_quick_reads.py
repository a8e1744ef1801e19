"""db/'s quick path and what it shares with the ORM: the stored-time codec, the contact
conditions, quoted identifiers, settings, SQLite's own checks."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite

from communitydesk.db import figure_reads
from communitydesk.db.contact_counts import active_contact_count
from communitydesk.db.database import Database
from communitydesk.db.integrity import integrity_findings
from communitydesk.db.quick_reads import quick_reading, sort_key, stored_setting
from communitydesk.db.sql_identifiers import quoted_identifier
from communitydesk.errors import DatabaseError
from communitydesk.models import contact_conditions, stored_time
from communitydesk.models.contacts import ACTIVE, ACTIVE_SQL, ERASED_SQL, NOT_ERASED, Contact
from communitydesk.models.organisation import AppSetting
from communitydesk.models.registry import metadata
from communitydesk.rules.contact_keys import fold

moments = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2200, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5))]),
)


@given(moments)
def test_the_codec_round_trips_and_keeps_time_order_as_text_order(moment: datetime) -> None:
    assert stored_time.decode(stored_time.encode(moment)) == moment
    later = moment + timedelta(microseconds=1)
    assert stored_time.encode(moment) < stored_time.encode(later)


@pytest.mark.parametrize(
    ("stored", "moment"),
    [
        ("2026-03-01 08:30:00.000005", datetime(2026, 3, 1, 8, 30, 0, 5, tzinfo=UTC)),
        ("2026-03-01 08:30:00", datetime(2026, 3, 1, 8, 30, tzinfo=UTC)),  # older rows
        ("2026-03-01", datetime(2026, 3, 1, tzinfo=UTC)),  # a date alone, written by hand
    ],
)
def test_stored_texts_decode_to_aware_utc(stored: str, moment: datetime) -> None:
    decoded = stored_time.decode(stored)
    assert decoded == moment and decoded.tzinfo is UTC


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        stored_time.encode(datetime(2026, 3, 1, 8, 30))


def test_the_orm_stores_the_codecs_text(db: Database) -> None:
    moment = datetime(2026, 3, 1, 9, 30, 0, 5, tzinfo=timezone(timedelta(hours=1)))
    with db.transaction() as session:
        contact = Contact(first_name="Anne", created_at=moment, last_touch_at=moment)
        session.add(contact)
        session.flush()
        contact_id = contact.id
    with db.transaction() as session:
        raw = session.execute(text("SELECT created_at FROM contacts WHERE id = :id"), {"id": contact_id}).scalar_one()
        assert raw == stored_time.encode(moment) == "2026-03-01 08:30:00.000005"
        # Older rows written without microseconds read back too.
        session.execute(
            text("UPDATE contacts SET last_touch_at = '2026-03-01 08:30:00' WHERE id = :id"), {"id": contact_id}
        )
    with db.transaction() as session:
        found = session.execute(select(Contact.created_at, Contact.last_touch_at).where(Contact.id == contact_id)).one()
    assert found == (moment, datetime(2026, 3, 1, 8, 30, tzinfo=UTC))
    assert found[0].tzinfo is UTC


def test_each_contact_condition_is_one_text_for_sql_and_orm() -> None:
    dialect = sqlite.dialect()
    assert str(ACTIVE.compile(dialect=dialect)) == contact_conditions.ACTIVE.sql("contacts")
    assert str(NOT_ERASED.compile(dialect=dialect)) == contact_conditions.NOT_ERASED.sql("contacts")
    assert ACTIVE_SQL == contact_conditions.ACTIVE.sql() == "archived_at IS NULL AND anonymised_at IS NULL"
    assert ERASED_SQL == contact_conditions.ERASED.sql() == "archived_at IS NULL AND anonymised_at IS NOT NULL"


def test_active_erased_and_unarchived_split_the_contacts(db: Database) -> None:
    now = datetime.now(UTC)
    with db.transaction() as session:
        session.add_all(
            [
                Contact(first_name="Active"),
                Contact(first_name="Erased", anonymised_at=now),
                Contact(first_name="Archived", archived_at=now),
                Contact(first_name="Both", archived_at=now, anonymised_at=now),
            ]
        )
    with db.transaction() as session:

        def names(condition: contact_conditions.ContactCondition) -> set[str]:
            return set(session.scalars(text(f"SELECT first_name FROM contacts WHERE {condition.sql()}")))

        assert names(contact_conditions.ACTIVE) == {"Active"}
        assert names(contact_conditions.ERASED) == {"Erased"}
        assert names(contact_conditions.UNARCHIVED) == {"Active", "Erased"}
        assert names(contact_conditions.NOT_ERASED) == {"Active", "Archived"}
        assert set(session.scalars(select(Contact.first_name).where(ACTIVE))) == {"Active"}
        assert active_contact_count(session) == 1
    with quick_reading(db.path) as reader:
        # An erased contact leaves its circle, as it leaves the lists (one definition, issue #20).
        assert sum(figure_reads.circle_counts(reader).values()) == 1


@pytest.mark.parametrize("text_", ["  Jean   Dupont ", "O'Neil-Smith", "ABC def", "", "Élise Œuvray", "d’Almeida"])
def test_the_sort_key_is_the_folded_name(text_: str) -> None:
    assert sort_key(text_) == fold(text_)


def test_table_names_read_from_the_schema_are_quoted(db_path: Path) -> None:
    assert quoted_identifier('we"ird') == '"we""ird"'
    with sqlite3.connect(db_path) as conn:
        conn.execute('CREATE TABLE "we""ird; DROP TABLE contacts" (x)')
        conn.execute('INSERT INTO "we""ird; DROP TABLE contacts" VALUES (1), (2)')
    conn.close()
    with quick_reading(db_path) as reader:
        counts = figure_reads.table_counts(reader)
    assert counts['we"ird; DROP TABLE contacts'] == 2 and counts["contacts"] == 0


def test_a_setting_unset_or_unreadable_is_none(db: Database) -> None:
    with db.transaction() as session:
        session.add(AppSetting(key="organisation", value='{"name": "Asso"}'))
        session.add(AppSetting(key="broken", value="{not json"))
    with quick_reading(db.path) as reader:
        assert stored_setting(reader, "organisation") == {"name": "Asso"}
        assert stored_setting(reader, "broken") is None
        assert stored_setting(reader, "missing") is None


def test_sqlite_errors_become_a_french_sentence_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pas-une-base.sqlite3"
    path.write_bytes(b"x" * 4096)
    with pytest.raises(DatabaseError, match="pas-une-base"):
        integrity_findings(path)


def test_integrity_findings_name_the_tables_of_broken_links(db_path: Path) -> None:
    assert integrity_findings(db_path) == ([], [])
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO circle_moves (contact_id, moved_at, to_circle, moved_by, reason) "
            "VALUES (999, '2026-01-01', 'proches', '', '')"
        )
    conn.close()
    assert integrity_findings(db_path) == ([], ["circle_moves"])


def test_the_migrated_partial_indexes_keep_the_models_conditions(db_path: Path) -> None:
    """Migrations spell their conditions as they were; a condition changed here needs a migration."""
    expected = {
        index.name: str(index.dialect_options["sqlite"]["where"])
        for table in metadata.tables.values()
        for index in table.indexes
        if index.dialect_options["sqlite"]["where"] is not None
    }
    assert "ix_contacts_active_sort_name" in expected and "ix_contacts_erased_circle" in expected
    with sqlite3.connect(db_path) as conn:
        found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'"))
    conn.close()
    assert {name: found[name].split(" WHERE ", 1)[1] for name in expected} == expected
