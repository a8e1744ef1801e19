"""The « Ambassadeurs actifs » panel of the dashboard: active members over all, the funnel
by stage, and the welcomed ones to remind.

Built from ``services.figures`` (plain sqlite3, read with the other figures): no ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.rules.ambassadors import Stage

if TYPE_CHECKING:
    from communitydesk.records.ambassador_figures import AmbassadorFigures


class AmbassadorsPanel(QWidget):
    def __init__(self, figures: AmbassadorFigures, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ambassadorsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.headline: QLabel | None = None
        self.stages: QLabel | None = None
        self.reminders: QLabel | None = None
        self.empty: QLabel | None = None
        if figures.total == 0:
            self.empty = self._label(
                "noAmbassador",
                self.tr("Aucun ambassadeur pour l'instant.")
                + " "
                + self.tr("Inscrivez vos premiers candidats depuis la page Ambassadeurs, à partir de vos contacts."),
                "color: #777;",
            )
            layout.addWidget(self.empty)
            return
        self.headline = self._label(
            "ambassadorsActive",
            self.tr("Actifs : <b>%1</b> sur %2")
            .replace("%1", formatting.number(figures.active))
            .replace("%2", formatting.number(figures.total)),
        )
        self.stages = self._label(
            "ambassadorsByStage",
            " · ".join(f"{stage.label()} {formatting.number(figures.by_stage.get(stage.value, 0))}" for stage in Stage),
            "color: #555;",
        )
        layout.addWidget(self.headline)
        layout.addWidget(self.stages)
        if figures.reminders:
            self.reminders = self._label(
                "ambassadorsToRemind",
                "⚠ "
                + ngettext(
                    "{n} accueilli sans mission réalisée depuis 4 semaines : pensez à le relancer.",
                    "{n} accueillis sans mission réalisée depuis 4 semaines : pensez à les relancer.",
                    figures.reminders,
                    n=formatting.number(figures.reminders),
                ),
                "color: #8a4b00;",
            )
            layout.addWidget(self.reminders)

    def _label(self, name: str, text: str, style: str = "") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        if style:
            label.setStyleSheet(style)
        return label
