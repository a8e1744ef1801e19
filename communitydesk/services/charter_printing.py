"""The charter to print: the organisation's saved template, else the one shipped with the app.

Read with plain read-only sqlite3 (fast, no SQLAlchemy); services.charters saves and
resets templates through the ORM.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from communitydesk.i18n import current_language
from communitydesk.paths import resources_dir
from communitydesk.records.charters import CharterData, CharterSource
from communitydesk.rules.charter_text import check_charter_kind
from communitydesk.services.document_identity import document_identity
from communitydesk.services.document_source import HasPath, parse_stored, reading
from communitydesk.services.permissions import Action, Actor, require


def default_charter_text(kind: str, language: str | None = None) -> str:
    """The template shipped in resources/charters (French, or English when asked)."""
    check_charter_kind(kind)
    language = language or current_language()
    folder = resources_dir() / "charters"
    path = folder / f"{kind}.{language}.md"
    if not path.exists():
        path = folder / f"{kind}.fr.md"
    return path.read_text(encoding="utf-8")


def _stored_charter(conn: sqlite3.Connection, kind: str, language: str) -> tuple[str, datetime] | None:
    try:
        row = conn.execute(
            "SELECT body, updated_at FROM charter_templates WHERE kind = ? AND language = ?", (kind, language)
        ).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None  # a database from before templates were stored: shipped ones apply
        raise
    return None if row is None else (row[0], parse_stored(row[1]))


def charter_source(source: Path | HasPath, actor: Actor, kind: str, language: str | None = None) -> CharterSource:
    """The charter template to print: the one saved in the app, else the shipped default."""
    require(actor, Action.READ)
    check_charter_kind(kind)
    language = language or current_language()
    with reading(source) as conn:
        stored = _stored_charter(conn, kind, language)
    if stored is not None:
        return CharterSource(kind, language, stored[0], stored[1], customised=True)
    return CharterSource(kind, language, default_charter_text(kind, language), None, customised=False)


def charter_data(
    source: Path | HasPath,
    actor: Actor,
    kind: str,
    language: str | None = None,
    member_name: str = "",
    signatory_name: str = "",
) -> CharterData:
    """A charter ready to print, optionally with the names of both signatories filled in."""
    template = charter_source(source, actor, kind, language)
    return CharterData(
        identity=document_identity(source, actor),
        template=template,
        member_name=member_name.strip(),
        signatory_name=signatory_name.strip(),
    )
