"""The audit log browser (Administrateur): filter by profile, action, outcome and dates; sort; export CSV.

Read-only by construction: it calls ``services.audit.entries`` and ``export_csv`` only
(the log itself is append-only in the base).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.records.profiles import AuditRecord
from communitydesk.services.audit import Outcome, SessionEvent
from communitydesk.services.audit_labels import action_words, outcome_words
from communitydesk.services.permissions import Action
from communitydesk.ui.campaigns.record_table import Column, RecordSortProxy, RecordTableModel, record_view
from communitydesk.ui.tasks import Task, TaskContext, run_in_background

if TYPE_CHECKING:
    from communitydesk.ui.current_database import CurrentDatabase
    from communitydesk.ui.settings import UiSettings

# How many entries the browser shows at most (newest first); the CSV export has them all.
SHOWN = 5000

_NO_DATE = QDate(2000, 1, 1)  # the date edits' « — » (no bound)


def _when(entry: AuditRecord) -> str:
    return formatting.to_local(entry.at).strftime("%d/%m/%Y %H:%M:%S")  # the app's one clock: Paris


class AuditDialog(QDialog):
    """« Journal des actions sensibles »: who did or tried what, when."""

    loaded = Signal()
    exported = Signal(int)

    def __init__(self, database: CurrentDatabase, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Journal des actions sensibles"))
        self.resize(900, 560)
        self.database = database
        self.settings = settings
        self.last_task: Task | None = None
        self.users: set[str] = set()

        self.user = QComboBox()
        self.user.setObjectName("auditUser")
        self.user.addItem(self.tr("Tous les profils"), None)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.addItem(self.tr("Toutes les actions"), None)
        for moment in SessionEvent:
            self.action.addItem(action_words(moment.value), moment.value)
        for action in Action:  # aliases (READ) are not iterated
            self.action.addItem(action_words(action.value), action.value)
        self.outcome = QComboBox()
        self.outcome.setObjectName("auditOutcome")
        self.outcome.addItem(self.tr("Tous les résultats"), None)
        for outcome in Outcome:
            self.outcome.addItem(outcome_words(outcome.value), outcome.value)
        self.since = self._date_edit("auditSince")
        self.until = self._date_edit("auditUntil")
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Profil"), self.user),
            (self.tr("Action"), self.action),
            (self.tr("Résultat"), self.outcome),
            (self.tr("Du"), self.since),
            (self.tr("au"), self.until),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        for combo in (self.user, self.action, self.outcome):
            combo.currentIndexChanged.connect(lambda _index: self.load())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _date: self.load())

        columns: list[Column[AuditRecord]] = [
            Column(self.tr("Quand"), _when, sort_key=lambda entry: entry.at.isoformat()),
            Column(self.tr("Profil"), lambda entry: entry.user),
            Column(self.tr("Action"), lambda entry: action_words(entry.action)),
            Column(self.tr("Sur"), lambda entry: entry.target_label or entry.target),
            Column(
                self.tr("Résultat"),
                lambda entry: outcome_words(entry.outcome),
                colour=lambda entry: None if entry.outcome == "ok" else "#B3261E",
            ),
        ]
        self.model: RecordTableModel[AuditRecord] = RecordTableModel(columns, self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_view(self.proxy, "auditTable", sort_column=0, descending=True)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.export_button = QPushButton(self.tr("Exporter en CSV…"))
        self.export_button.setObjectName("auditExportButton")
        self.export_button.clicked.connect(self.choose_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.load()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(_NO_DATE)
        return edit

    # -- filters ----------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The service's filters for what the form says (days are local, the log is in UTC)."""
        from communitydesk.services.audit import Outcome

        chosen: dict[str, Any] = {}
        if self.user.currentData() is not None:
            chosen["user"] = self.user.currentData()
        if self.action.currentData() is not None:
            chosen["action"] = self.action.currentData()
        if self.outcome.currentData() is not None:
            chosen["outcome"] = Outcome(self.outcome.currentData())
        if self.since.date() != _NO_DATE:
            chosen["since"] = _local_midnight(_day(self.since.date()))
        if self.until.date() != _NO_DATE:
            chosen["until"] = _local_midnight(_day(self.until.date()) + timedelta(days=1))
        return chosen

    def set_user(self, name: str | None) -> None:
        self.user.setCurrentIndex(max(0, self.user.findData(name)))

    def set_outcome(self, value: str | None) -> None:
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(value)))

    # -- reading ----------------------------------------------------------------------------

    def load(self) -> Task:
        database, actor, filters = self.database, self.database.actor, self.filters()
        self.status.setText(self.tr("Lecture du journal…"))

        def work(_ctx: TaskContext) -> list[AuditRecord]:
            from communitydesk.services.audit import entries

            return entries(database.database(), actor, limit=SHOWN, **filters)

        self.last_task = run_in_background(self, work, on_success=self._show, on_failure=self._failed)
        return self.last_task

    def _show(self, found: list[AuditRecord]) -> None:
        self.model.set_records(found)
        for name in sorted({entry.user for entry in found} - self.users):
            self.users.add(name)
            self.user.blockSignals(True)
            self.user.addItem(name, name)
            self.user.blockSignals(False)
        if len(found) >= SHOWN:
            self.status.setText(self.tr("Les {count} entrées les plus récentes.").format(count=len(found)))
        else:
            self.status.setText(ngettext("{count} entrée.", "{count} entrées.", len(found), count=len(found)))
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    # -- export -----------------------------------------------------------------------------

    def choose_export(self) -> None:
        folder = self.settings.last_folder
        suggested = f"journal-{formatting.local_today().isoformat()}.csv"
        filename, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le journal"),
            str(folder / suggested) if folder else suggested,
            self.tr("Fichiers CSV (*.csv)"),
        )
        if filename:
            from pathlib import Path

            self.export(Path(filename))

    def export(self, path: Any) -> Task:
        database, actor, filters = self.database, self.database.actor, self.filters()

        def work(_ctx: TaskContext) -> int:
            from communitydesk.services.audit import export_csv

            return export_csv(database.database(), actor, path, **filters)

        def done(count: int) -> None:
            self.status.setText(
                ngettext(
                    "{count} entrée exportée : {path}",
                    "{count} entrées exportées : {path}",
                    count,
                    count=count,
                    path=path,
                )
            )
            self.exported.emit(count)

        self.last_task = run_in_background(self, work, on_success=done, on_failure=self._failed)
        return self.last_task


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=formatting.PARIS).astimezone(UTC)
