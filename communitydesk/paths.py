"""Where CommunityDesk keeps its files (platformdirs), and where its resources live."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "CommunityDesk"
APP_AUTHOR = "CommunityDesk"
DATABASE_FILENAME = "communitydesk.sqlite3"


def data_dir() -> Path:
    """The user's data folder; ``COMMUNITYDESK_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("COMMUNITYDESK_DATA_DIR")
    if override:
        return Path(override)
    # Imported here: platformdirs costs ~60 ms and most commands pass --db.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def backup_dir_for(database: Path) -> Path:
    """Automatic backups sit beside the database they protect, in ``backups/``."""
    return database.parent / "backups"


def resources_dir() -> Path:
    """``resources/`` in a checkout, ``communitydesk/_resources`` in an installed wheel."""
    here = Path(__file__).resolve().parent
    bundled = here / "_resources"
    if bundled.is_dir():
        return bundled
    return here.parent / "resources"
