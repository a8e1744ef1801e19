"""Shared fixtures: offscreen Qt, a private data folder and keyring, a fresh database per test.

Kept small and stable on purpose: every test module of every area relies on it.
"""

from __future__ import annotations

import os

# Before anything can import Qt: tests never open a real window, even with a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from communitydesk.db.database import Database, open_database
from communitydesk.i18n import DEFAULT_LANGUAGE, set_language
from communitydesk.services.permissions import SYSTEM, Actor


class MemoryKeyring(KeyringBackend):
    """Secrets kept in a dict: tests never touch the developer's real keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


# Set at import too, so that keyring never probes the system backends (D-Bus, Secret Service).
keyring.set_keyring(MemoryKeyring())


@pytest.fixture(scope="session", autouse=True)
def _private_config_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    # QSettings computes its folder once per process: point it away from ~/.config before any test.
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))


@pytest.fixture(autouse=True)
def _isolated_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Each test gets its own data folder and an empty keyring, and starts in French."""
    monkeypatch.setenv("COMMUNITYDESK_DATA_DIR", str(tmp_path / "data"))
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    set_language(DEFAULT_LANGUAGE)
    yield backend
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture
def memory_keyring(_isolated_test: MemoryKeyring) -> MemoryKeyring:
    """The in-memory keyring of this test, to look at what was stored."""
    return _isolated_test


@pytest.fixture(scope="session")
def _template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Alembic costs seconds: migrate one template per session, copy it for each test.
    from communitydesk.db.migrate import upgrade

    template = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(template)
    assert not template.with_name(template.name + "-wal").exists(), "template must be self-contained"
    return template


@pytest.fixture
def db_path(tmp_path: Path, _template_database: Path) -> Path:
    """A fresh database file at the current schema, empty of data."""
    path = tmp_path / "communitydesk.sqlite3"
    shutil.copyfile(_template_database, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """The fresh database, open; closed after the test."""
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def actor() -> Actor:
    """The acting profile: the system (an administrator with every right)."""
    return SYSTEM


# A running CommunityDesk as SQLite sees it: a WAL base and an idle connection, in its own process.
_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
print("ouverte", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def hold_elsewhere() -> Iterator[Callable[[Path], None]]:
    """``hold_elsewhere(path)``: another process keeps the base open until the test ends."""
    holders: list[subprocess.Popen[bytes]] = []

    def hold(path: Path) -> None:
        holder = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        holders.append(holder)
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"ouverte"

    yield hold
    for holder in holders:
        with holder:
            holder.communicate(timeout=30)  # closes its input: it closes the base and ends


@pytest.fixture
def search_refresh_held_up(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Until the returned function is called, the search refresh after an import on ``db_path``
    meets another program holding the write lock past a short busy timeout (0.1 s)."""
    from communitydesk.services import contact_import

    real_refresh = contact_import.refresh_search_index

    def refresh_while_another_program_writes(db: Database, actor: Actor, progress: Any = None) -> int:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        impatient = open_database(db.path, busy_timeout=0.1)
        try:
            return real_refresh(impatient, actor, progress)
        finally:
            impatient.close()
            other.execute("ROLLBACK")
            other.close()

    monkeypatch.setattr(contact_import, "refresh_search_index", refresh_while_another_program_writes)
    yield lambda: monkeypatch.setattr(contact_import, "refresh_search_index", real_refresh)
