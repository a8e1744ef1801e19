"""One open database: its file, its engine and the factory that hands out sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from communitydesk.db.backup import DEFAULT_KEEP, create_owner_only, ensure_parent, sweep_stale_partials
from communitydesk.db.change_collector import collect_changes
from communitydesk.db.change_feed import ChangeFeed
from communitydesk.db.engine import SNAPSHOT, TRANSACTION_KIND, WRITE, make_engine, make_session_factory
from communitydesk.db.migrate import upgrade
from communitydesk.db.quick_reads import QuickReader
from communitydesk.db.schema_version import (
    DEFAULT_BUSY_TIMEOUT_S,
    SchemaState,
    can_write,
    describe_sqlite_error,
    is_environment_error,
    probe,
    refuse_newer,
)
from communitydesk.db.write_turns import WriteTurns, default_purpose, turns_for
from communitydesk.errors import ConflictError, DatabaseError
from communitydesk.i18n import _

# Every model before the first session: SQLAlchemy configures all mappers at the first query,
# and a worker thread still importing a model module then meets half-defined classes.
from communitydesk.models import registry as _registry  # noqa: F401
from communitydesk.paths import backup_dir_for


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    writable: bool = True  # False: opened read-only (permissions), every write fails with a sentence
    turns: WriteTurns = field(init=False, repr=False)
    changes: ChangeFeed = field(init=False, repr=False)  # told after each commit what it changed

    def __post_init__(self) -> None:
        self.turns = turns_for(self.path)
        self.changes = collect_changes(self.sessions)

    @contextmanager
    def transaction(self, purpose: str | None = None, *, rollback: bool = False) -> Iterator[Session]:
        """A write transaction: committed at the end (rolled back instead with ``rollback``,
        e.g. a dry run), or rolled back whole on error.

        It waits for its turn behind the other writes of this base in this process (no time
        limit; the context's ``write_turns`` listener is told « En attente de … »), then
        starts with ``BEGIN IMMEDIATE``: the write lock is held before the first read, so what
        it reads stays true until its commit. ``purpose`` is what others see while they wait
        (e.g. ``_("l'import en cours")``; default « un autre enregistrement »).

        A row saved by someone else since it was read raises ConflictError (version_id);
        a base held by another program, or that may not be written, raises DatabaseError:
        both are sentences for the user.
        """
        with (
            self.turns.turn(purpose or default_purpose()),
            self._user_errors(),
            self.sessions() as session,
            session.begin(),
        ):
            session.connection(execution_options={TRANSACTION_KIND: WRITE})  # BEGIN IMMEDIATE, now
            yield session
            if rollback:
                session.rollback()

    @contextmanager
    def write_turn(self, purpose: str | None = None) -> Iterator[None]:
        """This process's turn to write, for work outside a transaction (VACUUM, checkpoints)."""
        with self.turns.turn(purpose or default_purpose()):
            yield

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read: one consistent state of the base, never waiting for a writer, writing nothing.

        Reads do not queue behind an import (WAL: they see the last commit). A write inside
        is a bug and fails (``query_only``); the rows read stay loaded after the block.
        """
        with self._user_errors(reading=True), self.sessions() as session:
            session.connection(execution_options={TRANSACTION_KIND: SNAPSHOT})
            yield session

    @contextmanager
    def _user_errors(self, *, reading: bool = False) -> Iterator[None]:
        try:
            yield
        except StaleDataError as exc:
            raise conflict_error() from exc
        except OperationalError as exc:
            wrote_in_snapshot = reading and self.writable and "readonly" in str(exc)
            if wrote_in_snapshot or not is_environment_error(exc):
                # A bug (bad SQL, missing column, a write in a snapshot): keep its traceback.
                raise
            raise describe_sqlite_error(self.path, exc) from exc

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    path: Path, *, create: bool = True, keep_backups: int = DEFAULT_KEEP, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S
) -> Database:
    """Open ``path``, creating it (``create``) or upgrading it after a backup.

    Anything unusable (not SQLite, damaged, locked, newer schema) raises DatabaseError
    before a single byte of the file is written. ``busy_timeout``: how long to wait for
    another program holding the base before saying it is locked.
    """
    path = Path(path)
    found = probe(path, busy_timeout=busy_timeout)
    if found.state is SchemaState.MISSING and not create:
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    if found.state is SchemaState.NEWER:
        raise refuse_newer(path, found)
    try:
        if found.state is SchemaState.MISSING:
            ensure_parent(path)
            # Created meanwhile by another program, or refused: SQLite opens it, or says why.
            with suppress(OSError):
                create_owner_only(path).close()
        if found.state is not SchemaState.CURRENT:
            upgrade(path, keep_backups=keep_backups, busy_timeout=busy_timeout)
        # A base we may only read still opens (stats, exports); a write says it is not ours to change.
        writable = can_write(path)
        engine = make_engine(path, read_only=not writable, busy_timeout=busy_timeout)
        with engine.connect() as conn:  # surfaces "locked" now rather than on first save
            conn.exec_driver_sql("SELECT 1")
    except (sqlite3.Error, DBAPIError) as exc:
        raise describe_sqlite_error(path, exc) from exc
    for folder in (path.parent, backup_dir_for(path)):
        sweep_stale_partials(folder)
    return Database(path, engine, make_session_factory(engine), writable=writable)


def conflict_error() -> ConflictError:
    """The message for a save refused because the row changed since it was read."""
    return ConflictError(
        _(
            "Cette fiche a été modifiée ailleurs depuis que vous l'avez ouverte : vos changements "
            "n'ont pas été enregistrés. Rouvrez-la pour voir la version actuelle, puis recommencez."
        )
    )


def session_reader(session: Session) -> QuickReader:
    """The quick path's named reads on a session's own connection, inside its transaction.

    A service that shares its reads with ``export pdf`` (db.campaign_reads) runs them here on
    its snapshot: one query for the screen and the document, still one consistent read.
    """
    session.flush()  # what the session holds unwritten counts, as with its own queries
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return QuickReader(Path(raw.execute("PRAGMA database_list").fetchone()[2]), raw)
