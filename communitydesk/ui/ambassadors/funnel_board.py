"""The recruitment funnel as a board: one column per stage, a card per ambassador, dragged between columns.

A card travels as the ambassador's id (``ui/widgets/id_drag``); a column that receives it reports
``on_drop(ambassador_id, stage)``. :meth:`StageColumn.accept_mime` is what a real drop calls,
and what tests call (a real drag blocks an offscreen test). The move itself is the service's
decision: a refused move shows its sentence and the board is read again, unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.records.ambassadors import AmbassadorRow
from communitydesk.rules.ambassadors import Stage
from communitydesk.ui.widgets.id_drag import IdDragList, id_from_mime, id_mime

MIME_TYPE = "application/x-communitydesk-ambassador"
CARD_ROLE = Qt.ItemDataRole.UserRole + 20
DropHandler = Callable[[int, str], object]
OpenHandler = Callable[[int], object]

STAGE_COLOURS = {
    Stage.CANDIDAT: "#E8E4D8",
    Stage.SELECTIONNE: "#DCE8F2",
    Stage.ACCUEILLI: "#E2EFE0",
    Stage.ACTIF: "#CFE6DC",
    Stage.INACTIF: "#EEEEEE",
}


def mime_for(ambassador_id: int) -> QMimeData:
    return id_mime(MIME_TYPE, ambassador_id)


def card_text(row: AmbassadorRow) -> str:
    """Short lines a volunteer reads at a glance (a narrow column cuts long ones): name, type, level."""
    level = QCoreApplication.translate("FunnelBoard", "niveau {level}").format(level=row.level_name)
    return "\n".join((row.name, row.type_label, level) if row.level_name else (row.name, row.type_label))


class StageColumn(IdDragList):
    """The cards of one stage; a card dropped here asks to move its ambassador to this stage."""

    mime_type = MIME_TYPE

    def __init__(self, stage: Stage, on_drop: DropHandler, on_open: OpenHandler, parent: QWidget | None = None):
        super().__init__(parent)
        self.stage = stage
        self._on_drop = on_drop
        self.setObjectName(f"stage_{stage.value}")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # a name and a type wrap, never « … »
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(3)
        self.setStyleSheet(
            f"QListWidget {{ background: {STAGE_COLOURS[stage]}; border: none; border-radius: 6px; }}"
            "QListWidget::item { background: white; border: 1px solid #D6D2C6; border-radius: 5px; padding: 5px; }"
            "QListWidget::item:selected { background: #2E6B5E; color: white; }"
        )
        self.itemDoubleClicked.connect(lambda item: on_open(item.data(CARD_ROLE).id))

    def set_cards(self, rows: Sequence[AmbassadorRow]) -> None:
        self.clear()
        for row in rows:
            item = QListWidgetItem(card_text(row))
            item.setData(CARD_ROLE, row)
            tip = QCoreApplication.translate("FunnelBoard", "À ce stade depuis le {day}").format(
                day=formatting.day(row.stage_since, "long")
            )
            item.setToolTip(tip if row.stage_since else "")
            self.addItem(item)

    def item_id(self, item: QListWidgetItem) -> int | None:
        row = item.data(CARD_ROLE)
        return row.id if row is not None else None

    def accept_mime(self, mime: QMimeData) -> bool:
        ambassador_id = id_from_mime(MIME_TYPE, mime)
        if ambassador_id is None or ambassador_id in self.ids():
            return False  # not a card, or dropped where it already is
        self._on_drop(ambassador_id, self.stage.value)
        return True


class FunnelBoard(QWidget):
    """Five columns candidat → sélectionné → accueilli → actif → inactif, the rates between them."""

    def __init__(self, on_drop: DropHandler, on_open: OpenHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: dict[str, StageColumn] = {}
        self.titles: dict[str, QLabel] = {}
        self.rates: dict[str, QLabel] = {}  # keyed by the stage the rate leads to
        self.reminder = QLabel()
        self.reminder.setObjectName("idleReminder")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(
            "background: #FCEBD0; border: 1px solid #E3A33B; border-radius: 6px; padding: 6px; color: #5A3A00;"
        )
        self.reminder.hide()
        hint = QLabel(
            QCoreApplication.translate(
                "FunnelBoard",
                "Faites glisser une carte dans la colonne suivante quand la personne avance ; « inactif » est la "
                "sortie pour tous (candidature refusée comprise). Entre deux colonnes : la part des personnes "
                "arrivées à une étape qui ont atteint la suivante. Double-cliquez une carte pour ouvrir sa fiche.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F5B52; font-size: 9pt;")
        row = QHBoxLayout()
        row.setSpacing(4)
        for index, stage in enumerate(Stage):
            if index:
                rate = QLabel("→")
                rate.setObjectName(f"rate_{stage.value}")
                rate.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                rate.setContentsMargins(0, 60, 0, 0)
                rate.setStyleSheet("color: #2E6B5E; font-weight: 600;")
                rate.setMinimumWidth(44)
                self.rates[stage.value] = rate
                row.addWidget(rate)
            column = QVBoxLayout()
            title = QLabel(stage.label().capitalize())
            title.setObjectName(f"stageTitle_{stage.value}")
            title.setStyleSheet("font-weight: 600; font-size: 11pt;")
            self.titles[stage.value] = title
            cards = StageColumn(stage, on_drop, on_open)
            self.columns[stage.value] = cards
            column.addWidget(title)
            column.addWidget(cards, 1)
            row.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.reminder)
        layout.addLayout(row, 1)

    def show_funnel(
        self, rows: Sequence[AmbassadorRow], rates: dict[str, float | None], idle: Sequence[AmbassadorRow], weeks: int
    ) -> None:
        """``rows``: every ambassador; ``rates``: conversion into each stage from the one before."""
        for stage in Stage:
            shown = sorted((r for r in rows if r.stage == stage.value), key=lambda r: r.name.casefold())
            self.columns[stage.value].set_cards(shown)
            self.titles[stage.value].setText(f"{stage.label().capitalize()} ({len(shown)})")
        for slug, label in self.rates.items():
            if slug == Stage.INACTIF.value:  # an exit from anywhere, not a step of the funnel
                label.setText("")
                label.setToolTip(
                    QCoreApplication.translate("FunnelBoard", "Sortie du programme, depuis n'importe quelle étape")
                )
                continue
            rate = rates.get(slug)
            label.setText("→" if rate is None else f"→\n{formatting.percent(rate)}")
            label.setToolTip(
                QCoreApplication.translate(
                    "FunnelBoard", "Part des personnes arrivées à l'étape précédente qui ont atteint celle-ci"
                )
            )
        if idle:
            names = ", ".join(r.name for r in idle[:8]) + (" …" if len(idle) > 8 else "")
            self.reminder.setText(
                ngettext(
                    "À relancer : {count} ambassadeur accueilli sans mission ni changement depuis {weeks} "
                    "semaines : {names}. Proposez-lui une première mission simple.",
                    "À relancer : {count} ambassadeurs accueillis sans mission ni changement depuis {weeks} "
                    "semaines : {names}. Proposez-leur une première mission simple.",
                    len(idle),
                    count=len(idle),
                    weeks=weeks,
                    names=names,
                )
            )
            self.reminder.show()
        else:
            self.reminder.hide()
