"""The shared fixtures do what every other test relies on."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text

from communitydesk.db.database import Database
from communitydesk.db.schema_version import HEAD, SchemaState, probe
from communitydesk.i18n import current_language
from communitydesk.paths import data_dir
from communitydesk.services.permissions import SYSTEM, Actor


def test_qt_is_offscreen() -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_data_folder_is_private(tmp_path: Path) -> None:
    assert data_dir() == tmp_path / "data"
    assert not str(data_dir()).startswith(str(Path.home() / ".local"))


@pytest.mark.parametrize("round_", [1, 2])
def test_keyring_is_in_memory_and_fresh_for_each_test(round_: int) -> None:
    assert type(keyring.get_keyring()).__name__ == "MemoryKeyring"
    assert keyring.get_password("CommunityDesk", "smtp") is None, "a secret leaked from another test"
    keyring.set_password("CommunityDesk", "smtp", f"secret {round_}")
    assert keyring.get_password("CommunityDesk", "smtp") == f"secret {round_}"
    keyring.delete_password("CommunityDesk", "smtp")
    with pytest.raises(keyring.errors.PasswordDeleteError):
        keyring.delete_password("CommunityDesk", "smtp")


@pytest.mark.parametrize("round_", [1, 2])
def test_each_test_gets_an_empty_migrated_database(db: Database, round_: int) -> None:
    assert probe(db.path).state is SchemaState.CURRENT and probe(db.path).revision == HEAD
    with db.transaction() as session:
        assert session.execute(text("SELECT COUNT(*) FROM tags")).scalar() == 0
        session.execute(text("INSERT INTO tags (name) VALUES ('laissée par le test')"))


def test_actor_and_language(actor: Actor) -> None:
    assert actor == SYSTEM
    assert current_language() == "fr"
