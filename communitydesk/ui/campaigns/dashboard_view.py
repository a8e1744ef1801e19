"""The campaign dashboard: total and % of goal, days left, pace chart, circles, tiers, new contacts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.records.campaign_figures import CampaignDashboard, TierFigure
from communitydesk.records.campaign_page import MoveProposal
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.ui.campaigns.pace_chart import CampaignPaceChart
from communitydesk.ui.campaigns.record_table import Column, RecordTableModel
from communitydesk.ui.widgets.circles import circle_colour

STYLE = """
QFrame#campaignCard { background: white; border: 1px solid #e2ded4; border-radius: 10px; }
QLabel#campaignCardTitle { color: #555; font-size: 9pt; }
QLabel#campaignCardValue { color: #1F3B34; font-size: 18pt; font-weight: 600; }
QLabel#campaignCardCaption { color: #777; font-size: 9pt; }
QLabel#sectionTitle { font-size: 11pt; font-weight: 600; color: #1F3B34; }
"""


class FigureCard(QFrame):
    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignCard")
        self.setProperty("key", key)
        self.title = QLabel(title)
        self.title.setObjectName("campaignCardTitle")
        self.value = QLabel("–")
        self.value.setObjectName("campaignCardValue")
        self.value.setAccessibleName(title)
        self.caption = QLabel("")
        self.caption.setObjectName("campaignCardCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)


def tier_columns() -> list[Column[TierFigure]]:
    return [
        Column(QCoreApplication.translate("CampaignDashboardView", "Contrepartie"), lambda t: t.title),
        Column(
            QCoreApplication.translate("CampaignDashboardView", "Prix"),
            lambda t: formatting.money(t.amount_cents),
            lambda t: t.amount_cents,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignDashboardView", "Choisie"),
            lambda t: formatting.number(t.contributions),
            lambda t: t.contributions,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignDashboardView", "Montant"),
            lambda t: formatting.money(t.total_cents),
            lambda t: t.total_cents,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignDashboardView", "Stock restant"),
            lambda t: (
                QCoreApplication.translate("CampaignDashboardView", "illimité")
                if t.stock_left is None
                else formatting.number(t.stock_left)
            ),
            lambda t: -1 if t.stock_left is None else t.stock_left,
            align_right=True,
        ),
    ]


class CampaignDashboardView(QWidget):
    """Shows a :class:`CampaignDashboard`; asks the page to move grand-public backers inward."""

    propose_moves = Signal()
    pdf_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDashboard")
        self.setStyleSheet(STYLE)
        self.cards: dict[str, FigureCard] = {}
        cards_row = QHBoxLayout()
        for key, title in (
            ("total", self.tr("Collecté")),
            ("goal", self.tr("Objectif atteint")),
            ("days_left", self.tr("Jours restants")),
            ("backers", self.tr("Contributeurs")),
            ("new_contacts", self.tr("Nouveaux contacts")),
        ):
            card = FigureCard(key, title)
            self.cards[key] = card
            cards_row.addWidget(card, 1)
        self.goal_bar = QProgressBar()
        self.goal_bar.setObjectName("goalProgress")
        self.goal_bar.setRange(0, 1000)
        self.goal_bar.setTextVisible(True)
        self.goal_bar.setStyleSheet(
            "QProgressBar { border: 1px solid #ddd; border-radius: 5px; background: #f4f4f4; text-align: center; }"
            "QProgressBar::chunk { background: #2E6B5E; border-radius: 4px; }"
        )
        self.chart = CampaignPaceChart()
        self.chart.setMinimumHeight(260)
        self.pace_label = QLabel()
        self.pace_label.setObjectName("paceLabel")
        self.pace_label.setWordWrap(True)

        circles_box = QVBoxLayout()
        circles_title = QLabel(self.tr("Part de chaque cercle"))
        circles_title.setObjectName("sectionTitle")
        circles_box.addWidget(circles_title)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Cercle</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Montant</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Contributeurs</b>")), 0, 2)
        self.circle_amounts: dict[str, QLabel] = {}
        self.circle_backers: dict[str, QLabel] = {}
        self.circle_bars: dict[str, QProgressBar] = {}
        for row, circle in enumerate(CIRCLE_ORDER, start=1):
            name = QLabel(circle_label(circle))
            amount, backers = QLabel("–"), QLabel("–")
            amount.setObjectName(f"circleAmount_{circle.value}")
            backers.setObjectName(f"circleBackers_{circle.value}")
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setFixedWidth(120)
            bar.setStyleSheet(
                "QProgressBar { border: 1px solid #ddd; border-radius: 4px; background: #f4f4f4; text-align: center; }"
                f"QProgressBar::chunk {{ background: {circle_colour(circle).name()}; border-radius: 3px; }}"
            )
            grid.addWidget(name, row, 0)
            grid.addWidget(amount, row, 1)
            grid.addWidget(backers, row, 2)
            grid.addWidget(bar, row, 3)
            self.circle_amounts[circle.value], self.circle_backers[circle.value] = amount, backers
            self.circle_bars[circle.value] = bar
        circles_box.addLayout(grid)
        self.close_label = QLabel()
        self.close_label.setObjectName("closeCirclesLabel")
        self.close_label.setWordWrap(True)
        circles_box.addWidget(self.close_label)
        self.moves_button = QPushButton(self.tr("Rapprocher des contributeurs du grand public…"))
        self.moves_button.setObjectName("proposeMovesButton")
        self.moves_button.clicked.connect(self.propose_moves)
        circles_box.addWidget(self.moves_button)
        self.pdf_button = QPushButton(self.tr("Rapport de campagne (PDF)…"))
        self.pdf_button.setObjectName("campaignReportPdfButton")
        self.pdf_button.clicked.connect(self.pdf_requested)
        circles_box.addWidget(self.pdf_button)
        circles_box.addStretch(1)

        tiers_box = QVBoxLayout()
        tiers_title = QLabel(self.tr("Contreparties les plus choisies"))
        tiers_title.setObjectName("sectionTitle")
        tiers_box.addWidget(tiers_title)
        self.tiers_model: RecordTableModel[TierFigure] = RecordTableModel(tier_columns(), self)
        self.tiers_view = QTableView()
        self.tiers_view.setObjectName("topTiers")
        self.tiers_view.setModel(self.tiers_model)
        self.tiers_view.verticalHeader().hide()
        self.tiers_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tiers_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tiers_view.setMinimumHeight(150)
        self.tiers_view.setMaximumHeight(220)
        tiers_box.addWidget(self.tiers_view)

        bottom = QHBoxLayout()
        bottom.addLayout(circles_box, 1)
        bottom.addLayout(tiers_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(cards_row)
        layout.addWidget(self.goal_bar)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.pace_label)
        layout.addLayout(bottom)
        self.dashboard: CampaignDashboard | None = None
        self.proposals: list[MoveProposal] = []

    def show_dashboard(self, board: CampaignDashboard, proposals: list[MoveProposal]) -> None:
        self.dashboard, self.proposals = board, proposals
        campaign = board.campaign
        ratio = board.goal_ratio
        self.cards["total"].set(
            formatting.money(board.total_cents, campaign.currency),
            self.tr("sur {goal}").format(goal=formatting.money(campaign.goal_cents, campaign.currency))
            if campaign.goal_cents
            else self.tr("aucun objectif fixé"),
        )
        self.cards["goal"].set(formatting.percent(ratio) if ratio is not None else "–")
        if board.days_left is None:
            self.cards["days_left"].set("–", self.tr("pas de date de fin"))
        else:
            self.cards["days_left"].set(
                formatting.number(board.days_left),
                self.tr("fin le {day}").format(day=formatting.day(campaign.ends_on, "short"))
                if campaign.ends_on
                else "",
            )
        self.cards["backers"].set(
            formatting.number(board.backers),
            self.tr("{count} contributions").format(count=formatting.number(board.contributions)),
        )
        self.cards["new_contacts"].set(formatting.number(board.new_contacts), self.tr("arrivés par cette campagne"))
        self.goal_bar.setValue(min(1000, round((ratio or 0) * 1000)))
        self.goal_bar.setFormat(formatting.percent(ratio or 0.0))
        self.chart.set_series(board.cumulative, board.goal_line, board.projection, campaign.goal_cents)
        pace = [self.chart.describe()]
        if board.refunded_cents:
            pace.append(
                self.tr("Remboursé : {amount} (hors total).").format(amount=formatting.money(board.refunded_cents))
            )
        if board.pending_cents:
            pace.append(
                self.tr("En attente : {amount} (hors total).").format(amount=formatting.money(board.pending_cents))
            )
        self.pace_label.setText(" — ".join(pace))
        total = board.total_cents
        for circle in CIRCLE_ORDER:
            share = board.by_circle[circle.value]
            self.circle_amounts[circle.value].setText(formatting.money(share.amount_cents, campaign.currency))
            self.circle_backers[circle.value].setText(formatting.number(share.backers))
            ratio_circle = share.amount_cents / total if total else 0.0
            self.circle_bars[circle.value].setValue(round(ratio_circle * 1000))
            self.circle_bars[circle.value].setFormat(formatting.percent(ratio_circle))
        check = board.close_circles
        text = QCoreApplication.translate(
            "CampaignDashboardView",
            "Proches et communauté : {amount}, soit {share} de l'objectif (repère habituel : ~30 %).",
        ).format(amount=formatting.money(check.close_cents), share=formatting.percent(check.close_ratio_of_goal or 0.0))
        if check.first_wave_close_share is not None:
            text += " " + self.tr("Les premiers 30 % venaient à {share} des cercles proches.").format(
                share=formatting.percent(check.first_wave_close_share)
            )
        self.close_label.setText(text)
        self.moves_button.setEnabled(bool(proposals))
        self.moves_button.setText(
            ngettext(
                "Rapprocher {count} contributeur du grand public…",
                "Rapprocher {count} contributeurs du grand public…",
                len(proposals),
                count=len(proposals),
            )
            if proposals
            else self.tr("Aucun contributeur du grand public à rapprocher")
        )
        self.tiers_model.set_records(board.top_tiers)
