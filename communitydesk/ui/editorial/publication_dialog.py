"""Create or edit a publication: its text, networks, day, pillar, status steps and results.

Enregistrer saves the fields (``save``), the status buttons move it one step along the
pipeline (``move``: only the steps ``rules.editorial.TRANSITIONS`` allows are offered); a
step saves what was typed first. Results per network can be typed once it is published.
Errors (a stale save included) come back as the service's French sentence, in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.editorial import PillarRecord, PublicationDraft, PublicationRecord, StatusChangeRecord
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.editorial import TRANSITIONS, Network, PublicationStatus
from communitydesk.ui.campaigns.dialogs import DateField, SavingDialog
from communitydesk.ui.editorial.publication_items import status_label
from communitydesk.ui.tasks import run_in_background

ResultRow = tuple[str, int, int, int, int]  # network, views, reactions, comments, shares
# Each receives the publication as the dialog last read it (None: not created yet).
SaveFunction = Callable[[PublicationRecord | None, PublicationDraft, list[ResultRow]], PublicationRecord]
MoveFunction = Callable[[PublicationRecord | None, PublicationDraft, str], PublicationRecord]
RESULT_FIELDS = ("views", "reactions", "comments", "shares")
HISTORY_LINES = 3


def step_label(old: PublicationStatus, new: PublicationStatus) -> str:
    """The button that moves a post from ``old`` to ``new``, said as the gesture it is."""

    if new is PublicationStatus.A_VALIDER:
        return QCoreApplication.translate("PublicationDialog", "Envoyer à la validation")
    if new is PublicationStatus.PRETE and old is PublicationStatus.A_VALIDER:
        return QCoreApplication.translate("PublicationDialog", "Approuver")
    if new is PublicationStatus.PRETE:
        return QCoreApplication.translate("PublicationDialog", "Annuler « publiée »")
    if new is PublicationStatus.PUBLIEE:
        return QCoreApplication.translate("PublicationDialog", "Marquer publiée")
    if new is PublicationStatus.ABANDONNEE:
        return QCoreApplication.translate("PublicationDialog", "Abandonner")
    if new is PublicationStatus.IDEE:
        return QCoreApplication.translate("PublicationDialog", "Revenir à l'idée")
    if old is PublicationStatus.IDEE:
        return QCoreApplication.translate("PublicationDialog", "Passer à la rédaction")
    return QCoreApplication.translate("PublicationDialog", "Renvoyer en rédaction")


class PublicationDialog(SavingDialog):
    #: After a status step: the publication as saved (the dialog stays open).
    moved = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        save: SaveFunction,
        move: MoveFunction,
        pillars: tuple[PillarRecord, ...],
        authors: list[str],
        segments: list[tuple[int, str]],
        record: PublicationRecord | None = None,
        draft: PublicationDraft | None = None,
    ) -> None:
        super().__init__(parent, lambda data: save(*data))
        self.saved.connect(self._remember)
        self._move = move
        self.setObjectName("publicationDialog")
        self.record = record
        self.setWindowTitle(self.tr("Modifier la publication") if record else self.tr("Nouvelle publication"))
        data = record.as_draft() if record is not None else draft or PublicationDraft()
        self._first_status = data.status
        self._partner_id = data.partner_contact_id

        self.title_edit = QLineEdit(data.title)
        self.body_edit = QPlainTextEdit(data.body)
        self.body_edit.setMinimumHeight(90)
        self.network_checks: dict[str, QCheckBox] = {}
        networks = QWidget()
        grid = QGridLayout(networks)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, network in enumerate(Network):
            check = QCheckBox(network.label())
            check.setChecked(network.value in data.networks)
            self.network_checks[network.value] = check
            grid.addWidget(check, index // 4, index % 4)
        self.pillar_combo = QComboBox()
        self.pillar_combo.addItem(self.tr("Sans pilier"), None)
        for pillar in pillars:
            if not pillar.archived or pillar.id == data.pillar_id:
                self.pillar_combo.addItem(pillar.name, pillar.id)
        self.pillar_combo.setCurrentIndex(max(0, self.pillar_combo.findData(data.pillar_id)))
        # One audience: a circle, or a saved segment of the contacts (« Bénévoles du quartier »).
        self.circle_combo = QComboBox()
        self.circle_combo.addItem(self.tr("Tous publics"), "")
        for circle in CIRCLE_ORDER:
            self.circle_combo.addItem(circle_label(circle), f"circle:{circle.value}")
        for segment_id, name in segments:
            self.circle_combo.addItem(self.tr("Segment : {name}").format(name=name), f"segment:{segment_id}")
        chosen = (
            f"segment:{data.target_segment_id}"
            if data.target_segment_id is not None
            else f"circle:{data.target_circle}"
            if data.target_circle
            else ""
        )
        self.circle_combo.setCurrentIndex(max(0, self.circle_combo.findData(chosen)))
        self.day_edit = DateField()
        self.day_edit.set_day(data.planned_on)
        self.day_edit.setToolTip(self.tr("Sans date, la publication reste dans les idées."))
        self.time_check = QCheckBox(self.tr("à"))
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_check.setChecked(data.planned_time is not None)
        self.time_edit.setEnabled(data.planned_time is not None)
        if data.planned_time is not None:
            self.time_edit.setTime(QTime(data.planned_time.hour, data.planned_time.minute))
        else:
            self.time_edit.setTime(QTime(9, 0))
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        when = QWidget()
        when_layout = QHBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.addWidget(self.day_edit)
        when_layout.addWidget(self.time_check)
        when_layout.addWidget(self.time_edit)
        when_layout.addStretch(1)
        self.author_edit = QLineEdit(data.author)
        if authors:
            self.author_edit.setCompleter(QCompleter(authors, self.author_edit))
        self.link_edit = QLineEdit(data.link)
        self.link_edit.setPlaceholderText("https://…")
        self.attachment_list = QListWidget()
        self.attachment_list.setObjectName("attachmentList")
        self.attachment_list.setMaximumHeight(70)
        self.attachment_list.addItems(list(data.attachments))
        self.attachment_list.itemDoubleClicked.connect(lambda item: self.open_attachment(item.text()))
        add_file = QPushButton(self.tr("Ajouter…"))
        add_file.clicked.connect(self.choose_attachments)
        open_file = QPushButton(self.tr("Ouvrir"))
        open_file.clicked.connect(self._open_selected_attachment)
        remove_file = QPushButton(self.tr("Retirer"))
        remove_file.clicked.connect(self._remove_selected_attachments)
        files = QWidget()
        files_layout = QHBoxLayout(files)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.attachment_list, 1)
        file_buttons = QWidget()
        file_buttons_layout = QVBoxLayout(file_buttons)
        file_buttons_layout.setContentsMargins(0, 0, 0, 0)
        for button in (add_file, open_file, remove_file):
            file_buttons_layout.addWidget(button)
        files_layout.addWidget(file_buttons)
        self.sponsored_check = QCheckBox(self.tr("Publication rémunérée ou offerte (ambassadeur, partenaire)"))
        self.sponsored_check.setChecked(data.sponsored)
        self.mention_check = QCheckBox(self.tr("Porte la mention « collaboration commerciale »"))
        self.mention_check.setChecked(data.commercial_mention)
        self.mention_warning = QLabel(
            QCoreApplication.translate(
                "PublicationDialog",
                "⚠ Une publication rémunérée ou offerte doit porter la mention « collaboration commerciale » "
                "(loi du 9 juin 2023).",
            )
        )
        self.mention_warning.setObjectName("mentionWarning")
        self.mention_warning.setWordWrap(True)
        self.mention_warning.setStyleSheet("color: #B3261E; font-weight: 600;")
        self.sponsored_check.toggled.connect(self._update_warning)
        self.mention_check.toggled.connect(self._update_warning)

        self.add_field("title", self.tr("Titre"), self.title_edit)
        self.add_field("body", self.tr("Texte"), self.body_edit)
        self.add_field("networks", self.tr("Réseaux"), networks)
        self.add_field("pillar_id", self.tr("Pilier"), self.pillar_combo)
        self.add_field("target_circle", self.tr("Public visé"), self.circle_combo)
        self.add_field("planned_on", self.tr("Date"), when)
        self.add_field("author", self.tr("Auteur"), self.author_edit)
        self.add_field("link", self.tr("Lien"), self.link_edit)
        self.add_field("attachments", self.tr("Fichiers joints"), files)
        self.form.addRow("", self.sponsored_check)
        self.form.addRow("", self.mention_check)
        self.form.addRow("", self.mention_warning)

        # Where the post stands, and the steps it may take from there.
        self.status_label = QLabel()
        self.status_label.setObjectName("publicationStatus")
        self.status_label.setStyleSheet("font-weight: 600;")
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approvalLabel")
        self.approval_label.setStyleSheet("color: #5F5B52;")
        self.step_buttons: dict[str, QPushButton] = {}
        status_row = QWidget()
        self.status_layout = QHBoxLayout(status_row)
        self.status_layout.setContentsMargins(0, 0, 0, 0)
        self.status_layout.addWidget(self.status_label)
        self.status_layout.addStretch(1)
        self.form.addRow(self.tr("Statut"), status_row)
        self.form.addRow("", self.approval_label)
        self.history_label = QLabel()
        self.history_label.setObjectName("statusHistory")
        self.history_label.setStyleSheet("color: #5F5B52; font-size: 9pt;")
        self.history_label.hide()
        self.form.addRow("", self.history_label)

        self.results_table = QTableWidget(0, len(RESULT_FIELDS))
        self.results_table.setObjectName("resultsTable")
        self.results_table.setHorizontalHeaderLabels(
            [self.tr("Vues"), self.tr("Réactions"), self.tr("Commentaires"), self.tr("Partages")]
        )
        self.results_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.results_hint = QLabel(self.tr("Les résultats se saisissent une fois la publication publiée."))
        self.results_hint.setStyleSheet("color: #5F5B52;")
        self.form.addRow(self.tr("Résultats"), self.results_table)
        self.form.addRow("", self.results_hint)
        self.result_spins: dict[tuple[str, str], QSpinBox] = {}

        self._update_warning()
        self._show_status()
        self.resize(640, 700)

    # -- showing ----------------------------------------------------------------------------

    def _update_warning(self) -> None:
        self.mention_warning.setVisible(self.sponsored_check.isChecked() and not self.mention_check.isChecked())

    def _show_status(self) -> None:
        record = self.record
        status = PublicationStatus(record.status if record else self._first_status)
        self.status_label.setText(status_label(status))
        for button in self.step_buttons.values():
            self.status_layout.removeWidget(button)
            button.deleteLater()
        self.step_buttons.clear()
        order = list(PublicationStatus)
        for target in sorted(TRANSITIONS[status], key=order.index):
            button = QPushButton(step_label(status, target))
            button.setObjectName(f"step_{target.value}")
            button.clicked.connect(lambda _checked=False, new=target.value: self.move_to(new))
            self.status_layout.addWidget(button)
            self.step_buttons[target.value] = button
        approval = ""
        if record is not None and record.approved_at is not None:
            approval = self.tr("Approuvée par {who} le {when}").format(
                who=record.approved_by or "?", when=formatting.moment(record.approved_at)
            )
        if record is not None and record.published_at is not None:
            published = self.tr("Publiée le {when}").format(when=formatting.moment(record.published_at))
            approval = f"{approval} · {published}" if approval else published
        self.approval_label.setText(approval)
        self.approval_label.setVisible(bool(approval))
        self._show_results()

    def show_history(self, changes: list[StatusChangeRecord]) -> None:
        """Who moved the post along the pipeline, and when (the last moves; all in the tooltip)."""
        lines = [
            self.tr("{when} · {status} · {who}").format(
                when=formatting.moment(change.changed_at),
                status=status_label(change.to_status),
                who=change.changed_by or "?",
            )
            for change in changes
        ]
        self.history_label.setText("\n".join(lines[-HISTORY_LINES:]))
        self.history_label.setToolTip("\n".join(lines))
        self.history_label.setVisible(bool(lines))

    def _show_results(self) -> None:
        published = self.record is not None and self.record.status == PublicationStatus.PUBLIEE
        networks = self.record.networks if self.record is not None else ()
        known = {result.network: result for result in self.record.results} if self.record is not None else {}
        self.results_table.setRowCount(len(networks))
        self.results_table.setVerticalHeaderLabels(
            [Network(n).label() if n in Network._value2member_map_ else n for n in networks]
        )
        self.result_spins.clear()
        for row, network in enumerate(networks):
            result = known.get(network)
            for column, field in enumerate(RESULT_FIELDS):
                spin = QSpinBox()
                spin.setRange(0, 2_000_000_000)
                spin.setGroupSeparatorShown(True)
                value = getattr(result, field, None) if result is not None else None
                spin.setValue(value or 0)
                spin.setEnabled(published)
                self.results_table.setCellWidget(row, column, spin)
                self.result_spins[(network, field)] = spin
        self.results_table.setEnabled(published)
        self.results_hint.setVisible(not published)
        # As tall as its rows: a post is on one to three networks.
        rows = sum(self.results_table.rowHeight(row) for row in range(self.results_table.rowCount()))
        header = self.results_table.horizontalHeader().sizeHint().height()
        self.results_table.setFixedHeight(header + max(rows, 24) + 2 * self.results_table.frameWidth() + 8)

    # -- attachments ------------------------------------------------------------------------

    def attachments(self) -> tuple[str, ...]:
        return tuple(self.attachment_list.item(row).text() for row in range(self.attachment_list.count()))

    def add_attachments(self, paths: list[str]) -> None:
        known = set(self.attachments())
        for path in paths:
            if path and path not in known:
                known.add(path)
                self.attachment_list.addItem(path)

    def choose_attachments(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Joindre des fichiers"), str(Path.home()))
        self.add_attachments(paths)

    def _remove_selected_attachments(self) -> None:
        for item in self.attachment_list.selectedItems():
            self.attachment_list.takeItem(self.attachment_list.row(item))

    def _open_selected_attachment(self) -> None:
        items = self.attachment_list.selectedItems()
        if items:
            self.open_attachment(items[0].text())

    def open_attachment(self, path: str) -> bool:
        if not Path(path).exists():
            self.show_error(self.tr("Le fichier « {path} » est introuvable.").format(path=path))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    # -- saving -----------------------------------------------------------------------------

    def draft(self) -> PublicationDraft:
        kind, _sep, audience = str(self.circle_combo.currentData() or "").partition(":")
        planned_time: time | None = None
        if self.time_check.isChecked():
            value = self.time_edit.time()
            planned_time = time(value.hour(), value.minute())
        return PublicationDraft(
            title=self.title_edit.text().strip(),
            body=self.body_edit.toPlainText(),
            networks=tuple(network for network, check in self.network_checks.items() if check.isChecked()),
            pillar_id=self.pillar_combo.currentData(),
            target_circle=audience if kind == "circle" else None,
            target_segment_id=int(audience) if kind == "segment" else None,
            planned_on=self.day_edit.day(),
            planned_time=planned_time,
            author=self.author_edit.text().strip(),
            link=self.link_edit.text().strip(),
            attachments=self.attachments(),
            sponsored=self.sponsored_check.isChecked(),
            commercial_mention=self.mention_check.isChecked(),
            partner_contact_id=self._partner_id,
            # Enregistrer keeps the status: only the step buttons move it.
            status=self.record.status if self.record is not None else self._first_status,
        )

    def results(self) -> list[ResultRow]:
        """The results typed for each network (none before publication)."""
        if self.record is None or self.record.status != PublicationStatus.PUBLIEE:
            return []
        known = {result.network: result for result in self.record.results}
        rows: list[ResultRow] = []
        for network in self.record.networks:
            values = [self.result_spins[(network, field)].value() for field in RESULT_FIELDS]
            result = known.get(network)
            before = [getattr(result, field, None) or 0 for field in RESULT_FIELDS] if result else [0, 0, 0, 0]
            if values != before:
                rows.append((network, values[0], values[1], values[2], values[3]))
        return rows

    def collect(self) -> tuple[PublicationRecord | None, PublicationDraft, list[ResultRow]]:
        return self.record, self.draft(), self.results()

    def _remember(self, record: Any) -> None:
        self.record = record

    def move_to(self, status: str) -> None:
        """One step along the pipeline: what was typed is saved first, then the status moves."""
        if self.saving:
            return
        self.error_label.hide()
        draft, record = self.draft(), self.record
        self.saving = True
        self.buttons.setEnabled(False)
        task = run_in_background(
            self,
            lambda _ctx: self._move(record, draft, status),
            on_success=self._moved,
            on_failure=lambda message: self._failed(message, task.error),
        )

    def _moved(self, record: Any) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.record = record
        self.setWindowTitle(self.tr("Modifier la publication"))
        self._show_status()
        self.moved.emit(record)
