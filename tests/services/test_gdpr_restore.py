"""Restoring a backup never brings an erased person back: the base's erasure journal is
read before the restore and every erasure made again in what is restored."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from communitydesk.db import erasure_journal
from communitydesk.db.database import Database, open_database
from communitydesk.db.schema_version import HEAD, REVISIONS, SchemaState, probe
from communitydesk.errors import DatabaseError, UserError
from communitydesk.services import contact_search, gdpr, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.maintenance import backup_database, restore_database
from communitydesk.services.permissions import Actor

from .test_gdpr_traces import ERASED, traces_in_file  # type: ignore[import-not-found]


def people(db: Database, actor: Actor) -> tuple[int, int]:
    """The person to erase, and someone who stays."""
    erased = create_contact(db, actor, ERASED).id
    touch_points.add_touch_point(db, actor, erased, "call", "Appel avec Mme Zabrowskiqx")
    kept = create_contact(db, actor, ContactInput(first_name="Amélie", last_name="Martin", city="Nantes")).id
    return erased, kept


def assert_erased_again(path: Path, actor: Actor, erased: int, kept: int) -> None:
    restored = open_database(path)
    try:
        gone = get_contact(restored, actor, erased)
        assert gone.anonymised_at is not None and gone.display_name == "Contact effacé"
        assert (gone.data.last_name, gone.data.email, gone.data.phone, gone.data.city) == ("", "", "", "")
        assert [p.summary for p in touch_points.timeline(restored, actor, erased)] == [""]
        assert contact_search.count(restored, actor, "zabrowskiqx") == 0
        assert get_contact(restored, actor, kept).data.last_name == "Martin"
        assert contact_search.count(restored, actor, "amelie") == 1
        assert traces_in_file(path) == {}  # not in the search index's storage, nor anywhere else
    finally:
        restored.close()


def test_restoring_an_older_backup_erases_the_person_again(db: Database, actor: Actor, tmp_path: Path) -> None:
    erased, kept = people(db, actor)
    before = backup_database(db.path, actor, out=tmp_path / "avant.sqlite3")
    gdpr.erase_person(db, actor, erased, confirm=True)
    db.close()

    restore_database(before, db.path, actor)

    assert_erased_again(db.path, actor, erased, kept)
    assert traces_in_file(before), "the backup itself is left as it was"
    assert not list(db.path.parent.glob(".restauration-*")), "the scrubbed copy is removed"


def test_restoring_into_a_place_without_a_base_erases_again_too(db: Database, actor: Actor, tmp_path: Path) -> None:
    erased, kept = people(db, actor)
    before = backup_database(db.path, actor, out=tmp_path / "avant.sqlite3")
    gdpr.erase_person(db, actor, erased, confirm=True)
    db.close()
    db.path.unlink()
    restore_database(before, db.path, actor)
    assert_erased_again(db.path, actor, erased, kept)


def test_a_backup_made_after_the_erasure_is_restored_as_it_is(db: Database, actor: Actor, tmp_path: Path) -> None:
    erased, kept = people(db, actor)
    gdpr.erase_person(db, actor, erased, confirm=True)
    after = backup_database(db.path, actor, out=tmp_path / "après.sqlite3")
    create_contact(db, actor, ContactInput(first_name="Bruno", last_name="Lefèvre"))
    db.close()
    restore_database(after, db.path, actor)
    assert_erased_again(db.path, actor, erased, kept)
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT count(*) FROM contacts").fetchone() == (2,)


def test_the_same_number_in_another_base_is_not_erased(
    db: Database, actor: Actor, tmp_path: Path, _template_database: Path
) -> None:
    erased, _kept = people(db, actor)
    gdpr.erase_person(db, actor, erased, confirm=True)
    db.close()
    # A backup of another organisation's base, restored under this name: its n° 1 is someone else.
    other_path = tmp_path / "autre.sqlite3"
    other_path.write_bytes(_template_database.read_bytes())
    other = open_database(other_path)
    someone_else = create_contact(other, actor, ContactInput(first_name="Chantal", last_name="Dubois")).id
    other.close()
    assert someone_else == erased

    restore_database(other_path, db.path, actor)

    restored = open_database(db.path)
    try:
        assert get_contact(restored, actor, someone_else).data.last_name == "Dubois"
    finally:
        restored.close()


def test_an_unreadable_journal_refuses_the_restore_and_keeps_the_base(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    erased, _kept = people(db, actor)
    before = backup_database(db.path, actor, out=tmp_path / "avant.sqlite3")
    gdpr.erase_person(db, actor, erased, confirm=True)
    db.close()
    journal = erasure_journal.journal_path(db.path)
    journal.write_text("abîmé\n" + journal.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DatabaseError, match=r"journal des effacements.*illisible"):
        restore_database(before, db.path, actor)
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT last_name FROM contacts WHERE id = ?", (erased,)).fetchone() == ("",)


def test_an_erasure_that_cannot_be_journaled_is_not_made(db: Database, actor: Actor) -> None:
    erased, _kept = people(db, actor)
    erasure_journal.journal_path(db.path).mkdir()
    with pytest.raises(UserError, match="journal des effacements"):
        gdpr.erase_person(db, actor, erased, confirm=True)
    assert get_contact(db, actor, erased).data.last_name == "Zabrowskiqx"


def test_every_erased_contact_is_journaled_with_its_creation_time(db: Database, actor: Actor) -> None:
    from communitydesk.services import duplicates

    erased, _kept = people(db, actor)
    absorbed = create_contact(db, actor, ContactInput(first_name="Quentinelle", last_name="Zabrowskiqx")).id
    duplicates.merge_contacts(db, actor, erased, absorbed)
    gdpr.erase_person(db, actor, erased, confirm=True)
    journaled = erasure_journal.read(db.path)
    assert [c.id for c in journaled] == [erased, absorbed]
    assert journaled[0].created_at == get_contact(db, actor, erased).created_at
    text = erasure_journal.journal_path(db.path).read_text(encoding="utf-8")
    assert "abrowskiqx" not in text.lower() and json.loads(text)["erased_at"]


@pytest.mark.slow
def test_an_older_schema_backup_is_upgraded_then_erased_again(tmp_path: Path, actor: Actor) -> None:
    from alembic import command

    from communitydesk.db.engine import make_engine, make_session_factory
    from communitydesk.db.migrate import alembic_config

    backup = tmp_path / "sauvegarde-ancienne.sqlite3"
    # Today's models write today's schema: the people are written there, then the backup is
    # taken back to the previous revision.
    command.upgrade(alembic_config(backup), HEAD)
    engine = make_engine(backup)
    erased, kept = people(Database(backup, engine, make_session_factory(engine)), actor)
    engine.dispose()
    command.downgrade(alembic_config(backup), REVISIONS[-2])
    base = tmp_path / "base.sqlite3"
    with sqlite3.connect(backup) as src, sqlite3.connect(base) as dest:
        src.backup(dest)
    db = open_database(base)  # upgraded, then the erasure
    gdpr.erase_person(db, actor, erased, confirm=True)
    db.close()
    assert probe(backup).revision == REVISIONS[-2]

    restore_database(backup, base, actor)

    assert probe(base).state is SchemaState.CURRENT and probe(base).revision == HEAD
    assert_erased_again(base, actor, erased, kept)
