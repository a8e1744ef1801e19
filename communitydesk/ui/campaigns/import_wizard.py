"""Import a platform's export of contributions: file → platform and columns → preview → check → import.

Every reading and writing step runs off the UI thread through ``ui/tasks.py``. The
preview says which column was taken for what, lists the lines to correct and the reward
names the campaign does not know, each with a choice (create it, map it to a tier of the
campaign, leave its lines out). The check step is a dry run of the real import (same
code, nothing written); the import itself is one transaction: the good lines are saved
and the bad ones listed, or, with "tout ou rien", nothing when any line is bad.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from communitydesk import formatting
from communitydesk.i18n import _, ngettext
from communitydesk.importers.contributions_csv import FIELDS as FIELD_ORDER  # the reader's own list
from communitydesk.services.permissions import Actor
from communitydesk.ui.tasks import TaskContext, run_in_background
from communitydesk.ui.widgets.import_wizard import DryRunPage, ImportWizard, errors_table, file_row, fill_errors

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.services.campaign_import import (
        ContributionImportSummary,
        ImportPreview,
        SavedMapping,
        TierChoice,
    )

PLATFORM_CHOICES = (
    ("ulule", "Ulule"),
    ("kisskissbankbank", "KissKissBankBank"),
    ("helloasso", "HelloAsso"),
    ("generic", "Autre (en-têtes en français)"),
)


class FilePage(QWizardPage):
    def __init__(self, wizard: ContributionImportWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Fichier à importer"))
        self.setSubTitle(self.tr("L'export CSV des contributions, tel que la plateforme le donne (UTF-8 ou Excel)."))
        self.owner = wizard
        self.path_edit, row = file_row(self, self.tr("Export des contributions"))
        self.path_edit.textChanged.connect(self.completeChanged)
        self.campaign_combo = QComboBox()
        self.campaign_combo.setObjectName("importCampaign")
        self.campaign_combo.setEditable(True)
        self.campaign_combo.setToolTip(self.tr("Une campagne existante, ou le nom d'une nouvelle campagne à créer."))
        form = QFormLayout(self)
        form.addRow(self.tr("Fichier"), row)
        form.addRow(self.tr("Campagne"), self.campaign_combo)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        text = self.path_edit.text().strip()
        return bool(text) and Path(text).is_file() and bool(self.campaign_combo.currentText().strip())


class MappingPage(QWizardPage):
    def __init__(self, wizard: ContributionImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Plateforme et colonnes"))
        self.setSubTitle(self.tr("Les colonnes sont reconnues d'après leur en-tête ; corrigez-les si besoin."))
        self.platform_combo = QComboBox()
        self.platform_combo.setObjectName("importPlatform")
        for value, label in PLATFORM_CHOICES:
            self.platform_combo.addItem(self.tr(label), value)
        self.platform_combo.currentIndexChanged.connect(self._platform_changed)
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedMapping")
        self.saved_combo.addItem(self.tr("Reconnaissance automatique"), None)
        self.saved_combo.currentIndexChanged.connect(self._apply_saved)
        self.columns = QTableWidget(0, 2)
        self.columns.setObjectName("columnMapping")
        self.columns.setHorizontalHeaderLabels([self.tr("Donnée"), self.tr("Colonne du fichier")])
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().hide()
        self.save_name = QLineEdit()
        self.save_name.setObjectName("saveMappingName")
        self.save_name.setPlaceholderText(self.tr("Nom, pour la réutiliser (facultatif)"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Plateforme"), self.platform_combo)
        form.addRow(self.tr("Correspondance enregistrée"), self.saved_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.save_name)
        self.combos: dict[str, QComboBox] = {}
        self.saved: dict[str, SavedMapping] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.owner.read_preview(mapping_from_page=False)

    def _platform_changed(self) -> None:
        if self.owner.currentPage() is self:  # chosen before reaching this page: read on arrival
            self.owner.read_preview(mapping_from_page=False)

    def set_saved(self, mappings: list[SavedMapping]) -> None:
        self.saved = {m.name: m for m in mappings}
        while self.saved_combo.count() > 1:
            self.saved_combo.removeItem(1)
        for mapping in mappings:
            self.saved_combo.addItem(mapping.name, mapping.name)

    def _apply_saved(self) -> None:
        name = self.saved_combo.currentData()
        if name is None:
            self.owner.read_preview(mapping_from_page=False)
            return
        mapping = self.saved[name]
        self.owner.read_preview(mapping_from_page=False, explicit=mapping.columns)

    def show_columns(self, preview: ImportPreview) -> None:
        from communitydesk.importers.contributions_csv import field_label

        self.columns.setRowCount(len(FIELD_ORDER))
        self.combos = {}
        for row, name in enumerate(FIELD_ORDER):
            item = QTableWidgetItem(field_label(name))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(aucune)"), "")
            for header in preview.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(preview.columns.get(name, ""))))
            self.columns.setCellWidget(row, 1, combo)
            self.combos[name] = combo
        self.status.setText(
            self.tr("{rows} lignes lues ({encoding}, séparateur « {sep} »).").format(
                rows=formatting.number(preview.total_rows),
                encoding=preview.encoding,
                sep=preview.delimiter.replace("\t", "tab"),
            )
        )

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()}


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ContributionImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Aperçu"))
        self.setSubTitle(self.tr("Les premières lignes telles qu'elles seront comprises, et les lignes à corriger."))
        self.rows = QTableWidget(0, 6)
        self.rows.setObjectName("previewRows")
        self.rows.setHorizontalHeaderLabels(
            [
                self.tr("Ligne"),
                self.tr("Référence"),
                self.tr("Date"),
                self.tr("Montant"),
                self.tr("Contributeur"),
                self.tr("Contrepartie"),
            ]
        )
        self.rows.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors = errors_table(self, self.tr("Colonne"))
        self.errors.setObjectName("previewErrors")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.columns_label = QLabel()
        self.columns_label.setObjectName("previewColumns")
        self.columns_label.setWordWrap(True)
        self.tiers_label = QLabel(self.tr("Contreparties que la campagne ne connaît pas :"))
        self.tiers = QTableWidget(0, 3)
        self.tiers.setObjectName("unknownTiers")
        self.tiers.setHorizontalHeaderLabels(
            [self.tr("Contrepartie du fichier"), self.tr("Lignes"), self.tr("Que faire ?")]
        )
        self.tiers.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tiers.verticalHeader().hide()
        self.tiers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.all_or_nothing = QCheckBox(self.tr("Tout ou rien : si une ligne est à corriger, ne rien importer"))
        self.all_or_nothing.setObjectName("allOrNothing")
        self.tier_combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.rows, 2)
        layout.addWidget(self.tiers_label)
        layout.addWidget(self.tiers, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.all_or_nothing)

    def initializePage(self) -> None:  # noqa: N802
        self.owner.read_preview(mapping_from_page=True)

    def tier_choices(self) -> dict[str, TierChoice]:
        """{reward name of the file: what the user chose to do with it}."""
        from communitydesk.services.campaign_import import TierAction, TierChoice

        choices = {}
        for title, combo in self.tier_combos.items():
            action, tier_id = combo.currentData()
            choices[title] = TierChoice(TierAction(action), tier_id)
        return choices

    def _show_unknown_tiers(self, preview: ImportPreview) -> None:
        previous = {title: combo.currentData() for title, combo in self.tier_combos.items()}
        self.tiers.setRowCount(len(preview.unknown_tiers))
        self.tier_combos = {}
        for row, tier in enumerate(preview.unknown_tiers):
            self.tiers.setItem(row, 0, QTableWidgetItem(tier.title))
            self.tiers.setItem(row, 1, QTableWidgetItem(", ".join(str(line) for line in tier.lines)))
            combo = QComboBox()
            combo.addItem(
                self.tr("La créer ({amount})").format(amount=formatting.money(tier.amount_cents)), ("create", None)
            )
            for tier_id, title in preview.tiers:
                combo.addItem(self.tr("C'est « {title} »").format(title=title), ("map", tier_id))
            combo.addItem(self.tr("Laisser ces lignes de côté"), ("skip", None))
            if tier.title in previous:
                combo.setCurrentIndex(max(0, combo.findData(previous[tier.title])))
            self.tiers.setCellWidget(row, 2, combo)
            self.tier_combos[tier.title] = combo
        hidden = not preview.unknown_tiers
        self.tiers.setHidden(hidden)
        self.tiers_label.setHidden(hidden)

    def _show_columns(self, preview: ImportPreview) -> None:
        from communitydesk.importers.contributions_csv import field_label

        taken = [
            self.tr("{field} ← « {header} »").format(field=field_label(name), header=preview.columns[name])
            for name in FIELD_ORDER
            if name in preview.columns
        ]
        self.columns_label.setText(self.tr("Colonnes lues : {columns}.").format(columns=", ".join(taken)))

    def show_preview(self, preview: ImportPreview) -> None:
        from communitydesk.rules.campaigns import PaymentStatus

        self.rows.setRowCount(len(preview.rows))
        for row, parsed in enumerate(preview.rows):
            backer = parsed.backer_name + (self.tr(" (anonyme)") if parsed.anonymous else "")
            status = "" if parsed.status == "valid" else f" — {PaymentStatus(parsed.status).label()}"
            texts = (
                str(parsed.line),
                parsed.reference,
                formatting.moment(parsed.contributed_at),
                formatting.money(parsed.amount_cents) + status,
                backer,
                parsed.tier or "",
            )
            for column, text in enumerate(texts):
                self.rows.setItem(row, column, QTableWidgetItem(text))
        fill_errors(self.errors, preview.errors)
        self._show_columns(preview)
        self._show_unknown_tiers(preview)
        if preview.errors:
            self.status.setText(
                ngettext(
                    "{count} problème dans le fichier : sa ligne sera laissée de côté "
                    "(ou rien ne sera importé, en tout ou rien) :",
                    "{count} problèmes dans le fichier : ces lignes seront laissées de côté "
                    "(ou rien ne sera importé, en tout ou rien) :",
                    len(preview.errors),
                    count=len(preview.errors),
                )
            )
        else:
            self.status.setText(
                self.tr("Aucun problème de lecture sur les {rows} lignes.").format(
                    rows=formatting.number(preview.total_rows)
                )
            )


class CheckPage(DryRunPage["ContributionImportSummary"]):
    def show_summary(self, summary: ContributionImportSummary) -> None:
        self.checked = summary
        fill_errors(self.errors, sorted(summary.errors + summary.warnings, key=lambda found: found.line))
        bad = len({e.line for e in summary.errors})
        if not summary.accepted:
            self.summary_label.setText(
                ngettext(
                    "{count} ligne à corriger : l'import n'enregistrerait rien. Corrigez le fichier puis recommencez.",
                    "{count} lignes à corriger : l'import n'enregistrerait rien. Corrigez le fichier puis recommencez.",
                    bad,
                    count=bad,
                )
            )
        else:
            known = summary.skipped - summary.left_out
            texts = [
                _(
                    "Prêt : {created}, {updated}, {skipped} ; {contacts} dans le grand public.",
                    created=ngettext(
                        "{n} nouvelle contribution", "{n} nouvelles contributions", summary.created, n=summary.created
                    ),
                    updated=ngettext("{n} mise à jour", "{n} mises à jour", summary.updated, n=summary.updated),
                    skipped=ngettext("{n} déjà connue", "{n} déjà connues", known, n=known),
                    contacts=ngettext(
                        "{n} nouveau contact", "{n} nouveaux contacts", summary.new_contacts, n=summary.new_contacts
                    ),
                )
            ]
            if summary.left_out:
                texts.append(
                    ngettext(
                        "{count} laissée de côté comme demandé.",
                        "{count} laissées de côté comme demandé.",
                        summary.left_out,
                        count=summary.left_out,
                    )
                )
            if bad:
                texts.append(
                    ngettext(
                        "{count} ligne à corriger ne sera pas importée (listée ci-dessous).",
                        "{count} lignes à corriger ne seront pas importées (listées ci-dessous).",
                        bad,
                        count=bad,
                    )
                )
            self.summary_label.setText(" ".join(texts))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.checked is not None and self.checked.accepted


class ContributionImportWizard(ImportWizard):
    """Opened by the campaigns page; ``imported`` carries the summary once written."""

    imported = Signal(object)  # ContributionImportSummary
    preview_shown = Signal()
    checked = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        database: Callable[[], Database],
        actor: Actor,
        campaigns: list[str],
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contributionImportWizard")
        self.setWindowTitle(self.tr("Importer des contributions"))
        self.database, self.actor = database, actor
        self.file_page, self.mapping_page = FilePage(self), MappingPage(self)
        self.preview_page, self.check_page = PreviewPage(self), CheckPage(lambda: self.run_import(dry_run=True))
        for page in (self.file_page, self.mapping_page, self.preview_page, self.check_page):
            self.addPage(page)
        self.file_page.campaign_combo.addItems(campaigns)
        if current:
            self.file_page.campaign_combo.setCurrentText(current)
        self.explicit: dict[str, str] | None = None
        self.preview: ImportPreview | None = None
        self.summary: ContributionImportSummary | None = None
        run_in_background(
            self, self._load_mappings, on_success=self.mapping_page.set_saved, on_failure=lambda _message: None
        )

    # -- what the pages chose ----------------------------------------------------------------

    @property
    def path(self) -> Path:
        return Path(self.file_page.path_edit.text().strip())

    @property
    def platform(self) -> str:
        return str(self.mapping_page.platform_combo.currentData())

    @property
    def campaign(self) -> str:
        return self.file_page.campaign_combo.currentText().strip()

    # -- background steps --------------------------------------------------------------------

    def _load_mappings(self, _ctx: TaskContext) -> list[SavedMapping]:
        from communitydesk.services.campaign_import import list_mappings

        return list_mappings(self.database(), self.actor)

    def read_preview(self, *, mapping_from_page: bool, explicit: dict[str, str] | None = None) -> None:
        """Read the file with the chosen platform and columns; fills the mapping and preview pages."""
        if not self.path.is_file():
            return
        if mapping_from_page and self.mapping_page.combos:
            self.explicit = self.mapping_page.mapping()
        else:
            self.explicit = explicit
        path, platform, mapping, actor, campaign = self.path, self.platform, self.explicit, self.actor, self.campaign

        def work(_ctx: TaskContext) -> ImportPreview:
            from communitydesk.services.campaign_import import preview_contributions

            return preview_contributions(path, actor, platform, mapping, store=self.database(), campaign=campaign)

        run_in_background(self, work, on_success=self._show_preview)

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.mapping_page.show_columns(preview)
        self.preview_page.show_preview(preview)
        self.preview_shown.emit()

    def run_import(self, *, dry_run: bool) -> None:
        path, platform, campaign, actor = self.path, self.platform, self.campaign, self.actor
        mapping = self.mapping_page.mapping() or None
        save_as = self.mapping_page.save_name.text().strip()
        tier_choices = self.preview_page.tier_choices()
        skip_bad_lines = not self.preview_page.all_or_nothing.isChecked()

        def work(ctx: TaskContext) -> ContributionImportSummary:
            from communitydesk.services.campaign_import import import_contributions, save_mapping
            from communitydesk.services.campaigns import find_campaign

            db = self.database()
            create = find_campaign(db, actor, campaign) is None
            summary = import_contributions(
                db,
                actor,
                path,
                campaign,
                platform,
                mapping=mapping,
                create=create,
                dry_run=dry_run,
                skip_bad_lines=skip_bad_lines,
                tier_choices=tier_choices,
                progress=ctx.progress,
            )
            if not dry_run and summary.written and save_as and mapping:
                save_mapping(db, actor, save_as, platform, mapping)
            return summary

        if dry_run:
            run_in_background(self, work, on_success=self._checked, label=self.tr("Vérification du fichier…"))
        else:
            self.start_import(work, self._imported, self.tr("Import des contributions…"))

    def _checked(self, summary: ContributionImportSummary) -> None:
        self.check_page.show_summary(summary)
        self.checked.emit()

    def import_for_real(self) -> None:
        self.run_import(dry_run=False)

    def _imported(self, summary: ContributionImportSummary) -> None:
        self.summary = summary
        if not summary.accepted:  # the file changed since the check
            self.import_ended()
            self.check_page.show_summary(summary)
            return
        self.imported.emit(summary)
        self.close_written()

    def import_cancelled(self) -> None:
        self.check_page.summary_label.setText(self.tr("Import annulé : rien n'a été enregistré."))
