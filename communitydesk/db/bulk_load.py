"""Loading many rows into a table at once: its secondary indexes built after, not row by row.

SQLite's own advice for bulk loads: inserting 100 000 contacts into a table with ten
indexes and two insert triggers costs ~5 s (each row walks eleven B-trees and runs two
trigger programs); the same rows into the bare table and ``CREATE INDEX`` afterwards
(one sort per index) cost ~2 s. :class:`SuspendedIndexes` drops a table's secondary
indexes and the named triggers INSIDE the caller's transaction and recreates them from
their own ``CREATE`` statements (read back from ``sqlite_master``, so nothing here
repeats the schema). SQLite's DDL is transactional: a rollback, a crash or a killed
process brings every index and trigger back with the rows as they were.

Other connections keep reading the last committed state, indexes included (WAL). The
caller must do itself what a suspended trigger would have done for the rows it inserts.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection


class SuspendedIndexes:
    """The secondary indexes of ``table`` and the ``triggers`` named, dropped until ``restore``.

    Indexes SQLite makes for UNIQUE and PRIMARY KEY constraints (no ``sql`` of their own)
    stay: they are part of the table and keep enforcing what they enforce.
    """

    def __init__(self, conn: Connection, table: str, triggers: Sequence[str] = ()) -> None:
        self.conn = conn
        self.table = table
        names = ", ".join("?" * len(triggers)) or "NULL"
        found = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
            f"AND (type = 'index' OR (type = 'trigger' AND name IN ({names}))) ORDER BY rowid",
            (table, *triggers),
        ).all()
        missing = set(triggers) - {name for kind, name, _sql in found if kind == "trigger"}
        if missing:  # a renamed trigger would silently keep firing: refuse rather than half-suspend
            raise LookupError(f"no trigger {sorted(missing)} on {table}")
        self.statements: list[tuple[str, str, str]] = [(kind, name, sql) for kind, name, sql in found]
        for kind, name, _sql in self.statements:
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        self.restored = False

    @property
    def index_names(self) -> list[str]:
        return [name for kind, name, _sql in self.statements if kind == "index"]

    def restore(self) -> None:
        """Build the indexes again (one sort each) and recreate the triggers, in the same transaction."""
        if self.restored:
            return
        for _kind, _name, sql in self.statements:
            self.conn.exec_driver_sql(sql)
        self.restored = True
