"""The 15-day brief for the ambassadors: shown as the mail will read, copied or saved for a mail tool.

Saving goes through the brief's export service (HTML or text, by the file's name). The
clipboard receives HTML and plain text together (``copy_html_and_text``), as the e-mail
signature does: a mail tool pastes the formatted version, a plain text field the other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.services.permissions import Action, Actor
from communitydesk.ui.tasks import run_in_background
from communitydesk.ui.widgets.rights import guard

#: (first day) -> (html, text), run off the UI thread.
BriefLoader = Callable[[date], tuple[str, str]]
#: (file, "html" or "text", first day): the brief written there, off the UI thread.
BriefWriter = Callable[[Path, str, date], object]


def copy_html_and_text(html: str, text: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


class BriefDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        load: BriefLoader,
        write: BriefWriter,
        actor: Actor,
        start: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefDialog")
        self.setWindowTitle(self.tr("Brief des ambassadeurs (15 jours)"))
        self.resize(720, 620)
        self.start = start or formatting.local_today()
        self.actor = actor
        self._write = write
        self.html = ""
        self.text = ""
        intro = QLabel(
            QCoreApplication.translate(
                "BriefDialog",
                "Ce qu'il y a à partager pendant les 15 jours qui viennent, tiré du calendrier éditorial, et "
                "les missions ouvertes. Copiez-le dans votre outil d'e-mailing ou enregistrez-le.",
            )
        )
        intro.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("briefHtml")
        self.view.setOpenExternalLinks(True)
        self.plain = QPlainTextEdit()
        self.plain.setObjectName("briefText")
        self.plain.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, self.tr("Mise en forme"))
        self.tabs.addTab(self.plain, self.tr("Texte brut"))
        self.copy_button = QPushButton(self.tr("Copier"))
        self.copy_button.setObjectName("copyBriefButton")
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Enregistrer…"))
        self.save_button.setObjectName("saveBriefButton")
        self.save_button.clicked.connect(lambda: self.save())
        self.saved_label = QLabel()
        self.saved_label.setObjectName("briefSaved")
        self.saved_label.setStyleSheet("color: #5F5B52;")
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.reject)
        for button in (self.copy_button, self.save_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.view.setPlainText(self.tr("Préparation du brief…"))
        run_in_background(self, lambda _ctx: load(self.start), on_success=self.show_brief)

    def show_brief(self, brief: tuple[str, str]) -> None:
        self.html, self.text = brief
        self.view.setHtml(self.html)
        self.plain.setPlainText(self.text)
        for button in (self.copy_button, self.save_button):
            button.setEnabled(True)
        guard(self.save_button, self.actor, Action.EXPORT)  # what export_ambassador_brief requires

    def copy(self) -> None:
        copy_html_and_text(self.html, self.text)
        self.copy_button.setText(self.tr("Copié !"))

    def save(self, target: Path | None = None) -> Path | None:
        """Write the brief to ``target`` (or a chosen file): HTML for ``.html``, plain text otherwise."""
        if target is None:
            name = f"brief-ambassadeurs-{self.start.isoformat()}.html"
            filename, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Enregistrer le brief"),
                str(Path.home() / name),
                self.tr("Page HTML (*.html);;Texte (*.txt)"),
            )
            if not filename:
                return None
            target = Path(filename)
        out_format = "html" if target.suffix.lower() in (".html", ".htm") else "text"
        written, start = target, self.start
        run_in_background(
            self,
            lambda _ctx: self._write(written, out_format, start),
            on_success=lambda _result: self.saved_label.setText(
                self.tr("Enregistré dans « {path} ».").format(path=written)
            ),
        )
        return target
