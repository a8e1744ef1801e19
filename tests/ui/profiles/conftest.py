"""A base whose profiles have passwords, and a driver for the profile chooser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt

from communitydesk.db.database import open_database
from communitydesk.services import profiles
from communitydesk.services.demo import FOUNDER, VOLUNTEER
from communitydesk.services.permissions import SYSTEM, Actor
from communitydesk.ui.current_database import DatabaseState
from communitydesk.ui.main_window import MainWindow
from communitydesk.ui.profiles.session import ProfileSession

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORDS = {FOUNDER: "fondatrice-2026", VOLUNTEER: "accueil-2026"}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ProfileSession, "hasher", FAST)
    yield


@pytest.fixture
def protected_db(populated_db: Path) -> Path:
    """The small demo community, its founder (Administrateur) and volunteer with passwords."""
    db = open_database(populated_db)
    try:
        for name, password in PASSWORDS.items():  # the founder first: the first one is an admin
            profiles.set_password(db, SYSTEM, name, password, hasher=FAST)
    finally:
        db.close()
    return populated_db


def login_headless(path: Path, name: str, password: str | None = None) -> Actor:
    db = open_database(path)
    try:
        return profiles.login(db, name, password or PASSWORDS[name], hasher=FAST)
    finally:
        db.close()


class Chooser:
    """Drives the real window through its profile chooser."""

    def __init__(self, qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.make_window = make_window

    def open(self, path: Path) -> MainWindow:
        window: MainWindow = self.make_window(path, wait=False)
        self.qtbot.waitUntil(lambda: window.database.state is DatabaseState.LOGIN, timeout=20000)
        return window

    def type_in(self, window: MainWindow, name: str, password: str | None = None) -> None:
        screen = window.session.login_screen
        screen.choose(name)
        self.qtbot.keyClicks(screen.password, PASSWORDS[name] if password is None else password)
        self.qtbot.keyClick(screen.password, Qt.Key.Key_Return)

    def log_in(self, window: MainWindow, name: str, password: str | None = None) -> MainWindow:
        self.type_in(window, name, password)
        self.qtbot.waitUntil(lambda: window.database.state is DatabaseState.READY, timeout=20000)
        return window

    def open_as(self, path: Path, name: str) -> MainWindow:
        return self.log_in(self.open(path), name)


@pytest.fixture
def chooser(qtbot, make_window) -> Chooser:  # type: ignore[no-untyped-def]
    return Chooser(qtbot, make_window)
