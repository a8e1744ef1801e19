"""Bring a database file to the schema this code expects, safely.

Alembic is imported only here and only when an upgrade is due: it costs seconds.
"""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.backup import rotating_backup
from communitydesk.db.schema_version import DEFAULT_BUSY_TIMEOUT_S, HEAD, SchemaState, probe, refuse_newer

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    config.attributes["busy_timeout"] = busy_timeout  # read by migrations/env.py
    return config


def upgrade(path: Path, keep_backups: int = 10, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S) -> Path | None:
    """Create or upgrade ``path`` to HEAD; returns the backup taken first, if any.

    A database from a newer CommunityDesk is refused and left untouched. Each migration
    runs in a transaction (SQLite has transactional DDL), so a kill mid-way leaves the
    previous revision in place, and the backup is there besides.
    """
    found = probe(path, busy_timeout=busy_timeout)
    if found.state is SchemaState.CURRENT:
        return None
    if found.state is SchemaState.NEWER:
        raise refuse_newer(path, found)
    backup = None
    if found.state is SchemaState.OUTDATED:
        backup = rotating_backup(path, keep=keep_backups, reason="avant-migration")
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(path, busy_timeout), HEAD)
    return backup
