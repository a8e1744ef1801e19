"""One state of the base for a screen's several reads (SQLite: one read transaction)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.orm import Session


def hold_snapshot(session: Session) -> None:
    """Make every later read of ``session`` see the base as its first read does, until it ends.

    pysqlite opens a transaction only before a write: each SELECT of a "read-only" session
    would otherwise see the latest commit, and a sheet read while a campaign moves backers
    could show the old circle beside the new move. A BEGIN here (none if one is open) keeps
    one WAL snapshot from the first read to the end of the session's transaction.
    """
    driver = session.connection().connection.driver_connection
    if isinstance(driver, sqlite3.Connection) and not driver.in_transaction:
        driver.execute("BEGIN")
