"""What a commit changed reaches the base's subscribers after the COMMIT, and a rollback says nothing."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from communitydesk.db.change_collector import DERIVED_TABLES, TABLE_CHANGES, mark
from communitydesk.db.change_feed import changes_made
from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, ValidationError
from communitydesk.models.registry import metadata
from communitydesk.records.changes import EVERYTHING, NOTHING, Changes
from communitydesk.services import campaigns, circle_moves, contact_import, gdpr, tags, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, update_contact
from communitydesk.services.permissions import Actor


@pytest.fixture
def heard(db: Database) -> list[Changes]:
    seen: list[Changes] = []
    db.changes.subscribe(seen.append)
    return seen


def test_the_record_combines_and_answers() -> None:
    both = Changes.of("contacts") | Changes.of("tags")
    assert both.kinds() == ("contacts", "tags")
    assert (both & Changes.of("tags", "campaigns")) == Changes.of("tags")
    assert not NOTHING.any() and EVERYTHING.any()
    assert not (both & Changes.of("campaigns")).any()
    with pytest.raises(TypeError):
        Changes.of("nonsense")


def test_every_table_says_what_a_write_to_it_changes() -> None:
    # A new table must be given its kind (or be derived data), or screens would miss its writes.
    assert set(metadata.tables) == set(TABLE_CHANGES) | DERIVED_TABLES


def test_a_commit_publishes_after_it_is_done(db: Database, actor: Actor, heard: list[Changes]) -> None:
    seen_by_another_connection: list[int] = []

    def count_from_elsewhere(_changes: Changes) -> None:
        with db.engine.connect() as other:
            seen_by_another_connection.append(other.execute(text("SELECT COUNT(*) FROM contacts")).scalar_one())

    db.changes.subscribe(count_from_elsewhere)
    create_contact(db, actor, ContactInput(first_name="Agnès"))
    assert heard == [Changes.of("contacts", "circles")]
    assert seen_by_another_connection == [1]  # the row was committed when subscribers heard of it


def test_a_rollback_publishes_nothing(db: Database, actor: Actor, heard: list[Changes]) -> None:
    contact = create_contact(db, actor, ContactInput(first_name="Agnès"))
    heard.clear()
    with pytest.raises(RuntimeError), db.transaction() as session:
        create_contact(session, actor, ContactInput(first_name="Benoît"))
        tags.set_contact_tags(session, actor, contact.id, ["presse"])
        raise RuntimeError("bug")
    with pytest.raises(ConflictError):
        update_contact(db, actor, contact.id, contact.version_id + 1, ContactInput(first_name="Agnès B."))
    with pytest.raises(ValidationError):
        touch_points.add_touch_point(db, actor, contact.id, "nonsense")
    assert heard == []


def test_flushed_rows_say_what_kind_changed(db: Database, actor: Actor, heard: list[Changes]) -> None:
    contact = create_contact(db, actor, ContactInput(first_name="Agnès"))
    heard.clear()
    update_contact(db, actor, contact.id, contact.version_id, ContactInput(first_name="Agnès", city="Lyon"))
    assert heard == [Changes.of("contacts")]  # same circle: the counts did not move
    heard.clear()
    circle_moves.move_contact(db, actor, contact.id, "proches", "Bénévole")
    assert heard == [Changes.of("contacts", "circles")]
    heard.clear()
    gdpr.add_consent(db, actor, contact.id, "lettre", "J'accepte", "salon")
    assert heard == [Changes.of("consents")]


def test_core_statements_through_the_session_are_seen(db: Database, actor: Actor, heard: list[Changes]) -> None:
    ids = [create_contact(db, actor, ContactInput(first_name=n)).id for n in ("Agnès", "Benoît")]
    heard.clear()
    tags.tag_contacts(db, actor, ids, "presse")  # a new Tag (flush) and an insert into contact_tags (Core)
    assert heard == [Changes.of("tags")]
    heard.clear()
    touch_points.add_touch_points(db, actor, ids, "call", "Appel")  # Core insert + update of last_touch_at
    assert heard == [Changes.of("touch_points", "contacts", "circles")]
    heard.clear()
    circle_moves.move_contacts(db, actor, ids, "communaute", "Fidèles")  # Core insert and update
    assert heard == [Changes.of("contacts", "circles")]


def test_writes_the_events_cannot_see_are_marked(db: Database, heard: list[Changes]) -> None:
    with db.transaction() as session:
        session.connection().exec_driver_sql("INSERT INTO tags (name) VALUES ('presse')")
        mark(session, Changes.of("tags"))
    assert heard == [Changes.of("tags")]
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.connection().exec_driver_sql("INSERT INTO tags (name) VALUES ('radio')")
        mark(session, Changes.of("tags"))
        raise RuntimeError("bug")
    assert heard == [Changes.of("tags")]


def test_reads_and_search_index_refreshes_publish_nothing(db: Database, actor: Actor, heard: list[Changes]) -> None:
    from communitydesk.services import contact_search

    create_contact(db, actor, ContactInput(first_name="Agnès"))
    heard.clear()
    assert contact_search.count(db, actor, "agn") == 1  # refreshes the queued search data first
    tags.list_tags(db, actor)
    assert heard == []


def test_the_contact_import_publishes_once_it_committed(db: Database, actor: Actor, heard: list[Changes]) -> None:
    data = "Prénom;Nom;Courriel;Étiquettes\r\nAgnès;Perrin;agnes@example.org;presse\r\n".encode()
    contact_import.import_contacts_file(db, actor, data, dry_run=True, file_name="a.csv")
    assert heard == []  # a dry run is rolled back
    contact_import.import_contacts_file(db, actor, data, file_name="a.csv")
    assert heard == [contact_import.IMPORT_CHANGES]


def test_an_erasure_publishes_what_it_blanked(db: Database, actor: Actor, heard: list[Changes]) -> None:
    contact = create_contact(db, actor, ContactInput(first_name="Agnès"))
    touch_points.add_touch_point(db, actor, contact.id, "call", "Appel")
    heard.clear()
    gdpr.erase_person(db, actor, contact.id, confirm=True)
    assert heard and heard[0].contacts and heard[0].touch_points


def test_the_caller_learns_what_its_own_calls_changed(db: Database, actor: Actor) -> None:
    with changes_made() as made:
        campaign = campaigns.create_campaign(db, actor, campaigns.CampaignInput(name="Toit", goal_cents=100_00))
    assert made.changes == Changes.of("campaigns")

    elsewhere: list[Changes] = []

    def other_thread() -> None:
        with changes_made() as theirs:
            create_contact(db, actor, ContactInput(first_name="Agnès"))
        elsewhere.append(theirs.changes)

    with changes_made() as made:
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        campaigns.get_campaign(db, actor, campaign.id)
    assert made.changes == NOTHING  # another thread's commit is not this caller's doing
    assert elsewhere == [Changes.of("contacts", "circles")]


def test_a_failing_subscriber_does_not_fail_the_commit(db: Database, actor: Actor, heard: list[Changes]) -> None:
    def broken(_changes: Changes) -> None:
        raise RuntimeError("subscriber bug")

    db.changes.subscribe(broken)
    create_contact(db, actor, ContactInput(first_name="Agnès"))
    assert heard == [Changes.of("contacts", "circles")]


def test_unsubscribed_hears_nothing(db: Database, actor: Actor) -> None:
    seen: list[Changes] = []
    stop = db.changes.subscribe(seen.append)
    stop()
    create_contact(db, actor, ContactInput(first_name="Agnès"))
    assert seen == []


def test_a_many_to_many_collection_change_is_a_change_of_its_link(
    db: Database, actor: Actor, heard: list[Changes]
) -> None:
    from communitydesk.models.contacts import Contact, Tag

    contact = create_contact(db, actor, ContactInput(first_name="Agnès"))
    with db.transaction() as session:
        session.add(Tag(name="presse"))
    heard.clear()
    with db.transaction() as session:
        row = session.get(Contact, contact.id)
        assert row is not None
        row.tags.append(session.query(Tag).one())
    assert heard == [Changes.of("contacts", "tags")]  # the link row, and nothing of the circles
