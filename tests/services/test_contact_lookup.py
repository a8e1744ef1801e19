"""The plain-sqlite3 search of ``communitydesk search`` finds what the contacts list finds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import DatabaseError
from communitydesk.services import contact_search
from communitydesk.services.contact_import import import_contacts_file
from communitydesk.services.contact_lookup import find_contacts
from communitydesk.services.contacts import ContactInput, archive_contact, create_contact
from communitydesk.services.permissions import Actor

CSV = (
    "Prénom;Nom;Organisation;Courriel;Téléphone;Ville;Cercle;Étiquettes\r\n"
    "Hélène;Dupré;;helene@exemple.fr;06 12 34 56 78;Lyon;Proches;bénévole\r\n"
    "Hélène;Martin;;hm@exemple.fr;;Évreux;;presse\r\n"
    ";;SCIC Énergie;contact@scic.example;01 23 45 67 89;Lyon;Communauté;partenaire\r\n"
    "Jérôme;Noël;;;07 11 22 33 44;Saint-Étienne;;bénévole\r\n"
    ";;;seul@exemple.fr;;;;\r\n"
).encode("cp1252")


@pytest.mark.parametrize("text", ["helene", "HÉLÈNE", "lyon", "benevole", "06 12", "0711", "scic", "seul", "zzz", ""])
def test_the_plain_search_is_the_lists_search(db: Database, db_path: Path, actor: Actor, text: str) -> None:
    import_contacts_file(db, actor, CSV)
    archived = create_contact(db, actor, ContactInput(first_name="Hélène", last_name="Archivée"))
    archive_contact(db, actor, archived.id)
    contact_search.count(db, actor, "x")  # search data up to date: the plain path answers
    expected = [(row.id, row.display_name, row.circle) for row in contact_search.page(db, actor, text, limit=3)]
    found = [(found.id, found.name, found.circle) for found in find_contacts(db_path, actor, text, 3)]
    assert found == expected


def test_contacts_waiting_for_their_search_data_are_found(db: Database, db_path: Path, actor: Actor) -> None:
    import_contacts_file(db, actor, CSV)
    create_contact(db, actor, ContactInput(first_name="Zoé", last_name="Lambert", city="Nantes"))
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM contact_search_queue").fetchone()[0] > 0
    conn.close()
    assert [found.name for found in find_contacts(db_path, actor, "nantes", 5)] == ["Zoé Lambert"]


def test_a_missing_base_is_said_and_not_created(tmp_path: Path, actor: Actor) -> None:
    with pytest.raises(DatabaseError, match="n'existe pas"):
        find_contacts(tmp_path / "absente.sqlite3", actor, "x", 5)
    assert not (tmp_path / "absente.sqlite3").exists()
