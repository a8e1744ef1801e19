"""The charter template editor: plain text with the simple markup, a preview, save or reset.

The text format is explained in the dialog (``# titre``, ``## section``, ``1. engagement``,
``**gras**``, ``_italique_``, ``{organisation}``). Aperçu prints the text being edited without
saving it; Enregistrer checks it first (a mistake names its line) and saves it in the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from communitydesk.document_catalogue import DocumentOptions
from communitydesk.i18n import current_language
from communitydesk.ui.current_database import CurrentDatabase
from communitydesk.ui.documents.preview import PdfPreview
from communitydesk.ui.documents.preview_files import PreviewFolder
from communitydesk.ui.tasks import Task, TaskContext, run_in_background

# The name a saved preview suggests: French words, never the internal kind.
CHARTER_FILE_NAMES = {"ambassador": "charte-ambassadeurs", "collaborator": "charte-collaborateurs"}


class CharterEditorDialog(QDialog):
    loaded = Signal()
    saved = Signal()
    previewed = Signal()

    def __init__(self, database: CurrentDatabase, kind: str = "ambassador", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Modèles de charte"))
        self.resize(1100, 720)
        self.database = database
        self.language = current_language()
        self.temp_dir = PreviewFolder()
        self.finished.connect(lambda _result: self.temp_dir.remove())
        self.task: Task | None = None
        self.customised = False
        self._previews = 0

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Charte des ambassadeurs"), "ambassador")
        self.kind.addItem(self.tr("Charte d'expression des collaborateurs"), "collaborator")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.currentIndexChanged.connect(self.load)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("charterText")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        help_text = QLabel(
            self.tr(
                "<b># Titre</b> sur la première ligne, <b>Version : …</b> (facultatif), puis le préambule. "
                "<b>## Section</b> ouvre une section ; <b>1.</b> ou <b>-</b> en début de ligne : un engagement. "
                "Les deux premières sections d'engagements sont celles des deux parties. "
                "**gras**, _italique_ ; {organisation} est remplacé par le nom de votre organisation."
            ),
            self,
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #555;")
        self.origin = QLabel(self)
        self.origin.setObjectName("templateOrigin")
        self.message = QLabel(self)
        self.message.setObjectName("templateMessage")
        self.message.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Aperçu"), self)
        self.save_button = QPushButton(self.tr("Enregistrer"), self)
        self.reset_button = QPushButton(self.tr("Revenir au modèle fourni"), self)
        close_button = QPushButton(self.tr("Fermer"), self)
        self.preview_button.clicked.connect(self.show_preview)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        close_button.clicked.connect(self.reject)
        self.preview = PdfPreview(self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.kind)
        left_layout.addWidget(self.origin)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(help_text)
        left_layout.addWidget(self.message)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        left_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.load()

    @property
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.save_button, self.reset_button):
            button.setEnabled(not busy)

    def _run(self, work: Any, on_success: Any, label: str = "") -> Task:
        self._busy(True)

        def done(result: object) -> None:
            self.task = None
            self._busy(False)
            on_success(result)

        def failed(message: str) -> None:
            self.task = None
            self._busy(False)
            self.message.setStyleSheet("color: #B3261E;")
            self.message.setText(message)

        self.task = run_in_background(self, work, on_success=done, on_failure=failed, label=label)
        return self.task

    def _show_origin(self, customised: bool) -> None:
        self.customised = customised
        self.origin.setText(
            self.tr("Modèle de votre organisation") if customised else self.tr("Modèle fourni avec CommunityDesk")
        )
        self.reset_button.setEnabled(customised)

    def load(self) -> Task:
        database, actor, kind, language = self.database, self.database.actor, self.current_kind, self.language

        def work(_ctx: TaskContext) -> Any:
            from communitydesk.services.charters import charter_template

            return charter_template(database.database(), actor, kind, language)

        def loaded(source: Any) -> None:
            self.editor.setPlainText(source.text)
            self._show_origin(source.customised)
            self.message.clear()
            self.loaded.emit()

        return self._run(work, loaded)

    def save(self) -> Task:
        database, actor, kind, language = self.database, self.database.actor, self.current_kind, self.language
        text = self.editor.toPlainText()

        def work(_ctx: TaskContext) -> Any:
            from communitydesk.services.charters import save_charter_template

            return save_charter_template(database.database(), actor, kind, text, language)

        def done(charter: Any) -> None:
            self._show_origin(True)
            self.message.setStyleSheet("color: #2E6B5E;")
            self.message.setText(self.tr("Modèle enregistré : {title}.").format(title=charter.title))
            self.saved.emit()

        return self._run(work, done)

    def reset(self) -> Task:
        database, actor, kind, language = self.database, self.database.actor, self.current_kind, self.language

        def work(_ctx: TaskContext) -> Any:
            from communitydesk.services.charters import charter_template, reset_charter_template

            store = database.database()
            reset_charter_template(store, actor, kind, language)
            return charter_template(store, actor, kind, language)

        def done(source: Any) -> None:
            self.editor.setPlainText(source.text)
            self._show_origin(False)
            self.message.setStyleSheet("color: #2E6B5E;")
            self.message.setText(self.tr("Le modèle fourni est de nouveau utilisé."))

        return self._run(work, done)

    def show_preview(self) -> Task | None:
        if self.database.path is None:
            return None
        path, actor, kind = self.database.path, self.database.actor, self.current_kind
        options = DocumentOptions(template=kind, template_text=self.editor.toPlainText())
        self._previews += 1
        out = Path(self.temp_dir.path()) / f"apercu-{self._previews}.pdf"

        def work(ctx: TaskContext) -> Any:
            from communitydesk.document_catalogue import generate_pdf

            return generate_pdf("charter", path, actor, options, out, progress=ctx.progress)

        def done(result: Any) -> None:
            self.message.clear()
            self.preview.show_pdf(result.path, f"{CHARTER_FILE_NAMES.get(kind, 'charte')}.pdf")
            self.previewed.emit()

        return self._run(work, done, label=self.tr("Aperçu de la charte…"))
