"""What the file import wizards share: the file chooser, the table of the lines refused, the
buttons, the real import run in the background (Finish imports, the wizard closes once it is
written; a failure or a cancel leaves it open with nothing written)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from communitydesk.ui.tasks import TaskContext, run_in_background

if TYPE_CHECKING:
    from communitydesk.importers.contact_records import RowError

Summary = TypeVar("Summary")


def file_row(page: QWidget, dialog_title: str) -> tuple[QLineEdit, QHBoxLayout]:
    """The path of the CSV file to import, typed or chosen with « Choisir… »."""
    edit = QLineEdit()
    edit.setObjectName("importFile")
    browse = QPushButton(QCoreApplication.translate("ImportWizard", "Choisir…"))

    def choose() -> None:
        filter_text = QCoreApplication.translate("ImportWizard", "Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)")
        filename, _filter = QFileDialog.getOpenFileName(page, dialog_title, "", filter_text)
        if filename:
            edit.setText(filename)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return edit, row


def errors_table(parent: QWidget, field_header: str) -> QTableWidget:
    """The lines refused and the cells left aside: the file's line, ``field_header`` (what the
    wizard calls a column), the problem."""
    table = QTableWidget(0, 3, parent)
    table.setObjectName("importErrors")
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("ImportWizard", "Ligne"),
            field_header,
            QCoreApplication.translate("ImportWizard", "Problème"),
        ]
    )
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table


def fill_errors(table: QTableWidget, errors: Sequence[RowError]) -> None:
    table.setRowCount(len(errors))
    for row, error in enumerate(errors):
        for column, text in enumerate((str(error.line), error.field, error.message)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # a long message stays readable in a narrow column
            table.setItem(row, column, item)


class DryRunPage(QWizardPage, Generic[Summary]):
    """« Vérification »: the real import rolled back (``start`` runs it off the UI thread); its
    summary is said above the lines it would refuse. Each wizard writes ``show_summary``."""

    def __init__(self, start: Callable[[], None]) -> None:
        super().__init__()
        self._start = start
        self.setTitle(self.tr("Vérification"))
        self.setSubTitle(self.tr("Un essai à blanc de l'import : rien n'est encore enregistré."))
        self.summary_label = QLabel(self.tr("Vérification en cours…"))
        self.summary_label.setObjectName("checkSummary")
        self.summary_label.setWordWrap(True)
        self.errors = errors_table(self, self.tr("Colonne"))
        self.errors.setObjectName("checkErrors")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.errors, 1)
        self.checked: Summary | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.checked = None
        self.completeChanged.emit()
        self._start()


class ImportWizard(QWizard):
    """A wizard whose Finish button runs the import off the UI thread (``import_for_real``)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setButtonText(QWizard.WizardButton.FinishButton, QCoreApplication.translate("ImportWizard", "Importer"))
        self.setButtonText(QWizard.WizardButton.NextButton, QCoreApplication.translate("ImportWizard", "Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, QCoreApplication.translate("ImportWizard", "< Précédent"))
        self.setButtonText(QWizard.WizardButton.CancelButton, QCoreApplication.translate("ImportWizard", "Annuler"))
        self.importing = False
        self.resize(760, 560)

    def import_for_real(self) -> None:
        raise NotImplementedError

    def import_cancelled(self) -> None:
        """Say on the page that nothing was written."""

    def accept(self) -> None:
        """Finish = import for real (in the background); the wizard closes once it is written."""
        if self.importing:
            return
        self.import_for_real()

    def start_import(self, work: Callable[[TaskContext], Any], on_success: Callable[[Any], None], label: str) -> None:
        self.importing = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        run_in_background(
            self,
            work,
            on_success=on_success,
            on_failure=self._import_failed,
            on_cancel=self._import_cancelled,
            label=label,
            cancellable=True,
        )

    def import_ended(self) -> None:
        """The real import returned (written, or refused with its reasons shown)."""
        self.importing = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)

    def close_written(self) -> None:
        """The import is written: close the wizard (``accept`` would import again)."""
        self.importing = False
        QWizard.accept(self)

    def _import_failed(self, message: str) -> None:
        from communitydesk.ui.tasks import show_error

        self.import_ended()
        show_error(self, message)

    def _import_cancelled(self, *_args: Any) -> None:
        self.import_ended()
        self.import_cancelled()
