"""Online backups (consistent while someone writes) and the rotation of automatic backups."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from communitydesk.db.backup import (
    PARTIAL_GRACE_S,
    backup_to,
    exclusive_access,
    list_backups,
    partial_path,
    rotating_backup,
    timestamped_name,
)
from communitydesk.db.database import open_database
from communitydesk.db.schema_version import HEAD, SchemaState, probe
from communitydesk.errors import DatabaseError
from communitydesk.formatting import local_now


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


@pytest.mark.parametrize(
    ("moment", "stamp"),
    [
        (datetime(2026, 12, 3, 23, 30, tzinfo=UTC), "20261204-003000-000000"),  # winter: UTC+1
        (datetime(2026, 7, 1, 22, 15, tzinfo=UTC), "20260702-001500-000000"),  # summer: UTC+2
    ],
)
def test_backup_names_carry_the_paris_day_and_hour(moment: datetime, stamp: str) -> None:
    # Just after midnight in Paris, the UTC date is still the previous day.
    assert timestamped_name(Path("asso.sqlite3"), when=moment) == f"auto-asso-{stamp}.sqlite3"


def test_an_automatic_backup_is_named_with_the_app_s_clock(db_path: Path) -> None:
    def stamp() -> str:
        return local_now().strftime("%Y%m%d-%H%M%S-%f")

    before = stamp()
    made = rotating_backup(db_path, keep=3)
    after = stamp()
    named = made.name.removeprefix(f"auto-{db_path.stem}-").removesuffix(".sqlite3")
    assert before <= named <= after


def test_exclusive_access_refused_while_the_base_is_open(db_path: Path) -> None:
    app = sqlite3.connect(db_path)
    app.execute("PRAGMA journal_mode = WAL")
    app.execute("SELECT COUNT(*) FROM tags").fetchone()  # an idle reader, like the running app
    try:
        with pytest.raises(DatabaseError, match="ouverte"), exclusive_access(db_path, busy_timeout=0.1):
            pass
    finally:
        app.close()
    # Once the app has closed it, the base can be held alone, and then nobody else gets in.
    with exclusive_access(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM tags").fetchone() == (0,)
        with pytest.raises(DatabaseError, match="verrouillée"):
            probe(db_path, busy_timeout=0.1)
    assert probe(db_path).state is SchemaState.CURRENT


ROOT = Path(__file__).resolve().parent.parent.parent

# Commits every 100 ms; bounded, it stops by itself after about 30 s.
STEADY_WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=5)
conn.execute("PRAGMA journal_mode = WAL")
print("prêt", flush=True)
for i in range(300):
    with conn:
        conn.execute("INSERT INTO tags (name) VALUES (?)", (f"pendant {i}",))
    time.sleep(0.1)
conn.close()
"""


@pytest.mark.slow
def test_backup_ends_while_another_program_commits_every_100_ms(db_path: Path, tmp_path: Path) -> None:
    # Over a thousand pages: a copy in several steps would start over at each commit.
    add_tags(db_path, *(f"étiquette {i:06d} " * 6 for i in range(20000)))
    with subprocess.Popen(
        [sys.executable, "-c", STEADY_WRITER, str(db_path)], stdout=subprocess.PIPE, text=True
    ) as writer:
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "prêt"
            time.sleep(0.3)
            # Each report takes a while (a slow disk, a busy screen): the copy lasts longer than 100 ms.
            target = backup_to(db_path, tmp_path / "copie.sqlite3", progress=lambda _done, _total: time.sleep(0.05))
            assert writer.poll() is None, "the backup only ended once the writer had stopped"
        finally:
            writer.kill()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT COUNT(*) FROM tags WHERE name LIKE 'étiquette%'").fetchone() == (20000,)
    finally:
        conn.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The common umask, under which files are readable by everyone unless made private."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("usual_umask")
def test_backups_are_readable_by_their_owner_only(db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "nouveau" / "dossier" / "copie.sqlite3"
    partial_modes: list[int] = []
    backup_to(db_path, target, progress=lambda _done, _total: partial_modes.append(mode(partial_path(target))))
    assert partial_modes == [0o600], "the copy being written is private too"
    assert mode(target) == 0o600
    assert mode(tmp_path / "nouveau") == mode(tmp_path / "nouveau" / "dossier") == 0o700
    automatic = rotating_backup(db_path)
    assert mode(automatic) == 0o600 and mode(automatic.parent) == 0o700


# A backup killed (SIGKILL) once its copy is written, before the rename.
KILLED_BACKUP = """
import os, signal, sys
from collections.abc import Callable, Iterator
from pathlib import Path
from communitydesk.db.backup import backup_to
backup_to(Path(sys.argv[1]), Path(sys.argv[2]), progress=lambda done, total: os.kill(os.getpid(), signal.SIGKILL))
"""


def test_a_killed_backup_leaves_a_private_partial_that_the_next_backup_sweeps(db_path: Path) -> None:
    add_tags(db_path, "donnée personnelle")
    folder = db_path.parent / "backups"
    target = folder / "auto-tuée.sqlite3"
    killed = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(db_path), str(target)], cwd=ROOT)
    assert killed.returncode == -9
    leftover = partial_path(target)
    assert not target.exists() and leftover.exists()
    assert mode(leftover) == 0o600 and mode(folder) == 0o700
    # A partial just created (its writer not yet locking it) is left alone.
    starting = partial_path(folder / "auto-en-cours.sqlite3")
    starting.write_bytes(b"")
    past_the_grace = time.time() - PARTIAL_GRACE_S - 1
    os.utime(leftover, (past_the_grace, past_the_grace))
    rotating_backup(db_path)
    assert not leftover.exists() and not list(folder.glob("*tuée*"))
    assert starting.exists()


def test_a_partial_that_a_writer_still_holds_is_never_swept(
    db_path: Path, hold_elsewhere: Callable[[Path], None]
) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    being_written = partial_path(folder / "auto-lente.sqlite3")
    hold_elsewhere(being_written)  # a slow demo or backup, in another process, untouched for a while
    long_ago = time.time() - 3600
    os.utime(being_written, (long_ago, long_ago))
    rotating_backup(db_path)
    assert being_written.exists()


def test_opening_sweeps_stale_partials_beside_the_base(db_path: Path) -> None:
    beside = partial_path(db_path.with_name("démo.sqlite3"))  # a killed demo's
    in_backups = partial_path(db_path.parent / "backups" / "auto-x.sqlite3")
    in_backups.parent.mkdir()
    for leftover in (beside, in_backups):
        leftover.write_bytes(b"SQLite format 3\x00")
        os.utime(leftover, (time.time() - PARTIAL_GRACE_S - 1,) * 2)
    open_database(db_path).close()
    assert not beside.exists() and not in_backups.exists()
