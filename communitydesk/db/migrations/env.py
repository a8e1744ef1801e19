"""Alembic environment: SQLite in batch mode, the models' metadata as the target."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from communitydesk.db.engine import _set_pragmas
from communitydesk.models.registry import metadata

config = context.config


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = create_engine(url)
    with engine.connect() as connection:
        _set_pragmas(connection.connection.dbapi_connection, None)  # type: ignore[arg-type]
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
