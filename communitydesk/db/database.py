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
from communitydesk.db.engine import make_engine, make_session_factory
from communitydesk.db.migrate import upgrade
from communitydesk.db.schema_version import (
    SchemaState,
    can_write,
    describe_sqlite_error,
    is_environment_error,
    probe,
    refuse_newer,
)
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
    changes: ChangeFeed = field(init=False)  # told after each commit what it changed

    def __post_init__(self) -> None:
        self.changes = collect_changes(self.sessions)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back whole on error.

        A row saved by someone else since it was read raises ConflictError (version_id);
        a base held by another program, or that may not be written, raises DatabaseError:
        both are sentences for the user.
        """
        try:
            with self.sessions.begin() as session:
                yield session
        except StaleDataError as exc:
            raise conflict_error() from exc
        except OperationalError as exc:
            if not is_environment_error(exc):
                raise  # a bug (bad SQL, missing column): keep its traceback
            raise describe_sqlite_error(self.path, exc) from exc

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, create: bool = True, keep_backups: int = DEFAULT_KEEP) -> Database:
    """Open ``path``, creating it (``create``) or upgrading it after a backup.

    Anything unusable (not SQLite, damaged, locked, newer schema) raises DatabaseError
    before a single byte of the file is written.
    """
    path = Path(path)
    found = probe(path)
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
            upgrade(path, keep_backups=keep_backups)
        # A base we may only read still opens (stats, exports); a write says it is not ours to change.
        engine = make_engine(path, read_only=not can_write(path))
        with engine.connect() as conn:  # surfaces "locked" now rather than on first save
            conn.exec_driver_sql("SELECT 1")
    except (sqlite3.Error, DBAPIError) as exc:
        raise describe_sqlite_error(path, exc) from exc
    for folder in (path.parent, backup_dir_for(path)):
        sweep_stale_partials(folder)
    return Database(path=path, engine=engine, sessions=make_session_factory(engine))


def conflict_error() -> ConflictError:
    """The message for a save refused because the row changed since it was read."""
    return ConflictError(
        _(
            "Cette fiche a été modifiée ailleurs depuis que vous l'avez ouverte : vos changements "
            "n'ont pas été enregistrés. Rouvrez-la pour voir la version actuelle, puis recommencez."
        )
    )
