"""The contacts' full-text search in SQL: SQLite's FTS5 (another engine brings its own).

``db.search_index`` keeps the index up to date; these build the queries that read it.
The index holds exactly the active contacts, one row per contact (rowid = contact id).
"""

from __future__ import annotations

from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Integer, Select, column, func, literal_column, select, table

from communitydesk.db.search_matches import FTS_TABLE
from communitydesk.models.contacts import Contact

_Ts = TypeVarTuple("_Ts")
_fts = table(FTS_TABLE, column("rowid", Integer))
_TABLE_MATCH: ColumnElement[Any] = literal_column(FTS_TABLE)


def count_matching(match: str) -> Select[int]:
    """How many contacts match ``match`` (an FTS5 expression of rules.contact_search_text)."""
    return select(func.count()).select_from(_fts).where(_TABLE_MATCH.op("MATCH")(match))


def join_matching(stmt: Select[*_Ts], match: str) -> Select[*_Ts]:
    """``stmt`` over the contacts matching ``match``, the index driving the join."""
    # Typed text usually matches few contacts: reading them in index order and sorting is
    # what a hand-written query does too.
    stmt = stmt.select_from(_fts).join(Contact, Contact.id == _fts.c.rowid)
    return stmt.where(_TABLE_MATCH.op("MATCH")(match))
