"""How a screen follows ``CurrentDatabase.data_changed``: reload what it shows, when it shows it.

One per screen, given the kinds of data the screen shows and its reload function::

    self.watch = ChangeWatch(self, context.database, Changes.of("campaigns", "contributions"), self.reload)

A change of something shown reloads at once while the screen is on view; a page another
page hides in the window's stack only notes it, and reloads once, when it is shown again
(Anki's "refresh if needed" on focus). Which write caused it does not matter: a move
proposed by a campaign or a contact import in the background reach Contacts the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from communitydesk.records.changes import NOTHING, Changes
from communitydesk.ui.current_database import CurrentDatabase


class ChangeWatch(QObject):
    def __init__(
        self, screen: QWidget, database: CurrentDatabase, shows: Changes, reload: Callable[[Changes], object]
    ) -> None:
        super().__init__(screen)  # deleted with the screen, and its connection with it
        self.screen = screen
        self.shows = shows
        self._reload = reload
        self.stale = NOTHING  # what changed while the screen was hidden
        database.data_changed.connect(self._changed)
        screen.installEventFilter(self)

    def hidden(self) -> bool:
        # Only an explicit hide counts (another page of the stack is shown): a screen never
        # shown at all, as in tests, reloads at once.
        return self.screen.isHidden() and self.screen.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)

    def _changed(self, changes: Changes) -> None:
        relevant = changes & self.shows
        if not relevant.any():
            return
        if self.hidden():
            self.stale |= relevant
            return
        self._reload(relevant)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.screen and event.type() == QEvent.Type.Show and self.stale.any():
            stale, self.stale = self.stale, NOTHING
            QTimer.singleShot(0, self, lambda: self._reload(stale))  # after the show, not inside it
        return False
