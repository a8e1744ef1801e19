"""Consistent copies of a live database (SQLite online backup API) and their rotation."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from communitydesk.db import schema_version
from communitydesk.db.schema_version import check_file_is_sqlite, describe_sqlite_error, reading
from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
from communitydesk.paths import backup_dir_for
from communitydesk.system_errors import os_error_reason

DEFAULT_KEEP = 10
AUTO_PREFIX = "auto-"

Progress = Callable[[int, int], None]


def backup_to(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy ``source`` to ``target`` page by page while others may keep writing to it.

    The copy is written beside the target and renamed at the end, so an interrupted
    backup never leaves a half file under the final name.
    """
    check_file_is_sqlite(source)
    try:
        with reading(source) as src:
            return copy_connection(src, target, progress)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(source, exc) from exc


def copy_connection(src: sqlite3.Connection, target: Path, progress: Progress | None = None) -> Path:
    """Write what ``src`` sees to a new self-contained file ``target`` (via ``.partial``)."""
    ensure_parent(target)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        dest = sqlite3.connect(partial)
    except (OSError, sqlite3.Error) as exc:
        raise _write_refusal(target, exc) from exc
    try:
        try:

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(dest, pages=256, progress=report)
            # A backup must open anywhere without its -wal file.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        partial.replace(target)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError) or (isinstance(exc, sqlite3.Error) and _is_write_problem(exc)):
            raise _write_refusal(target, exc) from exc
        raise
    return target


def _write_refusal(target: Path, exc: OSError | sqlite3.Error) -> DatabaseError:
    if isinstance(exc, OSError):
        return DatabaseError(_("Impossible d'écrire « {path} » : {reason}.", path=target, reason=os_error_reason(exc)))
    return describe_sqlite_error(target, exc)


def _is_write_problem(exc: sqlite3.Error) -> bool:
    # The backup step reports the source's and the copy's troubles alike; these are the copy's.
    text = str(exc).lower()
    return any(word in text for word in ("unable to open", "readonly", "read-only", "full", "disk i/o"))


@contextmanager
def exclusive_access(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that holds ``path`` alone, or a "verrouillée" DatabaseError.

    In WAL mode every open connection (a running CommunityDesk) keeps a shared lock, so
    getting the exclusive lock proves that nobody else has the base open.
    """
    try:
        conn = sqlite3.connect(path, timeout=schema_version.BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    try:
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock stays until close
        except sqlite3.Error as exc:
            raise describe_sqlite_error(path, exc) from exc
        yield conn
    finally:
        conn.close()


def timestamped_name(database: Path, prefix: str = AUTO_PREFIX, when: datetime | None = None) -> str:
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    return f"{prefix}{database.stem}-{stamp}.sqlite3"


def rotating_backup(database: Path, keep: int = DEFAULT_KEEP, reason: str = "auto") -> Path:
    """An automatic backup into ``backups/`` beside the database, keeping the newest ``keep``."""
    folder = backup_dir_for(database)
    target = backup_to(database, folder / timestamped_name(database, prefix=f"{reason}-"))
    prune_backups(folder, database, keep)
    return target


def list_backups(database: Path) -> list[Path]:
    """Backups of ``database`` in its ``backups/`` folder, oldest first."""
    folder = backup_dir_for(database)
    if not folder.is_dir():
        return []
    found = folder.glob(f"*-{database.stem}-*.sqlite3")
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def prune_backups(folder: Path, database: Path, keep: int) -> None:
    for old in list_backups(database)[: -max(1, keep)]:
        old.unlink(missing_ok=True)


def latest_backup_age_hours(database: Path) -> float | None:
    backups = list_backups(database)
    if not backups:
        return None
    newest = backups[-1].stat().st_mtime
    return (datetime.now(UTC).timestamp() - newest) / 3600


def ensure_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            _(
                "Impossible de créer le dossier « {folder} » : {reason}.",
                folder=path.parent,
                reason=os_error_reason(exc),
            )
        ) from exc
