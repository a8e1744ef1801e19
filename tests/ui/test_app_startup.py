"""The whole program, started as a user would: fast path imports (window, figures, export pdf,
stats), refusal of newer bases, demo."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from communitydesk.db.schema_version import SchemaState, probe

# Each costs from a few hundred milliseconds to seconds: never before the dashboard's figures.
HEAVY = ("sqlalchemy", "alembic", "faker", "reportlab", "babel.messages")


# ``communitydesk ARGS``, then the list of every module loaded by the time the app quit.
RUN_AND_LIST_MODULES = (
    "import gc, sys\n"
    "from communitydesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('AUTOMATIC CYCLE COLLECTION', gc.isenabled(), file=sys.stderr)\n"
    "print('MODULES', *sorted(sys.modules), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def start(tmp_path: Path, *args: str, exit_after: str = "figures") -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        COMMUNITYDESK_EXIT_AFTER=exit_after,
        COMMUNITYDESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, *args], env=env, capture_output=True, text=True, timeout=120
    )


def imported_modules(stderr: str) -> set[str]:
    match = re.search(r"^MODULES (.*)$", stderr, re.M)
    assert match, stderr[-2000:]
    return set(match.group(1).split())


def test_the_figures_show_without_any_heavy_import(tmp_path: Path, populated_db: Path) -> None:
    result = start(tmp_path, "--db", str(populated_db))
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported_modules(result.stderr)
    assert "communitydesk.services.figures" in modules  # the figures were read...
    assert "communitydesk.ui.dashboard.page" in modules  # ...and shown
    heavy = sorted(name for name in modules if name.split(".")[0] in HEAVY or name.startswith(HEAVY))
    assert heavy == []


def test_the_window_alone_imports_no_database_code(tmp_path: Path, populated_db: Path) -> None:
    result = start(tmp_path, "--db", str(populated_db), exit_after="shown")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "AUTOMATIC CYCLE COLLECTION False" in result.stderr  # the window's policy: collected on the UI thread
    modules = imported_modules(result.stderr)
    assert "communitydesk.ui.main_window" in modules
    assert not [name for name in modules if name.startswith(("sqlalchemy", "alembic", "babel"))]


@pytest.mark.parametrize(
    "command",
    [
        ["export", "pdf", "contact-list", "--circle", "communaute", "--columns", "last_name,created,circle"],
        ["export", "pdf", "directory", "--tag", "bénévole"],
        ["export", "pdf", "community-report"],
        ["export", "pdf", "charter", "--template", "ambassador"],
        ["export", "pdf", "campaign-report", "--campaign", "1"],
        ["export", "pdf", "fulfilment-checklist", "--campaign", "2"],
        ["stats", "--json"],
    ],
    ids=[
        "contact-list",
        "directory",
        "community-report",
        "charter",
        "campaign-report",
        "fulfilment-checklist",
        "stats",
    ],
)
def test_export_pdf_and_stats_read_without_sqlalchemy(tmp_path: Path, populated_db: Path, command: list[str]) -> None:
    out = ["--out", str(tmp_path / "document.pdf")] if command[0] == "export" else []
    result = start(tmp_path, *command, "--db", str(populated_db), *out)
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported_modules(result.stderr)
    assert "communitydesk.db.quick_reads" in modules  # the base was read...
    assert not [name for name in modules if name.startswith(("sqlalchemy", "alembic"))]  # ...on the quick path


def test_a_newer_base_is_refused_and_left_untouched(tmp_path: Path, populated_db: Path) -> None:
    conn = sqlite3.connect(populated_db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = hashlib.sha256(populated_db.read_bytes()).hexdigest()
    result = start(tmp_path, "--db", str(populated_db))
    assert result.returncode == 1
    assert hashlib.sha256(populated_db.read_bytes()).hexdigest() == before
    assert not list(populated_db.parent.glob("*-wal"))


def test_without_db_the_users_own_base_is_created_in_the_data_folder(tmp_path: Path) -> None:
    result = start(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert probe(tmp_path / "data" / "communitydesk.sqlite3").state is SchemaState.CURRENT


@pytest.mark.slow
def test_demo_creates_a_fresh_demo_base_each_time(tmp_path: Path) -> None:
    for _run in range(2):
        result = start(tmp_path, "--demo")
        assert result.returncode == 0, result.stderr[-2000:]
        demo = tmp_path / "data" / "demo.sqlite3"
        conn = sqlite3.connect(demo)
        try:
            assert conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 1000
        finally:
            conn.close()
