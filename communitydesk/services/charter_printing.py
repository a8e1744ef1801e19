"""The charter to print: the organisation's saved template, else the one shipped with the app.

Read on the quick path (db.document_reads: no SQLAlchemy); services.charters saves and
resets templates through the ORM.
"""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.document_reads import charter_template
from communitydesk.i18n import current_language
from communitydesk.paths import resources_dir
from communitydesk.records.charters import CharterData, CharterSource
from communitydesk.rules.charter_text import check_charter_kind
from communitydesk.services.document_identity import document_identity
from communitydesk.services.document_source import HasPath, reading
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


def charter_source(source: Path | HasPath, actor: Actor, kind: str, language: str | None = None) -> CharterSource:
    """The charter template to print: the one saved in the app, else the shipped default."""
    require(actor, Action.READ_FIGURES)
    check_charter_kind(kind)
    language = language or current_language()
    with reading(source) as reader:
        stored = charter_template(reader, kind, language)
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
