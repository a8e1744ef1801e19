"""« Annuler » for a few seconds after a quick destructive gesture (a timeline entry deleted).

The bar holds what the undo needs (the deleted record); it hides, and forgets it, after
``seconds``, or once taken by the undo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_SECONDS = 15


class UndoOffer(QFrame):
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None, seconds: int = UNDO_SECONDS) -> None:
        super().__init__(parent)
        self.setObjectName("undoOffer")
        self.setStyleSheet("#undoOffer { background: #F6E3BF; border-radius: 6px; }")
        self.label = QLabel()
        self.label.setObjectName("undoOfferText")
        self.button = QPushButton(self.tr("Annuler"))
        self.button.setObjectName("undoOfferButton")
        self.button.setToolTip(self.tr("Annuler (Ctrl+Z)"))
        self.button.clicked.connect(self.undo_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.take)
        self.payload: Any = None
        self.hide()

    def offer(self, text: str, payload: Any) -> None:
        self.payload = payload
        self.label.setText(text)
        self.show()
        self.timer.start()

    def take(self) -> Any:
        """What the undo needs, once (None when nothing is offered any more)."""
        payload, self.payload = self.payload, None
        self.timer.stop()
        self.hide()
        return payload
