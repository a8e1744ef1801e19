"""Bulk mode (indexes and insert triggers suspended, rebuilt at the end, circles counted by hand)
writes what the import writes with every index and trigger in place."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from communitydesk.db.bulk_load import SuspendedIndexes
from communitydesk.db.database import Database, open_database
from communitydesk.importers import contact_writer
from communitydesk.importers.import_summary import ImportSummary
from communitydesk.services.contact_import import ImportCancelled, ImportMode, import_contacts_file
from communitydesk.services.permissions import Actor

HEADER = "Prénom;Nom;Courriel;Téléphone;Code postal;Ville;Cercle;Étiquettes;Ambassadeur;Notes"


def csv_bytes(*lines: str) -> bytes:
    return ("\r\n".join([HEADER, *lines]) + "\r\n").encode("cp1252")


BEFORE = csv_bytes(
    "Hélène;Dupré;helene@exemple.fr;06 12 34 56 78;1000;Bourg-en-Bresse;Proches;bénévole;oui;",
    "Paul;Martin;paul@exemple.fr;;75011;Paris;Communauté;;;",
    "Anne;Roux;anne@exemple.fr;01 23 45 67 89;;Lyon;;presse;;",
)
# New contacts over several batches, a repeat of one created batches earlier (pending update
# of a new contact), updates of contacts already there (circle change, new tag, new phone),
# an error line, a new tag spelt two ways.
IMPORT = csv_bytes(
    *[
        f"P{i};N{i};p{i}@exemple.fr;06 00 00 00 {i:02d};;Nantes;{('Proches', '', 'Grand public')[i % 3]};t{i % 4};;"
        for i in range(20)
    ],
    "Hélène;Dupré;HELENE@exemple.fr;;;;Communauté;donateur;;Vue au salon",
    "P1;N1;p1@exemple.fr;;;Rennes;Proches;Nouvelle étiquette;oui;relance",
    "Anne;Roux;;01 23 45 67 89;;;;nouvelle ÉTIQUETTE;;",
    "X;Y;pas-un-email;;;;;;;",  # kept, without its e-mail
    "Paul;Martin;paul@exemple.fr;07 11 22 33 44;;;Grand public;;;",
    "Zoé;Zed;zoe@exemple.fr;;;;;;;",
    "Zoé;Zed;ZOE@exemple.fr;06 99 99 99 99;;Nantes;Proches;t9;;vue deux fois",  # repeats the line above
    ";;;06 99 99 99 99;;;;;;sans nom",  # the phone of the line above: an error line (no name)
    "Seule;;;;;;;;;",
)


def table(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return sorted(conn.execute(sql).fetchall(), key=repr)


def state(path: Path) -> dict[str, object]:
    """Everything an import writes, but its time stamps (two runs, two clocks)."""
    conn = sqlite3.connect(path)
    try:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(contacts)")]
        kept = ", ".join(name for name in columns if name not in ("created_at", "updated_at"))
        return {
            "contacts": table(conn, f"SELECT {kept} FROM contacts"),
            "moves": table(conn, "SELECT contact_id, from_circle, to_circle, moved_by, reason FROM circle_moves"),
            # by name: the order new tags get their ids in is not a promise
            "tags": table(conn, "SELECT name FROM tags"),
            "links": table(conn, "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"),
            "counts": table(conn, "SELECT circle, active FROM contact_circle_counts"),
            "queued": sorted({row[0] for row in conn.execute("SELECT contact_id FROM contact_search_queue")}),
            "schema": table(conn, "SELECT type, name, tbl_name, sql FROM sqlite_master"),
        }
    finally:
        conn.close()


def import_into(path: Path, actor: Actor, *, bulk: bool, monkeypatch: pytest.MonkeyPatch, chunk: int = 1) -> None:
    monkeypatch.setattr(contact_writer, "BULK_MIN_LINES", 1 if bulk else 10**9)
    db = open_database(path)
    try:
        import_contacts_file(db, actor, BEFORE)
        with db.engine.begin() as conn:  # the first import's search data, done: only this import's is queued
            conn.exec_driver_sql("DELETE FROM contact_search_queue")
        monkeypatch.setattr(contact_writer, "BATCH_SIZE", 3)
        monkeypatch.setattr("communitydesk.services.contact_import.BATCH_SIZE", 3)
        monkeypatch.setattr("communitydesk.services.contact_import._PROGRESS_EVERY", chunk)
        summary = import_contacts_file(db, actor, IMPORT, mode=ImportMode.UPDATE)
        assert (summary.created, summary.updated, summary.merged) == (23, 3, 2)
        assert [error.line for error in summary.errors] == [29]
        assert [(warning.line, warning.field) for warning in summary.warnings] == [(25, "Courriel")]
    finally:
        db.close()


@pytest.mark.parametrize("chunk", [1, 2, 1000], ids=["chunks-of-1", "chunks-of-2", "one-chunk"])
def test_bulk_mode_writes_what_the_indexed_import_writes(
    db_path: Path, tmp_path: Path, actor: Actor, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    row_by_row = tmp_path / "ligne-a-ligne.sqlite3"
    shutil.copyfile(db_path, row_by_row)
    schema_before = state(db_path)["schema"]
    import_into(row_by_row, actor, bulk=False, chunk=chunk, monkeypatch=monkeypatch)
    import_into(db_path, actor, bulk=True, chunk=chunk, monkeypatch=monkeypatch)

    bulk, expected = state(db_path), state(row_by_row)
    assert bulk == expected
    assert bulk["schema"] == schema_before  # every index and trigger is back
    conn = sqlite3.connect(db_path)
    try:  # the counts kept by hand in bulk mode are the true ones
        listed = table(
            conn,
            "SELECT circle, COUNT(*) FROM contacts WHERE archived_at IS NULL AND anonymised_at IS NULL GROUP BY circle",
        )
        assert [row for row in bulk["counts"] if row[1]] == listed  # type: ignore[attr-defined]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_a_cancelled_bulk_import_brings_the_indexes_back(
    db: Database, db_path: Path, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_writer, "BULK_MIN_LINES", 1)
    monkeypatch.setattr("communitydesk.services.contact_import._PROGRESS_EVERY", 1)
    before = state(db_path)
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 10

    with pytest.raises(ImportCancelled):
        import_contacts_file(db, actor, IMPORT, cancel=cancel)
    assert state(db_path) == before


def test_a_bulk_dry_run_changes_nothing(
    db: Database, db_path: Path, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_writer, "BULK_MIN_LINES", 1)
    before = state(db_path)
    summary = import_contacts_file(db, actor, IMPORT, dry_run=True)
    assert summary.created == 26  # an empty base: Hélène, Anne and Paul are new too
    assert state(db_path) == before


def test_a_big_file_into_a_big_base_goes_row_by_row(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(contact_writer, "BULK_MIN_LINES", 4)
    import_contacts_file(db, actor, IMPORT)  # 20 contacts, in bulk mode
    seen: list[bool] = []
    real_init = contact_writer.ContactImportWriter.__init__

    def spy(self: contact_writer.ContactImportWriter, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        seen.append(self.bulk)

    monkeypatch.setattr(contact_writer.ContactImportWriter, "__init__", spy)
    import_contacts_file(db, actor, csv_bytes(*[f"Q{i};R{i};q{i}@exemple.fr;;;;;;;" for i in range(9)]))
    import_contacts_file(db, actor, csv_bytes(*[f"S{i};T{i};s{i}@exemple.fr;;;;;;;" for i in range(20)]))
    assert seen == [False, True]  # 9 lines < half of 20 contacts; 20 lines >= half of 29


def _objects(conn: Connection) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in conn.exec_driver_sql("SELECT type, name FROM sqlite_master ORDER BY name")]


def test_suspended_indexes_refuses_an_unknown_trigger(db: Database) -> None:
    with db.engine.begin() as conn:
        before = _objects(conn)
        with pytest.raises(LookupError, match="no_such_trigger"):
            SuspendedIndexes(conn, "contacts", ("contacts_after_insert", "no_such_trigger"))
        assert _objects(conn) == before  # nothing dropped


def test_suspended_indexes_keep_constraint_indexes_and_restore_once(db: Database) -> None:
    with db.engine.begin() as conn:
        before = _objects(conn)
        suspended = SuspendedIndexes(conn, "contact_tags", ("contact_tags_after_insert",))
        assert suspended.index_names == ["ix_contact_tags_tag_id"]
        left = _objects(conn)
        assert ("index", "sqlite_autoindex_contact_tags_1") in left  # the primary key's own index stays
        assert ("index", "ix_contact_tags_tag_id") not in left
        assert ("trigger", "contact_tags_after_insert") not in left
        suspended.restore()
        suspended.restore()
        assert _objects(conn) == before


# Lines drawn from small pools, so that repeats, shared family phones, lines the reference
# must clean (two e-mails, a « = » cell, an error) and matches with the base all happen.
_NAMES = ["Zoé;Roux", "Jean;Roux", "Anne;Blanc", "Léo;Noir", ";", "Hélène;Dupré"]
_EMAILS = ["", "z@ex.fr", "Z@EX.FR", "j@ex.fr", "a@ex.fr", "helene@exemple.fr", "a@ex.fr; b@ex.fr", "faux"]
_PHONES = ["", "06 00 00 00 01", "0600000001", "06 00 00 00 02", '="0600000003"', "01 23 45 67 89", "12"]
_CIRCLES = ["", "Proches", "Communauté", "Grand public"]
_TAGS = ["", "t1", "t1, t2", "T2"]
_LINES = st.builds(
    lambda name, email, phone, circle, tags: f"{name};{email};{phone};;;{circle};{tags};;",
    st.sampled_from(_NAMES),
    st.sampled_from(_EMAILS),
    st.sampled_from(_PHONES),
    st.sampled_from(_CIRCLES),
    st.sampled_from(_TAGS),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(_LINES, min_size=1, max_size=30),
    chunk=st.integers(min_value=1, max_value=6),
    batch_size=st.integers(min_value=1, max_value=8),
    update=st.booleans(),
)
def test_bulk_mode_matches_the_indexed_import_on_any_file(
    db_path: Path,
    tmp_path: Path,
    actor: Actor,
    lines: list[str],
    chunk: int,
    batch_size: int,
    update: bool,
) -> None:
    data = csv_bytes(*lines)
    mode = ImportMode.UPDATE if update else ImportMode.CREATE

    def write(db: Database) -> ImportSummary:
        import_contacts_file(db, actor, BEFORE)
        return import_contacts_file(db, actor, data, mode=mode)

    indexed, bulk = indexed_then_bulk(db_path, tmp_path, write, batch_size=batch_size, chunk=chunk)
    assert indexed == bulk


def indexed_then_bulk(
    db_path: Path, tmp_path: Path, write: Callable[[Database], ImportSummary], *, batch_size: int, chunk: int = 0
) -> list[tuple[object, object]]:
    """(summary, state) of ``write`` on a copy of the base, indexes kept, then in bulk mode."""
    results = []
    for bulk in (False, True):
        path = tmp_path / f"{bulk}.sqlite3"
        shutil.copyfile(db_path, path)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(contact_writer, "BULK_MIN_LINES", 1 if bulk else 10**9)
            patch.setattr(contact_writer, "BATCH_SIZE", batch_size)
            patch.setattr("communitydesk.services.contact_import.BATCH_SIZE", batch_size)
            if chunk:
                patch.setattr("communitydesk.services.contact_import._PROGRESS_EVERY", chunk)
            db = open_database(path)
            try:
                summary = write(db)
            finally:
                db.close()
        results.append((summary.as_json(), state(path)))
        path.unlink()
    return results


# Columns whose blank cells get their default: the kind (deduced from a lone organisation), the
# role, the source (the file's name when blank), the flags.
WIDE_HEADER = "Prénom;Nom;Organisation;Type;Fonction;Courriel;Source;Critique;Ville"
_WIDE_LINES = st.builds(
    lambda name, organisation, kind, role, email, source, critic, city: ";".join(
        [name, organisation, kind, role, email, source, critic, city]
    ),
    st.sampled_from(_NAMES),
    st.sampled_from(["", "SCIC Énergie", "Mairie"]),
    st.sampled_from(["", "organisation", "personne"]),
    st.sampled_from(["", "Trésorière"]),
    st.sampled_from(_EMAILS),
    st.sampled_from(["", "Salon"]),
    st.sampled_from(["", "oui", "non"]),
    st.sampled_from(["", "Évreux", "Lyon"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_WIDE_LINES, min_size=1, max_size=20), batch_size=st.integers(min_value=1, max_value=8))
def test_bulk_mode_fills_blank_cells_as_the_indexed_import_does(
    db_path: Path, tmp_path: Path, actor: Actor, lines: list[str], batch_size: int
) -> None:
    data = ("\r\n".join([WIDE_HEADER, *lines]) + "\r\n").encode("cp1252")
    indexed, bulk = indexed_then_bulk(
        db_path,
        tmp_path,
        lambda db: import_contacts_file(db, actor, data, file_name="salon.csv"),
        batch_size=batch_size,
    )
    assert indexed == bulk
