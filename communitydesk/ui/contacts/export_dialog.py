"""Export the contacts shown (or those selected) to CSV for French Excel, or to vCard.

The file holds exactly the people of the current view: same typed search, same filters
(``services.contact_export`` reads them through the search service). The export runs in
the background with a progress bar and Annuler; a cancelled export writes no file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from communitydesk.ui.contacts.background import run_for
from communitydesk.ui.contacts.contact_query import ContactListQuery
from communitydesk.ui.tasks import Task, TaskContext
from communitydesk.ui.widgets.save_target import confirm_replace

if TYPE_CHECKING:
    from communitydesk.services.contact_export import ExportSummary
    from communitydesk.services.permissions import Actor
    from communitydesk.ui.settings import UiSettings

SUFFIXES = {"csv": ".csv", "vcard": ".vcf"}


class ExportDialog(QDialog):
    exported = Signal(object)  # the ExportSummary

    def __init__(
        self,
        parent: QWidget | None,
        database: Callable[[], Any],
        actor: Actor,
        settings: UiSettings | None,
        query: ContactListQuery,
        shown: int,
        selected: list[int],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Exporter des contacts"))
        self.database = database
        self.actor = actor
        self.settings = settings
        self.query = query
        self.selected = list(selected)
        self.task: Task | None = None
        self.summary: ExportSummary | None = None
        self.replace_confirmed: Path | None = None  # picked in Qt's save dialog, which asked

        from communitydesk.formatting import local_today, number

        self.csv = QRadioButton(self.tr("CSV pour Excel (point-virgule, accents et zéros en tête conservés)"))
        self.csv.setObjectName("exportCsv")
        self.vcard = QRadioButton(self.tr("vCard (carnet d'adresses d'un téléphone ou d'un webmail)"))
        self.vcard.setObjectName("exportVcard")
        self.csv.setChecked(True)
        self.all_shown = QRadioButton(
            self.tr("Les contacts de la liste affichée ({count})").format(count=number(shown))
        )
        self.all_shown.setObjectName("exportShown")
        self.only_selected = QRadioButton(
            self.tr("Seulement les contacts sélectionnés ({count})").format(count=number(len(self.selected)))
        )
        self.only_selected.setObjectName("exportSelected")
        self.only_selected.setEnabled(bool(self.selected))
        self.all_shown.setChecked(True)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        folder = (settings.last_folder if settings is not None else None) or Path.home()
        self.path.setText(str(folder / f"contacts-{local_today().isoformat()}.csv"))
        browse = QPushButton(self.tr("Choisir…"))
        browse.clicked.connect(self.browse)
        self.csv.toggled.connect(self._format_changed)
        self.progress = QProgressBar()
        self.progress.hide()
        self.state = QLabel()
        self.state.setObjectName("exportState")
        self.state.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Exporter"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.cancel_button.clicked.connect(self.cancel_or_close)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for caption, widgets in (
            (self.tr("Format"), (self.csv, self.vcard)),
            (self.tr("Contacts"), (self.all_shown, self.only_selected)),
        ):
            label = QLabel(caption)
            label.setStyleSheet("font-weight: 600;")
            layout.addWidget(label)
            for widget in widgets:
                layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Fichier")))
        layout.addLayout(path_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())

    def file_format(self) -> str:
        return "csv" if self.csv.isChecked() else "vcard"

    def _format_changed(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(SUFFIXES[self.file_format()])))

    def browse(self) -> None:
        kind = self.tr("CSV (*.csv)") if self.file_format() == "csv" else self.tr("vCard (*.vcf)")
        filename, _filter = QFileDialog.getSaveFileName(self, self.tr("Exporter vers…"), self.path.text(), kind)
        if filename:
            self.replace_confirmed = Path(filename)
            self.path.setText(filename)

    def export(self) -> Task | None:
        text = self.path.text().strip()
        if not text or (self.task is not None and self.task.running):
            return None
        target = Path(text)
        if target != self.replace_confirmed and not confirm_replace(self, target):
            return None
        if self.settings is not None:
            self.settings.last_folder = target.parent
        actor, query, file_format = self.actor, self.query, self.file_format()
        ids = tuple(self.selected) if self.only_selected.isChecked() else None

        def work(ctx: TaskContext) -> ExportSummary:
            from communitydesk.services.contact_export import ContactSelection, export_contacts

            selection = ContactSelection(query=query.text, filters=query.filters, contact_ids=ids)
            return export_contacts(
                self.database(), actor, target, file_format, selection, progress=ctx.progress, cancel=ctx.is_cancelled
            )

        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.state.setStyleSheet("")
        self.state.setText(self.tr("Export en cours…"))
        self.task = run_for(
            self, work, on_success=self._done, on_failure=self._failed, on_cancel=self._cancelled, cancellable=True
        )
        self.task.progressed.connect(self._progress)
        return self.task

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _done(self, summary: ExportSummary) -> None:
        from communitydesk.formatting import number

        self.summary = summary
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.state.setText(
            self.tr("{count} contacts exportés dans {path}").format(count=number(summary.count), path=summary.path)
        )
        self.cancel_button.setText(self.tr("Fermer"))
        self.exported.emit(summary)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.state.setStyleSheet("color: #B00020;")
        self.state.setText(message)

    def _cancelled(self) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.state.setText(self.tr("Export annulé : aucun fichier n'a été écrit."))

    def cancel_or_close(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()
        else:
            self.reject()


def export_contacts(
    page: Any, database: Callable[[], Any], actor: Actor, settings: UiSettings | None, query: ContactListQuery
) -> ExportDialog:
    """Open the export dialog for the page's current view (and its selection)."""
    dialog = ExportDialog(page, database, actor, settings, query, page.model.total, page.table.selected_ids())
    dialog.exported.connect(lambda summary: page.show_status(dialog.state.text()))
    dialog.finished.connect(dialog.deleteLater)
    page.export_dialog = dialog
    dialog.open()
    return dialog
