"""Audit entries and login checks on the quick path: plain sqlite3, no SQLAlchemy.

``export pdf`` and ``stats`` run without SQLAlchemy (docs/ARCHITECTURE.md, the quick
path); a personal-data PDF they print is still audited, through ``append_entry``, and the
CLI asks ``needs_login`` before it decides whether to ask for a password. services/audit
and services/profiles are the only callers.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from communitydesk.db.schema_version import DEFAULT_BUSY_TIMEOUT_S, describe_sqlite_error, reading
from communitydesk.db.write_turns import turns_for
from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
from communitydesk.models import stored_time


def append_entry(
    path: Path,
    at: datetime,
    user: str,
    action: str,
    target: str,
    outcome: str,
    detail: str,
    *,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S,
    dry_run: bool = False,
) -> None:
    """Append one row to ``audit_log`` in its own short write transaction (after this
    process's other writes of the file, like any write). A base the user may not write
    is a DatabaseError before anything is opened (no -wal or -shm left beside it).
    ``dry_run``: the row is written and rolled back, to know that it could be."""
    if not (os.access(path, os.W_OK) and os.access(Path(path).parent, os.W_OK)):
        raise DatabaseError(_("« {path} » n'est pas modifiable : le journal d'audit n'y est pas écrit.", path=path))
    with short_write(path, "audit", busy_timeout=busy_timeout, commit=not dry_run) as conn:
        insert_entry(conn, at, user, action, target, outcome, detail)


def insert_entry(
    conn: sqlite3.Connection, at: datetime, user: str, action: str, target: str, outcome: str, detail: str
) -> None:
    conn.execute(
        "INSERT INTO audit_log (at, user, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (stored_time.encode(at), user, action, target, outcome, detail),
    )


@contextmanager
def short_write(
    path: Path, purpose: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S, commit: bool = True
) -> Iterator[sqlite3.Connection]:
    """One short write transaction on the existing base at ``path`` (``mode=rw``: never
    creates one), after this process's other writes of the file; committed after the block
    (rolled back with ``commit=False``)."""
    with turns_for(path).turn(purpose):
        try:
            uri = f"{Path(path).resolve().as_uri()}?mode=rw"
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT" if commit else "ROLLBACK")
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise describe_sqlite_error(path, exc) from exc


def needs_login(path: Path) -> bool:
    """Whether a profile of the base at ``path`` has a password (read-only)."""
    try:
        with reading(path) as conn:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(profiles)")}
            if "password_hash" not in columns:
                return False  # a base older than profiles with passwords
            row = conn.execute("SELECT 1 FROM profiles WHERE password_hash IS NOT NULL LIMIT 1").fetchone()
            return row is not None
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
