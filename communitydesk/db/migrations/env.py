"""Alembic environment: SQLite in batch mode, the models' metadata as the target.

Two SQLite facts shape this file:
- pysqlite does not open a transaction before DDL, so a migration killed half-way would
  leave half a schema under the old revision number. We issue BEGIN ourselves: each
  migration and its alembic_version update commit together or not at all.
- With foreign keys ON, the DROP TABLE of a batch "copy and move" deletes the rows that
  point at the old table (ON DELETE CASCADE). Foreign keys are OFF while migrating, and
  checked before each migration commits.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine, event

from communitydesk.db.schema_version import DEFAULT_BUSY_TIMEOUT_S
from communitydesk.models.registry import metadata

config = context.config
_busy_timeout_ms = int(config.attributes.get("busy_timeout", DEFAULT_BUSY_TIMEOUT_S) * 1000)


def _connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we say BEGIN ourselves, see above
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = OFF")  # only effective outside a transaction
    cursor.execute(f"PRAGMA busy_timeout = {_busy_timeout_ms}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _check_foreign_keys(ctx: Any, step: Any, heads: Any, run_args: Any) -> None:
    broken = ctx.connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"migration {step} leaves broken foreign keys: {broken[:5]}")


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = create_engine(url)
    event.listen(engine, "connect", _connect)
    event.listen(engine, "begin", _begin)
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=metadata,
                render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
                transaction_per_migration=True,
                on_version_apply=_check_foreign_keys,
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


run_migrations_online()
