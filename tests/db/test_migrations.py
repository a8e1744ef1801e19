"""Migrations keep data: atomic under SIGKILL, no cascade on batch copies, links checked.

Each test adds a throwaway revision after HEAD in a copy of the migrations folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from communitydesk.db.migrate import MIGRATIONS_DIR, alembic_config
from communitydesk.db.schema_version import HEAD, REVISIONS
from communitydesk.services.maintenance import check_database
from communitydesk.services.permissions import Actor


def scripts_with(tmp_path: Path, body: str) -> Path:
    """The real migrations plus revision 9001 (after HEAD) whose upgrade() is ``body``."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9001_test.py").write_text(
        f'revision = "9001"\ndown_revision = "{HEAD}"\n\n'
        "import os, signal\nimport sqlalchemy as sa\nfrom alembic import op\n\n\n"
        "def upgrade() -> None:\n" + textwrap.indent(textwrap.dedent(body), "    ") + "\n\n"
        "def downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return folder


def config_for(path: Path, scripts: Path) -> Any:
    config = alembic_config(path)
    config.set_main_option("script_location", str(scripts))
    return config


def fill(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO contacts (id, kind, first_name, last_name, organisation, role, email, email_secondary, "
            "phone, phone_secondary, email_key, phone_key, address, postcode, city, country, circle, source, notes, "
            "is_ambassador, is_critic, created_at, updated_at, version_id) VALUES "
            "(?, 'person', 'Léa', ?, '', '', '', '', '', '', '', '', '', '', '', 'FR', 'proches', '', '', 0, 0, "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 1)",
            [(i, f"Durand {i}") for i in range(1, 51)],
        )
        conn.executemany(
            "INSERT INTO touch_points (contact_id, kind, occurred_at, summary, created_by, created_at) "
            "VALUES (?, 'call', '2026-02-01 00:00:00.000000', 'Appel', '', '2026-02-01 00:00:00.000000')",
            [(i,) for i in range(1, 51)],
        )
        conn.executemany(
            "INSERT INTO circle_moves (contact_id, moved_at, from_circle, to_circle, moved_by, reason) "
            "VALUES (?, '2026-01-01 00:00:00.000000', NULL, 'proches', '', '')",
            [(i,) for i in range(1, 51)],
        )
    counts = {
        t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("contacts", "touch_points", "circle_moves")
    }
    conn.close()
    return counts


def state(path: Path) -> tuple[str, set[str], dict[str, int]]:
    conn = sqlite3.connect(path)
    try:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("contacts", "touch_points", "circle_moves")
        }
        return revision, tables, counts
    finally:
        conn.close()


def test_batch_copy_of_contacts_keeps_the_rows_that_point_at_it(db_path: Path, tmp_path: Path) -> None:
    from alembic import command

    before = fill(db_path)
    scripts = scripts_with(tmp_path, 'with op.batch_alter_table("contacts", recreate="always"):\n    pass\n')
    command.upgrade(config_for(db_path, scripts), "9001")
    revision, _tables, counts = state(db_path)
    assert revision == "9001"
    assert counts == before


def test_migration_leaving_broken_links_is_rolled_back(db_path: Path, tmp_path: Path) -> None:
    from alembic import command

    before = fill(db_path)
    scripts = scripts_with(
        tmp_path,
        'op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))\n'
        'op.execute("DELETE FROM contacts WHERE id = 1")  # foreign keys are off: children left dangling\n',
    )
    with pytest.raises(RuntimeError, match="broken foreign keys"):
        command.upgrade(config_for(db_path, scripts), "9001")
    revision, tables, counts = state(db_path)
    assert (revision, counts) == (HEAD, before)
    assert "scratch" not in tables


@pytest.mark.slow
@pytest.mark.parametrize("where", ["after_ddl", "inside_batch_copy"])
def test_killed_migration_leaves_the_previous_revision_whole(
    db_path: Path, tmp_path: Path, actor: Actor, where: str
) -> None:
    before = fill(db_path)
    kill = "os.kill(os.getpid(), signal.SIGKILL)\n"
    body = {
        "after_ddl": 'op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))\n'
        'op.add_column("contacts", sa.Column("nickname", sa.String(50)))\n' + kill,
        "inside_batch_copy": 'with op.batch_alter_table("contacts", recreate="always") as batch:\n'
        '    batch.add_column(sa.Column("nickname", sa.String(50)))\n'
        'op.execute("DELETE FROM touch_points")\n' + kill,
    }[where]
    scripts = scripts_with(tmp_path, body)
    code = (
        "import sys\nfrom pathlib import Path\nfrom alembic import command\n"
        "from communitydesk.db.migrate import alembic_config\n"
        "config = alembic_config(Path(sys.argv[1]))\n"
        "config.set_main_option('script_location', sys.argv[2])\n"
        "command.upgrade(config, '9001')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(db_path), str(scripts)], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()
    revision, tables, counts = state(db_path)
    assert revision == HEAD
    assert "scratch" not in tables and not any(t.startswith("_alembic_tmp") for t in tables)
    assert counts == before
    conn = sqlite3.connect(db_path)
    assert "nickname" not in {row[1] for row in conn.execute("PRAGMA table_info(contacts)")}
    conn.close()
    assert check_database(db_path, actor).healthy


def test_every_migration_goes_down_and_up_again(db_path: Path) -> None:
    from alembic import command

    config = alembic_config(db_path)
    command.downgrade(config, "base")
    conn = sqlite3.connect(db_path)
    left = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    conn.close()
    assert left <= {"alembic_version"}
    command.upgrade(config, HEAD)
    assert state(db_path)[0] == REVISIONS[-1]


def fill_generic(path: Path, table: str, count: int) -> None:
    """Rows in ``table`` at whatever revision the file is: every NOT NULL column gets a value."""
    insert_rows(path, table, [{}] * count)


def insert_rows(path: Path, table: str, rows: Sequence[Mapping[str, object]]) -> None:
    """``rows`` (the same columns in each) in ``table`` at whatever revision the file is; every
    other NOT NULL column without a default gets a value of its type."""
    conn = sqlite3.connect(path)
    given = list(rows[0]) if rows else []
    columns = [
        (name, declared.upper())
        for _cid, name, declared, notnull, default, pk in conn.execute(f"PRAGMA table_info({table})")
        if notnull and default is None and not pk and name not in given
    ]

    def value(name: str, declared: str, index: int) -> object:
        if "INT" in declared or "BOOL" in declared:
            return 0 if name != "version_id" else 1
        if "DATE" in declared or "TIME" in declared:
            return "2026-01-01 00:00:00.000000"
        if name == "circle":
            return "communaute"
        return f"{name} {index}"

    names = ", ".join([*given, *(name for name, _declared in columns)])
    marks = ", ".join("?" for _ in range(len(given) + len(columns)))
    with conn:
        conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",
            [[*(row[name] for name in given), *(value(n, d, i) for n, d in columns)] for i, row in enumerate(rows)],
        )
    conn.close()


@pytest.mark.slow
@pytest.mark.skipif(len(REVISIONS) < 2, reason="needs an older revision to upgrade from")
@pytest.mark.parametrize("delay", [0.0, 0.3])
def test_killed_real_upgrade_is_old_or_new_never_half(tmp_path: Path, actor: Actor, delay: float) -> None:
    """The real migrations from the first revision, killed while Alembic writes: then reopened and finished."""
    import signal
    import time

    from alembic import command

    from communitydesk.db.backup import list_backups
    from communitydesk.db.database import open_database

    old = REVISIONS[0]
    path = tmp_path / "ancienne.sqlite3"
    command.upgrade(alembic_config(path), old)
    fill_generic(path, "contacts", 20000)
    code = (
        "import sys\nfrom pathlib import Path\nfrom communitydesk.db.database import open_database\n"
        "open_database(Path(sys.argv[1])).close()\n"
    )
    upgrading = subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        wal = path.with_name(path.name + "-wal")
        # The backup comes first, then Alembic is imported, then the migrations write to the WAL.
        while upgrading.poll() is None and time.monotonic() < deadline:
            if list_backups(path) and wal.exists() and wal.stat().st_size > 0:
                break
            time.sleep(0.005)
        time.sleep(delay)
        if upgrading.poll() is None:
            upgrading.send_signal(signal.SIGKILL)
        upgrading.wait(timeout=120)
    finally:
        if upgrading.poll() is None:
            upgrading.kill()
            upgrading.wait()
    revision, tables, counts = state(path)
    assert revision in REVISIONS  # each revision commits whole, with its alembic_version
    assert counts["contacts"] == 20000
    assert not any(t.startswith("_alembic_tmp") for t in tables)
    problems = check_database(path, actor).problems
    if revision == HEAD:
        assert problems == []
    else:
        assert len(problems) == 1 and "Le schéma est en version" in problems[0], problems
    open_database(path).close()  # finishes the upgrade
    assert state(path)[0] == HEAD and state(path)[2]["contacts"] == 20000
    assert check_database(path, actor).healthy
