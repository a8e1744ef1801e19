"""The « Prochaines publications » panel of the dashboard: this week's regularity gaps and
the publications planned in the coming days.

Built from ``services.figures`` (plain sqlite3, read with the other figures): no ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.rules.editorial import PublicationStatus
from communitydesk.rules.editorial_figures import gap_text, network_label

if TYPE_CHECKING:
    from communitydesk.records.editorial_figures import EditorialFigures, UpcomingPublication


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class UpcomingPublicationsPanel(QWidget):
    def __init__(self, figures: EditorialFigures, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upcomingPublications")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.gap_labels: list[QLabel] = []
        self.rows: list[QLabel] = []
        for window in figures.gaps_this_week:
            label = QLabel("⚠ " + _escaped(gap_text(window)))
            label.setObjectName("regularityGap")
            label.setWordWrap(True)
            label.setStyleSheet("color: #8a4b00;")
            layout.addWidget(label)
            self.gap_labels.append(label)
        for post in figures.upcoming:
            row = QLabel(self._row_text(post))
            row.setObjectName("upcomingPublication")
            row.setWordWrap(True)
            layout.addWidget(row)
            self.rows.append(row)
        self.empty: QLabel | None = None
        if not figures.upcoming:
            self.empty = QLabel(
                self.tr("Aucune publication prévue ces 7 prochains jours.")
                + " "
                + self.tr("Planifiez vos publications dans le calendrier éditorial.")
            )
            self.empty.setObjectName("noUpcomingPublication")
            self.empty.setWordWrap(True)
            self.empty.setStyleSheet("color: #777;")
            layout.addWidget(self.empty)

    def _row_text(self, post: UpcomingPublication) -> str:
        when = formatting.day(post.planned_on, "EEE d MMM")
        if post.planned_time is not None:
            when += " " + post.planned_time.strftime("%H:%M")
        networks = ", ".join(network_label(n) for n in post.networks) or self.tr("sans réseau")
        title = post.title or self.tr("(sans titre)")
        status = (
            PublicationStatus(post.status).label()
            if post.status in PublicationStatus._value2member_map_
            else post.status
        )
        return (
            f"<b>{_escaped(when)}</b> · {_escaped(networks)}<br>{_escaped(title)} "
            f"<span style='color:#777'>— {_escaped(status)}</span>"
        )
