"""The honest page of an area not built yet: what it will do, and no fake content."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from communitydesk.ui.widgets.page_layout import page_title


class ComingSoonPage(QWidget):
    def __init__(self, title: str, promise: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = page_title(title)
        badge = QLabel(self.tr("Bientôt"))
        badge.setObjectName("soonBadge")
        badge.setStyleSheet(
            "background: #E3A33B; color: #2b2b2b; border-radius: 9px; padding: 3px 10px; font-weight: 600;"
        )
        self.promise = QLabel(promise)
        self.promise.setObjectName("soonText")
        self.promise.setWordWrap(True)
        self.promise.setStyleSheet("font-size: 12pt;")
        note = QLabel(
            QCoreApplication.translate(
                "ComingSoonPage",
                "Cette partie de CommunityDesk n'est pas encore construite : rien n'y est affiché pour faire "
                "semblant. Vos données actuelles ne sont pas concernées.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.promise)
        layout.addWidget(note)
        layout.addStretch(1)
        self.promise.setMaximumWidth(760)
        note.setMaximumWidth(760)
