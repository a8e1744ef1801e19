"""Cheap look at a database file before anything heavy is imported.

Opening the app must not pay for SQLAlchemy (~0.5-1.5 s) or Alembic just to learn that
the schema is current, so this module uses only ``sqlite3`` and reads the file read-only:
a file that turns out to be unusable is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
from communitydesk.system_errors import os_error_reason

# Every Alembic revision this code knows, oldest first (a test checks it matches the scripts).
REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
)
HEAD = REVISIONS[-1]

SQLITE_HEADER = b"SQLite format 3\x00"

# How long to wait, by default, for another program's lock before saying the base is locked
# (a parameter of the functions that connect; writers of this process queue instead: write_turns).
DEFAULT_BUSY_TIMEOUT_S = 5.0


class DamagedFileError(DatabaseError):
    """The file is a base SQLite cannot read (empty, cut, damaged): only a restore may replace it."""


class SchemaState(Enum):
    MISSING = "missing"  # no file yet: will be created
    BLANK = "blank"  # SQLite file with no table at all (e.g. created empty)
    CURRENT = "current"
    OUTDATED = "outdated"  # known older revision: upgrade after a backup
    NEWER = "newer"  # written by a newer CommunityDesk: refused, untouched


@dataclass(frozen=True)
class SchemaProbe:
    state: SchemaState
    revision: str | None


def connect_readonly(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A read-only connection that never creates, converts or rewrites the file."""
    conn = sqlite3.connect(readonly_uri(path), uri=True, timeout=busy_timeout)
    conn.execute("PRAGMA query_only = ON")
    return conn


@contextmanager
def reading(path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> Iterator[sqlite3.Connection]:
    """A read-only connection, closed after use, that leaves no stray -wal/-shm file behind."""
    wal = path.with_name(path.name + "-wal")
    had_wal = wal.exists()
    conn = connect_readonly(path, busy_timeout)
    try:
        yield conn
    finally:
        conn.close()
        if not had_wal and wal.exists():
            _remove_wal_files_we_created(path)


def _remove_wal_files_we_created(path: Path) -> None:
    # SQLite creates -wal/-shm even for a read-only reader of a WAL database, and only a
    # read-write connection closing last may remove them (it checks, under SQLite's own
    # locks, that nobody else uses them). The WAL is empty: the database file is not written.
    try:
        conn = sqlite3.connect(path, timeout=0)
        try:
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # damaged or busy: the empty files are harmless, leave them


def check_file_is_sqlite(path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> None:
    """Raise a clear DatabaseError for folders, unreadable, empty, truncated or foreign files.

    A file that may be a live base is read through SQLite only: on Linux and macOS, closing
    any other descriptor of a file releases every lock the process holds on it, SQLite's
    included, and this check runs while the app holds the base (automatic backup, restore).
    """
    with _checked_reading(path, busy_timeout):
        pass


@contextmanager
def _checked_reading(path: Path, busy_timeout: float) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``path`` once its page 1 and size are found sound (see above)."""
    if path.is_dir():
        raise DatabaseError(_("« {path} » est un dossier, pas un fichier de base de données.", path=path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DatabaseError(
            _("Impossible de lire « {path} » : {reason}.", path=path, reason=os_error_reason(exc))
        ) from exc
    if size == 0:
        raise DamagedFileError(_("« {path} » est un fichier vide, pas une base CommunityDesk.", path=path))
    if size < SMALLEST_PAGE:
        # Shorter than one page, it is no usable base (SQLite would take it for an empty
        # one), so nobody holds it as a base: its first bytes tell what it is.
        raise _unusable_file(path, None)
    with ExitStack() as stack:
        try:
            conn = stack.enter_context(reading(path, busy_timeout=busy_timeout))
            conn.execute("PRAGMA schema_version").fetchone()  # a read: SQLite checks page 1 and the size
            (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        except sqlite3.Error as exc:
            raise _unusable_file(path, exc) from exc
        if size % page_size:  # SQLite writes whole pages: a file cut inside one is an interrupted copy
            raise DamagedFileError(_("« {path} » est tronqué : le fichier est incomplet.", path=path))
        yield conn


SMALLEST_PAGE = 512


def _unusable_file(path: Path, exc: sqlite3.Error | None) -> DatabaseError:
    """Why ``path`` is no base (``exc``: what SQLite said): another kind of file, a cut copy, damage."""
    text = str(exc).lower()
    if exc is not None and "not a database" not in text and "malformed" not in text:
        return describe_sqlite_error(path, exc)
    # SQLite refused the file (or it is shorter than a page), so no connection of this
    # process holds a lock on it as a base: reading its first bytes directly is harmless.
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        return DatabaseError(_("Impossible de lire « {path} » : {reason}.", path=path, reason=os_error_reason(error)))
    if not header.startswith(SQLITE_HEADER):
        return DatabaseError(
            _("« {path} » n'est pas une base de données CommunityDesk (ce n'est pas un fichier SQLite).", path=path)
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # A file shorter than a page or than the pages its header announces was cut (copy interrupted...).
    if exc is None or (page_count and path.stat().st_size < page_count * page_size and not _has_wal(path)):
        return DamagedFileError(_("« {path} » est tronqué : le fichier est incomplet.", path=path))
    return DamagedFileError(str(describe_sqlite_error(path, exc)))


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def probe(path: Path, known: Sequence[str] = REVISIONS, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> SchemaProbe:
    """Tell what opening ``path`` would take, reading nothing but the schema version.

    ``known``: the revisions this code can upgrade from, oldest first (the last is current)."""
    if not path.exists():
        return SchemaProbe(SchemaState.MISSING, None)
    try:
        with _checked_reading(path, busy_timeout) as conn:  # one connection for the check and the version
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return SchemaProbe(SchemaState.BLANK, None)
            if "alembic_version" not in tables:
                raise DatabaseError(
                    _("« {path} » est une base SQLite qui n'a pas été créée par CommunityDesk.", path=path)
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    revision = row[0] if row else None
    if revision == known[-1]:
        return SchemaProbe(SchemaState.CURRENT, revision)
    if revision in known or revision is None:
        return SchemaProbe(SchemaState.OUTDATED, revision)
    return SchemaProbe(SchemaState.NEWER, revision)


def refuse_newer(path: Path, found: SchemaProbe) -> DatabaseError:
    return DatabaseError(
        _(
            "« {path} » a été enregistrée par une version plus récente de CommunityDesk "
            "(schéma {found}, cette version connaît {known}). Mettez CommunityDesk à jour ; "
            "la base n'a pas été modifiée.",
            path=path,
            found=found.revision,
            known=HEAD,
        )
    )


def describe_sqlite_error(path: Path, exc: sqlite3.Error | Exception) -> DatabaseError:
    """Turn SQLite's English error into a French sentence the user can act on."""
    kind = _problem_kind(exc)
    if kind == "locked":
        return DatabaseError(
            _(
                "« {path} » est verrouillée par un autre programme (CommunityDesk déjà ouvert ?). "
                "Fermez-le puis réessayez.",
                path=path,
            )
        )
    if kind == "damaged":
        return DatabaseError(_("« {path} » est endommagée ou n'est pas une base SQLite valide.", path=path))
    if kind == "unwritable":
        return DatabaseError(
            unwritable_problem(path) or _("Impossible d'ouvrir « {path} » : vérifiez les droits du fichier.", path=path)
        )
    if kind == "full":
        return DatabaseError(
            _(
                "Le disque est plein : « {path} » n'a pas pu être enregistrée. Libérez de la place puis réessayez.",
                path=path,
            )
        )
    if kind == "disk":
        # SQLite reports a -wal/-shm it may not create or change as an I/O error: say the real cause.
        return DatabaseError(
            unwritable_problem(path)
            or _("Le disque n'a pas pu lire ou écrire « {path} » (support retiré ou défectueux ?).", path=path)
        )
    return DatabaseError(_("Erreur de base de données sur « {path} » : {reason}", path=path, reason=exc))


def is_environment_error(exc: Exception) -> bool:
    """True for what the user can act on (locked, read-only, full, damaged...), False for a bug."""
    return _problem_kind(exc) is not None


def _problem_kind(exc: Exception) -> str | None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "malformed" in text or "not a database" in text or "disk image" in text:
        return "damaged"
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return "unwritable"
    if "disk is full" in text:
        return "full"
    if "disk i/o" in text:
        return "disk"
    return None


def can_write(path: Path) -> bool:
    """True when this process may write the base and create its -wal/-shm files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def unwritable_problem(path: Path) -> str | None:
    """Why this process may not write the base at ``path`` (file, folder, disk), or None."""
    folder = path.parent
    if not folder.is_dir() or (path.exists() and not os.access(path, os.R_OK)):
        return None  # not a question of writing: opening says what is wrong
    if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
        return _("« {path} » est sur un disque en lecture seule : rien ne peut y être enregistré.", path=path)
    if path.exists() and not os.access(path, os.W_OK):
        return _(
            "« {path} » n'est pas modifiable : vous n'avez pas le droit d'écrire dans ce fichier (permissions). "
            "Demandez ce droit, ou travaillez sur une copie.",
            path=path,
        )
    if not os.access(folder, os.W_OK):
        return _(
            "Vous n'avez pas le droit d'écrire dans le dossier « {folder} » (permissions) : CommunityDesk doit "
            "pouvoir y créer ses fichiers de travail à côté de « {name} ». Demandez ce droit, ou travaillez "
            "sur une copie.",
            folder=folder,
            name=path.name,
        )
    return None


def readonly_uri(path: Path) -> str:
    """The URI of a read-only connection to ``path``.

    SQLite needs to create ``-wal``/``-shm`` files even to read a WAL base, which a base or
    folder we may not write forbids (or leaves them behind). When we may not write and no
    ``-wal`` exists (no CommunityDesk has the base open), the file is read as it is, as
    immutable: the one writer who could still change it meanwhile would need rights we lack.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if path.exists() and not can_write(path) and not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri
