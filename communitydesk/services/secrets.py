"""A profile's secrets (a future SMTP password, platform tokens), kept by the system's keyring.

Never in the base, never in a log: the keyring holds them under the service
``CommunityDesk`` and the user name ``<base id>/<profile>/<key>``. Where the system has
no usable keyring (a bare Linux session, a container), ``SecretStoreUnavailable`` says
so in French; the screen then asks for the secret each time it is needed (PR2: catch it
around ``store_secret`` / ``read_secret``).
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringError, PasswordDeleteError

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.services.permissions import Actor
from communitydesk.services.settings import base_identifier

SERVICE = "CommunityDesk"


class SecretStoreUnavailable(UserError):
    """No keyring to keep a secret in: it is asked for each time instead."""


def _unavailable() -> SecretStoreUnavailable:
    return SecretStoreUnavailable(
        _(
            "Ce système n'a pas de trousseau pour garder les mots de passe : "
            "CommunityDesk vous le demandera à chaque fois plutôt que de l'écrire en clair."
        )
    )


def _backend() -> KeyringBackend:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or (isinstance(backend, chainer.ChainerBackend) and not backend.backends):
        raise _unavailable()
    return backend


def _username(db: Database, actor: Actor, key: str) -> str:
    return f"{base_identifier(db)}/{actor.name}/{key}"


def available() -> bool:
    """Whether secrets can be kept at all (else the screen asks each time)."""
    try:
        _backend()
    except SecretStoreUnavailable:
        return False
    return True


def store_secret(db: Database, actor: Actor, key: str, secret: str) -> None:
    """Keep ``secret`` for this profile of this base."""
    try:
        _backend().set_password(SERVICE, _username(db, actor, key), secret)
    except KeyringError as error:
        raise _unavailable() from error


def read_secret(db: Database, actor: Actor, key: str) -> str | None:
    """This profile's secret, or None when none is kept."""
    try:
        return _backend().get_password(SERVICE, _username(db, actor, key))
    except KeyringError as error:
        raise _unavailable() from error


def forget_secret(db: Database, actor: Actor, key: str) -> None:
    try:
        _backend().delete_password(SERVICE, _username(db, actor, key))
    except PasswordDeleteError:
        pass  # nothing was kept
    except KeyringError as error:
        raise _unavailable() from error
