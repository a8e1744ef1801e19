"""check / backup / restore as services: healthy or not, and a target never half-replaced."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from communitydesk.db.backup import list_backups
from communitydesk.db.database import Database
from communitydesk.db.schema_version import HEAD, SchemaState, probe
from communitydesk.errors import DatabaseError, PermissionDenied
from communitydesk.services import permissions
from communitydesk.services.maintenance import (
    BACKUP_KEEP_SETTING,
    automatic_backup,
    backup_database,
    check_database,
    restore_database,
)
from communitydesk.services.permissions import Action, Actor


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_tags(path: Path, *names: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO tags (name) VALUES (?)", [(name,) for name in names])
    conn.close()


def tag_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM tags ORDER BY name")]
    finally:
        conn.close()


def damage(path: Path) -> Path:
    """Fill the base over many pages, then overwrite one page of data with garbage."""
    add_tags(path, *(f"étiquette {i:05d} " * 4 for i in range(3000)))
    data = bytearray(path.read_bytes())
    page = len(data) // 4096 - 3
    data[page * 4096 : (page + 1) * 4096] = b"\x07" * 4096
    path.write_bytes(bytes(data))
    return path


def broken_link(path: Path) -> Path:
    conn = sqlite3.connect(path)  # foreign keys are off by default in plain sqlite3
    with conn:
        conn.execute(
            "INSERT INTO circle_moves (contact_id, moved_at, to_circle, moved_by, reason) "
            "VALUES (404, '2026-01-01 00:00:00.000000', 'proches', '', '')"
        )
    conn.close()
    return path


def test_healthy_database(db_path: Path, actor: Actor) -> None:
    report = check_database(db_path, actor)
    assert report.healthy and report.problems == []
    assert report.schema_version == HEAD


def test_damaged_database_is_reported(db_path: Path, actor: Actor) -> None:
    damage(db_path)
    before = digest(db_path)
    report = check_database(db_path, actor)
    assert not report.healthy
    assert any("endommagée" in problem for problem in report.problems)
    assert digest(db_path) == before


def test_broken_links_are_reported(db_path: Path, actor: Actor) -> None:
    report = check_database(broken_link(db_path), actor)
    assert report.problems == ["1 lien cassé entre tables (circle_moves)."]


def test_newer_schema_is_a_problem(db_path: Path, actor: Actor) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    report = check_database(db_path, actor)
    assert report.schema_version == "9999"
    assert len(report.problems) == 1 and "plus récente" in report.problems[0]


def test_check_of_a_missing_file(tmp_path: Path, actor: Actor) -> None:
    with pytest.raises(DatabaseError, match="n'existe pas"):
        check_database(tmp_path / "absent.sqlite3", actor)
    assert not (tmp_path / "absent.sqlite3").exists()


def test_backup_to_a_chosen_file(db_path: Path, tmp_path: Path, actor: Actor) -> None:
    add_tags(db_path, "presse")
    out = backup_database(db_path, actor, out=tmp_path / "clé" / "copie.sqlite3")
    assert tag_names(out) == ["presse"]


def test_backup_without_out_rotates_in_backups(db_path: Path, actor: Actor) -> None:
    made = [backup_database(db_path, actor, keep=2) for _ in range(3)]
    assert list_backups(db_path) == made[1:]
    assert all(p.name.startswith("manuelle-") for p in made)


def test_backup_onto_itself_is_refused(db_path: Path, actor: Actor) -> None:
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="remplacer la base elle-même"):
        backup_database(db_path, actor, out=db_path)
    assert digest(db_path) == before


def test_restore_keeps_the_replaced_base(db_path: Path, tmp_path: Path, actor: Actor) -> None:
    add_tags(db_path, "ancienne")
    saved = backup_database(db_path, actor, out=tmp_path / "sauvegarde.sqlite3")
    add_tags(db_path, "après la sauvegarde")
    kept = restore_database(saved, db_path, actor)
    assert tag_names(db_path) == ["ancienne"]
    assert kept is not None and kept.parent == db_path.parent / "backups"
    assert kept.name.startswith("avant-restauration-")
    assert tag_names(kept) == ["ancienne", "après la sauvegarde"]
    assert check_database(db_path, actor).healthy
    assert probe(db_path).state is SchemaState.CURRENT


def test_restore_into_a_new_place(db_path: Path, tmp_path: Path, actor: Actor) -> None:
    add_tags(db_path, "nomade")
    target = tmp_path / "nouveau" / "dossier" / "base.sqlite3"
    assert restore_database(db_path, target, actor) is None
    assert tag_names(target) == ["nomade"]


# A program killed with its last save still in the WAL (os._exit: SQLite does not fold it in).
KILLED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA wal_autocheckpoint = 0")
with conn:
    conn.execute("INSERT INTO tags (name) VALUES ('dans le WAL')")
os._exit(0)
"""


def files_of(path: Path) -> dict[str, str]:
    """The digest of the base and of its WAL."""
    wal = path.with_name(path.name + "-wal")
    return {"base": digest(path), "wal": digest(wal) if wal.exists() else "absent"}


@pytest.mark.parametrize(
    "kind", ["text", "damaged", "broken_link", "blank", "newer", "missing", "base_open", "no_room_for_the_old_base"]
)
def test_every_refused_restore_leaves_the_base_and_its_wal_as_they_were(
    db_path: Path,
    tmp_path: Path,
    actor: Actor,
    kind: str,
    hold_elsewhere: Callable[[Path], None],
) -> None:
    add_tags(db_path, "à garder")
    bad = tmp_path / "mauvaise.sqlite3"
    if kind == "text":
        bad.write_text("Nom;Prénom\nDurand;Léa\n", encoding="utf-8")
    elif kind in ("damaged", "broken_link", "newer", "base_open", "no_room_for_the_old_base"):
        bad = backup_database(db_path, actor, out=bad)
        if kind == "damaged":
            damage(bad)
        elif kind == "broken_link":
            broken_link(bad)
        elif kind == "newer":
            conn = sqlite3.connect(bad)
            with conn:
                conn.execute("UPDATE alembic_version SET version_num = '9999'")
            conn.close()
    elif kind == "blank":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE x (y)")
        conn.execute("DROP TABLE x")
        conn.close()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(db_path)], check=True)
    if kind == "no_room_for_the_old_base":
        (db_path.parent / "backups").write_text("un fichier, pas un dossier", encoding="utf-8")
    if kind == "base_open":
        hold_elsewhere(db_path)
    before = files_of(db_path)
    assert before["wal"] != "absent"
    with pytest.raises(DatabaseError) as raised:
        restore_database(bad, db_path, actor, busy_timeout=0.1)
    assert files_of(db_path) == before, "a refused restore rewrote the base or its WAL"
    if kind == "base_open":
        assert "ouverte" in str(raised.value)
    elif kind != "no_room_for_the_old_base":
        assert str(bad) in str(raised.value)
    assert tag_names(db_path) == ["dans le WAL", "à garder"]
    assert list_backups(db_path) == []


def test_restore_refused_while_the_base_is_open(db_path: Path, tmp_path: Path, actor: Actor) -> None:
    saved = backup_database(db_path, actor, out=tmp_path / "sauvegarde.sqlite3")
    add_tags(db_path, "en cours")
    app = sqlite3.connect(db_path)
    app.execute("PRAGMA journal_mode = WAL")
    app.execute("SELECT COUNT(*) FROM tags").fetchone()
    try:
        with pytest.raises(DatabaseError, match="ouverte"):
            restore_database(saved, db_path, actor, busy_timeout=0.1)
        assert app.execute("SELECT name FROM tags").fetchall() == [("en cours",)]
    finally:
        app.close()
    assert tag_names(db_path) == ["en cours"]


@pytest.mark.parametrize("how", ["bad_page", "truncated", "empty"])
def test_restore_over_a_damaged_base_keeps_it(db_path: Path, tmp_path: Path, actor: Actor, how: str) -> None:
    add_tags(db_path, "saine")
    saved = backup_database(db_path, actor, out=tmp_path / "sauvegarde.sqlite3")
    damage(db_path)
    if how == "truncated":
        db_path.write_bytes(db_path.read_bytes()[: 40 * 4096])
    elif how == "empty":
        db_path.write_bytes(b"")
    damaged_bytes = db_path.read_bytes()
    kept = restore_database(saved, db_path, actor)
    assert check_database(db_path, actor).healthy
    assert tag_names(db_path) == ["saine"]
    assert kept is not None and kept.parent == db_path.parent / "backups"
    # Every page is kept as it was (page 1 may differ in its journal-mode bytes only).
    assert kept.read_bytes()[4096:] == damaged_bytes[4096:]
    assert len(kept.read_bytes()) == len(damaged_bytes)


def test_restore_refuses_to_overwrite_a_file_that_is_not_a_base(db_path: Path, tmp_path: Path, actor: Actor) -> None:
    document = tmp_path / "rapport.odt"
    document.write_bytes(b"PK\x03\x04 un document important")
    with pytest.raises(DatabaseError, match="pas un fichier SQLite"):
        restore_database(db_path, document, actor)
    assert document.read_bytes() == b"PK\x03\x04 un document important"


def test_maintenance_needs_the_right(db_path: Path, tmp_path: Path) -> None:
    volunteer = Actor(name="Bénévole", role=permissions.Role.VOLUNTEER, rights=frozenset({Action.READ}))
    assert check_database(db_path, volunteer).healthy
    with pytest.raises(PermissionDenied, match="Bénévole"):
        backup_database(db_path, volunteer, out=tmp_path / "copie.sqlite3")
    with pytest.raises(PermissionDenied):
        restore_database(db_path, tmp_path / "x.sqlite3", volunteer)
    assert not (tmp_path / "copie.sqlite3").exists() and not (tmp_path / "x.sqlite3").exists()


def test_automatic_backup_once_a_day(db_path: Path, actor: Actor) -> None:
    first = automatic_backup(db_path, actor)
    assert first is not None and first.name.startswith("auto-")
    assert automatic_backup(db_path, actor) is None, "a recent backup exists: nothing to do"
    second = automatic_backup(db_path, actor, every_hours=0)
    assert list_backups(db_path) == [first, second]


def test_automatic_backup_keeps_the_number_set_in_settings(db: Database, actor: Actor) -> None:
    from communitydesk.services import settings

    assert settings.BACKUP_KEEP == BACKUP_KEEP_SETTING
    with db.transaction() as session:
        settings.save_backup_keep(session, actor, 2)
    made = [automatic_backup(db.path, actor, every_hours=0) for _ in range(4)]
    assert list_backups(db.path) == made[-2:]
    assert automatic_backup(db.path, actor, every_hours=0, keep=1) is not None
    assert len(list_backups(db.path)) == 1


def test_automatic_backup_of_a_missing_base(tmp_path: Path, actor: Actor) -> None:
    with pytest.raises(DatabaseError, match="n'existe pas"):
        automatic_backup(tmp_path / "absente.sqlite3", actor)
