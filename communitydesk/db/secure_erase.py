"""Making deleted personal data really gone from a base file (after an RGPD erasure).

SQLite leaves deleted rows' bytes in free space and free pages, the FTS5 index keeps the
terms of deleted rows, and the ``-wal`` file keeps old page images until a checkpoint.
:func:`forget_freed_data` runs after the erasure's commit and takes care of all three.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from communitydesk.db import search_index

log = logging.getLogger(__name__)


@contextmanager
def zeroing_deletes(conn: Connection) -> Iterator[None]:
    """Within this block the connection overwrites deleted content with zeros (``secure_delete``).

    Used around the erasure's writes too: even if the scrub after the commit cannot finish,
    the pages the erasure wrote hold no trace of the blanked values. Switched off after,
    since the pooled connection goes on to imports, where zeroing would only cost I/O.
    SQLite's default differs between builds (ON in Debian's, OFF in Python's for Windows).
    """
    before = conn.exec_driver_sql("PRAGMA secure_delete").scalar()  # ON where SQLite was built so (Debian)
    conn.exec_driver_sql("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA secure_delete = {int(before or 0)}")


def forget_freed_data(engine: Engine) -> bool:
    """Merge the search index, rebuild the file (VACUUM) and empty the ``-wal`` (checkpoint).

    - 'optimize' makes FTS5 drop the deleted rows' terms (see search_index).
    - VACUUM rewrites every page: free pages and the free space inside pages, where older
      versions of edited rows lie (an e-mail changed last year), are not copied. ~4 s at
      100 000 contacts; an erasure is rare, and runs off the UI thread.
    - ``wal_checkpoint(TRUNCATE)`` writes the pages into the base and empties the ``-wal``,
      which held the old page images; it waits (busy timeout) for readers to finish.

    Runs after the erasure's commit, so its failure never undoes the erasure: returns False
    when a step could not finish (another program kept the base busy, a full disk), True
    when the file and its ``-wal`` hold no trace left.
    """
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn, zeroing_deletes(conn):
            search_index.drop_deleted_terms(conn)
            conn.exec_driver_sql("VACUUM")
            busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar()
    except DBAPIError as exc:
        log.warning("erased data not fully scrubbed from %s: %s", engine.url.database, exc)
        return False
    return not busy
