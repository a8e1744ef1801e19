"""Contacts found by typed text for scripts (``communitydesk search``): what the contacts list finds
for that text, in name order, read on the quick path (db.search_matches): a whole process answers
without loading SQLAlchemy unless contacts wait for their search data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from communitydesk.db import search_matches
from communitydesk.db.quick_reads import quick_reading, quick_reading_current
from communitydesk.rules.contact_names import display_name
from communitydesk.rules.contact_search_text import fts_match_expression
from communitydesk.services.permissions import Action, Actor, require


@dataclass(frozen=True)
class FoundContact:
    id: int
    name: str
    circle: str

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "circle": self.circle}


def find_contacts(path: Path, actor: Actor, text: str, limit: int) -> list[FoundContact]:
    """The first ``limit`` listed contacts matching ``text``, in name order, as the contacts page lists them.

    One read, on the quick path; contacts still waiting for their search data (or an outdated
    base) are brought up to date through the full database first.
    """
    require(actor, Action.READ_CONTACTS)
    with quick_reading_current(path) as reader:  # a missing base is said, an outdated one upgraded
        pending = search_matches.search_data_pending(reader)
    if pending:
        _index_pending(path, actor)
    with quick_reading(path) as reader:
        rows = search_matches.listed_matches(reader, fts_match_expression(text), limit)
    return [FoundContact(row[0], display_name(*row[1:6]), row[6]) for row in rows]


def _index_pending(path: Path, actor: Actor) -> None:
    """What the contacts list does before a search: index the contacts written since the last one."""
    from communitydesk.db.database import open_database
    from communitydesk.services.contact_search import refresh_search_index

    db = open_database(path, create=False)
    try:
        refresh_search_index(db, actor)
    finally:
        db.close()
