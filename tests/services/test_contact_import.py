"""Importing contacts: French Excel files, modes, duplicates, line errors, and one transaction."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied, UserError
from communitydesk.importers import contact_writer
from communitydesk.services import contact_search
from communitydesk.services import permissions as permissions_module
from communitydesk.services.contact_import import (
    ColumnMapping,
    ImportCancelled,
    ImportMode,
    import_contacts_csv,
    import_contacts_file,
    import_contacts_vcard,
    preview_contacts_file,
)
from communitydesk.services.permissions import Actor, Role

HEADER = "Prénom;Nom;Courriel;Téléphone;Code postal;Ville;Cercle;Étiquettes;Ambassadeur;Notes"


def csv_bytes(*lines: str, header: str = HEADER, encoding: str = "cp1252", newline: str = "\r\n") -> bytes:
    return (newline.join([header, *lines]) + newline).encode(encoding)


def rows(db: Database, sql: str, *params: object) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(sql, params)]


def contact(db: Database, email_key: str) -> dict[str, object]:
    with db.engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT * FROM contacts WHERE email_key = ?", (email_key,)).mappings().one()
        return dict(found)


def count(db: Database, table: str = "contacts") -> int:
    return int(rows(db, f"SELECT COUNT(*) FROM {table}")[0][0])  # type: ignore[call-overload]


def fingerprint(path: Path) -> str:
    """Everything the database holds, as one hash: equal before and after = untouched."""
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


FRENCH_EXCEL = csv_bytes(
    "Hélène;Dupré;helene.dupre@exemple.fr;06 12 34 56 78;1000;Bourg-en-Bresse;Proches;bénévole, donateur;oui;"
    "Très engagée",
    "Françoise;Lefèvre;francoise@exemple.fr;+33 7 11 22 33 44;75011;Paris;Communauté;;non;",
    "Jérôme;Noël;jerome@exemple.fr;01.23.45.67.89;69007;Lyon;grand public;presse;;",
)


def test_french_excel_file_cp1252_semicolons(db: Database, actor: Actor) -> None:
    summary = import_contacts_file(db, actor, FRENCH_EXCEL, file_name="adhérents 2026.csv")

    assert (summary.created, summary.updated, summary.merged, summary.skipped, summary.errors) == (3, 0, 0, 0, [])
    assert summary.encoding == "Windows-1252 (Excel)"
    helene = contact(db, "helene.dupre@exemple.fr")
    assert (helene["first_name"], helene["last_name"], helene["city"]) == ("Hélène", "Dupré", "Bourg-en-Bresse")
    assert helene["postcode"] == "01000"  # Excel had eaten the leading zero
    assert (helene["phone"], helene["phone_key"]) == ("06 12 34 56 78", "+33612345678")
    assert (helene["circle"], helene["is_ambassador"], helene["notes"]) == ("proches", 1, "Très engagée")
    assert helene["source"] == "adhérents 2026.csv"
    assert contact(db, "francoise@exemple.fr")["circle"] == "communaute"
    assert contact(db, "jerome@exemple.fr")["circle"] == "grand_public"
    # Every new contact enters the community with a recorded move, by whom and why.
    moves = rows(
        db,
        "SELECT c.first_name, m.from_circle, m.to_circle, m.moved_by, m.reason FROM circle_moves m "
        "JOIN contacts c ON c.id = m.contact_id ORDER BY c.id",
    )
    assert moves[0] == ("Hélène", None, "proches", actor.name, "Import CSV adhérents 2026.csv")
    assert len(moves) == 3
    assert sorted(name for (name,) in rows(db, "SELECT name FROM tags")) == ["bénévole", "donateur", "presse"]
    # Searchable at once, accents ignored.
    assert contact_search.count(db, actor, "helene") == 1
    assert contact_search.count(db, actor, "francoise lefevre") == 1


def test_utf8_bom_comma_file_and_names_cp1252_cannot_hold(db: Database, actor: Actor) -> None:
    data = csv_bytes(
        "Łukasz,Wiśniewski,lukasz@exemple.pl,+48 512 345 678,,Kraków,Pologne",
        "Zoé,Lambert,zoe@exemple.fr,0612345678,13001,Marseille,",
        header="First name,Last name,Email,Mobile,Postcode,City,Country",
        encoding="utf-8-sig",
    )
    summary = import_contacts_csv(db, actor, data, file_name="export.csv")

    assert (summary.created, summary.errors, summary.encoding) == (2, [], "UTF-8 avec BOM")
    lukasz = contact(db, "lukasz@exemple.pl")
    assert (lukasz["first_name"], lukasz["last_name"], lukasz["city"]) == ("Łukasz", "Wiśniewski", "Kraków")
    assert (lukasz["country"], lukasz["phone_key"]) == ("PL", "+48512345678")


def test_tab_separated_file(db: Database, actor: Actor) -> None:
    data = csv_bytes(
        "Anaïs\tRoux\tanais@exemple.fr\t06 98 76 54 32", header="Prénom\tNom\tE-mail\tPortable", encoding="utf-16"
    )  # Excel's "Texte Unicode"
    summary = import_contacts_file(db, actor, data, file_name="contacts.txt")
    assert (summary.created, summary.errors) == (1, [])
    assert contact(db, "anais@exemple.fr")["phone_key"] == "+33698765432"


def test_problems_name_line_and_column_and_only_nameless_lines_are_refused(db: Database, actor: Actor) -> None:
    data = csv_bytes(
        "Hélène;Dupré;helene@exemple.fr;06 12 34 56 78;;;;;;",
        "Paul;Martin;paul@exemple;;;;;;;",  # line 3: invalid e-mail
        ";;;;;;;;;Juste une note",  # line 4: nobody
        "Zoé;Lambert;zoe@exemple.fr;0612;;;Cercle intime;;peut-être;",  # line 5: three problems
        ";;;;;;;;;",  # line 6: empty, silently left out
        "Marc;Petit;marc@exemple.fr;;750011;;;;;",  # line 7: postcode
    )
    summary = import_contacts_csv(db, actor, data, file_name="liste.csv")

    assert summary.created == 4  # Hélène, and Paul, Zoé, Marc without what could not be read
    assert summary.rejected_lines == 1
    assert [(error.line, error.field) for error in summary.errors] == [(4, "Nom / E-mail")]
    found = {(warning.line, warning.field) for warning in summary.warnings}
    assert found == {(3, "Courriel"), (5, "Téléphone"), (5, "Cercle"), (5, "Ambassadeur"), (7, "Code postal")}
    messages = {(warning.line, warning.field): warning.message for warning in summary.warnings}
    assert messages[(3, "Courriel")] == (
        "Ligne 3, « Courriel » : adresse e-mail non valide « paul@exemple ». Le reste de la ligne est importé."
    )
    assert "cercle inconnu « Cercle intime »" in messages[(5, "Cercle")]
    assert "numéro de téléphone non valide « 0612 »" in messages[(5, "Téléphone")]
    assert [warning.line for warning in summary.warnings] == sorted(warning.line for warning in summary.warnings)
    assert summary.as_json()["warnings"][0] == {"line": 3, "field": "Courriel", "message": messages[(3, "Courriel")]}
    paul = rows(db, "SELECT first_name, email, email_key FROM contacts WHERE last_name = 'Martin'")
    assert paul == [("Paul", "", "")]
    zoe = contact(db, "zoe@exemple.fr")
    assert (zoe["phone"], zoe["circle"], zoe["is_ambassador"]) == ("", "grand_public", 0)


def test_reimport_creates_nothing_the_second_time(db: Database, actor: Actor) -> None:
    first = import_contacts_file(db, actor, FRENCH_EXCEL)
    second = import_contacts_file(db, actor, FRENCH_EXCEL)
    assert (first.created, second.created, second.skipped) == (3, 0, 3)
    assert count(db) == 3
    assert count(db, "circle_moves") == 3


def test_duplicates_inside_the_file_are_merged(db: Database, actor: Actor) -> None:
    data = csv_bytes(
        "Hélène;Dupré;helene@exemple.fr;;;Lyon;;bénévole;;Vue au salon",
        "H.;Dupré;HELENE@Exemple.fr;06 12 34 56 78;69007;Villeurbanne;Proches;presse;;Rappeler en mai",
        "Paul;Martin;;07 11 22 33 44;;;;;;",
        "Paul;Martin;paul@exemple.fr;+33711223344;;;;;;",  # same phone, the first had no e-mail
    )
    summary = import_contacts_file(db, actor, data)

    assert (summary.created, summary.merged) == (2, 2)
    helene = contact(db, "helene@exemple.fr")
    # The first line wins, the repeat fills the gaps; notes and tags add up.
    assert (helene["first_name"], helene["city"], helene["postcode"]) == ("Hélène", "Lyon", "69007")
    assert helene["phone_key"] == "+33612345678"
    assert helene["circle"] == "proches"  # the first line gave no circle
    assert helene["notes"] == "Vue au salon\nRappeler en mai"
    assert contact(db, "paul@exemple.fr")["phone"] == "07 11 22 33 44"
    tags = rows(db, "SELECT tags_text FROM contacts WHERE email_key = 'helene@exemple.fr'")
    assert tags == [("bénévole, presse",)]


def test_duplicates_far_apart_in_a_big_file(db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contact_writer, "BATCH_SIZE", 3)
    monkeypatch.setattr("communitydesk.services.contact_import.BATCH_SIZE", 3)
    monkeypatch.setattr("communitydesk.services.contact_import._PROGRESS_EVERY", 1)  # batches checked every line
    lines = [f"P{i};N{i};p{i}@exemple.fr;;;;;;;" for i in range(10)]
    lines.append("P0;N0;p0@exemple.fr;06 00 00 00 01;;Nantes;;t1;;note")
    summary = import_contacts_file(db, actor, csv_bytes(*lines))
    assert (summary.created, summary.merged) == (10, 1)
    assert contact(db, "p0@exemple.fr")["city"] == "Nantes"


def test_update_mode_matches_on_email_then_phone(db: Database, actor: Actor) -> None:
    import_contacts_file(db, actor, FRENCH_EXCEL)
    update = csv_bytes(
        "Hélène;Dupré-Martin;HELENE.DUPRE@exemple.fr;;;Lyon;Communauté;presse;;",  # by e-mail, blanks ignored
        "Françoise;;;07 11 22 33 44;;;;;;Nouvelle note",  # by phone (no e-mail on the line)
        "Inconnu;Nouveau;nouveau@exemple.fr;;;;;;;",
    )
    summary = import_contacts_file(db, actor, update, mode=ImportMode.UPDATE, file_name="maj.csv")

    assert (summary.created, summary.updated, summary.skipped, summary.merged) == (1, 2, 0, 0)
    helene = contact(db, "helene.dupre@exemple.fr")
    assert (helene["last_name"], helene["city"], helene["circle"]) == ("Dupré-Martin", "Lyon", "communaute")
    assert helene["phone"] == "06 12 34 56 78"  # an empty cell never blanks a field
    assert helene["postcode"] == "01000"
    assert helene["version_id"] == 2
    francoise = contact(db, "francoise@exemple.fr")
    assert (francoise["last_name"], francoise["notes"]) == ("Lefèvre", "Nouvelle note")
    moves = rows(
        db, "SELECT from_circle, to_circle, reason FROM circle_moves WHERE contact_id = ? ORDER BY id", helene["id"]
    )
    assert moves == [(None, "proches", "Import CSV import.csv"), ("proches", "communaute", "Import CSV maj.csv")]
    assert rows(db, "SELECT tags_text FROM contacts WHERE id = ?", helene["id"]) == [("bénévole, donateur, presse",)]


def test_update_mode_unchanged_lines_are_skipped(db: Database, actor: Actor) -> None:
    import_contacts_file(db, actor, FRENCH_EXCEL)
    summary = import_contacts_file(db, actor, FRENCH_EXCEL, mode="update")
    assert (summary.created, summary.updated, summary.skipped) == (0, 0, 3)
    assert contact(db, "helene.dupre@exemple.fr")["version_id"] == 1


def test_a_shared_phone_never_joins_two_email_addresses(db: Database, actor: Actor) -> None:
    import_contacts_file(db, actor, csv_bytes("Anne;Roux;anne@exemple.fr;01 23 45 67 89;;;;;;"))
    summary = import_contacts_file(db, actor, csv_bytes("Luc;Roux;luc@exemple.fr;01 23 45 67 89;;;;;;"), mode="update")
    assert (summary.created, summary.updated) == (1, 0)
    assert contact(db, "anne@exemple.fr")["first_name"] == "Anne"


def test_create_mode_skips_matches(db: Database, actor: Actor) -> None:
    import_contacts_file(db, actor, FRENCH_EXCEL)
    summary = import_contacts_file(db, actor, csv_bytes("Autre;Nom;;06 12 34 56 78;;;;;;"))
    assert (summary.created, summary.skipped) == (0, 1)
    assert contact(db, "helene.dupre@exemple.fr")["last_name"] == "Dupré"


def test_existing_tags_are_reused_whatever_their_case(db: Database, actor: Actor) -> None:
    import_contacts_file(db, actor, csv_bytes("A;B;a@exemple.fr;;;;;Bénévole;;"))
    import_contacts_file(db, actor, csv_bytes("C;D;c@exemple.fr;;;;;benevole, BÉNÉVOLE, Presse;;"))
    assert sorted(name for (name,) in rows(db, "SELECT name FROM tags")) == ["Bénévole", "Presse"]
    assert count(db, "contact_tags") == 3


def test_a_tags_cell_the_reference_must_clean_next_to_plain_lines(db: Database, actor: Actor) -> None:
    """A ="..." tags cell (how Excel keeps a text as typed) sends its line to the reference
    cleaner; the plain lines of the same batch used to crash the import (found by hypothesis)."""
    data = csv_bytes("Zoé;Roux;;;;;;;;", 'Jean;Noël;;;;;;"=""bénévole""";;')
    summary = import_contacts_file(db, actor, data)
    assert (summary.created, summary.errors) == (2, [])
    assert rows(
        db,
        "SELECT c.first_name, t.name FROM contact_tags ct JOIN contacts c ON c.id = ct.contact_id "
        "JOIN tags t ON t.id = ct.tag_id ORDER BY c.id, t.name",
    ) == [("Jean", "bénévole")]


def test_dry_run_gives_the_same_summary_and_writes_nothing(db: Database, actor: Actor, db_path: Path) -> None:
    data = csv_bytes(
        "Hélène;Dupré;helene@exemple.fr;;;;;bénévole;;",
        "Hélène;Dupré;helene@exemple.fr;;;;;;;",
        "X;Y;pas-un-email;;;;;;;",
    )
    before = fingerprint(db_path)
    simulated = import_contacts_file(db, actor, data, dry_run=True)
    assert fingerprint(db_path) == before
    real = import_contacts_file(db, actor, data)
    assert simulated.dry_run and not real.dry_run
    assert simulated.as_json() == real.as_json()
    assert count(db) == 2  # X Y is kept without its e-mail


def test_a_crash_midway_leaves_the_database_as_it_was(
    db: Database, actor: Actor, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_contacts_file(db, actor, FRENCH_EXCEL)
    monkeypatch.setattr("communitydesk.services.contact_import.BATCH_SIZE", 10)
    big = csv_bytes(*[f"P{i};N{i};p{i}@exemple.fr;;;;Proches;t{i % 3};;" for i in range(3000)])
    before = fingerprint(db_path)

    def explode(done: int, total: int) -> None:
        if done >= 2000:  # well after the first batches were written
            raise RuntimeError("disque débranché")

    with pytest.raises(RuntimeError):
        import_contacts_file(db, actor, big, progress=explode)
    assert fingerprint(db_path) == before


def test_cancel_leaves_the_database_as_it_was(db: Database, actor: Actor, db_path: Path) -> None:
    big = csv_bytes(*[f"P{i};N{i};p{i}@exemple.fr;;;;;;;" for i in range(2500)])
    before = fingerprint(db_path)
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(ImportCancelled, match="annulé"):
        import_contacts_file(db, actor, big, cancel=cancel)
    assert fingerprint(db_path) == before


@pytest.mark.slow
def test_a_killed_import_leaves_the_database_as_it_was(db_path: Path, tmp_path: Path) -> None:
    big = tmp_path / "gros.csv"
    big.write_bytes(
        csv_bytes(
            *[
                f"P{i};N{i};p{i}@exemple.fr;06 00 {i // 10000:02d} {i // 100 % 100:02d} {i % 100:02d};;;;;;"
                for i in range(6000)
            ]
        )
    )
    before = fingerprint(db_path)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from communitydesk.db.database import open_database
        from communitydesk.services.permissions import SYSTEM
        from communitydesk.services.contact_import import import_contacts_file
        def progress(done, total):
            if done >= 5000:  # thousands of rows written in the open transaction
                os.kill(os.getpid(), signal.SIGKILL)
        db = open_database(Path({str(db_path)!r}))
        import_contacts_file(db, SYSTEM, Path({str(big)!r}), progress=progress)
    """)
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert fingerprint(db_path) == before


def test_preview_shows_detection_mapping_and_first_lines(actor: Actor) -> None:
    preview = preview_contacts_file(actor, FRENCH_EXCEL, file_name="adhérents.csv", rows=2)
    assert (preview.file_format, preview.encoding, preview.delimiter) == ("csv", "Windows-1252 (Excel)", ";")
    assert preview.delimiter_name == "point-virgule"
    assert preview.mapping is not None
    assert preview.mapping.as_dict()["Courriel"] == "email"
    assert [row.line for row in preview.rows] == [2, 3]
    assert preview.rows[0].values["postcode"] == "01000"
    assert preview.rows[0].errors == []


def test_an_edited_mapping_is_used(db: Database, actor: Actor) -> None:
    data = csv_bytes("Hélène Dupré;hd@exemple.fr;Lyon", header="Qui;Adresse électronique perso;Où")
    preview = preview_contacts_file(actor, data)
    assert preview.mapping is not None and not preview.mapping.can_identify
    with pytest.raises(UserError, match="aucune colonne ne donne le nom"):
        import_contacts_csv(db, actor, data)
    mapping = ColumnMapping.recognise(preview.headers)
    mapping.assign(0, preview.mapping.fields[0] or ColumnMapping.recognise(["Nom complet"]).fields[0])
    mapping.assign(1, ColumnMapping.recognise(["E-mail"]).fields[0])
    mapping.assign(2, ColumnMapping.recognise(["Ville"]).fields[0])
    summary = import_contacts_csv(db, actor, data, mapping=mapping)
    assert summary.created == 1
    helene = contact(db, "hd@exemple.fr")
    assert (helene["first_name"], helene["last_name"], helene["city"]) == ("Hélène", "Dupré", "Lyon")


def test_vcard_file_through_the_same_entry_point(db: Database, actor: Actor) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dupré;Hélène;;;\r\nFN:Hélène Dupré\r\nEMAIL:h@exemple.fr\r\n"
        "TEL;TYPE=CELL:06 12 34 56 78\r\nCATEGORIES:bénévole\r\nEND:VCARD\r\n"
    )
    summary = import_contacts_file(db, actor, card.encode(), file_name="contacts")
    assert (summary.file_format, summary.created) == ("vcard", 1)
    again = import_contacts_vcard(db, actor, card.encode(), file_name="tel.vcf")
    assert (again.created, again.skipped) == (0, 1)
    moves = rows(db, "SELECT reason FROM circle_moves")
    assert moves == [("Import vCard contacts",)]


def test_files_that_cannot_be_read_raise_a_clear_error(
    db: Database, actor: Actor, tmp_path: Path, db_path: Path
) -> None:
    before = fingerprint(db_path)
    with pytest.raises(UserError, match="classeur Excel"):
        import_contacts_file(db, actor, b"PK\x03\x04" + b"\x00" * 100, file_name="contacts.xlsx")
    with pytest.raises(UserError, match="n'existe pas"):
        import_contacts_file(db, actor, tmp_path / "absent.csv")
    with pytest.raises(UserError, match="vide"):
        import_contacts_file(db, actor, b"\r\n\r\n", file_name="vide.csv")
    assert fingerprint(db_path) == before


def test_the_import_right_is_checked(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(permissions_module._RIGHTS, Role.VOLUNTEER, frozenset())
    volunteer = Actor(name="Bénévole accueil", role=Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        import_contacts_file(db, volunteer, FRENCH_EXCEL)
    with pytest.raises(PermissionDenied):
        preview_contacts_file(volunteer, FRENCH_EXCEL)


def test_search_data_written_by_the_import_is_what_the_index_computes(db: Database, actor: Actor) -> None:
    from communitydesk.db import search_index

    import_contacts_file(db, actor, FRENCH_EXCEL)
    import_contacts_file(db, actor, csv_bytes("Hélène;;helene.dupre@exemple.fr;;;;;Presse, BÉNÉVOLE;;"), mode="update")
    written = rows(db, "SELECT id, sort_name, tags_text FROM contacts ORDER BY id")
    assert written[0][1:] == ("dupre helene", "bénévole, donateur, presse")
    with db.engine.begin() as conn:
        search_index.queue_all(conn)
        search_index.refresh(conn)
    assert rows(db, "SELECT id, sort_name, tags_text FROM contacts ORDER BY id") == written


def test_circle_counts_follow_the_import(db: Database, actor: Actor) -> None:
    import_contacts_file(db, actor, FRENCH_EXCEL)
    import_contacts_file(db, actor, csv_bytes("Hélène;;helene.dupre@exemple.fr;;;;Grand public;;;"), mode="update")
    counted = dict(rows(db, "SELECT circle, COUNT(*) FROM contacts GROUP BY circle"))
    assert counted == {"communaute": 1, "grand_public": 2}
    assert contact_search.circle_counts(db, actor) == {"proches": 0, **counted}
    # The counters kept by triggers (what the contacts screen shows) agree.
    kept = {circle: n for circle, n in rows(db, "SELECT circle, active FROM contact_circle_counts") if n}
    assert kept == counted


def test_reimporting_people_without_email_nor_phone_creates_nothing(db: Database, actor: Actor) -> None:
    data = csv_bytes(
        "Jean;Martin;;;69007;;;;;",  # name + postcode
        "Anne;Roux;;;;Nantes;;;;",  # name + city
        ";Seule;;;;;;;;",  # a bare name
        "Jean;Martin;;;75011;;;;;",  # another Jean Martin, in Paris: another person
        ";;;;;Lyon;;;;",  # nobody: refused
    )
    first = import_contacts_file(db, actor, data)
    assert (first.created, first.rejected_lines) == (4, 1)
    again = import_contacts_file(db, actor, data)
    assert (again.created, again.skipped, again.merged) == (0, 4, 0)
    assert count(db) == 4
    # Accents, case and the order of a name's spelling do not make another person.
    organisation = csv_bytes(header="Organisation;Code postal;Ville")
    organisation += "SCIC Énergie;35000;Rennes\r\n".encode("cp1252")
    assert import_contacts_file(db, actor, organisation).created == 1
    updated = csv_bytes(header="Organisation;Ville;Notes")
    updated += "scic energie;RENNES;Vue au salon\r\n".encode("cp1252")
    summary = import_contacts_file(db, actor, updated, mode=ImportMode.UPDATE)
    assert (summary.created, summary.updated) == (0, 1)
    assert rows(db, "SELECT city, notes FROM contacts WHERE kind = 'organisation'") == [("RENNES", "Vue au salon")]


def test_a_contact_found_by_its_name_keeps_it_so_the_next_import_finds_it_again(db: Database, actor: Actor) -> None:
    """Found by name, the line's name cells are not written back: "Camille" known as a first name,
    met as a last name, would become "Camille Camille" and be created again by the next import."""
    import_contacts_file(db, actor, csv_bytes(header="Prénom") + b"Camille\r\n")
    as_last_name = csv_bytes(header="Nom;Notes") + b"Camille;vue au salon\r\n"
    for _ in range(2):
        summary = import_contacts_file(db, actor, as_last_name, mode=ImportMode.UPDATE)
        assert summary.created == 0
    assert rows(db, "SELECT first_name, last_name, notes FROM contacts") == [("Camille", "", "vue au salon")]


def test_every_notation_of_a_phone_finds_the_same_contact(db: Database, actor: Actor) -> None:
    import_contacts_file(db, actor, csv_bytes("Ana;Lopes;;06 39 98 85 04;;;;;;", "Bob;Roy;;07 00 00 00 00;;;;;;"))
    notations = [
        "+33 (0)6 39 98 85 04",
        "639988504",
        "0033 6 39 98 85 04",
        "tel:+33-6-39-98-85-04",
        "+33 (0)7 00 00 00 00",  # possible, not valid: kept all the same
    ]
    summary = import_contacts_file(db, actor, csv_bytes(*[f"X;Y;;{phone};;;;;;" for phone in notations]))
    assert (summary.created, summary.skipped, summary.warnings) == (0, 5, [])
    overseas = import_contacts_file(db, actor, csv_bytes("Léa;Hoarau;;+33 (0)5 90 12 34 56;;;;;;"))
    assert (overseas.created, overseas.warnings) == (1, [])
    assert contact_search.count(db, actor, "0590 12") == 1
