"""The app never drops its own SQLite locks: a second process cannot slip past them.

On Linux and macOS, closing any descriptor of a file releases every POSIX lock the
process holds on it, SQLite's included. Here one process holds the base like the app
(an open engine with a live connection) and runs its automatic backup; another process
then tries ``restore`` and ``import contacts``.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

# The app's side: its writes stay in the WAL (no checkpoint), so that losing the WAL loses them.
HOLDER = """
import sys
from pathlib import Path
from communitydesk.db.database import open_database
from communitydesk.services.maintenance import automatic_backup
from communitydesk.services.permissions import SYSTEM

path = Path(sys.argv[1])
db = open_database(path)
conn = db.engine.connect()
conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")

def write(label):
    for i in range(20):
        conn.exec_driver_sql("INSERT INTO tags (name) VALUES (?)", (f"{label} {i}",))
        conn.commit()

write("avant")
print(automatic_backup(path, SYSTEM), flush=True)
sys.stdin.readline()  # the other process does its work
write("après")
print("écrit", flush=True)
sys.stdin.readline()
conn.close()
db.close()
"""

CSV = "Prénom;Nom;E-mail\nAmélie;Durand;amelie@example.org\nBruno;Petit;bruno@example.org\n"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "communitydesk", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_a_second_process_cannot_restore_under_the_app_nor_lose_its_wal(db_path: Path, tmp_path: Path) -> None:
    contacts_file = tmp_path / "contacts.csv"
    contacts_file.write_text(CSV, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        try:
            backup = Path(holder.stdout.readline().strip())
            assert backup.is_file(), "the automatic backup should have been made"
            wal = db_path.with_name(db_path.name + "-wal")
            wal_inode = wal.stat().st_ino

            imported = cli("import", "contacts", str(contacts_file), "--db", str(db_path))
            assert imported.returncode == 0, imported.stderr
            assert wal.exists() and wal.stat().st_ino == wal_inode, "the import unlinked the app's WAL"
            restored = cli("restore", str(backup), "--db", str(db_path))
            assert restored.returncode == 1, restored.stdout + restored.stderr
            assert "ouverte" in restored.stderr and "Traceback" not in restored.stderr

            holder.stdin.write("\n")
            holder.stdin.flush()
            assert holder.stdout.readline().strip() == "écrit"
            assert wal.exists() and wal.stat().st_ino == wal_inode, "the app's WAL was unlinked under it"
            reader = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                tags = {row[0] for row in reader.execute("SELECT name FROM tags")}
                emails = {row[0] for row in reader.execute("SELECT email FROM contacts")}
                assert reader.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            finally:
                reader.close()
            assert tags == {f"{label} {i}" for label in ("avant", "après") for i in range(20)}
            assert emails == {"amelie@example.org", "bruno@example.org"}
            holder.stdin.write("\n")
            holder.stdin.flush()
            assert holder.wait(timeout=30) == 0
        finally:
            if holder.poll() is None:
                holder.kill()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT COUNT(*) FROM tags").fetchone() == (40,)
    finally:
        conn.close()


@pytest.mark.slow
def test_demo_replace_refuses_a_base_open_in_another_process(
    tmp_path: Path, hold_elsewhere: Callable[[Path], None]
) -> None:
    path = tmp_path / "démo.sqlite3"
    assert cli("demo", "--db", str(path), "--contacts", "5").returncode == 0
    hold_elsewhere(path)
    wal = path.with_name(path.name + "-wal")
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), wal.stat().st_ino)
    replaced = cli("demo", "--db", str(path), "--contacts", "5", "--replace")
    assert replaced.returncode == 1 and "ouverte" in replaced.stderr, replaced.stderr
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), wal.stat().st_ino) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["démo.sqlite3", "démo.sqlite3-shm", "démo.sqlite3-wal"]
