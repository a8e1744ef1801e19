"""Tableau de bord: real figures of the open database, read off the UI thread.

The figures come from ``services.figures.read_figures`` (plain sqlite3) through
:class:`~communitydesk.ui.current_database.CurrentDatabase`; this page only draws them.
What it shows is described as data in :mod:`communitydesk.ui.dashboard.cards`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# No Qt namespace here: this page is built before the window is first shown, and
# PySide6 builds Qt's enums on first access (~40 ms). Alignments come from stylesheets/layouts.
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from communitydesk.rules.circles import CIRCLE_ORDER, circle_description, circle_label
from communitydesk.ui.current_database import DatabaseState
from communitydesk.ui.dashboard.cards import CARD_BUILDERS, SECTIONS, FigureCard, section_soon, section_title
from communitydesk.ui.dashboard.circles_chart import ConcentricCirclesChart
from communitydesk.ui.widgets.circles import circle_colour
from communitydesk.ui.widgets.page_layout import scrolling_content

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent

    from communitydesk.services.figures import Figures
    from communitydesk.ui.main_window import PageContext

STYLE = """
#dashboardContent { background: #faf9f6; }
QFrame#card, QFrame#panel { background: white; border: 1px solid #e2ded4; border-radius: 10px; }
QLabel#cardTitle { color: #555; font-size: 10pt; }
QLabel#cardValue { color: #1F3B34; font-size: 24pt; font-weight: 600; }
QLabel#cardCaption { color: #777; font-size: 9pt; }
QLabel#panelTitle { font-size: 13pt; font-weight: 600; color: #1F3B34; }
QLabel#pageTitle { font-size: 18pt; font-weight: 600; }
QLabel#soonText { color: #555; }
QLabel#soonBadge { background: #F6E3BF; color: #6b4a0f; border-radius: 8px; padding: 2px 8px; font-size: 9pt; }
QLabel#circleCount { font-size: 14pt; font-weight: 600; qproperty-alignment: 'AlignRight | AlignVCenter'; }
"""


class FigureCardWidget(QFrame):
    clicked = Signal()  # only cards that open a page

    def __init__(self, card: FigureCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.key = card.key
        self.card = card
        self.title = QLabel(card.title)
        self.title.setWordWrap(True)  # wrapped labels let the row shrink with the window
        self.title.setObjectName("cardTitle")
        self.value = QLabel(card.value)
        self.value.setObjectName("cardValue")
        self.value.setAccessibleName(card.title)
        self.caption = QLabel(card.caption)
        self.caption.setObjectName("cardCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        if card.opens_page:
            from PySide6.QtCore import Qt

            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(self.tr("Cliquer pour voir la liste"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.card.opens_page and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(QWidget):
    figures_shown = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.database = context.database
        self.cards: dict[str, FigureCardWidget] = {}
        self.circle_counts: dict[str, QLabel] = {}
        self.circle_shares: dict[str, QProgressBar] = {}
        self.read_at = ""  # when the figures shown were read, HH:MM

        content = QWidget()
        content.setObjectName("dashboardContent")
        content.setStyleSheet(STYLE)
        layout = scrolling_content(self, content, spacing=16)
        layout.addLayout(self._header())

        self.state_label = QLabel()
        self.state_label.setObjectName("dashboardState")
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet("font-size: 12pt; color: #444; padding: 24px 0;")
        layout.addWidget(self.state_label)

        self.figures_area = QWidget()
        figures_layout = QVBoxLayout(self.figures_area)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.setSpacing(16)
        self.cards_row = QHBoxLayout()
        self.cards_row.setSpacing(12)
        figures_layout.addLayout(self.cards_row)
        figures_layout.addWidget(self._circles_panel())
        figures_layout.addLayout(self._sections_row())
        layout.addWidget(self.figures_area)
        layout.addStretch(1)

        self.database.changed.connect(self._database_changed)
        self.database.figures_changed.connect(self.show_figures)
        self._database_changed()
        if self.database.figures is not None:
            self.show_figures(self.database.figures)

    # -- building ---------------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Tableau de bord"))
        title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("dashboardSubtitle")
        self.subtitle.setStyleSheet("color: #666;")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(title)
        texts.addWidget(self.subtitle)
        self.refresh_button = QPushButton(self.tr("Actualiser"))
        self.refresh_button.setToolTip(self.tr("Relire les chiffres de la base (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        button_column = QVBoxLayout()
        button_column.addWidget(self.refresh_button)
        button_column.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(texts, 1)
        row.addLayout(button_column)
        return row

    def _panel(self, title: str, name: str) -> tuple[QFrame, QVBoxLayout]:
        panel = QFrame()
        panel.setObjectName("panel")
        panel.setProperty("section", name)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(18, 14, 18, 16)
        label = QLabel(title)
        label.setWordWrap(True)
        label.setObjectName("panelTitle")
        layout.addWidget(label)
        return panel, layout

    def _circles_panel(self) -> QFrame:
        panel, layout = self._panel(self.tr("Vos cercles"), "circles")
        self.chart = ConcentricCirclesChart()
        legend = QGridLayout()
        legend.setHorizontalSpacing(12)
        legend.setVerticalSpacing(10)
        for row, circle in enumerate(CIRCLE_ORDER):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {circle_colour(circle).name()}; border-radius: 7px;")
            name = QLabel(
                f"<b>{circle_label(circle)}</b><br><span style='color:#777'>{circle_description(circle)}</span>"
            )
            count = QLabel("–")
            count.setObjectName("circleCount")
            count.setProperty("circle", circle.value)
            share = QProgressBar()
            share.setObjectName(f"circleShare_{circle.value}")
            share.setRange(0, 1000)
            share.setTextVisible(True)
            share.setFixedWidth(160)
            share.setStyleSheet(
                "QProgressBar { border: 1px solid #ddd; border-radius: 5px; background: #f4f4f4; text-align: center; }"
                f"QProgressBar::chunk {{ background: {circle_colour(circle).name()}; border-radius: 4px; }}"
            )
            legend.addWidget(swatch, row, 0)
            legend.addWidget(name, row, 1)
            legend.addWidget(count, row, 2)
            legend.addWidget(share, row, 3)
            self.circle_counts[circle.value] = count
            self.circle_shares[circle.value] = share
        legend.setColumnStretch(1, 1)
        self.empty_hint = QLabel(self.tr("Aucun contact pour l'instant : la base est vide."))
        self.empty_hint.setStyleSheet("color: #777;")
        right = QVBoxLayout()
        right.addStretch(1)
        right.addLayout(legend)
        right.addWidget(self.empty_hint)
        right.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.chart)
        body.addLayout(right, 1)
        layout.addLayout(body)
        return panel

    def _sections_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        self.sections: dict[str, QVBoxLayout] = {}
        self.section_widgets: dict[str, QWidget] = {}
        for section in SECTIONS:
            panel, layout = self._panel(section_title(section), section.key)
            panel.setObjectName("panel")
            self.sections[section.key] = layout
            if section.soon:
                badge = QLabel(self.tr("Bientôt"))
                badge.setObjectName("soonBadge")
                badge_row = QHBoxLayout()
                badge_row.addWidget(badge)
                badge_row.addStretch(1)
                layout.addLayout(badge_row)
                text = QLabel(section_soon(section))
                text.setObjectName("soonText")
                text.setWordWrap(True)
                layout.addWidget(text)
            layout.addStretch(1)
            row.addWidget(panel, 1)
        return row

    # -- showing ----------------------------------------------------------------------------

    def _database_changed(self) -> None:
        db = self.database
        if db.path is None:
            self.subtitle.setText("")
        elif db.state is DatabaseState.READY and self.read_at:
            self.subtitle.setText(
                self.tr("Base : {name} — chiffres lus à {time}").format(name=db.path.name, time=self.read_at)
            )
        else:
            self.subtitle.setText(self.tr("Base : {name}").format(name=db.path.name))
        ready = db.state is DatabaseState.READY and db.figures is not None
        self.refresh_button.setEnabled(db.state is DatabaseState.READY)
        if ready:
            self.state_label.hide()
            self.figures_area.show()
            return
        self.figures_area.hide()
        if db.state is DatabaseState.OPENING:
            self.state_label.setText(db.activity or self.tr("Ouverture de la base…"))
        elif db.error_message:
            self.state_label.setText(
                self.tr("Aucune base n'est ouverte.")
                + "\n\n"
                + db.error_message
                + "\n\n"
                + self.tr("Ouvrez une autre base avec Fichier › Ouvrir une base… (Ctrl+O).")
            )
        else:
            self.state_label.setText(
                self.tr("Aucune base n'est ouverte. Ouvrez-en une avec Fichier › Ouvrir une base… (Ctrl+O).")
            )
        self.state_label.show()

    def show_figures(self, figures: Figures) -> None:
        from communitydesk.formatting import number, percent

        self._clear_cards()
        for build in CARD_BUILDERS:
            for card in build(figures):
                widget = FigureCardWidget(card)
                widget.clicked.connect(lambda card=card: self.open_card(card))
                self.cards[card.key] = widget
                self.cards_row.addWidget(widget, 1)

        by_circle = figures.contacts.by_circle
        total = figures.contacts.total
        self.chart.set_counts({circle: number(count) for circle, count in by_circle.items()})
        for circle, label in self.circle_counts.items():
            count = by_circle.get(circle, 0)
            label.setText(number(count))
            share = self.circle_shares[circle]
            ratio = count / total if total else 0.0
            share.setValue(round(ratio * 1000))
            share.setFormat(percent(ratio))
        self.empty_hint.setVisible(total == 0)

        for section in SECTIONS:
            if section.build is not None:
                layout = self.sections[section.key]
                old = self.section_widgets.pop(section.key, None)
                if old is not None:
                    layout.removeWidget(old)
                    old.deleteLater()
                self.section_widgets[section.key] = section.build(figures)
                layout.insertWidget(layout.count() - 1, self.section_widgets[section.key])

        from communitydesk.formatting import local_now

        self.read_at = local_now().strftime("%H:%M")
        self._database_changed()
        self.figures_shown.emit()

    def open_card(self, card: FigureCard) -> None:
        """A clickable card shows its page, filtered (the "À relancer" card: the contacts to follow up)."""
        page = self.context.window.show_page(card.opens_page)
        if card.page_method:
            getattr(page, card.page_method)()

    def _clear_cards(self) -> None:
        for widget in self.cards.values():
            self.cards_row.removeWidget(widget)
            widget.deleteLater()
        self.cards.clear()

    def refresh(self) -> None:
        """F5: read the figures again, off the UI thread."""
        self.database.reload_figures()
