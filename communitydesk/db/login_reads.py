"""Logins on the quick path: a profile's login state, its role's rights, the outcome of a try.

Plain sqlite3, so that a protected base still shows its figures (``stats``, the window)
and prints small documents without loading SQLAlchemy: services/logins is the only caller.
An outcome is one short write transaction (the profile's counters and its audit entry),
after this process's other writes of the file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from communitydesk.db.audit_writes import insert_entry, short_write
from communitydesk.db.schema_version import DEFAULT_BUSY_TIMEOUT_S, describe_sqlite_error, reading
from communitydesk.models import stored_time


@dataclass(frozen=True)
class LoginRow:
    id: int
    name: str
    role: str
    password_hash: str | None
    pin_hash: str | None
    failed_logins: int
    last_failed_at: datetime | None


@dataclass(frozen=True)
class LoginOutcome:
    """What a try changes: the profile's counters (None: an unknown name) and its audit entry."""

    profile_id: int | None
    failed_logins: int
    last_failed_at: datetime | None
    last_login_at: datetime | None
    new_password_hash: str | None  # a rehash with today's parameters, after a success
    at: datetime
    user: str
    action: str
    target: str
    outcome: str
    detail: str


_COLUMNS = "id, name, role, password_hash, pin_hash, failed_logins, last_failed_at"


def login_row(path: Path, *, name: str | None = None, profile_id: int | None = None) -> LoginRow | None:
    where, value = ("name = ?", name) if profile_id is None else ("id = ?", profile_id)
    try:
        with reading(path) as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM profiles WHERE {where}", (value,)).fetchone()
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    if row is None:
        return None
    profile_id, found_name, role, password_hash, pin_hash, failed, last_failed = row
    return LoginRow(
        profile_id,
        found_name,
        role,
        password_hash,
        pin_hash,
        failed,
        stored_time.decode(last_failed) if last_failed else None,
    )


def login_choices(path: Path) -> list[tuple[str, str, bool]]:
    """(name, role, has a PIN) of each profile with a password, by name."""
    try:
        with reading(path) as conn:
            rows = conn.execute(
                "SELECT name, role, pin_hash IS NOT NULL FROM profiles WHERE password_hash IS NOT NULL ORDER BY name"
            ).fetchall()
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    return [(name, role, bool(pin)) for name, role, pin in rows]


def role_rights(path: Path, role: str) -> list[str]:
    try:
        with reading(path) as conn:
            return [row[0] for row in conn.execute("SELECT action FROM role_rights WHERE role = ?", (role,))]
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc


def write_outcome(path: Path, outcome: LoginOutcome, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> None:
    """The profile's counters (its version and update time too, like any change of the row)
    and the audit entry, in one transaction."""
    encode = stored_time.encode
    with short_write(path, "connexion", busy_timeout=busy_timeout) as conn:
        if outcome.profile_id is not None:
            conn.execute(
                "UPDATE profiles SET failed_logins = ?, last_failed_at = ?, "
                "last_login_at = COALESCE(?, last_login_at), password_hash = COALESCE(?, password_hash), "
                "version_id = version_id + 1, updated_at = ? WHERE id = ?",
                (
                    outcome.failed_logins,
                    encode(outcome.last_failed_at) if outcome.last_failed_at else None,
                    encode(outcome.last_login_at) if outcome.last_login_at else None,
                    outcome.new_password_hash,
                    encode(outcome.at),
                    outcome.profile_id,
                ),
            )
        insert_entry(conn, outcome.at, outcome.user, outcome.action, outcome.target, outcome.outcome, outcome.detail)
