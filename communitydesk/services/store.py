"""What a service function works on: an open Database (its own transaction) or a Session.

UI code passes the ``Database``: each call is one transaction, committed or rolled back
whole. An importer or another service passes its ``Session`` to fold several calls into
its own transaction; nothing is committed then, the caller decides.

A function that writes opens ``unit_of_work`` (a write transaction: it waits its turn
behind the other writes of the base, then holds the write lock); a function that only
reads opens ``snapshot`` (never waits for a writer, may not write).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from communitydesk.db.database import Database

Store = Database | Session


@contextmanager
def unit_of_work(store: Store, purpose: str | None = None) -> Iterator[Session]:
    """The session to write in: the caller's own, or a new write transaction on the database
    (``purpose``: what other writers are told they wait for)."""
    if isinstance(store, Session):
        yield store
        return
    with store.transaction(purpose) as session:
        yield session


@contextmanager
def snapshot(store: Store) -> Iterator[Session]:
    """The session to read in: the caller's own, or one consistent read of the database."""
    if isinstance(store, Session):
        yield store
        return
    with store.snapshot() as session:
        yield session


def table_of(model: type[Any]) -> Table:
    """The Core table of a mapped class, typed as such (``__table__`` is typed loosely)."""
    return cast(Table, model.__table__)
