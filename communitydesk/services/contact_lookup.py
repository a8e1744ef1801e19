"""Contacts found by typed text for scripts (``communitydesk search``): what the contacts list finds
for that text, by name, read on the quick path (db.search_matches) when the search data is up to date: a whole
process answers without loading SQLAlchemy (~0.6 s)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from communitydesk.db import search_matches
from communitydesk.db.quick_reads import quick_reading
from communitydesk.db.schema_version import SchemaState, probe
from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
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
    """The first ``limit`` listed contacts matching ``text``, in name order, as the contacts page lists them."""
    require(actor, Action.READ)
    if not path.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    match = fts_match_expression(text)
    if probe(path).state is SchemaState.CURRENT and match is not None:
        with quick_reading(path) as reader:
            rows = search_matches.listed_matches(reader, match, limit)
        if rows is not None:
            return [FoundContact(row[0], display_name(*row[1:6]), row[6]) for row in rows]
    return _through_the_service(path, actor, text, limit)


def _through_the_service(path: Path, actor: Actor, text: str, limit: int) -> list[FoundContact]:
    """An older base (upgraded first), or search data to refresh first: the contacts page's own search."""
    from communitydesk.db.database import open_database
    from communitydesk.services.contact_search import page

    db = open_database(path, create=False)
    try:
        return [FoundContact(row.id, row.display_name, row.circle) for row in page(db, actor, text, limit=limit)]
    finally:
        db.close()
