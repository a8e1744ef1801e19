"""The cheap schema probe and what opening a file does in each state it can be in."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from communitydesk.db import schema_version
from communitydesk.db.backup import list_backups
from communitydesk.db.database import open_database
from communitydesk.db.schema_version import HEAD, REVISIONS, SchemaState, probe
from communitydesk.errors import DatabaseError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def blank_sqlite(path: Path) -> Path:
    """A valid SQLite file (header written) without a single table."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("DROP TABLE scratch")
    conn.close()
    return path


def test_missing_file(tmp_path: Path) -> None:
    assert probe(tmp_path / "absent.sqlite3") == schema_version.SchemaProbe(SchemaState.MISSING, None)


def test_missing_file_is_created_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "base.sqlite3"
    db = open_database(path)
    db.close()
    assert probe(path).state is SchemaState.CURRENT


def test_a_new_base_and_its_folders_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the common umask, under which files are readable by everyone
    try:
        path = tmp_path / "nouveau" / "dossier" / "base.sqlite3"
        db = open_database(path)
        try:
            with db.engine.connect() as conn:  # the app at work: its -wal and -shm exist
                conn.exec_driver_sql("INSERT INTO tags (name) VALUES ('bénévole')")
                conn.commit()
                files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
                assert {name.name: stat.S_IMODE(name.stat().st_mode) for name in files} == {
                    name.name: 0o600 for name in files
                }
        finally:
            db.close()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "nouveau").stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_missing_file_refused_when_creation_not_asked(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite3"
    with pytest.raises(DatabaseError, match="n'existe pas"):
        open_database(path, create=False)
    assert not path.exists()


def test_blank_sqlite_file_is_initialised(tmp_path: Path) -> None:
    path = blank_sqlite(tmp_path / "blank.sqlite3")
    assert probe(path).state is SchemaState.BLANK
    open_database(path).close()
    assert probe(path) == schema_version.SchemaProbe(SchemaState.CURRENT, HEAD)


def test_current_database(db_path: Path) -> None:
    before = digest(db_path)
    assert probe(db_path) == schema_version.SchemaProbe(SchemaState.CURRENT, HEAD)
    assert digest(db_path) == before, "probing must not write"


def test_known_older_revision_is_outdated(db_path: Path) -> None:
    # As code that knows one more revision than the file has.
    assert probe(db_path, known=(*REVISIONS, "9000")) == schema_version.SchemaProbe(SchemaState.OUTDATED, HEAD)


@pytest.mark.parametrize("old", REVISIONS[:-1])
def test_outdated_database_is_backed_up_then_upgraded(tmp_path: Path, old: str) -> None:
    from alembic import command

    from communitydesk.db.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    command.upgrade(alembic_config(path), old)
    assert probe(path) == schema_version.SchemaProbe(SchemaState.OUTDATED, old)
    open_database(path).close()
    assert probe(path).state is SchemaState.CURRENT
    backups = list_backups(path)
    assert len(backups) == 1 and backups[0].name.startswith("avant-migration-")
    assert probe(backups[0]) == schema_version.SchemaProbe(SchemaState.OUTDATED, old)


def test_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    set_revision(db_path, "9999")
    before = digest(db_path)
    assert probe(db_path) == schema_version.SchemaProbe(SchemaState.NEWER, "9999")
    with pytest.raises(DatabaseError, match="version plus récente"):
        open_database(db_path)
    assert digest(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert list_backups(db_path) == []


def truncated_copy(db_path: Path, target: Path) -> Path:
    with sqlite3.connect(db_path) as conn:
        conn.executemany("INSERT INTO tags (name) VALUES (?)", [(f"étiquette {i:05d}" * 4,) for i in range(3000)])
    conn.close()
    data = db_path.read_bytes()
    assert len(data) > 20 * 4096
    target.write_bytes(data[: len(data) // 2])
    return target


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("text", "pas un fichier SQLite"),
        ("empty", "fichier vide"),
        ("short", "tronqué"),
        ("truncated", "tronqué"),
        ("foreign", "pas été créée par CommunityDesk"),
        ("garbage_after_header", "endommagée"),
    ],
)
def test_unusable_file_gives_clear_error_and_is_untouched(
    tmp_path: Path, db_path: Path, kind: str, message: str
) -> None:
    path = tmp_path / f"{kind}.sqlite3"
    if kind == "text":
        path.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "short":
        path.write_bytes(db_path.read_bytes()[:60])
    elif kind == "truncated":
        truncated_copy(db_path, path)
    elif kind == "foreign":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE recettes (nom TEXT)")
        conn.close()
    elif kind == "garbage_after_header":
        data = bytearray(db_path.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)  # page 1 after the header: sqlite_master destroyed
        path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseError, match=message) as raised:
        open_database(path)
    assert str(path) in str(raised.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(kind)) == [path.name]


def test_directory_gives_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "dossier.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="est un dossier"):
        open_database(folder)
    assert list(folder.iterdir()) == []


def test_unreadable_file_gives_clear_error(db_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    db_path.chmod(0)
    try:
        with pytest.raises(DatabaseError, match="Impossible de lire"):
            open_database(db_path)
    finally:
        db_path.chmod(0o644)


@pytest.mark.parametrize(
    ("sqlite_says", "we_say"),
    [
        ("database is locked", "verrouillée par un autre programme"),
        ("database disk image is malformed", "endommagée"),
        ("file is not a database", "endommagée"),
        ("unable to open database file", "vérifiez les droits"),
        ("attempt to write a readonly database", "vérifiez les droits"),
        ("database or disk is full", "Le disque est plein"),
        ("disk I/O error", "n'a pas pu lire ou écrire"),
        ("something new", "Erreur de base de données"),
    ],
)
def test_sqlite_errors_become_french_sentences(tmp_path: Path, sqlite_says: str, we_say: str) -> None:
    error = schema_version.describe_sqlite_error(tmp_path / "base.sqlite3", sqlite3.OperationalError(sqlite_says))
    assert we_say in str(error) and str(tmp_path / "base.sqlite3") in str(error)
