"""Logging in: passwords and PINs checked against their argon2id hashes, with a growing delay.

On the quick path (``db/login_reads``, no SQLAlchemy): a protected base still shows its
figures and prints small documents without loading the ORM. Each function takes the base
as a path or an open ``Database`` (anything with ``.path``); ``services.profiles``
re-exports them beside the management of profiles.

For screens (PR2): ``needs_login(db)``, ``login_choices(db)`` for the chooser, then
``login(db, name, password)`` → the ``Actor``; ``unlock(db, actor, secret)`` after the lock,
which reads the profile and its role's rights again (an Administrateur may have changed
them from another session meanwhile) and refuses a profile gone since (``ProfileGone``).
A ``LoginRefused`` carries the sentence to show (wrong password, or how long to wait).
Hashing takes a ``PasswordHasher``: tests pass cheap parameters, the app the library's
defaults (argon2id, 64 MiB). Neither a password nor a PIN is ever stored or logged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from communitydesk.db import audit_writes, login_reads
from communitydesk.errors import LoginRefused, ProfileGone
from communitydesk.i18n import _
from communitydesk.rules.login_delay import wait_left
from communitydesk.services.document_source import HasPath, database_path
from communitydesk.services.permissions import Action, Actor, Role

Clock = Callable[[], datetime]

DEFAULT_HASHER = PasswordHasher()  # argon2id, the library's current recommendation
LOGIN, LOGIN_FAILED, UNLOCK = "login", "login_failed", "unlock"  # audit.SessionEvent values
MIN_PASSWORD_LENGTH = 8


def utcnow() -> datetime:
    return datetime.now(UTC)


def needs_login(source: Path | HasPath) -> bool:
    """Whether any profile has a password (then every session starts with a login)."""
    return audit_writes.needs_login(database_path(source))


def login_choices(source: Path | HasPath) -> list[tuple[str, Role, bool]]:
    """(name, role, has a PIN) of each profile with a password, for the chooser before login."""
    return [(name, Role(role), pin) for name, role, pin in login_reads.login_choices(database_path(source))]


def login(
    source: Path | HasPath,
    name: str,
    password: str,
    *,
    clock: Clock = utcnow,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> Actor:
    """The profile's Actor if ``password`` is its own; else ``LoginRefused`` (audited either way).

    After three failures in a row the profile waits before its next try (5 s, doubling, at
    most 15 min); a try during the wait is refused unchecked and says how long is left. A
    profile without a password cannot log in once the base needs logins.
    """
    path = database_path(source)
    row = login_reads.login_row(path, name=name)
    if row is None or row.password_hash is None:
        _write(path, None, 0, None, None, None, clock(), name, LOGIN_FAILED, "profile:?", "failed")
        raise LoginRefused(_("Profil ou mot de passe incorrect."))
    _check(path, row, row.password_hash, password, clock, hasher)
    return _actor_of(path, row)


def verify_pin(
    source: Path | HasPath, actor: Actor, pin: str, *, clock: Clock = utcnow, hasher: PasswordHasher = DEFAULT_HASHER
) -> None:
    """Unlock one's own session with the PIN; ``LoginRefused`` if wrong or during the delay."""
    path = database_path(source)
    row = login_reads.login_row(path, profile_id=actor.profile_id) if actor.profile_id is not None else None
    if row is None or row.pin_hash is None:
        raise LoginRefused(_("Ce profil n'a pas de code PIN."))
    _check(path, row, row.pin_hash, pin, clock, hasher, rehash=False)


def unlock(
    source: Path | HasPath,
    actor: Actor,
    secret: str,
    *,
    clock: Clock = utcnow,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> Actor:
    """Unlock ``actor``'s locked session with its PIN or its password: the profile as it is now.

    Its name, role and the role's rights are read again, as at login. A profile deleted, or
    left without a password, since the lock is refused with ``ProfileGone`` (audited): the
    window then shows the chooser. Digits try the PIN first (a password may be all digits).
    """
    path = database_path(source)
    row = login_reads.login_row(path, profile_id=actor.profile_id) if actor.profile_id is not None else None
    if row is None or row.password_hash is None:
        _write(path, None, 0, None, None, None, clock(), actor.name, UNLOCK, f"profile:{actor.profile_id}",
               "refused", "profile gone")  # fmt: skip
        raise ProfileGone(
            _(
                "Le profil « {name} » a été supprimé ou n'a plus de mot de passe : "
                "choisissez un profil pour continuer.",
                name=actor.name,
            )
        )
    if row.pin_hash is not None and secret.isdigit() and len(secret) <= 8:
        try:
            _check(path, row, row.pin_hash, secret, clock, hasher, rehash=False)
        except LoginRefused:
            if len(secret) < MIN_PASSWORD_LENGTH:
                raise
            return login(path, row.name, secret, clock=clock, hasher=hasher)  # an 8-digit password
        _write(path, None, 0, None, None, None, clock(), row.name, UNLOCK, f"profile:{row.id}", "ok")
        return _actor_of(path, row)
    return login(path, row.name, secret, clock=clock, hasher=hasher)


def _actor_of(path: Path, row: login_reads.LoginRow) -> Actor:
    role = Role(row.role)
    return Actor(name=row.name, role=role, profile_id=row.id, rights=_rights_of(path, role))


def _check(
    path: Path,
    row: login_reads.LoginRow,
    stored: str,
    secret: str,
    clock: Clock,
    hasher: PasswordHasher,
    *,
    rehash: bool = True,
) -> None:
    now = clock()
    target = f"profile:{row.id}"
    wait = wait_left(row.failed_logins, row.last_failed_at, now)
    if wait.total_seconds() > 0:
        seconds = max(1, int(wait.total_seconds() + 0.999))
        _write(path, row.id, row.failed_logins, row.last_failed_at, None, None, now, row.name, LOGIN_FAILED, target,
               "refused", "delay")  # fmt: skip
        raise LoginRefused(
            _("Trop d'essais manqués pour « {name} » : réessayez dans {seconds} s.", name=row.name, seconds=seconds)
        )
    try:
        hasher.verify(stored, secret)
    except (VerificationError, InvalidHashError) as error:
        _write(path, row.id, row.failed_logins + 1, now, None, None, now, row.name, LOGIN_FAILED, target, "failed")
        raise LoginRefused(_("Profil ou mot de passe incorrect.")) from error
    new_hash = hasher.hash(secret) if rehash and hasher.check_needs_rehash(stored) else None
    _write(path, row.id, 0, None, now, new_hash, now, row.name, LOGIN, target, "ok")


def _write(
    path: Path,
    profile_id: int | None,
    failed: int,
    last_failed_at: datetime | None,
    last_login_at: datetime | None,
    new_hash: str | None,
    at: datetime,
    user: str,
    action: str,
    target: str,
    outcome: str,
    detail: str = "",
) -> None:
    login_reads.write_outcome(
        path,
        login_reads.LoginOutcome(
            profile_id, failed, last_failed_at, last_login_at, new_hash, at, user, action, target, outcome, detail
        ),
    )


def _rights_of(path: Path, role: Role) -> frozenset[Action]:
    if role is Role.ADMIN:
        return frozenset(Action)  # someone must always be able to manage profiles
    known = {action.value for action in Action}
    return frozenset(Action(value) for value in login_reads.role_rights(path, role.value) if value in known)
