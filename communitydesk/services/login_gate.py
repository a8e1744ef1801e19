"""Whether a base asks who is there, read on the quick path (sqlite3 only, no SQLAlchemy).

``services.profiles.login_choices`` reads the same through the ORM; the window calls this
one at every start, before anything of the base is shown.
"""

from __future__ import annotations

from pathlib import Path

from communitydesk.db import profile_reads
from communitydesk.db.quick_reads import quick_reading
from communitydesk.services.permissions import Role


def login_choices(path: Path) -> list[tuple[str, Role, bool]]:
    """(name, role, has a PIN) of each profile with a password; [] when the base needs no login."""
    with quick_reading(path) as reader:
        return [(name, Role(role), pin) for name, role, pin in profile_reads.login_choices(reader)]
