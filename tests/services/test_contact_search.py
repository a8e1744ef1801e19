"""Search: accents and case ignored, phones by their digits, filters, sorts, pages, and an
index that follows every write (insert, update, delete, tags) whoever makes it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text, update

from communitydesk.db.database import Database
from communitydesk.models.contacts import Contact
from communitydesk.services import contact_search as search
from communitydesk.services import tags
from communitydesk.services.contact_search import ContactFilter, ContactSort
from communitydesk.services.contacts import ContactInput, archive_contact, create_contact, update_contact
from communitydesk.services.permissions import Actor
from communitydesk.services.touch_points import add_touch_point


def add(db: Database, actor: Actor, first: str, last: str, **fields: object) -> int:
    return create_contact(db, actor, ContactInput(first_name=first, last_name=last, **fields)).id  # type: ignore[arg-type]


@pytest.fixture
def people(db: Database, actor: Actor) -> dict[str, int]:
    return {
        "helene": add(
            db,
            actor,
            "Hélène",
            "Martin",
            city="Lyon",
            postcode="69007",
            phone="06 12 34 56 78",
            email="helene.martin@exemple.fr",
            circle="proches",
        ),
        "eric": add(db, actor, "Éric", "Zola", city="Évry", postcode="91000", circle="communaute"),
        "anne": add(
            db, actor, "Anne", "Durand", city="Paris", postcode="75011", phone="+33 7 81 22 33 44", is_ambassador=True
        ),
        "asso": create_contact(
            db,
            actor,
            ContactInput(
                kind="organisation", organisation="Œuvre Commune", city="Lyon", postcode="69001", is_critic=True
            ),
        ).id,
    }


def names(rows: list[search.ContactRow]) -> list[str]:
    return [r.display_name for r in rows]


@pytest.mark.parametrize("typed", ["helene", "HÉLÈNE", "hél", "Mart", "helene.mar", "lyon martin", "69007"])
def test_text_ignores_accents_and_case_and_matches_prefixes(
    db: Database, actor: Actor, people: dict[str, int], typed: str
) -> None:
    assert names(search.page(db, actor, typed)) == ["Hélène Martin"]
    assert search.count(db, actor, typed) == 1


@pytest.mark.parametrize("typed", ["06 12", "0612", "06.12.34", "612345", "+33 6 12"])
def test_phones_are_found_by_their_digits(db: Database, actor: Actor, people: dict[str, int], typed: str) -> None:
    assert names(search.page(db, actor, typed)) == ["Hélène Martin"]


def test_international_phone_found_in_national_form(db: Database, actor: Actor, people: dict[str, int]) -> None:
    assert names(search.page(db, actor, "07 81 22")) == ["Anne Durand"]


@pytest.mark.parametrize("typed", ['"', 'a" OR "b', "NEAR(", "*", "^x", "col:val", "(", "AND", "-"])
def test_operators_and_quotes_never_crash(db: Database, actor: Actor, people: dict[str, int], typed: str) -> None:
    assert search.count(db, actor, typed) == len(search.page(db, actor, typed))


def test_no_text_lists_everyone_sorted_by_folded_name(db: Database, actor: Actor, people: dict[str, int]) -> None:
    # Last name first, accents folded: Durand, Martin, Œuvre (oeuvre), Zola.
    assert names(search.page(db, actor)) == ["Anne Durand", "Hélène Martin", "Œuvre Commune", "Éric Zola"]
    assert names(search.page(db, actor, descending=True))[0] == "Éric Zola"
    assert search.count(db, actor) == 4


def test_sorts(db: Database, actor: Actor, people: dict[str, int]) -> None:
    assert names(search.page(db, actor, sort=ContactSort.CIRCLE)) == [
        "Hélène Martin",
        "Éric Zola",
        "Anne Durand",
        "Œuvre Commune",
    ]
    assert names(search.page(db, actor, sort=ContactSort.CIRCLE, descending=True)) == [
        "Œuvre Commune",
        "Anne Durand",
        "Éric Zola",
        "Hélène Martin",
    ]
    assert names(search.page(db, actor, sort=ContactSort.CITY)) == [  # Évry among the E's, accents ignored
        "Éric Zola",
        "Hélène Martin",
        "Œuvre Commune",
        "Anne Durand",
    ]
    assert names(search.page(db, actor, sort=ContactSort.CREATED)) == [
        "Hélène Martin",
        "Éric Zola",
        "Anne Durand",
        "Œuvre Commune",
    ]
    add_touch_point(db, actor, people["eric"], "call")
    assert names(search.page(db, actor, sort=ContactSort.LAST_TOUCH, descending=True))[0] == "Éric Zola"


def test_circle_sort_pages_across_circles(db: Database, actor: Actor, people: dict[str, int]) -> None:
    every = names(search.page(db, actor, sort=ContactSort.CIRCLE))
    pages = [names(search.page(db, actor, sort=ContactSort.CIRCLE, offset=o, limit=1)) for o in range(5)]
    assert [p[0] for p in pages if p] == every
    assert pages[4] == []


def test_filters(db: Database, actor: Actor, people: dict[str, int]) -> None:
    assert names(search.page(db, actor, filters=ContactFilter(circles=("proches", "communaute")))) == [
        "Hélène Martin",
        "Éric Zola",
    ]
    assert names(search.page(db, actor, filters=ContactFilter(ambassador=True))) == ["Anne Durand"]
    assert names(search.page(db, actor, filters=ContactFilter(critic=True))) == ["Œuvre Commune"]
    assert names(search.page(db, actor, filters=ContactFilter(kind="organisation"))) == ["Œuvre Commune"]
    assert names(search.page(db, actor, "lyon", ContactFilter(kind="person"))) == ["Hélène Martin"]
    assert search.count(db, actor, "lyon", ContactFilter(circles=("grand_public",))) == 1
    assert search.count(db, actor, "", ContactFilter(text="lyon")) == 2


def test_tag_filter_ignores_case_and_accents(db: Database, actor: Actor, people: dict[str, int]) -> None:
    tags.tag_contacts(db, actor, [people["eric"], people["anne"]], "Bénévole")
    assert names(search.page(db, actor, filters=ContactFilter(tags=("benevole",)))) == ["Anne Durand", "Éric Zola"]
    assert search.count(db, actor, filters=ContactFilter(tags=("inconnu",))) == 0


def test_overdue_flag_and_filter(db: Database, actor: Actor, people: dict[str, int]) -> None:
    old = datetime.now(UTC) - timedelta(days=40)
    with db.transaction() as session:
        session.execute(update(Contact).values(created_at=old))
    add_touch_point(db, actor, people["eric"], "meeting")
    # Proches every 30 days: Hélène (created 40 days ago, never touched) is due; the others not yet.
    assert names(search.page(db, actor, filters=ContactFilter(overdue=True))) == ["Hélène Martin"]
    rows = {r.display_name: r.overdue for r in search.page(db, actor)}
    assert rows == {"Hélène Martin": True, "Éric Zola": False, "Anne Durand": False, "Œuvre Commune": False}


def test_rows_are_light_and_complete(db: Database, actor: Actor, people: dict[str, int]) -> None:
    tags.tag_contacts(db, actor, [people["helene"]], "presse")
    tags.tag_contacts(db, actor, [people["helene"]], "adhérent")
    (row,) = search.page(db, actor, "helene")
    assert (row.id, row.email, row.phone, row.city, row.postcode, row.circle) == (
        people["helene"],
        "helene.martin@exemple.fr",
        "06 12 34 56 78",
        "Lyon",
        "69007",
        "proches",
    )
    assert row.tags == ("adhérent", "presse")
    assert row.last_touch_at is None and not row.is_ambassador


def test_pages_and_ids_for(db: Database, actor: Actor) -> None:
    for i in range(25):
        add(db, actor, f"Prénom{i:02d}", "Dupont")
    first, second = search.page(db, actor, "dupont", limit=10), search.page(db, actor, "dupont", offset=10, limit=10)
    assert len(first) == 10 and len(second) == 10 and not {r.id for r in first} & {r.id for r in second}
    ids = search.ids_for(db, actor, "dupont")
    assert ids == [r.id for r in search.page(db, actor, "dupont", limit=100)]
    assert len(ids) == 25


def test_circle_counts_ignore_the_circle_filter(db: Database, actor: Actor, people: dict[str, int]) -> None:
    assert search.circle_counts(db, actor, "", ContactFilter(circles=("proches",))) == {
        "proches": 1,
        "communaute": 1,
        "grand_public": 2,
    }
    assert search.circle_counts(db, actor, "lyon") == {"proches": 1, "communaute": 0, "grand_public": 1}


def test_index_follows_inserts_updates_deletes_and_tags(db: Database, actor: Actor) -> None:
    created = create_contact(db, actor, ContactInput(first_name="Zoé", last_name="Perrin"))
    assert search.count(db, actor, "zoe") == 1
    update_contact(db, actor, created.id, created.version_id, replace(created.data, last_name="Lambert"))
    assert search.count(db, actor, "perrin") == 0 and search.count(db, actor, "lambert") == 1
    tags.tag_contacts(db, actor, [created.id], "jardin partagé")
    assert search.count(db, actor, "jardin") == 1
    (tag,) = [t for t in tags.list_tags(db, actor) if t.name == "jardin partagé"]
    tags.rename_tag(db, actor, tag.id, "potager")
    assert search.count(db, actor, "jardin") == 0 and search.count(db, actor, "potager") == 1
    assert search.page(db, actor, "potager")[0].tags == ("potager",)
    tags.untag_contacts(db, actor, [created.id], "potager")
    assert search.count(db, actor, "potager") == 0
    archive_contact(db, actor, created.id)
    assert search.count(db, actor, "lambert") == 0
    with db.transaction() as session:
        session.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": created.id})
    assert search.count(db, actor) == 0
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM contacts_fts").scalar() == 0


def test_plain_sql_writers_are_indexed_too(db: Database, actor: Actor) -> None:
    # An importer writing with plain SQL: triggers queue the rows, the next search indexes them.
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO contacts (kind, first_name, last_name, organisation, role, email, email_secondary, phone, "
            "phone_secondary, email_key, phone_key, address, postcode, city, country, circle, source, notes, "
            "is_ambassador, is_critic, created_at, updated_at, version_id) VALUES ('person', 'Gaëlle', 'Noël', '', "
            "'', '', '', '', '', '', '', '', '', 'Brest', 'FR', 'grand_public', '', '', 0, 0, "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 1)"
        )
    assert names(search.page(db, actor, "gaelle noel brest")) == ["Gaëlle Noël"]
    assert search.refresh_search_index(db, actor) == 0  # already done by the search


def test_circle_counters_follow_every_change(db: Database, actor: Actor, people: dict[str, int]) -> None:
    from communitydesk.services import circle_moves, duplicates, gdpr

    def by_sql() -> dict[str, int]:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT circle, COUNT(*) FROM contacts WHERE archived_at IS NULL AND anonymised_at IS NULL "
                "GROUP BY circle"
            ).all()
        return {"proches": 0, "communaute": 0, "grand_public": 0, **{c: n for c, n in rows}}

    twin = add(db, actor, "Helene", "Martin", city="Lyon", circle="communaute")
    circle_moves.move_contact(db, actor, people["anne"], "proches", "Bénévole")
    archive_contact(db, actor, people["eric"])
    duplicates.merge_contacts(db, actor, people["helene"], twin)
    gdpr.erase_person(db, actor, people["asso"], confirm=True)
    with db.transaction() as session:
        session.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": people["anne"]})
    assert search.circle_counts(db, actor) == by_sql() == {"proches": 1, "communaute": 0, "grand_public": 0}
    assert search.count(db, actor) == 1
    assert search.count(db, actor, filters=ContactFilter(circles=("communaute", "proches"))) == 1
