"""What a service function works on: an open Database (its own transaction) or a Session.

UI code passes the ``Database``: each call is one transaction, committed or rolled back
whole. An importer or another service passes its ``Session`` to fold several calls into
its own transaction; nothing is committed then, the caller decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from communitydesk.db.database import Database
from communitydesk.db.read_snapshot import hold_snapshot

Store = Database | Session


@contextmanager
def unit_of_work(store: Store) -> Iterator[Session]:
    """The session to work in: the caller's own, or a new transaction on the database."""
    if isinstance(store, Session):
        yield store
        return
    with store.transaction() as session:
        yield session


@contextmanager
def snapshot(store: Store) -> Iterator[Session]:
    """``unit_of_work`` whose reads all see one state of the base: what a screen shows from
    several reads (a contact sheet, a campaign's detail) never mixes before and after a commit."""
    with unit_of_work(store) as session:
        hold_snapshot(session)
        yield session


def table_of(model: type[Any]) -> Table:
    """The Core table of a mapped class, typed as such (``__table__`` is typed loosely)."""
    return cast(Table, model.__table__)
