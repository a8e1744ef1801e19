"""Exporting contacts: the file French Excel opens right, selections, and round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.services.contact_export import (
    ContactSelection,
    ExportCancelled,
    export_contacts,
    selection_from_options,
)
from communitydesk.services.contact_import import import_contacts_file
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.contacts import archive_contact
from communitydesk.services.permissions import Actor
from communitydesk.services.segments import save_segment

SOURCE = (
    "Type;Prénom;Nom;Organisation;Fonction;Courriel;Téléphone;Portable;Adresse;CP;Ville;Pays;Cercle;Étiquettes;"
    "Source;Ambassadeur;Détracteur;Notes\r\n"
    "personne;Hélène;Dupré;Les Ateliers;Trésorière;helene@exemple.fr;06 12 34 56 78;01 23 45 67 89;"
    '"12, rue des Lilas\nBât. B";1000;Bourg-en-Bresse;France;Proches;bénévole, presse;salon;oui;non;'
    '"Très engagée ; à rappeler\n=pas une formule"\r\n'
    "personne;Łukasz;Wiśniewski;;;lukasz@exemple.pl;+48 512 345 678;;;00-950;Warszawa;Pologne;Communauté;presse;;"
    "non;oui;+1 pour le projet\r\n"
    "organisation;;;SCIC Énergie Citoyenne;;contact@energie.example;04 78 00 00 00;;;69007;Lyon;;Grand public;"
    "partenaire;;;;\r\n"
)
COMPARED = (
    "kind",
    "first_name",
    "last_name",
    "organisation",
    "role",
    "email",
    "email_secondary",
    "phone",
    "phone_secondary",
    "phone_key",
    "address",
    "postcode",
    "city",
    "country",
    "circle",
    "source",
    "notes",
    "is_ambassador",
    "is_critic",
    "tags_text",
)


@pytest.fixture
def people(db: Database, actor: Actor) -> Database:
    summary = import_contacts_file(db, actor, SOURCE.encode("utf-8"), file_name="source.csv")
    assert (summary.created, summary.errors) == (3, [])
    return db


def snapshot(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return sorted(tuple(row) for row in conn.exec_driver_sql(f"SELECT {', '.join(COMPARED)} FROM contacts"))


def test_csv_for_french_excel(people: Database, actor: Actor, tmp_path: Path) -> None:
    out = tmp_path / "contacts.csv"
    summary = export_contacts(people, actor, out, "csv")
    assert summary.count == 3
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the accents right
    assert data.count(b"\r\n") == 4  # CRLF rows; line breaks inside cells stay inside quotes
    text = data.decode("utf-8-sig")
    assert text.startswith("Type;Prénom;Nom;Organisation;Fonction;E-mail;")
    table = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    helene = next(row for row in table if row["Prénom"] == "Hélène")
    # What Excel shows for ="01000" is the text 01000: the zeros are kept.
    assert helene["Code postal"] == '="01000"'
    assert helene["Téléphone"] == '="06 12 34 56 78"'
    assert helene["Téléphone secondaire"] == '="01 23 45 67 89"'
    assert helene["Notes"] == "Très engagée ; à rappeler\n=pas une formule"
    assert (helene["Cercle"], helene["Tags"], helene["Ambassadeur"]) == ("Proches", "bénévole, presse", "oui")
    lukasz = next(row for row in table if row["Prénom"] == "Łukasz")
    assert lukasz["Notes"] == "'+1 pour le projet"  # never a formula in Excel


@pytest.mark.parametrize(("file_format", "name"), [("csv", "copie.csv"), ("vcard", "copie.vcf")])
def test_round_trip_gives_the_same_contacts(
    people: Database, actor: Actor, tmp_path: Path, db_path: Path, file_format: str, name: str
) -> None:
    out = tmp_path / name
    export_contacts(people, actor, out, file_format)
    copy_path = tmp_path / "copie.sqlite3"
    copy_path.write_bytes(db_path.read_bytes())  # same schema...
    from communitydesk.db.database import open_database

    copy = open_database(copy_path)
    try:
        with copy.engine.begin() as conn:  # ...and empty
            for table in ("contact_tags", "circle_moves", "contacts", "tags"):
                conn.exec_driver_sql(f"DELETE FROM {table}")
        summary = import_contacts_file(copy, actor, out, file_name="source.csv")
        assert (summary.created, summary.errors) == (3, [])
        assert snapshot(copy) == snapshot(people)
    finally:
        copy.close()


def test_vcard_4_round_trip(people: Database, actor: Actor, tmp_path: Path) -> None:
    out = tmp_path / "carnet.vcf"
    assert export_contacts(people, actor, out, "vcard", vcard_version="4.0").count == 3
    assert out.read_text(encoding="utf-8").count("VERSION:4.0") == 3
    summary = import_contacts_file(people, actor, out, mode="update")
    assert (summary.created, summary.updated, summary.skipped) == (0, 0, 3)  # nothing differs


def test_selection_by_circle_tag_segment_and_search(people: Database, actor: Actor, tmp_path: Path) -> None:
    def exported(selection: ContactSelection) -> int:
        return export_contacts(people, actor, tmp_path / "x.csv", "csv", selection).count

    assert exported(selection_from_options(people, actor, circles=["Proches"])) == 1
    assert exported(selection_from_options(people, actor, circles=["proches", "communauté"])) == 2
    assert exported(selection_from_options(people, actor, tags=["presse"])) == 2
    assert exported(selection_from_options(people, actor, circles=["Communauté"], tags=["Presse"])) == 1
    assert exported(selection_from_options(people, actor, search="energie")) == 1
    save_segment(people, actor, "Partenaires", ContactFilter(tags=("partenaire",)))
    assert exported(selection_from_options(people, actor, segment="partenaires")) == 1
    assert exported(ContactSelection(contact_ids=(3, 1, 3))) == 2
    with pytest.raises(UserError, match="Cercle inconnu « Amis »"):
        selection_from_options(people, actor, circles=["Amis"])


def test_archived_contacts_are_not_exported(people: Database, actor: Actor, tmp_path: Path) -> None:
    archive_contact(people, actor, 1)
    assert export_contacts(people, actor, tmp_path / "x.csv").count == 2
    assert export_contacts(people, actor, tmp_path / "x.csv", selection=ContactSelection(contact_ids=(1, 2))).count == 1


def test_cancel_leaves_no_file_and_keeps_the_previous_one(people: Database, actor: Actor, tmp_path: Path) -> None:
    out = tmp_path / "contacts.csv"
    out.write_text("ancien", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export_contacts(people, actor, out, cancel=lambda: True)
    assert out.read_text(encoding="utf-8") == "ancien"
    assert [path.name for path in tmp_path.iterdir() if "contacts" in path.name] == ["contacts.csv"]


def test_unwritable_target_is_a_clear_error(people: Database, actor: Actor, tmp_path: Path) -> None:
    (tmp_path / "dossier.csv").mkdir()
    with pytest.raises(UserError, match="Impossible d'écrire"):
        export_contacts(people, actor, tmp_path / "dossier.csv")
