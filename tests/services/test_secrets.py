"""A profile's secrets live in the keyring, under the base and the profile, never in the base."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from communitydesk.db.database import Database
from communitydesk.services import secrets
from communitydesk.services.permissions import Actor
from communitydesk.services.settings import base_identifier

CAMILLE = Actor(name="Camille", profile_id=1)
MALIK = Actor(name="Malik", profile_id=2)


def test_secrets_are_kept_per_base_and_profile(db: Database, db_path: Path, memory_keyring: Any) -> None:
    secrets.store_secret(db, CAMILLE, "smtp", "s3cret-smtp-value")
    assert secrets.read_secret(db, CAMILLE, "smtp") == "s3cret-smtp-value"
    assert secrets.read_secret(db, MALIK, "smtp") is None
    assert memory_keyring.secrets == {("CommunityDesk", f"{base_identifier(db)}/Camille/smtp"): "s3cret-smtp-value"}
    secrets.forget_secret(db, CAMILLE, "smtp")
    secrets.forget_secret(db, CAMILLE, "smtp")
    assert secrets.read_secret(db, CAMILLE, "smtp") is None
    secrets.store_secret(db, CAMILLE, "token", "s3cret-token-value")
    db.close()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert b"s3cret" not in raw


def test_without_a_keyring_the_app_says_so(db: Database) -> None:
    keyring.set_keyring(fail.Keyring())
    assert not secrets.available()
    with pytest.raises(secrets.SecretStoreUnavailable, match="trousseau"):
        secrets.store_secret(db, CAMILLE, "smtp", "s3cret")
    with pytest.raises(secrets.SecretStoreUnavailable):
        secrets.read_secret(db, CAMILLE, "smtp")
