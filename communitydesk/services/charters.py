"""The charter templates the organisation edits in the app (Documents PDF › Modèles de charte).

Reading for printing goes through services.charter_printing (plain sqlite3, fast); this module
saves and resets, through the ORM, inside one transaction per action.
"""

from __future__ import annotations

from sqlalchemy import select

from communitydesk.i18n import current_language

# Every model, fully imported before our first query: that query configures ALL mappers, and
# another worker thread may be half-way through importing models.contacts at that moment.
from communitydesk.models import registry  # noqa: F401
from communitydesk.models.base import utcnow
from communitydesk.models.documents import CharterTemplate
from communitydesk.records.charters import CharterSource
from communitydesk.rules.charter_text import CharterText, check_charter_kind, parse_charter
from communitydesk.services.charter_printing import default_charter_text
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work


def charter_template(store: Store, actor: Actor, kind: str, language: str | None = None) -> CharterSource:
    """The template of ``kind`` as it will print: the saved one, else the shipped default."""
    require(actor, Action.READ_FIGURES)
    check_charter_kind(kind)
    language = language or current_language()
    with snapshot(store) as session:
        row = session.scalars(
            select(CharterTemplate).where(CharterTemplate.kind == kind, CharterTemplate.language == language)
        ).one_or_none()
        if row is not None:
            return CharterSource(kind, language, row.body, row.updated_at, customised=True)
    return CharterSource(kind, language, default_charter_text(kind, language), None, customised=False)


def save_charter_template(store: Store, actor: Actor, kind: str, text: str, language: str | None = None) -> CharterText:
    """Check ``text`` (a ValidationError names the faulty line) and save it as the template of ``kind``."""
    require(actor, Action.EDIT_SETTINGS)
    check_charter_kind(kind)
    parsed = parse_charter(text)
    language = language or current_language()
    with unit_of_work(store) as session:
        row = session.scalars(
            select(CharterTemplate).where(CharterTemplate.kind == kind, CharterTemplate.language == language)
        ).one_or_none()
        if row is None:
            session.add(CharterTemplate(kind=kind, language=language, body=text))
        else:
            row.body = text
            row.updated_at = utcnow()
    return parsed


def reset_charter_template(store: Store, actor: Actor, kind: str, language: str | None = None) -> None:
    """Forget the organisation's text of ``kind``: the shipped template applies again."""
    require(actor, Action.EDIT_SETTINGS)
    check_charter_kind(kind)
    language = language or current_language()
    with unit_of_work(store) as session:
        row = session.scalars(
            select(CharterTemplate).where(CharterTemplate.kind == kind, CharterTemplate.language == language)
        ).one_or_none()
        if row is not None:
            session.delete(row)
