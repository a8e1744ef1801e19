"""What each write transaction changed, collected where every write passes: the session.

``collect_changes(sessions)`` hooks SQLAlchemy's session events on a Database's session
factory, so that no service has to remember to say what it wrote:

- a flush maps the rows it inserts, updates or deletes to kinds of data (a contact's
  ``circle``, ``archived_at`` or ``anonymised_at`` changing is a change of the circles too,
  a many-to-many collection changing is a change of its link table);
- a Core ``insert``/``update``/``delete`` run through ``session.execute`` is mapped by its table;
- what neither sees (``text()`` writes, ``exec_driver_sql`` or anything on
  ``session.connection()``, i.e. the bulk contact import) is declared with :func:`mark`.

The changes wait in ``session.info`` and are published to the base's ``ChangeFeed`` only
after the COMMIT succeeded; a rollback drops them. Tables filled by triggers or by the
search index refresh (counts, queues, FTS) are derived data and change nothing a screen
must reload for.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction, sessionmaker
from sqlalchemy.orm.state import InstanceState

from communitydesk.db.change_feed import ChangeFeed
from communitydesk.records.changes import NOTHING, Changes

#: Every table users' data lives in → what a write to it changes. Whole-row writes to
#: ``contacts`` (arrival, Core updates) count as circle changes too: counts may move.
TABLE_CHANGES: dict[str, Changes] = {
    "contacts": Changes.of("contacts", "circles"),
    "circle_moves": Changes.of("circles"),
    "touch_points": Changes.of("touch_points"),
    "tags": Changes.of("tags"),
    "contact_tags": Changes.of("tags"),
    "segments": Changes.of("segments"),
    "campaigns": Changes.of("campaigns"),
    "campaign_tiers": Changes.of("campaigns"),
    "import_mappings": Changes.of("campaigns"),
    "contributions": Changes.of("contributions"),
    "contribution_lines": Changes.of("contributions"),
    "fulfilments": Changes.of("fulfilments"),
    "consents": Changes.of("consents"),
    "contact_merges": Changes.of("duplicates"),
    "ignored_duplicates": Changes.of("duplicates"),
    "charter_templates": Changes.of("charters"),
    "editorial_line": Changes.of("editorial"),
    "editorial_pillars": Changes.of("editorial"),
    "editorial_networks": Changes.of("editorial"),
    "network_followers": Changes.of("editorial"),
    "publications": Changes.of("publications"),
    "publication_networks": Changes.of("publications"),
    "publication_status_changes": Changes.of("publications"),
    "ambassador_roles": Changes.of("ambassadors"),
    "ambassadors": Changes.of("ambassadors"),
    "ambassador_stage_changes": Changes.of("ambassadors"),
    "ambassador_audiences": Changes.of("ambassadors"),
    "missions": Changes.of("ambassadors"),
    "ambassador_levels": Changes.of("ambassadors"),
    "ambassador_rewards": Changes.of("ambassadors"),
    "ambassador_charters": Changes.of("ambassadors"),
    "charter_signatures": Changes.of("ambassadors"),
    "app_settings": Changes.of("settings"),
    "profiles": Changes.of("settings"),
    "role_rights": Changes.of("settings"),
    "audit_log": Changes.of("audit"),
}
#: Kept by triggers or the search index refresh from the tables above.
DERIVED_TABLES = frozenset({"contact_search_queue", "contact_circle_counts"})

# Columns of a contact whose change moves the circle counts.
_CIRCLE_COLUMNS = ("circle", "archived_at", "anonymised_at")
_PENDING = "communitydesk.changes"


def mark(session: Session, changes: Changes) -> None:
    """Declare what a write the session events cannot see changed (Core on the connection,
    ``text()``); published with the rest at the commit, dropped at a rollback."""
    session.info[_PENDING] = session.info.get(_PENDING, NOTHING) | changes


def collect_changes(sessions: sessionmaker[Session]) -> ChangeFeed:
    """The feed that hears, after each commit of a session from ``sessions``, what it changed."""
    feed = ChangeFeed()

    def committed(session: Session) -> None:
        feed.publish(session.info.pop(_PENDING, NOTHING))

    event.listen(sessions, "after_flush", _flushed)
    event.listen(sessions, "do_orm_execute", _executed)
    event.listen(sessions, "after_commit", committed)
    event.listen(sessions, "after_rollback", _rolled_back)
    return feed


def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _flushed(session: Session, _context: UOWTransaction) -> None:
    # Still the pre-flush state here: new, dirty and deleted rows with their committed_state
    # (the attributes changed since loaded). Rows are grouped by class, so that a flush of
    # 5 000 contacts costs a dict lookup a row, not an attribute history a row.
    found = NOTHING
    for rows, whole in ((session.new, True), (session.deleted, True), (session.dirty, False)):
        by_class: dict[Mapper[Any], list[InstanceState[Any]]] = {}
        for row in rows:
            state = inspect(row)
            if whole or state.modified:
                by_class.setdefault(state.mapper, []).append(state)
        for mapper, states in by_class.items():
            found |= _class_changes(mapper, states, whole=whole)
    if found.any():
        mark(session, found)


def _class_changes(mapper: Mapper[Any], states: list[InstanceState[Any]], *, whole: bool) -> Changes:
    table = str(getattr(mapper.local_table, "name", ""))
    found = TABLE_CHANGES.get(table, NOTHING)
    if table == "contacts" and not whole:
        moved = any(name in state.committed_state for state in states for name in _CIRCLE_COLUMNS)
        found = Changes(contacts=True, circles=moved)
    for key, link in _link_tables(mapper):
        if any(key in state.committed_state for state in states):
            found |= TABLE_CHANGES.get(link, NOTHING)
    return found


@cache
def _link_tables(mapper: Mapper[Any]) -> tuple[tuple[str, str], ...]:
    """(relationship, link table) of a mapper's many-to-many collections (a contact's tags)."""
    return tuple(
        (r.key, str(getattr(r.secondary, "name", ""))) for r in mapper.relationships if r.secondary is not None
    )


def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        mark(state.session, TABLE_CHANGES.get(getattr(table, "name", ""), NOTHING))
