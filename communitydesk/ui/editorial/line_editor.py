"""La ligne éditoriale: tone and audiences, pillars with their colours, networks with their
targets, and the follower counts read on each network.

Each tab saves on its own button, in the background; a pillar is added, renamed, recoloured
or archived at once (it is never deleted: old publications keep their colour).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from communitydesk.records.editorial import EditorialLineRecord, NetworkTarget, PillarRecord
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.editorial import Network
from communitydesk.ui.campaigns.dialogs import DateField
from communitydesk.ui.tasks import Task, run_in_background

if TYPE_CHECKING:
    from communitydesk.db.database import Database


# A new pillar gets the next of these (changed with Couleur…), so two pillars rarely look alike.
NEW_PILLAR_COLOURS = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c")


class EditorialLineDialog(QDialog):
    loaded = Signal()
    saved = Signal()

    def __init__(self, parent: QWidget | None, database: Callable[[], Database], actor: Any) -> None:
        super().__init__(parent)
        self.setObjectName("editorialLineDialog")
        self.setWindowTitle(self.tr("Ligne éditoriale"))
        self._database = database
        self.actor = actor
        self.line: EditorialLineRecord | None = None

        self.message = QLabel()
        self.message.setObjectName("lineMessage")
        self.message.setWordWrap(True)

        # Tone and audiences.
        self.tone_edit = QPlainTextEdit()
        self.tone_edit.setPlaceholderText(self.tr("Chaleureux, concret, on tutoie…"))
        self.circle_checks: dict[str, QCheckBox] = {}
        circles = QWidget()
        circles_layout = QHBoxLayout(circles)
        circles_layout.setContentsMargins(0, 0, 0, 0)
        for circle in CIRCLE_ORDER:
            check = QCheckBox(circle_label(circle))
            self.circle_checks[circle.value] = check
            circles_layout.addWidget(check)
        circles_layout.addStretch(1)
        self.identity_edit = QPlainTextEdit()
        self.identity_edit.setPlaceholderText(self.tr("Couleurs, polices, logo, style des visuels…"))
        self.notes_edit = QPlainTextEdit()
        tone_tab = QWidget()
        tone_form = QFormLayout(tone_tab)
        tone_form.addRow(self.tr("Ton"), self.tone_edit)
        tone_form.addRow(self.tr("Publics visés"), circles)
        tone_form.addRow(self.tr("Identité visuelle"), self.identity_edit)
        tone_form.addRow(self.tr("Autres consignes"), self.notes_edit)

        # Pillars.
        self.pillar_table = QTableWidget(0, 3)
        self.pillar_table.setObjectName("pillarTable")
        self.pillar_table.setHorizontalHeaderLabels([self.tr("Pilier"), self.tr("Couleur"), self.tr("Description")])
        self.pillar_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pillar_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.pillar_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.pillar_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.pillar_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.pillar_table.verticalHeader().hide()
        self.pillar_table.cellDoubleClicked.connect(lambda _row, _column: self.edit_pillar())
        self.show_archived = QCheckBox(self.tr("Montrer les piliers archivés"))
        self.show_archived.toggled.connect(lambda _on: self._show_pillars())
        add_pillar = QPushButton(self.tr("Ajouter…"))
        add_pillar.setObjectName("addPillarButton")
        add_pillar.clicked.connect(lambda: self.add_pillar())
        edit_pillar = QPushButton(self.tr("Renommer / décrire…"))
        edit_pillar.clicked.connect(lambda: self.edit_pillar())
        colour_pillar = QPushButton(self.tr("Couleur…"))
        colour_pillar.clicked.connect(lambda: self.choose_colour())
        self.archive_button = QPushButton(self.tr("Archiver"))
        self.archive_button.setObjectName("archivePillarButton")
        self.archive_button.clicked.connect(lambda: self.toggle_archive())
        pillar_buttons = QHBoxLayout()
        for button in (add_pillar, edit_pillar, colour_pillar, self.archive_button):
            pillar_buttons.addWidget(button)
        pillar_buttons.addStretch(1)
        pillar_buttons.addWidget(self.show_archived)
        pillars_tab = QWidget()
        pillars_layout = QVBoxLayout(pillars_tab)
        pillars_layout.addWidget(self.pillar_table, 1)
        pillars_layout.addLayout(pillar_buttons)

        # Networks and their targets.
        self.network_table = QTableWidget(len(Network), 4)
        self.network_table.setObjectName("networkTable")
        self.network_table.setHorizontalHeaderLabels(
            [
                self.tr("Utilisé"),
                self.tr("Publications"),
                self.tr("Toutes les … semaines"),
                self.tr("Adresse du compte"),
            ]
        )
        self.network_table.setVerticalHeaderLabels([network.label() for network in Network])
        self.network_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.network_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.network_widgets: dict[str, tuple[QCheckBox, QSpinBox, QSpinBox, QLineEdit]] = {}
        for row, network in enumerate(Network):
            active = QCheckBox()
            count = QSpinBox()
            count.setRange(0, 50)
            weeks = QSpinBox()
            weeks.setRange(1, 12)
            url = QLineEdit()
            url.setPlaceholderText("https://…")
            for column, widget in enumerate((active, count, weeks, url)):
                self.network_table.setCellWidget(row, column, widget)
            self.network_widgets[network.value] = (active, count, weeks, url)
        network_hint = QLabel(
            QCoreApplication.translate(
                "EditorialLineDialog",
                "Objectif de régularité : par exemple LinkedIn 2 publications toutes les 1 semaine, "
                "la lettre d'information 1 toutes les 2 semaines. 0 : pas d'objectif.",
            )
        )
        network_hint.setWordWrap(True)
        networks_tab = QWidget()
        networks_layout = QVBoxLayout(networks_tab)
        networks_layout.addWidget(network_hint)
        networks_layout.addWidget(self.network_table, 1)

        # Followers.
        self.follower_network = QComboBox()
        self.follower_network.setObjectName("followerNetwork")
        for network in Network:
            self.follower_network.addItem(network.label(), network.value)
        self.follower_day = DateField()
        from communitydesk import formatting

        self.follower_day.set_day(formatting.local_today())
        self.follower_count = QSpinBox()
        self.follower_count.setObjectName("followerCount")
        self.follower_count.setRange(0, 100_000_000)
        self.follower_count.setGroupSeparatorShown(True)
        save_followers = QPushButton(self.tr("Enregistrer ce nombre"))
        save_followers.setObjectName("saveFollowersButton")
        save_followers.clicked.connect(lambda: self.save_followers())
        followers_tab = QWidget()
        followers_form = QFormLayout(followers_tab)
        followers_hint = QLabel(
            self.tr("Notez le nombre d'abonnés de temps en temps (chaque mois) : le rapport en tire la croissance.")
        )
        followers_hint.setWordWrap(True)
        followers_form.addRow(followers_hint)
        followers_form.addRow(self.tr("Réseau"), self.follower_network)
        followers_form.addRow(self.tr("Date"), self.follower_day)
        followers_form.addRow(self.tr("Abonnés"), self.follower_count)
        followers_form.addRow("", save_followers)

        self.tabs = QTabWidget()
        self.tabs.addTab(tone_tab, self.tr("Ton et publics"))
        self.tabs.addTab(pillars_tab, self.tr("Piliers"))
        self.tabs.addTab(networks_tab, self.tr("Réseaux et objectifs"))
        self.tabs.addTab(followers_tab, self.tr("Abonnés"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Enregistrer ton, publics et réseaux")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 520)
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> Task:
        actor = self.actor

        def work(_ctx: Any) -> EditorialLineRecord:
            from communitydesk.services import editorial

            return editorial.editorial_line(self._database(), actor)

        return run_in_background(self, work, on_success=self._show)

    def _show(self, line: EditorialLineRecord) -> None:
        self.line = line
        self.tone_edit.setPlainText(line.tone)
        for circle, check in self.circle_checks.items():
            check.setChecked(circle in line.target_circles)
        self.identity_edit.setPlainText(line.visual_identity)
        self.notes_edit.setPlainText(line.notes)
        targets = {target.network: target for target in line.networks}
        for network, (active, count, weeks, url) in self.network_widgets.items():
            target = targets.get(network)
            active.setChecked(bool(target and target.active))
            count.setValue(target.target_count if target else 0)
            weeks.setValue(target.target_weeks if target else 1)
            url.setText(target.account_url if target else "")
        self._show_pillars()
        self.loaded.emit()

    def pillars(self) -> list[PillarRecord]:
        if self.line is None:
            return []
        return [p for p in self.line.pillars if self.show_archived.isChecked() or not p.archived]

    def _show_pillars(self) -> None:
        pillars = self.pillars()
        self.pillar_table.setRowCount(len(pillars))
        for row, pillar in enumerate(pillars):
            name = QTableWidgetItem(pillar.name)
            name.setData(Qt.ItemDataRole.UserRole, pillar)
            if pillar.archived:
                name.setText(self.tr("{name} (archivé)").format(name=pillar.name))
                name.setForeground(QColor("#8A867C"))
            swatch = QTableWidgetItem(pillar.colour)
            swatch.setBackground(QColor(pillar.colour))
            swatch.setForeground(QColor("#FFFFFF") if QColor(pillar.colour).lightness() < 140 else QColor("#000000"))
            self.pillar_table.setItem(row, 0, name)
            self.pillar_table.setItem(row, 1, swatch)
            self.pillar_table.setItem(row, 2, QTableWidgetItem(pillar.description))

    def selected_pillar(self) -> PillarRecord | None:
        row = self.pillar_table.currentRow()
        item = self.pillar_table.item(row, 0) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, PillarRecord) else None

    # -- writing ------------------------------------------------------------------------------

    def _run(self, work: Callable[[Any], object], message: str) -> Task:
        def done(_result: object) -> None:
            self.message.setStyleSheet("color: #2E6B5E;")
            self.message.setText(message)
            self.saved.emit()
            self.reload()

        def failed(error: str) -> None:
            self.message.setStyleSheet("color: #B3261E;")
            self.message.setText(error)

        return run_in_background(self, work, on_success=done, on_failure=failed)

    def save_pillar(self, pillar: PillarRecord) -> Task:
        actor = self.actor

        def work(_ctx: Any) -> int:
            from communitydesk.services import editorial

            return editorial.save_pillar(self._database(), actor, pillar)

        return self._run(work, self.tr("Pilier « {name} » enregistré.").format(name=pillar.name))

    def add_pillar(self, name: str | None = None) -> Task | None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Nouveau pilier"), self.tr("Nom du pilier :"))
            if not ok:
                return None
        return self.save_pillar(
            PillarRecord(
                name=name.strip(),
                colour=NEW_PILLAR_COLOURS[len(self.line.pillars) % len(NEW_PILLAR_COLOURS)]
                if self.line
                else NEW_PILLAR_COLOURS[0],
            )
        )

    def edit_pillar(self) -> Task | None:
        pillar = self.selected_pillar()
        if pillar is None:
            return None
        name, ok = QInputDialog.getText(
            self, self.tr("Renommer le pilier"), self.tr("Nom du pilier :"), text=pillar.name
        )
        if not ok:
            return None
        description, ok = QInputDialog.getMultiLineText(
            self, self.tr("Décrire le pilier"), self.tr("Ce que ce pilier raconte :"), pillar.description
        )
        if not ok:
            return None
        return self.save_pillar(replace(pillar, name=name.strip(), description=description))

    def choose_colour(self, colour: str | None = None) -> Task | None:
        pillar = self.selected_pillar()
        if pillar is None:
            return None
        if colour is None:
            chosen = QColorDialog.getColor(QColor(pillar.colour), self, self.tr("Couleur du pilier"))
            if not chosen.isValid():
                return None
            colour = chosen.name()
        return self.save_pillar(replace(pillar, colour=colour))

    def toggle_archive(self) -> Task | None:
        """Archive the chosen pillar (its posts keep their colour), or bring an archived one back."""
        pillar = self.selected_pillar()
        if pillar is None or pillar.id is None:
            return None
        actor, pillar_id, archived = self.actor, pillar.id, not pillar.archived

        def work(_ctx: Any) -> object:
            from communitydesk.services import editorial

            editorial.archive_pillar(self._database(), actor, pillar_id, archived)
            return None

        if archived:
            message = self.tr("Pilier « {name} » archivé.").format(name=pillar.name)
        else:
            message = self.tr("Pilier « {name} » rétabli.").format(name=pillar.name)
        return self._run(work, message)

    def line_record(self) -> EditorialLineRecord:
        return replace(
            self.line or EditorialLineRecord(),
            tone=self.tone_edit.toPlainText(),
            target_circles=tuple(circle for circle, check in self.circle_checks.items() if check.isChecked()),
            visual_identity=self.identity_edit.toPlainText(),
            notes=self.notes_edit.toPlainText(),
            networks=tuple(self.network_targets()),
        )

    def network_targets(self) -> list[NetworkTarget]:
        return [
            NetworkTarget(
                network=network,
                active=active.isChecked(),
                target_count=count.value(),
                target_weeks=weeks.value(),
                account_url=url.text().strip(),
            )
            for network, (active, count, weeks, url) in self.network_widgets.items()
        ]

    def save(self) -> Task:
        """Tone, audiences and every network's target, in one save."""
        actor, record = self.actor, self.line_record()

        def work(_ctx: Any) -> object:
            from communitydesk.services import editorial

            return editorial.save_editorial_line(self._database(), actor, record)

        return self._run(work, self.tr("Ligne éditoriale enregistrée."))

    def save_followers(self) -> Task | None:
        day = self.follower_day.day()
        if day is None:
            return None
        actor, network, followers = self.actor, self.follower_network.currentData(), self.follower_count.value()

        def work(_ctx: Any) -> object:
            from communitydesk.services import editorial

            editorial.save_follower_count(self._database(), actor, network, day, followers)
            return None

        return self._run(work, self.tr("Nombre d'abonnés enregistré."))
