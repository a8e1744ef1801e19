"""Secrets of a profile: from the keyring when it has one, else asked each time (said once), never kept in clear."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QWidget

from communitydesk.ui.current_database import CurrentDatabase, DatabaseState
from communitydesk.ui.profiles.secrets import SecretAsker


@pytest.fixture
def asker(qtbot, db_path: Path):  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    database = CurrentDatabase(holder)
    database.open(db_path, widget=holder)
    qtbot.waitUntil(lambda: database.state is DatabaseState.READY, timeout=20000)
    SecretAsker.told_unavailable = False
    yield SecretAsker(database, holder)
    database.close()


def test_a_typed_secret_is_kept_in_the_keyring_then_read_from_it(qtbot, asker: SecretAsker, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    got: list[str] = []
    asker.obtain("smtp", "Mot de passe SMTP", got.append)
    qtbot.waitUntil(lambda: asker.dialog is not None and asker.dialog.isVisible(), timeout=20000)
    assert asker.dialog is not None
    assert not asker.dialog.notice.isVisible() and asker.dialog.keep.isChecked()
    asker.dialog.secret.setText("s3cret-smtp")
    asker.dialog.accept()
    assert got == ["s3cret-smtp"]
    qtbot.waitUntil(lambda: bool(memory_keyring.secrets), timeout=20000)
    [(service, username)] = memory_keyring.secrets
    assert service == "CommunityDesk" and username.endswith(f"/{asker.database.actor.name}/smtp")

    asker.dialog = None
    asker.obtain("smtp", "Mot de passe SMTP", got.append)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=20000)
    assert got[1] == "s3cret-smtp" and asker.dialog is None  # not asked again


def test_without_a_keyring_it_says_so_once_and_asks_each_time(qtbot, asker: SecretAsker, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(fail.Keyring())
    got: list[str] = []
    asker.obtain("smtp", "Mot de passe SMTP", got.append)
    qtbot.waitUntil(lambda: asker.dialog is not None and asker.dialog.isVisible(), timeout=20000)
    first = asker.dialog
    assert first is not None
    assert first.notice.isVisible() and "trousseau" in first.notice.text()
    assert not first.keep.isVisible()
    first.secret.setText("s3cret-smtp")
    first.accept()
    assert got == ["s3cret-smtp"]

    asker.obtain("smtp", "Mot de passe SMTP", got.append)
    qtbot.waitUntil(lambda: asker.dialog is not first and asker.dialog is not None, timeout=20000)
    second = asker.dialog
    assert second is not None and not second.notice.isVisible()  # said once
    second.secret.setText("s3cret-smtp")
    second.accept()
    assert got == ["s3cret-smtp", "s3cret-smtp"]
    assert b"s3cret-smtp" not in db_path.read_bytes()
