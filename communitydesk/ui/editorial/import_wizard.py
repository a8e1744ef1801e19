"""Import a team's editorial calendar spreadsheet: file → preview → check → import.

Every reading and writing step runs off the UI thread through ``ui/tasks.py``. The preview
says which column was taken for what, shows the first lines as they will be understood and
lists the lines refused and the cells left aside; the check is a dry run of the real import
(same code, nothing written); the import itself is one transaction, cancellable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from communitydesk import formatting
from communitydesk.i18n import _, ngettext
from communitydesk.services.permissions import Actor
from communitydesk.ui.tasks import TaskContext, run_in_background
from communitydesk.ui.widgets.import_wizard import DryRunPage, ImportWizard, errors_table, file_row, fill_errors

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.importers.import_summary import ImportSummary
    from communitydesk.services.publication_import import PublicationPreview


class FilePage(QWizardPage):
    def __init__(self, wizard: PublicationImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Fichier à importer"))
        self.setSubTitle(
            self.tr(
                "Le tableau de publications de l'équipe, enregistré en CSV (Excel ou UTF-8) : "
                "Date, Heure, Réseau, Titre, Pilier, Statut, Auteur, Texte, Lien."
            )
        )
        self.path_edit, row = file_row(self, self.tr("Calendrier éditorial"))
        self.path_edit.textChanged.connect(self.completeChanged)
        form = QFormLayout(self)
        form.addRow(self.tr("Fichier"), row)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        text = self.path_edit.text().strip()
        return bool(text) and Path(text).is_file()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: PublicationImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Aperçu"))
        self.setSubTitle(self.tr("Les premières lignes telles qu'elles seront comprises, et les lignes à corriger."))
        self.columns_label = QLabel()
        self.columns_label.setObjectName("previewColumns")
        self.columns_label.setWordWrap(True)
        self.rows = QTableWidget(0, 6)
        self.rows.setObjectName("previewRows")
        self.rows.setHorizontalHeaderLabels(
            [
                self.tr("Ligne"),
                self.tr("Jour"),
                self.tr("Réseaux"),
                self.tr("Titre"),
                self.tr("Pilier"),
                self.tr("Statut"),
            ]
        )
        self.rows.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.errors = errors_table(self, self.tr("Colonne"))
        self.errors.setObjectName("previewErrors")
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.rows, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.errors, 1)
        self.preview: PublicationPreview | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.preview = None
        self.completeChanged.emit()
        self.owner.read_preview()

    def show_preview(self, preview: PublicationPreview) -> None:
        from communitydesk.importers.publications_csv import FIELDS, field_label
        from communitydesk.rules.editorial import Network

        self.preview = preview
        taken = [
            self.tr("{field} ← « {header} »").format(field=field_label(name), header=preview.columns[name])
            for name in FIELDS
            if name in preview.columns
        ]
        self.columns_label.setText(self.tr("Colonnes lues : {columns}.").format(columns=", ".join(taken)))
        self.rows.setRowCount(len(preview.lines))
        for row, line in enumerate(preview.lines):
            day = formatting.day(line.planned_on, "short") if line.planned_on else self.tr("(idée, sans date)")
            if line.planned_time is not None:
                day += " " + line.planned_time.strftime("%H:%M")
            texts = (
                str(line.line),
                day,
                ", ".join(Network(network).label() for network in line.networks),
                line.title or line.body[:80],
                line.pillar,
                line.final_status.label(),
            )
            for column, text in enumerate(texts):
                self.rows.setItem(row, column, QTableWidgetItem(text))
        fill_errors(self.errors, sorted(preview.errors + preview.warnings, key=lambda found: found.line))
        refused = len({error.line for error in preview.errors})
        self.status.setText(
            _(
                "{readable} {total} ({encoding}, séparateur « {sep} ») ; {refused}, {warnings} :",
                readable=ngettext(
                    "{n} publication lisible",
                    "{n} publications lisibles",
                    preview.readable,
                    n=formatting.number(preview.readable),
                ),
                total=ngettext(
                    "sur {n} ligne", "sur {n} lignes", preview.total_rows, n=formatting.number(preview.total_rows)
                ),
                encoding=preview.encoding,
                sep=preview.delimiter.replace("\t", "tab"),
                refused=ngettext("{n} ligne refusée", "{n} lignes refusées", refused, n=refused),
                warnings=ngettext("{n} remarque", "{n} remarques", len(preview.warnings), n=len(preview.warnings)),
            )
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.preview is not None and self.preview.readable > 0


class CheckPage(DryRunPage["ImportSummary"]):
    def show_summary(self, summary: ImportSummary) -> None:
        self.checked = summary
        fill_errors(self.errors, sorted(summary.errors + summary.warnings, key=lambda found: found.line))
        self.summary_label.setText(
            _(
                "Prêt : {created}, {updated}, {skipped} déjà à jour ; {refused}",
                created=ngettext(
                    "{n} nouvelle publication", "{n} nouvelles publications", summary.created, n=summary.created
                ),
                updated=ngettext("{n} mise à jour", "{n} mises à jour", summary.updated, n=summary.updated),
                skipped=summary.skipped,
                refused=ngettext(
                    "{n} ligne refusée ne sera pas importée.",
                    "{n} lignes refusées ne seront pas importées.",
                    summary.rejected_lines,
                    n=summary.rejected_lines,
                ),
            )
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.checked is not None and bool(self.checked.created or self.checked.updated or self.checked.skipped)


class PublicationImportWizard(ImportWizard):
    """Opened by the calendar page's « Importer… »; ``imported`` carries the summary once written."""

    imported = Signal(object)  # the PublicationImportSummary of the real import
    preview_shown = Signal()
    checked = Signal()

    def __init__(self, parent: QWidget | None, database: Callable[[], Database], actor: Actor) -> None:
        super().__init__(parent)
        self.setObjectName("publicationImportWizard")
        self.setWindowTitle(self.tr("Importer un calendrier éditorial"))
        self.database, self.actor = database, actor
        self.file_page, self.preview_page = FilePage(self), PreviewPage(self)
        self.check_page = CheckPage(self.run_check)
        for page in (self.file_page, self.preview_page, self.check_page):
            self.addPage(page)
        self.summary: ImportSummary | None = None

    @property
    def path(self) -> Path:
        return Path(self.file_page.path_edit.text().strip())

    def set_path(self, path: Path) -> None:
        """Choose the file without the file dialog (the calendar page's drop, tests)."""
        self.file_page.path_edit.setText(str(path))

    def read_preview(self) -> None:
        path, actor = self.path, self.actor

        def work(_ctx: TaskContext) -> PublicationPreview:
            from communitydesk.services.publication_import import preview_publications

            return preview_publications(path, actor)

        run_in_background(self, work, on_success=self._show_preview, on_failure=self._preview_failed)

    def _show_preview(self, preview: PublicationPreview) -> None:
        self.preview_page.show_preview(preview)
        self.preview_shown.emit()

    def _preview_failed(self, message: str) -> None:
        self.preview_page.status.setText(message)
        self.preview_shown.emit()

    def _work(self, *, dry_run: bool) -> Callable[[TaskContext], ImportSummary]:
        path, actor, database = self.path, self.actor, self.database

        def work(ctx: TaskContext) -> ImportSummary:
            from communitydesk.services.publication_import import import_publications

            return import_publications(database(), actor, path, dry_run=dry_run, progress=ctx.progress)

        return work

    def run_check(self) -> None:
        run_in_background(
            self,
            self._work(dry_run=True),
            on_success=self._checked,
            on_failure=self._check_failed,
            label=self.tr("Vérification du fichier…"),
        )

    def _checked(self, summary: ImportSummary) -> None:
        self.check_page.show_summary(summary)
        self.checked.emit()

    def _check_failed(self, message: str) -> None:
        self.check_page.summary_label.setText(message)
        self.checked.emit()

    def import_for_real(self) -> None:
        self.start_import(self._work(dry_run=False), self._imported, self.tr("Import des publications…"))

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.imported.emit(summary)
        self.close_written()

    def import_cancelled(self) -> None:
        self.check_page.summary_label.setText(self.tr("Import annulé : rien n'a été enregistré."))
