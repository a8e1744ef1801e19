"""The SQLAlchemy engine for one database file: WAL, foreign keys, a busy timeout, and who says BEGIN.

pysqlite's own transaction handling opens a deferred transaction just before the first
INSERT/UPDATE/DELETE: reads before it see no single state, and a transaction that read
first and writes later may meet another writer's lock at the first write. So, from the
``TRANSACTION_KIND`` execution option, the engine says BEGIN itself:

- ``WRITE``: ``BEGIN IMMEDIATE``, the write lock taken before the first read
  (``Database.transaction``);
- ``SNAPSHOT``: ``BEGIN`` with ``query_only`` on: one consistent read that may not write
  (``Database.snapshot``);
- no option (plain ``engine.connect()``, ``Database.sessions()``): pysqlite's own
  behaviour, as before; ``AUTOCOMMIT`` connections (VACUUM, checkpoints) get no BEGIN.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from communitydesk.db import schema_version

TRANSACTION_KIND = "communitydesk_transaction"
WRITE = "write"
SNAPSHOT = "snapshot"
_QUERY_ONLY = "communitydesk_query_only"  # set on a pooled connection while it holds a snapshot


def _pragmas(busy_timeout: float) -> Any:
    def set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        # WAL: readers (the dashboard, a backup) never block the writer; NORMAL is safe in WAL.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return set_pragmas


def _begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    kind = options.get(TRANSACTION_KIND)
    info = conn.connection.info
    if (kind == SNAPSHOT) != bool(info.get(_QUERY_ONLY)):
        conn.exec_driver_sql(f"PRAGMA query_only = {int(kind == SNAPSHOT)}")
        info[_QUERY_ONLY] = kind == SNAPSHOT
    if kind is None:
        raw.isolation_level = ""  # pysqlite's own deferred BEGIN, before the first write
        return
    raw.isolation_level = None
    # Through SQLAlchemy, so that "locked" arrives as its OperationalError, like any other.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if kind == WRITE else "BEGIN")


def _checkin(dbapi_connection: sqlite3.Connection | None, record: Any) -> None:
    # The next user of this pooled connection may be an AUTOCOMMIT VACUUM: no query_only left behind.
    if dbapi_connection is not None and record is not None and record.info.pop(_QUERY_ONLY, False):
        dbapi_connection.execute("PRAGMA query_only = 0")


def make_engine(
    path: Path, *, read_only: bool = False, busy_timeout: float = schema_version.DEFAULT_BUSY_TIMEOUT_S
) -> Engine:
    """The engine of ``path``; ``read_only`` for a base this process may not write (every
    write then fails with SQLite's "readonly", which callers turn into a French sentence).
    ``busy_timeout``: how long a connection waits for another program's lock (seconds)."""
    if read_only:
        uri = schema_version.readonly_uri(path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=busy_timeout, check_same_thread=False),
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_timeout})
    event.listen(engine, "connect", _pragmas(busy_timeout))
    event.listen(engine, "begin", _begin)
    event.listen(engine, "checkin", _checkin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services hand detached rows to the UI after the commit.
    return sessionmaker(engine, expire_on_commit=False)
