"""What the profile chooser reads before anyone logs in, as a named sqlite3 read (quick path).

The window asks it right after the probe, at every start: SQLAlchemy is not imported for a
base whose profiles have no password (a founder alone on a laptop).
"""

from __future__ import annotations

from communitydesk.db.quick_reads import QuickReader


def login_choices(reader: QuickReader) -> list[tuple[str, str, bool]]:
    """(name, role slug, has a PIN) of each profile with a password, by name; [] = no login."""
    sql = (
        "SELECT name, role, pin_hash IS NOT NULL FROM profiles"
        " WHERE password_hash IS NOT NULL ORDER BY fold(name), name"
    )
    return [(name, role, bool(pin)) for name, role, pin in reader.connection.execute(sql)]
