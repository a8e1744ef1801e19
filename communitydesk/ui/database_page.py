"""What every page of the window that works on the open base has in common.

A page asks :class:`DatabasePage` for the base, the profile that acts and whether the base
is ready; follows the base with ``follow_database``; reads with ``read`` (only the latest read
of a kind is shown, never once the page is gone) and writes with ``run``, which says what was
done in the window's status bar (``show_status``). Each page keeps its own
``_database_changed`` (which buttons it enables) and ``refresh``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

from communitydesk.records.changes import Changes
from communitydesk.services.permissions import Actor
from communitydesk.ui.change_watch import ChangeWatch
from communitydesk.ui.current_database import DatabaseState
from communitydesk.ui.tasks import Task, run_in_background

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.ui.main_window import PageContext

T = TypeVar("T")


class DatabasePage(QWidget):
    #: How long the status bar shows what a write did.
    STATUS_MS = 8000

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.current_database = context.database
        #: The widgets a read fills when it reports back: while the window is torn down
        #: (quit, tests) they may be gone, and the result is then dropped.
        self.filled: tuple[QWidget, ...] = ()
        self._latest_reads: dict[str, int] = {}

    @property
    def actor(self) -> Actor:
        return self.current_database.actor

    def _db(self) -> Database:
        """The ORM handle: from a background task only (the first call imports SQLAlchemy)."""
        return self.current_database.database()

    def is_ready(self) -> bool:
        return self.current_database.state is DatabaseState.READY

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and all(shiboken6.isValid(widget) for widget in self.filled)

    def _database_changed(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def follow_database(self, shows: Changes, reload: Callable[[Changes], object]) -> None:
        """Last in a page's constructor: follow the base opened or closed, reload on a change of
        what the page ``shows`` (``ui/change_watch``), and take the current state at once."""
        self.current_database.changed.connect(self._database_changed)
        self.watch = ChangeWatch(self, self.current_database, shows, reload)
        self._database_changed()

    def read(self, kind: str, work: Callable[[Database, Actor], T], then: Callable[[T], object]) -> Task:
        """``work(db, actor)`` off the UI thread, then ``then(result)`` for the latest read of this
        ``kind`` only (an older one, of another month or before a save, is dropped) and while the
        page lives."""
        actor = self.actor
        generation = self._latest_reads[kind] = self._latest_reads.get(kind, 0) + 1

        def shown(result: T) -> None:
            if self._alive() and self._latest_reads[kind] == generation:
                then(result)

        return run_in_background(self, lambda _ctx: work(self._db(), actor), on_success=shown)

    def show_status(self, message: str) -> None:
        """Say ``message`` (if any) in the window's status bar."""
        status_bar = getattr(self.window(), "statusBar", None)
        if callable(status_bar) and message:
            status_bar().showMessage(message, self.STATUS_MS)

    def run(self, work: Callable[[Database, Actor], Any], message: str | Callable[[Any], str] = "") -> Task:
        """One write off the UI thread: ``work(db, actor)``; a refusal shows the service's sentence."""
        actor = self.actor

        def done(result: Any) -> None:
            self.show_status(message(result) if callable(message) else message)

        return run_in_background(self, lambda _ctx: work(self._db(), actor), on_success=done)
