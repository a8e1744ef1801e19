"""Sorting by city ignores case and accents: "Évry" sorts among the E's, not after "Z"."""

from __future__ import annotations

from communitydesk.db.database import Database
from communitydesk.services import contact_search as search
from communitydesk.services.contact_import import import_contacts_file
from communitydesk.services.contact_search import ContactSort
from communitydesk.services.contacts import ContactInput, create_contact, get_contact, update_contact
from communitydesk.services.permissions import Actor


def cities(db: Database, actor: Actor, descending: bool = False) -> list[str]:
    return [r.city for r in search.page(db, actor, sort=ContactSort.CITY, descending=descending)]


def test_city_sort_ignores_accents_and_case(db: Database, actor: Actor) -> None:
    for first, city in [("Zoé", "Zurich"), ("Éric", "Évry"), ("Anne", "avignon"), ("Paul", "Paris"), ("Eve", "Eze")]:
        create_contact(db, actor, ContactInput(first_name=first, last_name="Roy", city=city))
    assert cities(db, actor) == ["avignon", "Évry", "Eze", "Paris", "Zurich"]
    assert cities(db, actor, descending=True) == ["Zurich", "Paris", "Eze", "Évry", "avignon"]


def test_a_changed_city_moves_in_the_sort(db: Database, actor: Actor) -> None:
    a = create_contact(db, actor, ContactInput(first_name="A", last_name="Roy", city="Lyon"))
    create_contact(db, actor, ContactInput(first_name="B", last_name="Roy", city="Marseille"))
    details = get_contact(db, actor, a.id)
    update_contact(db, actor, a.id, details.version_id, ContactInput(first_name="A", last_name="Roy", city="Ébreuil"))
    assert cities(db, actor) == ["Ébreuil", "Marseille"]


def test_imported_contacts_get_the_same_key_as_the_index_computes(db: Database, actor: Actor) -> None:
    data = "Prénom;Nom;Ville\r\nZoé;Roy;Zurich\r\nÉric;Roy;ÉVRY\r\nAnne;Roy;Agen\r\n".encode("cp1252")
    import_contacts_file(db, actor, data, file_name="villes.csv")
    assert cities(db, actor) == ["Agen", "ÉVRY", "Zurich"]
    with db.engine.connect() as conn:
        assert [r[0] for r in conn.exec_driver_sql("SELECT city_sort FROM contacts ORDER BY id")] == [
            "zurich",
            "evry",
            "agen",
        ]
