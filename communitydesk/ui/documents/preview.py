"""In-app preview of a generated PDF (QtPdf), with Save as, Print and Open with the system viewer."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from communitydesk.i18n import ngettext
from communitydesk.system_errors import os_error_reason
from communitydesk.ui.tasks import show_error
from communitydesk.ui.widgets.save_target import choose_save_target

#: Printing renders each page to an image: 300 dpi is sharp on paper and stays ~35 MB a page.
PRINT_DPI = 300


def print_pages(document: QPdfDocument, printer: QPrinter, first: int = 0, last: int | None = None) -> int:
    """Draw pages ``first``..``last`` (0-based, inclusive) of ``document`` on ``printer``; returns how many.

    Each page is rendered by QtPdf at PRINT_DPI and scaled to the printable area, keeping
    its proportions (a landscape page on portrait paper is shrunk, not cut).
    """
    count = document.pageCount()
    last = count - 1 if last is None else min(last, count - 1)
    if count == 0 or first > last:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer")
    try:
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() * PRINT_DPI / 72), round(points.height() * PRINT_DPI / 72))
            image = document.render(index, size)
            area = painter.viewport()
            scale = min(area.width() / size.width(), area.height() / size.height())
            width, height = round(size.width() * scale), round(size.height() * scale)
            target = area.adjusted(0, 0, 0, 0)
            target.setSize(QSize(width, height))
            target.moveCenter(area.center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return last - first + 1


class PdfPreview(QWidget):
    """Shows one PDF file; the file belongs to the caller (usually a temporary folder)."""

    saved = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.suggested_name = "document.pdf"
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.info = QLabel(self)
        self.info.setObjectName("previewInfo")
        # The sentence wraps beside the buttons rather than widening the window past a laptop's screen.
        self.info.setWordWrap(True)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.save_button = QPushButton(self.tr("Enregistrer sous…"), self)
        self.print_button = QPushButton(self.tr("Imprimer…"), self)
        self.open_button = QPushButton(self.tr("Ouvrir avec le lecteur du système"), self)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        self.open_button.clicked.connect(self.open_externally)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for button in (self.save_button, self.print_button, self.open_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.clear()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def clear(self, message: str = "") -> None:
        self.document.close()
        self.path = None
        self.info.setText(message or self.tr("Choisissez un document puis cliquez sur Générer."))
        for button in (self.save_button, self.print_button, self.open_button):
            button.setEnabled(False)

    def show_pdf(self, path: Path, suggested_name: str) -> bool:
        """Load ``path``; False (and a message) if QtPdf cannot read it."""
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() == 0:
            self.clear(self.tr("L'aperçu n'a pas pu lire le document."))
            return False
        self.path = Path(path)
        self.suggested_name = suggested_name
        pages = self.document.pageCount()
        self.info.setText(
            ngettext("{name} — {count} page", "{name} — {count} pages", pages, name=suggested_name, count=pages)
        )
        for button in (self.save_button, self.print_button, self.open_button):
            button.setEnabled(True)
        self.view.pageNavigator().jump(0, self.view.pageNavigator().currentLocation())
        return True

    # -- actions -------------------------------------------------------------------------------

    def save_as(self) -> Path | None:
        if self.path is None:
            return None
        chosen = choose_save_target(
            self,
            self.tr("Enregistrer le PDF"),
            Path.home() / self.suggested_name,
            self.tr("Documents PDF (*.pdf)"),
            suffix=".pdf",
        )
        if chosen is None:
            return None
        destination, _filter = chosen
        try:
            shutil.copyfile(self.path, destination)
        except OSError as exc:
            show_error(
                self,
                self.tr("Impossible d'enregistrer « {path} » : {reason}.").format(
                    path=destination, reason=os_error_reason(exc)
                ),
            )
            return None
        self.saved.emit(destination)
        return destination

    def print_document(self) -> int:
        if self.path is None:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        first = self.document.pagePointSize(0)
        if first.width() > first.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        start, end = printer.fromPage(), printer.toPage()
        if start == 0:  # "all pages"
            start, end = 1, self.page_count
        try:
            return print_pages(self.document, printer, start - 1, end - 1)
        except OSError:
            show_error(self, self.tr("L'impression n'a pas pu commencer : vérifiez l'imprimante choisie."))
            return 0

    def open_externally(self) -> bool:
        if self.path is None:
            return False
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        if not opened:
            show_error(
                self, self.tr("Aucun lecteur de PDF n'a pu être ouvert. Enregistrez le document puis ouvrez-le.")
            )
        return bool(opened)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(620, 720)
