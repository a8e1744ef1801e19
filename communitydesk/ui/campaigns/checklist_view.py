"""Before the launch: who among the proches and the communauté has been told, and what is ready."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.campaign_page import PrelaunchChecklist, UntoldContact
from communitydesk.rules.circles import circle_label
from communitydesk.ui.widgets.circles import circle_colour

ANNOUNCE_KINDS = ("email", "call", "meeting", "event", "note")


class ChecklistView(QWidget):
    announce_requested = Signal(list, str)  # contact ids, touch-point kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prelaunchChecklist")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("checklistItems")
        self.items.setMaximumHeight(120)
        grid = QGridLayout()
        self.reach_labels: dict[str, QLabel] = {}
        self.reach_bars: dict[str, QProgressBar] = {}
        for row, circle in enumerate(("proches", "communaute")):
            label = QLabel()
            label.setObjectName(f"reach_{circle}")
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setStyleSheet(
                "QProgressBar { border: 1px solid #ddd; border-radius: 4px; background: #f4f4f4; text-align: center; }"
                f"QProgressBar::chunk {{ background: {circle_colour(circle).name()}; border-radius: 3px; }}"
            )
            grid.addWidget(QLabel(f"<b>{circle_label(circle)}</b>"), row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(label, row, 2)
            self.reach_labels[circle], self.reach_bars[circle] = label, bar
        self.target_label = QLabel()
        self.target_label.setObjectName("closeTargetLabel")
        self.target_label.setWordWrap(True)
        untold_title = QLabel(self.tr("<b>Pas encore prévenus</b> (proches d'abord)"))
        self.untold = QListWidget()
        self.untold.setObjectName("untoldContacts")
        self.untold.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.kind_combo = QComboBox()
        for kind, label_text in zip(
            ANNOUNCE_KINDS,
            (
                self.tr("par courriel"),
                self.tr("par téléphone"),
                self.tr("de vive voix"),
                self.tr("lors d'un événement"),
                self.tr("autrement (note)"),
            ),
            strict=True,
        ):
            self.kind_combo.addItem(label_text, kind)
        self.announce_button = QPushButton(self.tr("Noter comme prévenus"))
        self.announce_button.setObjectName("announceButton")
        self.announce_button.clicked.connect(self._announce)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Prévenus")))
        actions.addWidget(self.kind_combo)
        actions.addWidget(self.announce_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.items)
        layout.addLayout(grid)
        layout.addWidget(self.target_label)
        layout.addWidget(untold_title)
        layout.addWidget(self.untold, 1)
        layout.addLayout(actions)

    def show_checklist(self, checklist: PrelaunchChecklist, untold: list[UntoldContact]) -> None:
        self.intro.setText(
            QCoreApplication.translate(
                "ChecklistView",
                "Un contact proche ou de la communauté compte comme prévenu s'il a, depuis le {day} (début de la "
                "préparation), un échange qui cite « {name} » ou une contribution à la campagne.",
            ).format(day=formatting.day(checklist.since, "long"), name=checklist.campaign.name)
        )
        self.items.clear()
        for item in checklist.items:
            entry = QListWidgetItem(("✔ " if item.done else "☐ ") + item.label)
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            entry.setForeground(Qt.GlobalColor.darkGreen if item.done else Qt.GlobalColor.darkGray)
            self.items.addItem(entry)
        for reach in checklist.reach:
            ratio = reach.told / reach.contacts if reach.contacts else 0.0
            self.reach_bars[reach.circle].setValue(round(ratio * 1000))
            self.reach_bars[reach.circle].setFormat(formatting.percent(ratio))
            self.reach_labels[reach.circle].setText(
                self.tr("{told} prévenus sur {total}").format(
                    told=formatting.number(reach.told), total=formatting.number(reach.contacts)
                )
            )
        self.target_label.setText(
            QCoreApplication.translate(
                "ChecklistView",
                "Repère : les premiers ~30 % de l'objectif viennent d'habitude des proches et de la communauté, "
                "soit {target} ici. Ils ont donné {given} pour l'instant.",
            ).format(
                target=formatting.money(checklist.close_target_cents), given=formatting.money(checklist.close_cents)
            )
        )
        self.untold.clear()
        for contact in untold:
            text = f"{contact.name} — {circle_label(contact.circle)}"
            if contact.email or contact.phone:
                text += f" — {contact.email or contact.phone}"
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, contact.contact_id)
            self.untold.addItem(entry)

    def _announce(self) -> None:
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.untold.selectedItems()]
        if ids:
            self.announce_requested.emit(ids, self.kind_combo.currentData())
