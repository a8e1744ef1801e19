"""Who hears what a committed transaction changed: subscribers of a base, and the caller.

A ``Database`` owns one ``ChangeFeed`` (``Database.changes``); ``db/change_collector.py``
publishes to it after each commit, never after a rollback. Two audiences:

- subscribers (``feed.subscribe(callback)``), called with the ``Changes`` in the thread
  that committed — the window's ``CurrentDatabase`` turns that into one Qt signal;
- the code that ran the write, which learns what its calls changed without any service
  signature changing: ``with changes_made() as made: service(db, ...)`` then
  ``made.changes`` (``ui/tasks.py`` does this around every task).

Qt-free and SQLAlchemy-free: ``ui/tasks.py`` imports it on the start-up path.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from communitydesk.records.changes import NOTHING, Changes

Subscriber = Callable[[Changes], None]

_log = logging.getLogger(__name__)
_thread = threading.local()  # .made: the recordings open in this thread, innermost last


class ChangesMade:
    """What the transactions committed by this thread changed while the ``with`` block ran."""

    def __init__(self) -> None:
        self.changes: Changes = NOTHING


@contextmanager
def changes_made() -> Iterator[ChangesMade]:
    """Record what every commit made by this thread, on any base, changes until the block ends."""
    made = ChangesMade()
    stack: list[ChangesMade] = getattr(_thread, "made", None) or []
    _thread.made = [*stack, made]
    try:
        yield made
    finally:
        _thread.made = stack


class ChangeFeed:
    """The subscribers of one base, told after each commit what it changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(changes)`` after every commit that changed something; returns the
        function that stops it."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, changes: Changes) -> None:
        """Tell the committing thread's recordings and every subscriber (nothing when nothing changed).

        A subscriber's error is logged, never raised: the commit it reports is done."""
        if not changes.any():
            return
        for made in getattr(_thread, "made", None) or []:
            made.changes |= changes
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(changes)
            except Exception:  # noqa: BLE001 - any subscriber's bug: logged, the commit stands
                _log.exception("A change subscriber failed after a commit")
