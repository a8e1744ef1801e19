"""Tags: unique ignoring case and accents, put on and taken off contacts, renamed everywhere."""

from __future__ import annotations

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.services import segments, tags
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.contacts import ContactInput, archive_contact, create_contact, get_contact
from communitydesk.services.permissions import Actor


def people(db: Database, actor: Actor, n: int) -> list[int]:
    return [create_contact(db, actor, ContactInput(first_name=f"P{i}", last_name="Roy")).id for i in range(n)]


def test_create_list_and_count(db: Database, actor: Actor) -> None:
    ids = people(db, actor, 3)
    tags.create_tag(db, actor, "presse")
    assert tags.tag_contacts(db, actor, ids, "Bénévole") == 3
    assert tags.tag_contacts(db, actor, ids[:2], "bénévole") == 0  # same tag, already there
    archive_contact(db, actor, ids[2])
    assert [(t.name, t.contacts) for t in tags.list_tags(db, actor)] == [("Bénévole", 2), ("presse", 0)]
    assert get_contact(db, actor, ids[0]).tags == ("Bénévole",)


@pytest.mark.parametrize(
    ("name", "words"), [("  ", "vide"), ("x" * 61, "60"), ("a, b", "virgule"), ("BENEVOLE", "existe déjà")]
)
def test_names_are_checked(db: Database, actor: Actor, name: str, words: str) -> None:
    tags.create_tag(db, actor, "bénévole")
    with pytest.raises(ValidationError, match=words):
        tags.create_tag(db, actor, name)


def test_untag_and_set_tags(db: Database, actor: Actor) -> None:
    (cid,) = people(db, actor, 1)
    assert tags.set_contact_tags(db, actor, cid, ["presse", "mécène", " "]) == ("mécène", "presse")
    assert tags.set_contact_tags(db, actor, cid, ["Presse", "élu local"]) == ("élu local", "presse")
    assert tags.untag_contacts(db, actor, [cid], "PRESSE") == 1
    assert tags.untag_contacts(db, actor, [cid], "inconnu") == 0
    assert get_contact(db, actor, cid).tags == ("élu local",)


def test_rename_follows_into_segments_and_delete_empties_them(db: Database, actor: Actor) -> None:
    ids = people(db, actor, 2)
    tags.tag_contacts(db, actor, ids, "jardin")
    segment = segments.save_segment(db, actor, "Jardiniers", ContactFilter(tags=("jardin",), circles=("proches",)))
    (tag,) = tags.list_tags(db, actor)
    tags.rename_tag(db, actor, tag.id, "potager")
    assert segments.get_segment(db, actor, segment.id).filter.tags == ("potager",)
    assert get_contact(db, actor, ids[0]).tags == ("potager",)
    with pytest.raises(ValidationError, match="existe déjà"):
        tags.create_tag(db, actor, "Potager")
    tags.delete_tag(db, actor, tag.id)
    assert get_contact(db, actor, ids[0]).tags == ()
    assert tags.list_tags(db, actor) == []
    from communitydesk.services import contact_search

    # The segment still names the deleted tag: it matches nobody instead of everybody.
    assert contact_search.count(db, actor, filters=segments.segment_filter(db, actor, segment.id)) == 0


def test_counts_leave_out_archived_and_erased_contacts_whatever_the_path(db: Database, actor: Actor) -> None:
    ids = people(db, actor, 6)
    tags.tag_contacts(db, actor, ids, "Bénévole")
    tags.tag_contacts(db, actor, ids[:3], "presse")
    tags.create_tag(db, actor, "atelier")
    # Every contact listed: the counts come from the tag index alone.
    assert [(t.name, t.contacts) for t in tags.list_tags(db, actor)] == [
        ("atelier", 0),
        ("Bénévole", 6),
        ("presse", 3),
    ]
    archive_contact(db, actor, ids[0])
    with db.engine.begin() as conn:  # an erased contact that (oddly) kept a tag still is not counted
        conn.exec_driver_sql("UPDATE contacts SET anonymised_at = '2026-01-01 00:00:00' WHERE id = ?", (ids[5],))
    listed = {
        name: n
        for name, n in db.engine.connect().exec_driver_sql(
            "SELECT t.name, count(c.id) FROM tags t LEFT JOIN contact_tags ct ON ct.tag_id = t.id "
            "LEFT JOIN contacts c ON c.id = ct.contact_id AND c.archived_at IS NULL AND c.anonymised_at IS NULL "
            "GROUP BY t.id"
        )
    }
    assert listed == {"atelier": 0, "Bénévole": 4, "presse": 2}
    assert {t.name: t.contacts for t in tags.list_tags(db, actor)} == listed


def test_tag_names_in_alphabetical_order_ignoring_accents(db: Database, actor: Actor) -> None:
    for name in ("presse", "Élus", "bénévole", "Atelier"):
        tags.create_tag(db, actor, name)
    assert tags.tag_names(db, actor) == ["Atelier", "bénévole", "Élus", "presse"]
