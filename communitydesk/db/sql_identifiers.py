"""SQL identifiers that are data (names read from ``sqlite_master``), quoted in one place."""

from __future__ import annotations


def quoted_identifier(name: str) -> str:
    """``name`` as a quoted SQL identifier: a double quote inside is doubled."""
    return '"' + name.replace('"', '""') + '"'
