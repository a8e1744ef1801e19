"""SQLite's own checks of a base file, read-only: ``check`` and the restore's check of a backup."""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.quick_reads import quick_reading


def integrity_findings(path: Path) -> tuple[list[str], list[str]]:
    """What ``PRAGMA integrity_check`` finds wrong (empty when sound), and the table of each broken
    foreign key (``PRAGMA foreign_key_check``). A base SQLite cannot read raises a DatabaseError."""
    with quick_reading(path) as reader:
        integrity = [row[0] for row in reader.connection.execute("PRAGMA integrity_check")]
        broken = [row[0] for row in reader.connection.execute("PRAGMA foreign_key_check")]
    return ([] if integrity == ["ok"] else integrity), broken
