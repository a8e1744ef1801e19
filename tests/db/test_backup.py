"""Online backups (consistent while someone writes) and the rotation of automatic backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communitydesk.db.backup import backup_to, exclusive_access, list_backups, rotating_backup
from communitydesk.db.schema_version import HEAD, SchemaState, probe
from communitydesk.errors import DatabaseError


def tag_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM tags ORDER BY name")]
    finally:
        conn.close()


def add_tags(path: Path, *names: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO tags (name) VALUES (?)", [(name,) for name in names])
    conn.close()


def test_backup_is_a_self_contained_copy(db_path: Path, tmp_path: Path) -> None:
    add_tags(db_path, "bénévole", "mécène")
    target = backup_to(db_path, tmp_path / "copies" / "copie.sqlite3")
    assert target == tmp_path / "copies" / "copie.sqlite3"
    assert tag_names(target) == ["bénévole", "mécène"]
    assert probe(target).revision == HEAD
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copie.sqlite3"]


def test_backup_while_a_writer_holds_a_transaction_open(db_path: Path, tmp_path: Path) -> None:
    add_tags(db_path, "avant")
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO tags (name) VALUES ('pendant')")
    try:
        target = backup_to(db_path, tmp_path / "pendant.sqlite3")
    finally:
        writer.execute("COMMIT")
        writer.close()
    # The copy holds what was committed when it was taken, and nothing half-done.
    assert tag_names(target) == ["avant"]
    assert tag_names(db_path) == ["avant", "pendant"]


def test_backup_reports_progress(db_path: Path, tmp_path: Path) -> None:
    add_tags(db_path, *(f"étiquette {i}" for i in range(2000)))
    seen: list[tuple[int, int]] = []
    backup_to(db_path, tmp_path / "copie.sqlite3", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0


def test_backup_of_a_non_database_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("pas une base", encoding="utf-8")
    with pytest.raises(DatabaseError, match="pas un fichier SQLite"):
        backup_to(source, tmp_path / "out" / "copie.sqlite3")
    assert not (tmp_path / "out").exists()


def test_rotation_keeps_the_newest(db_path: Path) -> None:
    made = []
    for index in range(5):
        add_tags(db_path, f"tour {index}")
        made.append(rotating_backup(db_path, keep=3))
    kept = list_backups(db_path)
    assert kept == made[-3:]
    assert [tag_names(p)[-1] for p in kept] == ["tour 2", "tour 3", "tour 4"]
    assert all(p.parent == db_path.parent / "backups" for p in kept)


def test_rotation_keeps_at_least_one(db_path: Path) -> None:
    rotating_backup(db_path, keep=0)
    newest = rotating_backup(db_path, keep=0)
    assert list_backups(db_path) == [newest]


def test_rotation_ignores_other_databases_backups(db_path: Path) -> None:
    other = db_path.with_name("autre.sqlite3")
    other.write_bytes(db_path.read_bytes())
    theirs = rotating_backup(other, keep=1)
    rotating_backup(db_path, keep=1)
    rotating_backup(db_path, keep=1)
    assert list_backups(other) == [theirs]
    assert len(list_backups(db_path)) == 1


def test_exclusive_access_refused_while_the_base_is_open(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from communitydesk.db import schema_version

    monkeypatch.setattr(schema_version, "BUSY_TIMEOUT_S", 0.1)
    app = sqlite3.connect(db_path)
    app.execute("PRAGMA journal_mode = WAL")
    app.execute("SELECT COUNT(*) FROM tags").fetchone()  # an idle reader, like the running app
    try:
        with pytest.raises(DatabaseError, match="ouverte"), exclusive_access(db_path):
            pass
    finally:
        app.close()
    # Once the app has closed it, the base can be held alone, and then nobody else gets in.
    with exclusive_access(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM tags").fetchone() == (0,)
        with pytest.raises(DatabaseError, match="verrouillée"):
            probe(db_path)
    assert probe(db_path).state is SchemaState.CURRENT
