"""The organisation's identity printed on documents, read from Paramètres › Organisation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from communitydesk.records.identity import Identity
from communitydesk.services.document_source import HasPath, reading, setting
from communitydesk.services.permissions import Action, Actor, require


def identity_in(conn: sqlite3.Connection) -> Identity:
    """The identity stored in an open read-only connection (defaults for what is unset)."""
    saved = setting(conn, "organisation")
    if not isinstance(saved, dict):
        return Identity()
    known = {k: str(v) for k, v in saved.items() if k in Identity.__dataclass_fields__ and v is not None}
    return Identity(**known)


def document_identity(source: Path | HasPath, actor: Actor) -> Identity:
    """The organisation's identity for document headers and footers."""
    require(actor, Action.READ)
    with reading(source) as conn:
        return identity_in(conn)
