"""The SQLAlchemy engine for one database file: WAL, foreign keys, a busy timeout."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from communitydesk.db import schema_version


def _busy_timeout_ms() -> int:
    # Read at each connection so that tests can shorten it (schema_version.BUSY_TIMEOUT_S).
    return int(schema_version.BUSY_TIMEOUT_S * 1000)


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {_busy_timeout_ms()}")
    # WAL: readers (the dashboard, a backup) never block the writer; NORMAL is safe in WAL.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """The engine of ``path``; ``read_only`` for a base this process may not write (every
    write then fails with SQLite's "readonly", which callers turn into a French sentence)."""
    if read_only:
        uri = schema_version.readonly_uri(path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=_busy_timeout_ms() / 1000, check_same_thread=False),
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": _busy_timeout_ms() / 1000})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services hand detached rows to the UI after the commit.
    return sessionmaker(engine, expire_on_commit=False)
