"""What the file import wizards share: the file chooser, the buttons, the real import run in
the background (Finish imports, the wizard closes once it is written; a failure or a cancel
leaves it open with nothing written)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget, QWizard

from communitydesk.ui.tasks import TaskContext, run_in_background


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
