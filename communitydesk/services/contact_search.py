"""Searching and listing contacts, page by page, without ever loading them all.

The contacts table asks :func:`count` once, then :func:`page` for the rows it shows
(~200 at a time); exports and PDFs ask :func:`ids_for`. Typed text goes through the FTS5
index (each term a prefix, accents and case ignored); filters and sorts are plain SQL over
indexed columns. Every call first brings the search index up to date (``db.search_index``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression

from communitydesk.db import full_text, search_index
from communitydesk.i18n import _
from communitydesk.models.contacts import ACTIVE, Contact, ContactCircleCount, Tag, contact_tags
from communitydesk.rules.cadence import due_before
from communitydesk.rules.circles import CIRCLE_ORDER
from communitydesk.rules.contact_filter import ContactFilter as ContactFilter  # part of this service's API
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.contact_search_text import fts_match_expression
from communitydesk.services.cadence import overdue_condition, read_rhythm
from communitydesk.services.contacts import display_name
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work

PAGE_SIZE = 200
_Ts = TypeVarTuple("_Ts")


class ContactSort(StrEnum):
    NAME = "name"
    CITY = "city"
    CIRCLE = "circle"
    LAST_TOUCH = "last_touch"
    CREATED = "created"


@dataclass(frozen=True)
class ContactRow:
    """One line of the contacts table: light, built from one SELECT."""

    id: int
    kind: str
    display_name: str
    organisation: str
    email: str
    phone: str
    city: str
    postcode: str
    circle: str
    tags: tuple[str, ...]
    last_touch_at: datetime | None
    created_at: datetime
    is_ambassador: bool
    is_critic: bool
    overdue: bool


_ROW_COLUMNS = (
    Contact.id,
    Contact.kind,
    Contact.first_name,
    Contact.last_name,
    Contact.organisation,
    Contact.email,
    Contact.phone,
    Contact.city,
    Contact.postcode,
    Contact.circle,
    Contact.tags_text,
    Contact.last_touch_at,
    Contact.created_at,
    Contact.is_ambassador,
    Contact.is_critic,
)


@dataclass
class _Search:
    """The parts of one search, worked out once per call."""

    match: str | None
    conditions: list[ColumnElement[bool]] = field(default_factory=list)
    impossible: bool = False


def count(store: Store, actor: Actor, query: str = "", filters: ContactFilter | None = None) -> int:
    """How many contacts match the typed ``query`` and the ``filters``."""
    require(actor, Action.READ_CONTACTS)
    chosen = filters or ContactFilter()
    with _searching(store) as session:
        if _counted_by_circle(query, chosen):
            counts = _circle_totals(session)
            return sum(n for circle, n in counts.items() if not chosen.circles or circle in chosen.circles)
        search = _prepare(session, query, chosen)
        if search.impossible:
            return 0
        if search.match is not None and not search.conditions:
            # The index holds exactly the listed contacts: FTS5 alone answers.
            stmt = full_text.count_matching(search.match)
        else:
            stmt = _from(select(func.count()), search)
        return int(session.execute(stmt).scalar_one())


def page(
    store: Store,
    actor: Actor,
    query: str = "",
    filters: ContactFilter | None = None,
    sort: ContactSort = ContactSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    now: datetime | None = None,
) -> list[ContactRow]:
    """Rows ``offset`` to ``offset + limit`` of the matching contacts, in ``sort`` order."""
    require(actor, Action.READ_CONTACTS)
    with _searching(store) as session:
        search = _prepare(session, query, filters or ContactFilter())
        if search.impossible or limit <= 0:
            return []
        if ContactSort(sort) is ContactSort.CIRCLE:
            rows = _page_by_circle(session, search, descending, max(0, offset), limit)
        else:
            stmt = _from(select(*_ROW_COLUMNS), search).order_by(*_order(sort, descending))
            rows = list(session.execute(stmt.offset(max(0, offset)).limit(limit)).all())
        due = due_before(read_rhythm(session), now or datetime.now(UTC))
    return [_row(r, due) for r in rows]


def ids_for(
    store: Store,
    actor: Actor,
    query: str = "",
    filters: ContactFilter | None = None,
    sort: ContactSort = ContactSort.NAME,
    descending: bool = False,
) -> list[int]:
    """Ids of every matching contact, in ``sort`` order: what an export or a PDF goes through."""
    require(actor, Action.READ_CONTACTS)
    with _searching(store) as session:
        search = _prepare(session, query, filters or ContactFilter())
        if search.impossible:
            return []
        stmt = _from(select(Contact.id), search).order_by(*_order(sort, descending))
        return list(session.scalars(stmt))


def circle_counts(store: Store, actor: Actor, query: str = "", filters: ContactFilter | None = None) -> dict[str, int]:
    """Matching contacts per circle, innermost first; the filter's own circles are ignored
    (the rings of the circles view show every circle of the current search)."""
    require(actor, Action.READ_CONTACTS)
    counts = {c.value: 0 for c in CIRCLE_ORDER}
    base = replace(filters or ContactFilter(), circles=())
    with _searching(store) as session:
        if _counted_by_circle(query, base):
            return {**counts, **_circle_totals(session)}
        search = _prepare(session, query, base)
        if search.impossible:
            return counts
        stmt = _from(select(Contact.circle, func.count()), search).group_by(Contact.circle)
        for circle, n in session.execute(stmt):
            counts[circle] = int(n)
    return counts


def refresh_search_index(store: Store, actor: Actor, progress: Callable[[int, int], None] | None = None) -> int:
    """Index the contacts written since the last search (after a big import, say, in the
    background); returns how many were indexed. Searches do it anyway when needed."""
    require(actor, Action.READ_CONTACTS)
    with unit_of_work(store) as session:
        return search_index.refresh(session.connection(), progress)


@contextmanager
def _searching(store: Store) -> Iterator[Session]:
    """A read of up-to-date search data: what was written since is indexed first, in a write
    transaction of its own (waiting its turn), then the search reads a snapshot."""
    if isinstance(store, Session):
        ensure_search_index(store)
        yield store
        return
    with snapshot(store) as session:
        fresh = not search_index.pending(session.connection())
        if fresh:
            yield session
    if not fresh:
        with unit_of_work(store, _("la mise à jour de la recherche")) as session:
            ensure_search_index(session)
        with snapshot(store) as session:
            yield session


def ensure_search_index(session: Session) -> None:
    """Bring the search data up to date if anything was written since (cheap when not)."""
    conn = session.connection()
    if search_index.pending(conn):
        search_index.refresh(conn)


# -- building the SQL -----------------------------------------------------------------


def _counted_by_circle(query: str, filters: ContactFilter) -> bool:
    """True when the per-circle counters answer: no text, no filter but circles."""
    return fts_match_expression(query) is None and replace(filters, circles=()).is_empty()


def _circle_totals(session: Session) -> dict[str, int]:
    rows = session.execute(select(ContactCircleCount.circle, ContactCircleCount.active))
    return {circle: int(n) for circle, n in rows}


def _prepare(session: Session, query: str, filters: ContactFilter) -> _Search:
    texts = " ".join(t for t in (query, filters.text) if t)
    search = _Search(match=fts_match_expression(texts))
    if filters.circles:
        search.conditions.append(Contact.circle.in_(filters.circles))
    if filters.kind:
        search.conditions.append(Contact.kind == filters.kind)
    if filters.ambassador is not None:
        search.conditions.append(Contact.is_ambassador.is_(filters.ambassador))
    if filters.critic is not None:
        search.conditions.append(Contact.is_critic.is_(filters.critic))
    if filters.overdue:
        search.conditions.append(overdue_condition(read_rhythm(session), datetime.now(UTC)))
    if filters.tags:
        tag_ids = tag_ids_for_names(session, filters.tags)
        if not tag_ids:
            search.impossible = True
        search.conditions.append(
            Contact.id.in_(select(contact_tags.c.contact_id).where(contact_tags.c.tag_id.in_(tag_ids)))
        )
    return search


def tag_ids_for_names(session: Session, names: Sequence[str]) -> list[int]:
    """Ids of the tags named (case and accents ignored: "benevole" is "Bénévole")."""
    wanted = {fold(n) for n in names}
    return [tag_id for tag_id, name in session.execute(select(Tag.id, Tag.name)) if fold(name) in wanted]


def _from(stmt: Select[*_Ts], search: _Search) -> Select[*_Ts]:
    """Restrict ``stmt`` to the listed contacts that match the search."""
    stmt = full_text.join_matching(stmt, search.match) if search.match is not None else stmt.select_from(Contact)
    return stmt.where(ACTIVE, *search.conditions)


def _page_by_circle(session: Session, search: _Search, descending: bool, offset: int, limit: int) -> list[Any]:
    """Circle order is not alphabetical: page through one circle after the other, each read
    in name order from the (circle, sort_name) index, instead of sorting every row."""
    rows: list[Any] = []
    circles = [c.value for c in (reversed(CIRCLE_ORDER) if descending else CIRCLE_ORDER)]
    for circle in circles:
        if len(rows) >= limit:
            break
        in_circle = _Search(search.match, [*search.conditions, Contact.circle == circle])
        size = int(session.execute(_from(select(func.count()), in_circle)).scalar_one())
        if offset >= size:
            offset -= size
            continue
        order = [Contact.sort_name.desc(), Contact.id.desc()] if descending else [Contact.sort_name, Contact.id]
        stmt = _from(select(*_ROW_COLUMNS), in_circle).order_by(*order).offset(offset).limit(limit - len(rows))
        rows += session.execute(stmt).all()
        offset = 0
    return rows


def _order(sort: ContactSort, descending: bool) -> list[UnaryExpression[Any]]:
    rank = case({c.value: i for i, c in enumerate(CIRCLE_ORDER)}, value=Contact.circle, else_=len(CIRCLE_ORDER))
    keys: dict[ContactSort, list[Any]] = {
        ContactSort.NAME: [Contact.sort_name],
        ContactSort.CITY: [Contact.city_sort, Contact.sort_name],  # "Évry" among the E's
        ContactSort.CIRCLE: [rank, Contact.sort_name],
        ContactSort.LAST_TOUCH: [Contact.last_touch_at],
        ContactSort.CREATED: [Contact.created_at],
    }
    chosen = [*keys[ContactSort(sort)], Contact.id]
    return [key.desc() if descending else key.asc() for key in chosen]


def _row(row: Any, due: Mapping[str, datetime]) -> ContactRow:
    (
        cid,
        kind,
        first,
        last,
        organisation,
        email,
        phone,
        city,
        postcode,
        circle,
        tags,
        last_touch,
        created,
        ambassador,
        critic,
    ) = row
    return ContactRow(
        id=cid,
        kind=kind,
        display_name=display_name(kind, first, last, organisation, email),
        organisation=organisation,
        email=email,
        phone=phone,
        city=city,
        postcode=postcode,
        circle=circle,
        tags=tuple(tags.split(", ")) if tags else (),
        last_touch_at=last_touch,
        created_at=created,
        is_ambassador=bool(ambassador),
        is_critic=bool(critic),
        overdue=circle in due and (last_touch or created) < due[circle],
    )
