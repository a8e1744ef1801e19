"""Import contacts from a CSV (Excel) or vCard file, step by step.

File → what was detected (encoding, delimiter; both changeable) → which column holds
what, with a preview and its errors → créer seulement / mettre à jour → simulation
(dry run: per-line errors, nothing written) → import with a progress bar and Annuler →
summary. The import service runs in ONE transaction: a cancel leaves the base as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from communitydesk.importers.contact_columns import ColumnMapping, ContactField
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.yes_no import yes_no_label
from communitydesk.ui.contacts.background import run_for
from communitydesk.ui.tasks import Task, TaskContext
from communitydesk.ui.widgets.import_wizard import errors_table, fill_errors

if TYPE_CHECKING:
    from communitydesk.importers.contact_files import ContactFilePreview
    from communitydesk.importers.import_summary import ImportSummary
    from communitydesk.services.permissions import Actor
    from communitydesk.ui.settings import UiSettings

PREVIEW_ROWS = 20
# (Python codec, label) the user may force when the detection got it wrong.
ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows-1252 (Excel)"),
    ("iso8859_15", "ISO-8859-15"),
    ("latin_1", "ISO-8859-1"),
    ("mac_roman", "Mac Roman"),
    ("cp850", "DOS (CP850)"),
    ("utf-16", "UTF-16"),
)


@dataclass
class OpenedFile:
    data: bytes
    name: str
    preview: ContactFilePreview


def summary_lines(wizard: QWidget, summary: ImportSummary) -> str:
    from communitydesk.formatting import number

    lines = [
        QCoreApplication.translate("ContactImportWizard", "Contacts créés : {n}").format(n=number(summary.created)),
        QCoreApplication.translate("ContactImportWizard", "Contacts mis à jour : {n}").format(
            n=number(summary.updated)
        ),
        QCoreApplication.translate(
            "ContactImportWizard", "Lignes fusionnées (même personne plusieurs fois dans le fichier) : {n}"
        ).format(n=number(summary.merged)),
        QCoreApplication.translate(
            "ContactImportWizard", "Lignes ignorées (contact déjà connu, rien à changer) : {n}"
        ).format(n=number(summary.skipped)),
        QCoreApplication.translate("ContactImportWizard", "Lignes en erreur, non importées : {n}").format(
            n=number(summary.rejected_lines)
        ),
        # Warnings about the whole import (line 0); those about a line are in the errors table.
        *(warning.message for warning in summary.warnings if not warning.line),
    ]
    return "\n".join(lines)


class FilePage(QWizardPage):
    """Choose the file; see (and correct) its encoding and delimiter."""

    def __init__(self, wizard: ContactImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Fichier à importer"))
        self.setSubTitle(
            self.tr(
                "Un fichier CSV (enregistré depuis Excel, LibreOffice, un webmail…) ou vCard "
                "(carnet d'adresses d'un téléphone)."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importFile")
        self.path_edit.setPlaceholderText(self.tr("Chemin du fichier…"))
        browse = QPushButton(self.tr("Parcourir…"))
        browse.setObjectName("browseImportFile")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.detected = QLabel()
        self.detected.setObjectName("importDetected")
        self.detected.setWordWrap(True)
        self.encoding = QComboBox()
        self.encoding.setObjectName("importEncoding")
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("importDelimiter")
        self.delimiter.addItem(self.tr("Détecté automatiquement"), None)
        self.delimiter.addItem(self.tr("Point-virgule ( ; )"), ";")
        self.delimiter.addItem(self.tr("Virgule ( , )"), ",")
        self.delimiter.addItem(self.tr("Tabulation"), "\t")
        self._set_encodings("")
        self.error = QLabel()
        self.error.setObjectName("importFileError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        form = QFormLayout()
        form.addRow(self.tr("Encodage des caractères"), self.encoding)
        form.addRow(self.tr("Séparateur de colonnes"), self.delimiter)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.detected)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.load)
        self.path_edit.textChanged.connect(lambda _text: self._timer.start())
        self.encoding.activated.connect(lambda _index: self.load())
        self.delimiter.activated.connect(lambda _index: self.load())

    def _set_encodings(self, detected: str) -> None:
        self.encoding.clear()
        label = self.tr("Détecté : {name}").format(name=detected) if detected else self.tr("Détecté automatiquement")
        self.encoding.addItem(label, None)
        for codec, name in ENCODINGS:
            self.encoding.addItem(name, codec)

    def browse(self) -> None:
        settings = self.owner.settings
        start = str(settings.last_folder or Path.home()) if settings is not None else str(Path.home())
        filename, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choisir le fichier de contacts"),
            start,
            self.tr("Contacts (*.csv *.txt *.vcf *.vcard);;Tous les fichiers (*)"),
        )
        if filename:
            if settings is not None:
                settings.last_folder = Path(filename).parent
            self.path_edit.setText(filename)

    def load(self) -> Task | None:
        """Read and preview the file (in the background) with the chosen encoding and delimiter."""
        self._timer.stop()
        text = self.path_edit.text().strip()
        self.owner.opened = None
        self.completeChanged.emit()
        if not text:
            self.detected.clear()
            self.error.clear()
            return None
        self.detected.setText(self.tr("Lecture du fichier…"))
        self.error.clear()
        encoding, delimiter = self.encoding.currentData(), self.delimiter.currentData()
        return self.owner.open_file(Path(text), encoding, delimiter, self._opened, self._failed)

    def _opened(self, opened: OpenedFile) -> None:
        from communitydesk.formatting import number

        preview = opened.preview
        if self.encoding.currentData() is None:
            self._set_encodings(preview.encoding)
        kind = self.tr("vCard") if preview.file_format == "vcard" else self.tr("CSV")
        encoding = self.encoding.currentText() if self.encoding.currentData() else preview.encoding
        parts = [self.tr("Format : {kind}").format(kind=kind), self.tr("encodage : {name}").format(name=encoding)]
        if preview.delimiter:
            parts.append(self.tr("séparateur : {name}").format(name=preview.delimiter_name))
            columns = len(preview.headers)
            parts.append(self.tr("1 colonne") if columns == 1 else self.tr("{count} colonnes").format(count=columns))
        parts.append(self.tr("environ {count} lignes").format(count=number(preview.estimated_lines)))
        self.detected.setText(" · ".join(parts))
        self.delimiter.setEnabled(preview.file_format != "vcard")
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.detected.clear()
        self.error.setText(message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.owner.opened is not None

    def validatePage(self) -> bool:  # noqa: N802
        return self.owner.opened is not None


class MappingPage(QWizardPage):
    """Which column holds what (French headers recognised), and the first lines as they would be saved."""

    def __init__(self, wizard: ContactImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Colonnes"))
        self.setSubTitle(
            self.tr(
                "Vérifiez ce que contient chaque colonne. Les en-têtes habituels (Prénom, Nom, "
                "Courriel, Téléphone, Code postal, Ville, Cercle…) sont reconnus."
            )
        )
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("importMapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Colonne du fichier"), self.tr("Exemple"), self.tr("Champ CommunityDesk")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setObjectName("importPreview")
        self.preview_table.verticalHeader().hide()
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warning = QLabel()
        self.warning.setObjectName("importMappingWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #B00020;")
        caption = QLabel(self.tr("Aperçu des premières lignes, telles qu'elles seraient enregistrées :"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(self.warning)
        layout.addWidget(caption)
        layout.addWidget(self.preview_table, 3)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:  # noqa: N802
        opened = self.owner.opened
        assert opened is not None
        preview = opened.preview
        if preview.mapping is not None and self.owner.mapping is None:
            self.owner.mapping = ColumnMapping(list(preview.mapping.headers), list(preview.mapping.fields))
        self._fill_mapping()
        self._fill_preview()

    def _fill_mapping(self) -> None:
        opened = self.owner.opened
        assert opened is not None
        preview, mapping = opened.preview, self.owner.mapping
        self.combos = []
        if mapping is None:  # vCard: the fields are the card's own
            self.mapping_table.setRowCount(0)
            self.mapping_table.hide()
            return
        self.mapping_table.show()
        self.mapping_table.setRowCount(len(mapping.headers))
        for row, header in enumerate(mapping.headers):
            example = next((r.cells[row] for r in preview.rows if row < len(r.cells) and r.cells[row].strip()), "")
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header or self.tr("(colonne {n})").format(n=row + 1)))
            self.mapping_table.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.setObjectName(f"mapping_{row}")
            combo.addItem(self.tr("— ignorer —"), None)
            for contact_field in ContactField:
                combo.addItem(contact_field.label, contact_field.value)
            found = mapping.fields[row]
            combo.setCurrentIndex(max(0, combo.findData(found.value if found else None)))
            combo.activated.connect(lambda _index, column=row: self._field_chosen(column))
            self.mapping_table.setCellWidget(row, 2, combo)
            self.combos.append(combo)

    def _field_chosen(self, column: int) -> None:
        mapping = self.owner.mapping
        assert mapping is not None
        value = self.combos[column].currentData()
        mapping.assign(column, ContactField(value) if value else None)
        for row, combo in enumerate(self.combos):  # a single-column field left its former column
            found = mapping.fields[row]
            combo.setCurrentIndex(max(0, combo.findData(found.value if found else None)))
        self.refresh_preview()

    def set_field(self, column: int, value: str | None) -> None:
        """Choose the field of ``column`` as a user would (tests)."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(value)))
        self._field_chosen(column)

    def refresh_preview(self) -> Task | None:
        self.completeChanged.emit()
        mapping = self.owner.mapping
        if mapping is None or not mapping.can_identify:
            self._fill_preview()
            return None
        return self.owner.preview_again(self._previewed)

    def _previewed(self, opened: OpenedFile) -> None:
        self.owner.opened = opened
        self._fill_preview()

    def _fill_preview(self) -> None:
        opened = self.owner.opened
        assert opened is not None
        mapping = self.owner.mapping
        if mapping is not None and not mapping.can_identify:
            self.warning.setText(
                self.tr(
                    "Aucune colonne ne donne le nom, l'organisation ni l'e-mail des contacts : "
                    "indiquez au moins l'une d'elles."
                )
            )
        else:
            self.warning.clear()
        fields = [f for f in ContactField if f is not ContactField.FULL_NAME and self._shown(f)]
        # Problems right after the line number: with many columns they would be out of sight.
        headers = [self.tr("Ligne"), self.tr("Problèmes"), *[f.label for f in fields]]
        rows = opened.preview.rows
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(headers))
        self.preview_table.setHorizontalHeaderLabels(headers)
        self.preview_table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = [
                str(row.line),
                " ; ".join(e.message for e in [*row.errors, *row.warnings]),
                *[self._text(row.values.get(f.value)) for f in fields],
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if row.errors:
                    item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(text)
                self.preview_table.setItem(index, column, item)
        self.preview_table.resizeColumnsToContents()

    def _shown(self, contact_field: ContactField) -> bool:
        mapping = self.owner.mapping
        if mapping is None:
            opened = self.owner.opened
            return opened is not None and any(contact_field.value in r.values for r in opened.preview.rows)
        if contact_field in (ContactField.FIRST_NAME, ContactField.LAST_NAME):
            return bool(mapping.columns_of(contact_field) or mapping.columns_of(ContactField.FULL_NAME))
        return bool(mapping.columns_of(contact_field))

    def _text(self, value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return yes_no_label(value)
        return str(value)

    def isComplete(self) -> bool:  # noqa: N802
        mapping = self.owner.mapping
        return mapping is None or mapping.can_identify


class ModePage(QWizardPage):
    def __init__(self, wizard: ContactImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Contacts déjà connus"))
        self.setSubTitle(
            self.tr(
                "Une ligne correspond à un contact existant s'ils ont le même e-mail, ou à défaut le même téléphone."
            )
        )
        self.create_only = QRadioButton(
            self.tr("Créer seulement les nouveaux contacts (les contacts déjà connus sont laissés tels quels)")
        )
        self.create_only.setObjectName("modeCreate")
        self.update_existing = QRadioButton(
            self.tr("Mettre aussi à jour les contacts existants (une case vide du fichier n'efface jamais rien)")
        )
        self.update_existing.setObjectName("modeUpdate")
        self.create_only.setChecked(True)
        # What every line gets ("tous ces contacts viennent du salon X, cercle communauté").
        self.circle = QComboBox()
        self.circle.addItem(self.tr("Celui de chaque ligne (sinon Grand public)"), None)
        for circle in CIRCLE_ORDER:
            self.circle.addItem(circle_label(circle), circle.value)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("ex. salon X, bénévole"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("par défaut : le nom du fichier"))
        form = QFormLayout()
        form.addRow(self.tr("Cercle des nouveaux contacts :"), self.circle)
        form.addRow(self.tr("Tags ajoutés à chaque contact :"), self.tags)
        form.addRow(self.tr("Source des nouveaux contacts :"), self.source)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create_only)
        layout.addWidget(self.update_existing)
        layout.addLayout(form)
        layout.addStretch(1)

    def mode(self) -> str:
        return "update" if self.update_existing.isChecked() else "create"

    def every_line(self) -> tuple[str | None, list[str], str]:
        """Circle slug, tags and source typed for all the lines (checked by the import)."""
        return self.circle.currentData(), [self.tags.text()], self.source.text()


class RunPage(QWizardPage):
    """A run of the import: the simulation (nothing written) or the real one (progress, Annuler)."""

    def __init__(self, wizard: ContactImportWizard, *, dry_run: bool) -> None:
        super().__init__()
        self.owner = wizard
        self.dry_run = dry_run
        self.summary: ImportSummary | None = None
        self.task: Task | None = None
        if dry_run:
            self.setTitle(self.tr("Simulation"))
            self.setSubTitle(
                self.tr(
                    "Ce que l'import ferait, sans rien enregistrer. Les lignes en erreur ne seront "
                    "pas importées : corrigez-les dans le fichier si besoin."
                )
            )
            self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Importer"))
        else:
            self.setTitle(self.tr("Import"))
            self.setSubTitle(
                self.tr("Tout est enregistré d'un seul coup : si vous annulez, la base reste telle qu'elle était.")
            )
            self.setFinalPage(True)
        self.state = QLabel()
        self.state.setObjectName("importState")
        self.state.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("Annuler l'import"))
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.errors = errors_table(self, QCoreApplication.translate("ContactImportWizard", "Champ"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.errors, 1)

    def initializePage(self) -> None:  # noqa: N802
        self.run()

    def cleanupPage(self) -> None:  # noqa: N802
        self.cancel()

    def running(self) -> bool:
        return self.task is not None and self.task.running

    def run(self) -> Task:
        self.summary = None
        self.summary_label.clear()
        self.errors.setRowCount(0)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.state.setText(self.tr("Simulation en cours…") if self.dry_run else self.tr("Import en cours…"))
        self.completeChanged.emit()
        self.task = self.owner.run_import(self.dry_run, self._done, self._failed, self._cancelled)
        self.task.progressed.connect(self._progress)
        self.owner.button(QWizard.WizardButton.BackButton).setEnabled(False)
        return self.task

    def cancel(self) -> None:
        if self.running():
            assert self.task is not None
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.state.setText(self.tr("Annulation…"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _finished(self) -> None:
        self.cancel_button.setVisible(False)
        self.progress.hide()
        self.owner.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.completeChanged.emit()

    def _done(self, summary: ImportSummary) -> None:
        self.summary = summary
        if self.dry_run:
            self.state.setText(self.tr("Simulation terminée : rien n'a été enregistré. Voici ce que ferait l'import."))
        else:
            self.state.setText(self.tr("Import terminé."))
        self.summary_label.setText(summary_lines(self, summary))
        fill_errors(self.errors, sorted(summary.errors + summary.warnings, key=lambda found: found.line))
        self._finished()
        if not self.dry_run:
            self.owner.button(QWizard.WizardButton.BackButton).setEnabled(False)
            self.owner.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            self.owner.imported.emit(summary)

    def _failed(self, message: str) -> None:
        self.state.setText(message)
        self.state.setStyleSheet("color: #B00020;")
        self._finished()

    def _cancelled(self) -> None:
        self.state.setText(self.tr("Import annulé : la base n'a pas été modifiée."))
        self._finished()

    def isComplete(self) -> bool:  # noqa: N802
        return self.summary is not None


class ContactImportWizard(QWizard):
    imported = Signal(object)  # the ImportSummary of the real import

    def __init__(
        self, parent: QWidget | None, database: Callable[[], Any], actor: Actor, settings: UiSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactImportWizard")
        self.setWindowTitle(self.tr("Importer des contacts"))
        self.database = database
        self.actor = actor
        self.settings = settings
        self.opened: OpenedFile | None = None
        self.mapping: ColumnMapping | None = None
        self.encoding: str | None = None
        self.delimiter: str | None = None
        self._generation = 0
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Précédent"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuler"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Terminer"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.mode_page = ModePage(self)
        self.dry_run_page = RunPage(self, dry_run=True)
        self.import_page = RunPage(self, dry_run=False)
        for page in (self.file_page, self.mapping_page, self.mode_page, self.dry_run_page, self.import_page):
            self.addPage(page)
        self.resize(820, 620)

    # -- service calls (in the background) ------------------------------------------------------

    def open_file(
        self,
        path: Path,
        encoding: str | None,
        delimiter: str | None,
        on_success: Callable[[OpenedFile], None],
        on_failure: Callable[[str], None],
    ) -> Task:
        """Read the file and preview it; a new file forgets the previous mapping."""
        self._generation += 1
        generation, actor = self._generation, self.actor
        self.mapping = None
        self.encoding, self.delimiter = encoding, delimiter

        def work(_ctx: TaskContext) -> OpenedFile:
            from communitydesk.services.contact_import import preview_contacts_file, read_input

            data, name = read_input(path)
            preview = preview_contacts_file(
                actor, data, file_name=name, delimiter=delimiter, encoding=encoding, rows=PREVIEW_ROWS
            )
            return OpenedFile(data, name, preview)

        def done(opened: OpenedFile) -> None:
            if generation == self._generation:
                self.opened = opened
                on_success(opened)

        def failed(message: str) -> None:
            if generation == self._generation:
                on_failure(message)

        return run_for(self, work, on_success=done, on_failure=failed)

    def preview_again(self, on_success: Callable[[OpenedFile], None]) -> Task:
        """Preview with the mapping as the user changed it."""
        assert self.opened is not None
        self._generation += 1
        generation, actor, opened = self._generation, self.actor, self.opened
        mapping = ColumnMapping(list(self.mapping.headers), list(self.mapping.fields)) if self.mapping else None
        delimiter, encoding = self.delimiter, self.encoding

        def work(_ctx: TaskContext) -> OpenedFile:
            from communitydesk.services.contact_import import preview_contacts_file

            preview = preview_contacts_file(
                actor,
                opened.data,
                file_name=opened.name,
                mapping=mapping,
                delimiter=delimiter,
                encoding=encoding,
                rows=PREVIEW_ROWS,
            )
            return OpenedFile(opened.data, opened.name, preview)

        def done(result: OpenedFile) -> None:
            if generation == self._generation:
                on_success(result)

        return run_for(self, work, on_success=done)

    def run_import(
        self,
        dry_run: bool,
        on_success: Callable[[ImportSummary], None],
        on_failure: Callable[[str], None],
        on_cancel: Callable[[], None],
    ) -> Task:
        assert self.opened is not None
        opened, actor, mode = self.opened, self.actor, self.mode_page.mode()
        circle, tags, source = self.mode_page.every_line()
        mapping = ColumnMapping(list(self.mapping.headers), list(self.mapping.fields)) if self.mapping else None
        delimiter, encoding = self.delimiter, self.encoding

        def work(ctx: TaskContext) -> ImportSummary:
            from communitydesk.services.contact_import import EveryLine, import_contacts_file, index_imported_contacts

            every_line = EveryLine.of(circle, tags, source)  # a tag too long is said like any import error
            database = self.database()
            summary = import_contacts_file(
                database,
                actor,
                opened.data,
                mapping,
                mode,
                dry_run,
                progress=ctx.progress,
                cancel=ctx.is_cancelled,
                file_name=opened.name,
                delimiter=delimiter,
                encoding=encoding,
                every_line=every_line,
            )
            # Now, in this worker, so the first search is instant; no progress: a cancel here would hide
            # a committed import. A busy base only delays it to the next search (a warning).
            index_imported_contacts(database, actor, summary)
            return summary

        return run_for(
            self,
            work,
            on_success=on_success,
            on_failure=on_failure,
            on_cancel=on_cancel,
            cancellable=True,
            pause_cycle_collection=True,  # millions of objects, no cycles: see ui.tasks.MainThreadGarbageCollector
        )

    def reject(self) -> None:
        for page in (self.dry_run_page, self.import_page):
            page.cancel()
        super().reject()
