"""``export pdf`` and ``stats`` read on the quick path: the whole command never imports SQLAlchemy."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.services.demo import populate
from communitydesk.services.permissions import Actor

# ``communitydesk ARGS``, then every module loaded by the time the command ended.
RUN_AND_LIST_MODULES = (
    "import sys\n"
    "from communitydesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('MODULES', *sorted(sys.modules), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def modules_of(tmp_path: Path, *args: str) -> set[str]:
    env = dict(os.environ, COMMUNITYDESK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    match = re.search(r"^MODULES (.*)$", result.stderr, re.M)
    assert match, result.stderr[-2000:]
    return set(match.group(1).split())


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        ["export", "pdf", "contact-list", "--circle", "communaute", "--columns", "last_name,created,circle"],
        ["export", "pdf", "directory", "--tag", "bénévole"],
        ["export", "pdf", "community-report"],
        ["export", "pdf", "charter", "--template", "ambassador"],
        ["stats", "--json"],
    ],
    ids=["contact-list", "directory", "community-report", "charter", "stats"],
)
def test_no_sqlalchemy_on_the_quick_path(
    db: Database, db_path: Path, actor: Actor, tmp_path: Path, command: list[str]
) -> None:
    populate(db, actor, contacts=60, seed=4)
    db.close()
    out = ["--out", str(tmp_path / "doc.pdf")] if command[0] == "export" else []
    modules = modules_of(tmp_path, *command, "--db", str(db_path), *out)
    assert "communitydesk.db.quick_reads" in modules  # it did read the base...
    assert sorted(name for name in modules if name.split(".")[0] in ("sqlalchemy", "alembic")) == []
