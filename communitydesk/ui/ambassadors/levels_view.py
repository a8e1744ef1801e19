"""The Niveaux tab: the leaderboard, and the ladder's rules with « Aperçu » of who would move.

Levels are computed from the missions, never typed: editing a threshold recomputes everyone,
so the editor shows who changes level before anything is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.records.ambassador_levels import LevelMove, Standing
from communitydesk.records.ambassadors import ReferralCounts
from communitydesk.rules.ambassador_levels import LevelRule
from communitydesk.services.permissions import Action, Actor
from communitydesk.ui.campaigns.record_table import Column, RecordSortProxy, RecordTableModel, record_view
from communitydesk.ui.widgets.rights import guard, guard_fields

THRESHOLDS = ("min_validated_missions", "min_positive_percent", "min_months")


def referral_total(counts: ReferralCounts) -> int:
    """People and contributions an ambassador's code brought, as one number for a column."""
    return counts.contacts + counts.contributions


def standing_columns() -> list[Column[Standing]]:
    return [
        Column(QCoreApplication.translate("Leaderboard", "Prénom et nom"), lambda s: s.name),
        Column(QCoreApplication.translate("Leaderboard", "Points"), lambda s: str(s.points), lambda s: s.points, True),
        Column(QCoreApplication.translate("Leaderboard", "Niveau"), lambda s: s.level_name),
        Column(
            QCoreApplication.translate("Leaderboard", "Validées"),
            lambda s: str(s.validated_missions),
            lambda s: s.validated_missions,
            True,
        ),
        Column(
            QCoreApplication.translate("Leaderboard", "Réussite"),
            lambda s: "" if s.positive_percent is None else f"{s.positive_percent} %",
            lambda s: -1 if s.positive_percent is None else s.positive_percent,
            True,
        ),
        Column(
            QCoreApplication.translate("Leaderboard", "Parrainages"),
            lambda s: str(referral_total(s.referrals)),
            lambda s: referral_total(s.referrals),
            True,
        ),
        Column(QCoreApplication.translate("Leaderboard", "Badges"), lambda s: ", ".join(b.label() for b in s.badges)),
    ]


def move_text(move: LevelMove) -> str:
    old = move.old.name if move.old else "—"
    new = move.new.name if move.new else "—"
    return f"{move.name} : {old} → {new}"


class LevelsView(QWidget):
    preview_requested = Signal(object)  # list[LevelRule]
    save_requested = Signal(object)  # list[LevelRule]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels: list[LevelRule] = []
        self.model: RecordTableModel[Standing] = RecordTableModel(standing_columns(), self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.board = record_view(self.proxy, "leaderboard", sort_column=1, descending=True)
        self.board.horizontalHeader().setStretchLastSection(True)

        self.rules = QTableWidget(0, 4)
        self.rules.setObjectName("levelRules")
        self.rules.setHorizontalHeaderLabels(
            [self.tr("Niveau"), self.tr("Missions validées"), self.tr("Réussite (%)"), self.tr("Mois")]
        )
        self.rules.verticalHeader().hide()
        self.rules.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rules.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview_button = QPushButton(self.tr("Aperçu"))
        self.preview_button.setObjectName("previewLevelsButton")
        self.preview_button.setToolTip(self.tr("Voir qui changerait de niveau, sans rien enregistrer"))
        self.preview_button.clicked.connect(lambda: self.preview_requested.emit(self.edited_levels()))
        self.save_button = QPushButton(self.tr("Enregistrer les règles"))
        self.save_button.setObjectName("saveLevelsButton")
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.edited_levels()))
        self.reset_button = QPushButton(self.tr("Revenir aux règles enregistrées"))
        self.reset_button.clicked.connect(lambda: self.show_levels(self.levels))
        self.moves = QListWidget()
        self.moves.setObjectName("levelMoves")
        self.moves_label = QLabel()
        self.moves_label.setObjectName("levelMovesLabel")
        self.moves_label.setWordWrap(True)
        hint = QLabel(
            QCoreApplication.translate(
                "LevelsView",
                "Un niveau est atteint quand les trois seuils le sont : missions validées, part des missions "
                "réalisées qui ont été validées, et mois depuis l'accueil. Modifiez les seuils, cliquez sur "
                "« Aperçu » pour voir qui change de niveau, puis enregistrez.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F5B52; font-size: 9pt;")

        board_box = QGroupBox(self.tr("Classement"))
        board_layout = QVBoxLayout(board_box)
        board_layout.addWidget(self.board)
        rules_box = QGroupBox(self.tr("Règles des niveaux"))
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(hint)
        rules_layout.addWidget(self.rules, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        rules_layout.addLayout(buttons)
        rules_layout.addWidget(self.moves_label)
        rules_layout.addWidget(self.moves, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(board_box, 3)
        layout.addWidget(rules_box, 2)

    def set_actor(self, actor: Actor) -> None:
        """Disabled, with the reason, for a profile that may not manage the programme."""
        self.save_button.setEnabled(True)
        guard(self.save_button, actor, Action.MANAGE_AMBASSADORS)
        # Names and thresholds typed by who cannot save them would be lost: the rules are locked too.
        guard_fields([self.rules], actor, Action.MANAGE_AMBASSADORS)

    def show_standings(self, standings: Sequence[Standing]) -> None:
        self.model.set_records(standings)

    def show_levels(self, levels: Sequence[LevelRule]) -> None:
        self.levels = list(levels)
        self.rules.setRowCount(len(levels))
        for row, level in enumerate(levels):
            name = QTableWidgetItem(level.name)
            name.setData(Qt.ItemDataRole.UserRole, level.slug)
            name.setToolTip(self.tr("Identifiant stable : {slug}").format(slug=level.slug))
            self.rules.setItem(row, 0, name)
            for column, (attribute, maximum) in enumerate(zip(THRESHOLDS, (1000, 100, 600), strict=True), start=1):
                spin = QSpinBox()
                spin.setRange(0, maximum)
                spin.setValue(int(getattr(level, attribute)))
                self.rules.setCellWidget(row, column, spin)
        self.moves.clear()
        self.moves_label.clear()

    def spin(self, row: int, column: int) -> QSpinBox:
        widget = self.rules.cellWidget(row, column)
        assert isinstance(widget, QSpinBox)
        return widget

    def edited_levels(self) -> list[LevelRule]:
        edited = []
        for row in range(self.rules.rowCount()):
            item = self.rules.item(row, 0)
            assert item is not None
            values = [self.spin(row, column).value() for column in (1, 2, 3)]
            edited.append(LevelRule(str(item.data(Qt.ItemDataRole.UserRole)), item.text().strip(), row, *values))
        return edited

    def show_moves(self, moves: Sequence[LevelMove], *, saved: bool) -> None:
        self.moves.clear()
        for move in moves:
            self.moves.addItem(move_text(move))
        if saved:
            text = ngettext(
                "Règles enregistrées : {count} ambassadeur a changé de niveau.",
                "Règles enregistrées : {count} ambassadeurs ont changé de niveau.",
                len(moves),
            )
        elif moves:
            text = ngettext(
                "Avec ces règles, {count} ambassadeur changerait de niveau :",
                "Avec ces règles, {count} ambassadeurs changeraient de niveau :",
                len(moves),
            )
        else:
            text = self.tr("Avec ces règles, personne ne changerait de niveau.")
        self.moves_label.setText(text.format(count=formatting.number(len(moves))))
