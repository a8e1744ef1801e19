"""The headless interface: sub-commands in-process, and a few real ``python -m communitydesk`` runs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from communitydesk.cli import main
from communitydesk.db.backup import list_backups
from communitydesk.db.schema_version import HEAD

ROOT = Path(__file__).resolve().parent.parent


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def contact_emails(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT email FROM contacts ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from communitydesk.services.demo import create_demo_database
    from communitydesk.services.permissions import SYSTEM

    path = tmp_path_factory.mktemp("demo") / "démo.sqlite3"
    create_demo_database(path, SYSTEM, contacts=120, seed=5)
    return path


@pytest.fixture
def demo_db(tmp_path: Path, _demo_template: Path) -> Path:
    """A demo base of 120 contacts (made once, copied for each test)."""
    path = tmp_path / "démo.sqlite3"
    shutil.copyfile(_demo_template, path)
    return path


def damaged_copy(source: Path, target: Path) -> Path:
    conn = sqlite3.connect(source)
    with conn:
        conn.executemany("INSERT INTO tags (name) VALUES (?)", [(f"étiquette {i:05d} " * 4,) for i in range(3000)])
    conn.close()
    data = bytearray(source.read_bytes())
    page = len(data) // 4096 - 3
    data[page * 4096 : (page + 1) * 4096] = b"\x07" * 4096
    target.write_bytes(bytes(data))
    return target


# --- demo and stats --------------------------------------------------------------------------


def test_demo_creates_the_folder_and_the_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nouveau" / "dossier" / "base.sqlite3"
    code, out, err = run(capsys, "demo", "--db", str(path), "--contacts", "40")
    assert code == 0, err
    assert out.strip() == f"Base de démonstration créée : {path} (40 contacts)."
    assert len(contact_emails(path)) == 40


def test_demo_refuses_an_existing_file(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(demo_db)
    code, out, err = run(capsys, "demo", "--db", str(demo_db))
    assert code == 1 and out == ""
    assert err.startswith("Erreur : ") and "existe déjà" in err and "Traceback" not in err
    assert digest(demo_db) == before


def test_stats_json_shape(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "stats", "--db", str(demo_db), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == HEAD
    assert data["contacts"]["total"] == 120
    assert set(data["contacts"]["by_circle"]) == {"proches", "communaute", "grand_public"}
    assert sum(data["contacts"]["by_circle"].values()) == 120
    assert data["tables"]["contacts"] == 120
    assert all(isinstance(n, int) for n in data["tables"].values())
    assert "alembic_version" not in data["tables"]


def test_stats_as_text(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "stats", "--db", str(demo_db))
    assert code == 0
    assert f"Schéma : {HEAD}" in out and "Contacts : 120" in out
    # Every section of --json, said with its labels rather than its slugs.
    assert "  Grand public : " in out and "grand_public" not in out
    assert "Campagne « " in out and "€ (" in out
    assert "Publications : " in out and "  publiée : " in out
    assert "Ambassadeurs : " in out and "  candidat : " in out
    assert "Événements : " in out and "inscriptions : " in out


def test_stats_of_a_missing_base_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "absent" / "base.sqlite3"
    code, _out, err = run(capsys, "stats", "--db", str(path), "--json")
    assert code == 1 and "n'existe pas" in err
    assert not path.parent.exists()


# --- check ------------------------------------------------------------------------------------


def test_check_healthy(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--db", str(demo_db))
    assert (code, err) == (0, "")
    assert "en bon état" in out and HEAD in out


def test_check_damaged(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = damaged_copy(demo_db, tmp_path / "abîmée.sqlite3")
    before = digest(damaged)
    code, out, err = run(capsys, "check", "--db", str(damaged))
    assert code == 1 and out == ""
    assert "endommagée" in err and str(damaged) in err and "Traceback" not in err
    assert digest(damaged) == before


def test_check_not_a_database(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--db", "/etc/passwd")
    assert code == 1 and out == ""
    assert err.strip() == (
        "Erreur : « /etc/passwd » n'est pas une base de données CommunityDesk (ce n'est pas un fichier SQLite)."
    )


def test_check_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "check", "--db", "/etc/passwd", "--lang", "en")
    assert code == 1
    assert err.strip() == "Error: “/etc/passwd” is not a CommunityDesk database (it is not an SQLite file)."


def test_check_a_locked_base(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The command waits its full busy timeout (5 s) for the other program, as a user's would.
    holder = sqlite3.connect(demo_db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, _out, err = run(capsys, "check", "--db", str(demo_db))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and "verrouillée" in err and "Traceback" not in err


# --- backup and restore -----------------------------------------------------------------------


def test_backup_to_a_file(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "clé usb" / "sauvegarde.sqlite3"
    code, out, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(out_file))
    assert code == 0, err
    assert out.strip() == f"Sauvegarde écrite : {out_file}"
    assert contact_emails(out_file) == contact_emails(demo_db)


def test_backup_rotates(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(3):
        assert run(capsys, "backup", "--db", str(demo_db), "--keep", "2")[0] == 0
    assert len(list_backups(demo_db)) == 2


def test_restore_keeps_the_replaced_base(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "sauvegarde.sqlite3"
    assert run(capsys, "backup", "--db", str(demo_db), "--out", str(saved))[0] == 0
    original = contact_emails(demo_db)
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("UPDATE contacts SET email = 'changé@exemple.fr' WHERE id = 1")
    conn.close()
    code, out, err = run(capsys, "restore", str(saved), "--db", str(demo_db))
    assert code == 0, err
    assert contact_emails(demo_db) == original
    [kept] = list_backups(demo_db)
    assert f"L'ancienne base est conservée dans « {kept} »." in out
    assert contact_emails(kept)[0] == "changé@exemple.fr"
    assert run(capsys, "check", "--db", str(demo_db))[0] == 0


@pytest.mark.parametrize("kind", ["damaged", "text"])
def test_restore_refuses_a_bad_backup(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "damaged":
        bad = damaged_copy(demo_db, tmp_path / "mauvaise.sqlite3")
    else:
        bad = tmp_path / "mauvaise.sqlite3"
        bad.write_text("Ceci n'est pas une sauvegarde.", encoding="utf-8")
    before = digest(demo_db)
    code, out, err = run(capsys, "restore", str(bad), "--db", str(demo_db))
    assert code == 1 and out == ""
    assert err.startswith("Erreur : ") and str(bad) in err and "Traceback" not in err
    assert digest(demo_db) == before
    assert list_backups(demo_db) == []


def test_restore_into_a_missing_folder(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ailleurs" / "base.sqlite3"
    code, out, _err = run(capsys, "restore", str(demo_db), "--db", str(target))
    assert code == 0 and "restaurée" in out
    assert contact_emails(target) == contact_emails(demo_db)


# --- usage errors -----------------------------------------------------------------------------


def test_usage_errors_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["stats"])
    assert raised.value.code == 2
    assert "Erreur : il manque : --db" in capsys.readouterr().err


def test_usage_errors_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["demo", "--db", "x.sqlite3", "--contacts", "beaucoup", "--lang", "en"])
    assert raised.value.code == 2
    assert "Error: --contacts: invalid value 'beaucoup'" in capsys.readouterr().err


def test_unwritable_output_is_a_message(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")
    code, _out, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(blocker / "copie.sqlite3"))
    assert code == 1 and "Traceback" not in err
    assert str(blocker) in err


# --- real processes ---------------------------------------------------------------------------


def run_process(
    *argv: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "communitydesk", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_real_process_demo_stats_check(tmp_path: Path) -> None:
    path = tmp_path / "processus" / "base.sqlite3"
    made = run_process("demo", "--db", str(path), "--contacts", "30")
    assert made.returncode == 0, made.stderr
    stats = run_process("stats", "--db", str(path), "--json")
    assert stats.returncode == 0
    assert json.loads(stats.stdout)["contacts"]["total"] == 30
    checked = run_process("check", "--db", str(path))
    assert checked.returncode == 0 and "en bon état" in checked.stdout


@pytest.mark.slow
def test_real_process_errors_have_no_traceback() -> None:
    french = run_process("check", "--db", "/etc/passwd")
    english = run_process("check", "--db", "/etc/passwd", "--lang", "en")
    assert french.returncode == english.returncode == 1
    assert french.stderr.startswith("Erreur : « /etc/passwd » n'est pas")
    assert english.stderr.startswith("Error: “/etc/passwd” is not")
    assert "Traceback" not in french.stderr + english.stderr


@pytest.mark.slow
def test_no_display_gives_a_clear_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["COMMUNITYDESK_DATA_DIR"] = str(tmp_path / "data")
    shown = run_process(env=env, timeout=60)
    assert shown.returncode == 2
    assert "Aucun écran n'est disponible" in shown.stderr
    assert "QT_QPA_PLATFORM=offscreen" in shown.stderr
    assert "xcb" not in shown.stderr and "Traceback" not in shown.stderr
    assert not (tmp_path / "data").exists(), "nothing is created when the window cannot open"


def test_installed_entry_point_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import entry_points

    from communitydesk import __version__

    [script] = [ep for ep in entry_points(group="gui_scripts") if ep.name == "communitydesk"]
    assert script.value == "communitydesk.cli:main"
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out.strip() == f"CommunityDesk {__version__}"


def test_help_speaks_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    french = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    english = capsys.readouterr().out
    assert french.startswith("utilisation : communitydesk") and "afficher cette aide et quitter" in french
    assert english.startswith("usage: communitydesk") and "show this help and exit" in english


@pytest.mark.slow
def test_closed_output_pipe_is_quiet(demo_db: Path) -> None:
    """``communitydesk stats --json | head -1``: no "Broken pipe" complaint on stderr."""
    reader = subprocess.Popen(
        [sys.executable, "-m", "communitydesk", "stats", "--db", str(demo_db), "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # the reader is gone before anything is printed
    err = reader.stderr.read().decode()
    reader.stderr.close()
    reader.wait(timeout=60)
    assert err == ""
