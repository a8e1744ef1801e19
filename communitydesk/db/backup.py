"""Consistent copies of a live database (SQLite online backup API) and their rotation."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from communitydesk.db import schema_version
from communitydesk.db.schema_version import check_file_is_sqlite, describe_sqlite_error, reading
from communitydesk.errors import DatabaseError
from communitydesk.formatting import local_now, to_local
from communitydesk.i18n import _
from communitydesk.paths import backup_dir_for
from communitydesk.system_errors import os_error_reason

DEFAULT_KEEP = 10
AUTO_PREFIX = "auto-"

# Bases and backups hold personal data: readable by their owner only, like the exports.
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700

# A copy being written carries this suffix until it is complete and renamed.
PARTIAL_SUFFIX = ".communitydesk-partial"
# A kill -9 cannot clean up after itself, so the next backup or opening sweeps what it left:
# a copy that no SQLite connection holds is an orphan. The grace covers the instant between
# creating a copy's file and its writer's first lock.
PARTIAL_GRACE_S = 5.0

Progress = Callable[[int, int], None]


def backup_to(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Copy ``source`` to ``target`` in one step while others may keep writing to it.

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
    """Write what ``src`` sees to a new self-contained, owner-only file ``target`` (via a partial)."""
    ensure_parent(target)
    sweep_stale_partials(target.parent)
    partial = partial_path(target)
    try:
        remove_with_journals(partial)
        dest = create_owner_only(partial)
    except (OSError, sqlite3.Error) as exc:
        raise _write_refusal(target, exc) from exc
    try:
        try:

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            # One step, in one read transaction of the source: a copy in several steps starts
            # over each time another program commits, and never ends under steady writes.
            src.backup(dest, pages=-1, progress=report)
            # A backup must open anywhere without its -wal file.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        partial.replace(target)
    except BaseException as exc:
        remove_with_journals(partial)
        if isinstance(exc, OSError) or (isinstance(exc, sqlite3.Error) and _is_write_problem(exc)):
            raise _write_refusal(target, exc) from exc
        raise
    return target


def partial_path(target: Path) -> Path:
    """Where a copy of ``target`` is written until it is complete."""
    return target.with_name(target.name + PARTIAL_SUFFIX)


def remove_with_journals(path: Path) -> None:
    """Remove a base that nobody uses (a partial copy) and the journals SQLite kept beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def sweep_stale_partials(folder: Path) -> None:
    """Remove the partial copies a killed backup or demo left in ``folder`` (nobody holds them)."""
    now = time.time()
    try:
        leftovers = sorted(folder.glob(f"*{PARTIAL_SUFFIX}*"))
    except OSError:
        return
    for leftover in leftovers:
        try:
            if now - leftover.stat().st_mtime <= PARTIAL_GRACE_S:
                continue
            if leftover.name.endswith(PARTIAL_SUFFIX):
                if not _held_by_a_connection(leftover):
                    remove_with_journals(leftover)
            elif not leftover.with_name(leftover.name.rsplit("-", 1)[0]).exists():
                leftover.unlink()  # a journal whose copy is gone
        except OSError:
            pass  # gone meanwhile, or not ours to remove: the next sweep tries again


def _held_by_a_connection(path: Path) -> bool:
    """True while a SQLite connection (a backup or demo being written) has ``path`` open.

    Asked through SQLite, never by opening the file: the exclusive lock is refused while any
    connection holds it (a WAL reader included); a half-written copy SQLite cannot read is nobody's.
    """
    try:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return True  # cannot even look: leave it
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        return getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    finally:
        conn.close()
    return False


def create_owner_only(path: Path) -> sqlite3.Connection:
    """A new blank base at ``path``, readable by its owner only, and a connection to it.

    Raises FileExistsError when ``path`` exists: nobody's base is ever touched. SQLite gives
    a base's -journal, -wal and -shm files the mode of the base itself.
    """
    # The file is new (O_EXCL): no connection can hold it, so closing this descriptor is harmless.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE))
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA user_version = 0")  # writes page 1: a blank base, not an empty file
    except BaseException:
        conn.close()
        raise
    return conn


def _write_refusal(target: Path, exc: OSError | sqlite3.Error) -> DatabaseError:
    if isinstance(exc, OSError):
        return DatabaseError(_("Impossible d'écrire « {path} » : {reason}.", path=target, reason=os_error_reason(exc)))
    return describe_sqlite_error(target, exc)


def _is_write_problem(exc: sqlite3.Error) -> bool:
    # The backup step reports the source's and the copy's troubles alike; these are the copy's.
    text = str(exc).lower()
    return any(word in text for word in ("unable to open", "readonly", "read-only", "full", "disk i/o"))


@contextmanager
def exclusive_access(
    path: Path, busy_timeout: float = schema_version.DEFAULT_BUSY_TIMEOUT_S
) -> Iterator[sqlite3.Connection]:
    """A connection that holds ``path`` alone, or a DatabaseError saying that the base is open.

    In WAL mode every open connection (a running CommunityDesk) keeps a shared lock, so
    getting the exclusive lock proves that nobody else has the base open.
    """
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    try:
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock stays until close
        except sqlite3.Error as exc:
            # Extended codes (SQLITE_BUSY_RECOVERY...) keep the primary code in their low byte.
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise DatabaseError(
                    _(
                        "« {path} » est ouverte dans CommunityDesk ou dans un autre programme : "
                        "fermez-la puis réessayez. La base n'a pas été modifiée.",
                        path=path,
                    )
                ) from exc
            raise describe_sqlite_error(path, exc) from exc
        yield conn
    finally:
        conn.close()


def rewrite_held_base(target: sqlite3.Connection, path: Path, source: Path, kept_path: Path) -> Path | None:
    """Copy the base ``path``, held alone through ``target`` (exclusive_access), to ``kept_path``,
    then rewrite it with the sound base ``source``; returns the copy.

    None, with nothing done, when SQLite cannot read the held base: a damaged base's files
    must be kept another way.
    """
    try:
        target.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return None
    try:
        kept = copy_connection(target, kept_path)
        with reading(source) as copy:
            # The backup API rewrites the base in one transaction: a kill leaves it as it was.
            copy.backup(target, pages=-1)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    return kept


def timestamped_name(database: Path, prefix: str = AUTO_PREFIX, when: datetime | None = None) -> str:
    """Stamped with the app's one clock (Paris time, like exports and the timeline), so that a backup
    made at 00:30 in Paris is named after that day; rotation orders backups by mtime, not by name."""
    stamp = (local_now() if when is None else to_local(when)).strftime("%Y%m%d-%H%M%S-%f")
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


def prune_backups(folder: Path, database: Path, keep: int, prefix: str = "") -> None:
    """Remove all but the newest ``keep`` backups of ``database`` (only those named ``prefix…``)."""
    for old in [p for p in list_backups(database) if p.name.startswith(prefix)][: -max(1, keep)]:
        old.unlink(missing_ok=True)


def latest_backup_age_hours(database: Path) -> float | None:
    backups = list_backups(database)
    if not backups:
        return None
    newest = backups[-1].stat().st_mtime
    return (datetime.now(UTC).timestamp() - newest) / 3600


def ensure_parent(path: Path) -> None:
    """Create the missing folders above ``path``, readable by their owner only."""
    missing = [folder for folder in (path.parent, *path.parent.parents) if not folder.is_dir()]
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=OWNER_ONLY_FOLDER, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            _(
                "Impossible de créer le dossier « {folder} » : {reason}.",
                folder=path.parent,
                reason=os_error_reason(exc),
            )
        ) from exc
