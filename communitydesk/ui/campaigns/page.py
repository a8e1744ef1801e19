"""Campagnes: the list of campaigns and, for the one selected, its dashboard, tiers, contributions,
pre-launch checklist and reward fulfilment.

Everything that reads or writes the database runs off the UI thread (``ui/tasks.py``);
the services are imported inside the work functions, so that opening this page does
not pay for SQLAlchemy on the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import _, ngettext
from communitydesk.records.campaign_page import CampaignDetail, CampaignSummary, MoveProposal
from communitydesk.records.campaigns import (
    CampaignInput,
    CampaignRecord,
    ContributionInput,
    ContributionRecord,
    TierInput,
    TierRecord,
)
from communitydesk.records.changes import Changes
from communitydesk.rules.campaigns import CampaignStatus, Platform
from communitydesk.services.permissions import Action, Actor
from communitydesk.ui.campaigns.checklist_view import ChecklistView
from communitydesk.ui.campaigns.dashboard_view import CampaignDashboardView
from communitydesk.ui.campaigns.dialogs import CampaignDialog, ContributionDialog, TierDialog
from communitydesk.ui.campaigns.fulfilment_view import FulfilmentView
from communitydesk.ui.campaigns.record_table import RECORD_ROLE, Column, RecordSortProxy, RecordTableModel
from communitydesk.ui.campaigns.tables_view import ContributionsView, TiersView
from communitydesk.ui.database_page import DatabasePage
from communitydesk.ui.tasks import Task, run_in_background
from communitydesk.ui.widgets.page_layout import page_title
from communitydesk.ui.widgets.rights import guard

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.services.campaign_import import ContributionImportSummary
    from communitydesk.ui.campaigns.import_wizard import ContributionImportWizard
    from communitydesk.ui.main_window import PageContext


#: What the list and a campaign's tabs show: its checklist and proposals follow contacts' circles
#: and touch points; contributions show backers' names.
SHOWS = Changes.of("campaigns", "contributions", "fulfilments", "contacts", "circles", "touch_points")


def days_left_text(summary: CampaignSummary) -> str:
    ends_on = summary.campaign.ends_on
    if summary.days_left is None or ends_on is None:
        return "–"
    if ends_on < formatting.local_today():
        return QCoreApplication.translate("CampaignsPage", "terminée")
    return formatting.number(summary.days_left)


# The list shows running campaigns first, then those being prepared, then the past ones.
STATUS_ORDER = [
    CampaignStatus.EN_COURS,
    CampaignStatus.PREPARATION,
    CampaignStatus.REUSSIE,
    CampaignStatus.ECHOUEE,
    CampaignStatus.CLOTUREE,
]


def campaign_columns() -> list[Column[CampaignSummary]]:
    return [
        Column(QCoreApplication.translate("CampaignsPage", "Campagne"), lambda s: s.campaign.name),
        Column(
            QCoreApplication.translate("CampaignsPage", "Statut"),
            lambda s: CampaignStatus(s.campaign.status).label(),
            lambda s: STATUS_ORDER.index(CampaignStatus(s.campaign.status)),
        ),
        Column(
            QCoreApplication.translate("CampaignsPage", "Plateforme"), lambda s: Platform(s.campaign.platform).label()
        ),
        Column(
            QCoreApplication.translate("CampaignsPage", "Collecté"),
            lambda s: formatting.money(s.total_cents, s.campaign.currency),
            lambda s: s.total_cents,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignsPage", "Objectif"),
            lambda s: formatting.money(s.campaign.goal_cents, s.campaign.currency) if s.campaign.goal_cents else "–",
            lambda s: s.campaign.goal_cents,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignsPage", "%"),
            lambda s: formatting.percent(s.goal_ratio) if s.goal_ratio is not None else "–",
            lambda s: s.goal_ratio if s.goal_ratio is not None else -1.0,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignsPage", "Jours restants"),
            days_left_text,
            lambda s: s.days_left if s.days_left is not None else -1,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("CampaignsPage", "Contributeurs"),
            lambda s: formatting.number(s.backers),
            lambda s: s.backers,
            align_right=True,
        ),
    ]


class MoveProposalsDialog(QDialog):
    """Grand-public backers the user may move to the communauté (all ticked by default)."""

    def __init__(self, parent: QWidget | None, campaign: str, proposals: list[MoveProposal]) -> None:
        super().__init__(parent)
        self.setObjectName("moveProposalsDialog")
        self.setWindowTitle(self.tr("Rapprocher des contributeurs"))
        intro = QLabel(
            QCoreApplication.translate(
                "MoveProposalsDialog",
                "Ces contributeurs du grand public ont soutenu « {name} ». Les cochés passeront dans "
                "la communauté, avec pour raison « A soutenu la campagne ».",
            ).format(name=campaign)
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for proposal in proposals:
            item = QListWidgetItem(f"{proposal.name} — {formatting.money(proposal.amount_cents)}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, proposal.contact_id)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Rapprocher"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen(self) -> list[int]:
        return [
            int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


class CampaignsPage(DatabasePage):
    campaigns_loaded = Signal()
    detail_loaded = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.summaries: list[CampaignSummary] = []
        self.detail: CampaignDetail | None = None
        self._wanted_id: int | None = None

        title = page_title(self.tr("Campagnes"))
        self.search = QLineEdit()
        self.search.setObjectName("campaignSearch")
        self.search.setPlaceholderText(self.tr("Chercher une campagne…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("campaignStatusFilter")
        self.status_filter.addItem(self.tr("Tous les statuts"), None)
        for status in CampaignStatus:
            self.status_filter.addItem(status.label(), status.value)
        self.new_button = QPushButton(self.tr("Nouvelle campagne…"))
        self.new_button.setObjectName("newCampaignButton")
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.setObjectName("editCampaignButton")
        self.edit_button.clicked.connect(self.edit_campaign)
        self.import_button = QPushButton(self.tr("Importer des contributions…"))
        self.import_button.setObjectName("importContributionsButton")
        self.import_button.clicked.connect(self.import_contributions)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        for button in (self.new_button, self.edit_button, self.import_button):
            header.addWidget(button)

        self.list_model: RecordTableModel[CampaignSummary] = RecordTableModel(campaign_columns(), self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        self.table = QTableView()
        self.table.setObjectName("campaignTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._selection_changed())
        self.table.doubleClicked.connect(lambda _index: self.edit_campaign())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)

        self.dashboard_view = CampaignDashboardView()
        self.tiers_view = TiersView()
        self.contributions_view = ContributionsView()
        self.checklist_view = ChecklistView()
        self.fulfilment_view = FulfilmentView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("campaignTabs")
        dashboard_scroll = QScrollArea()
        dashboard_scroll.setWidgetResizable(True)
        dashboard_scroll.setFrameShape(QFrame.Shape.NoFrame)
        dashboard_scroll.setWidget(self.dashboard_view)
        self.tabs.addTab(dashboard_scroll, self.tr("Tableau de bord"))
        self.tabs.addTab(self.tiers_view, self.tr("Contreparties"))
        self.tabs.addTab(self.contributions_view, self.tr("Contributions"))
        self.tabs.addTab(self.checklist_view, self.tr("Avant le lancement"))
        self.tabs.addTab(self.fulfilment_view, self.tr("Envoi des contreparties"))
        self.empty_label = QLabel(self.tr("Choisissez une campagne dans la liste, ou créez-en une."))
        self.empty_label.setObjectName("campaignEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_label)
        right_layout.addWidget(self.tabs)
        self.tabs.hide()

        # The list above, the selected campaign below: its dashboard needs the full width.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("campaignSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([160, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)
        state = context.settings.splitter_state("campaigns_list")
        if state is not None:
            self.splitter.restoreState(state)

        self.tiers_view.add_requested.connect(self.add_tier)
        self.tiers_view.edit_requested.connect(self.edit_tier)
        self.tiers_view.delete_requested.connect(self.delete_tier)
        self.contributions_view.add_requested.connect(self.add_contribution)
        self.contributions_view.status_requested.connect(self.set_contribution_status)
        self.checklist_view.announce_requested.connect(self.record_announcement)
        self.fulfilment_view.state_requested.connect(self.set_fulfilment_state)
        self.fulfilment_view.export_requested.connect(self.export_shipping_list)
        self.dashboard_view.propose_moves.connect(self.propose_moves)
        self.dashboard_view.pdf_requested.connect(lambda: self.open_pdf("campaign-report"))
        self.fulfilment_view.pdf_requested.connect(lambda: self.open_pdf("fulfilment-checklist"))

        self.filled = (self.table,)
        self.follow_database(SHOWS, lambda _changes: self.refresh())

    # -- reading ------------------------------------------------------------------------------

    def _database_changed(self) -> None:
        ready = self.is_ready()
        for button in (self.new_button, self.edit_button, self.import_button):
            button.setEnabled(ready)
        for button, action in (
            (self.new_button, Action.EDIT_CAMPAIGNS),
            (self.edit_button, Action.EDIT_CAMPAIGNS),
            (self.import_button, Action.IMPORT),
            (self.fulfilment_view.export_button, Action.EXPORT_PERSONAL_DATA),
            (self.fulfilment_view.checklist_button, Action.EXPORT_PERSONAL_DATA),
        ):
            guard(button, self.actor, action)
        if ready:
            self.refresh()

    def refresh(self) -> Task | None:
        """F5: read the campaigns again (and the selected one)."""
        if not self.is_ready():
            return None

        def work(db: Database, actor: Actor) -> list[CampaignSummary]:
            from communitydesk.services.campaigns import list_campaigns

            return list_campaigns(db, actor)

        return self.read("campaigns", work, self._show_campaigns)

    def _show_campaigns(self, summaries: list[CampaignSummary]) -> None:
        keep = self._wanted_id or self.selected_id()
        self.summaries = summaries
        self.list_model.set_records(summaries)
        if keep is not None:
            self.select_campaign(keep)
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self._wanted_id = None
        self.campaigns_loaded.emit()

    def selected_summary(self) -> CampaignSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        record = self.proxy.data(rows[0], RECORD_ROLE)
        return record if isinstance(record, CampaignSummary) else None

    def selected_id(self) -> int | None:
        summary = self.selected_summary()
        return summary.campaign.id if summary else None

    def select_campaign(self, campaign_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            record = self.proxy.data(self.proxy.index(row, 0), RECORD_ROLE)
            if record is not None and record.campaign.id == campaign_id:
                if self.selected_id() == campaign_id:
                    self._load_detail(campaign_id)  # same row: reselecting would not reload it
                else:
                    self.table.selectRow(row)
                return True
        return False

    def _filter_status(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_predicate(None if status is None else (lambda s: s is not None and s.campaign.status == status))

    def _selection_changed(self) -> None:
        campaign_id = self.selected_id()
        if campaign_id is None:
            self.tabs.hide()
            self.empty_label.show()
            return
        self._load_detail(campaign_id)

    def _load_detail(self, campaign_id: int) -> None:

        def work(db: Database, actor: Actor) -> CampaignDetail:
            from communitydesk.services.campaigns import campaign_detail

            return campaign_detail(db, actor, campaign_id)

        self.read("detail", work, self._show_detail)  # a newer read after a save drops this one

    def _show_detail(self, detail: CampaignDetail) -> None:
        if detail.dashboard.campaign.id != self.selected_id():
            return  # the user chose another campaign meanwhile
        self.detail = detail
        self.dashboard_view.show_dashboard(detail.dashboard, detail.proposals)
        self.tiers_view.set_tiers(detail.tiers)
        self.contributions_view.set_contributions(detail.contributions)
        self.checklist_view.show_checklist(detail.checklist, detail.untold)
        self.fulfilment_view.set_lines(detail.fulfilment)
        self.empty_label.hide()
        self.tabs.show()
        self.detail_loaded.emit()

    # -- writing ------------------------------------------------------------------------------

    def _changed(self, message: str, select: int | None = None) -> None:
        """After a write of this page: say it, and keep ``select`` chosen when the change signal
        brings the list and the campaign's tabs again."""
        if select is not None:
            self._wanted_id = select
        self.show_status(message)

    def new_campaign(self) -> CampaignDialog:
        from communitydesk.services import campaigns

        actor = self.actor
        dialog = CampaignDialog(self, lambda data: campaigns.create_campaign(self._db(), actor, data))
        dialog.saved.connect(
            lambda record: self._changed(self.tr("Campagne « {name} » créée.").format(name=record.name), record.id)
        )
        dialog.open()
        return dialog

    def edit_campaign(self) -> CampaignDialog | None:
        summary = self.selected_summary()
        if summary is None:
            return None
        from communitydesk.services import campaigns

        actor, record = self.actor, summary.campaign

        def save(data: CampaignInput) -> CampaignRecord:
            return campaigns.update_campaign(self._db(), actor, record.id, data, expected_version=record.version_id)

        dialog = CampaignDialog(self, save, record)
        dialog.saved.connect(
            lambda saved: self._changed(self.tr("Campagne « {name} » enregistrée.").format(name=saved.name), saved.id)
        )
        dialog.open()
        return dialog

    def import_contributions(self) -> ContributionImportWizard:
        from communitydesk.ui.campaigns.import_wizard import ContributionImportWizard

        summary = self.selected_summary()
        wizard = ContributionImportWizard(
            self,
            self._db,
            self.actor,
            [s.campaign.name for s in self.summaries],
            summary.campaign.name if summary else None,
        )
        wizard.imported.connect(self._imported)
        wizard.open()
        return wizard

    def _imported(self, summary: ContributionImportSummary) -> None:
        self._changed(
            _(
                "{created}, {updated}, {skipped}.",
                created=ngettext(
                    "{n} contribution importée", "{n} contributions importées", summary.created, n=summary.created
                ),
                updated=ngettext("{n} mise à jour", "{n} mises à jour", summary.updated, n=summary.updated),
                skipped=ngettext("{n} déjà connue", "{n} déjà connues", summary.skipped, n=summary.skipped),
            ),
            summary.campaign_id,
        )

    def _campaign_id(self) -> int | None:
        return self.detail.dashboard.campaign.id if self.detail else None

    def add_tier(self) -> TierDialog | None:
        campaign_id = self._campaign_id()
        if campaign_id is None:
            return None
        from communitydesk.services import campaigns

        actor = self.actor
        dialog = TierDialog(self, lambda data: campaigns.create_tier(self._db(), actor, campaign_id, data))
        dialog.saved.connect(
            lambda tier: self._changed(
                self.tr("Contrepartie « {title} » ajoutée.").format(title=tier.title), campaign_id
            )
        )
        dialog.open()
        return dialog

    def edit_tier(self, tier: TierRecord) -> TierDialog:
        from communitydesk.services import campaigns

        actor = self.actor

        def save(data: TierInput) -> TierRecord:
            return campaigns.update_tier(self._db(), actor, tier.id, data, expected_version=tier.version_id)

        dialog = TierDialog(self, save, tier)
        dialog.saved.connect(
            lambda saved: self._changed(
                self.tr("Contrepartie « {title} » enregistrée.").format(title=saved.title), tier.campaign_id
            )
        )
        dialog.open()
        return dialog

    def delete_tier(self, tier: TierRecord) -> Task:
        from communitydesk.services import campaigns

        actor = self.actor
        return run_in_background(
            self,
            lambda _ctx: campaigns.delete_tier(self._db(), actor, tier.id),
            on_success=lambda _r: self._changed(self.tr("Contrepartie supprimée."), tier.campaign_id),
        )

    def add_contribution(self) -> ContributionDialog | None:
        campaign_id = self._campaign_id()
        if campaign_id is None or self.detail is None:
            return None
        from communitydesk.services import campaigns

        actor = self.actor

        def save(data: ContributionInput) -> ContributionRecord:
            return campaigns.add_contribution(self._db(), actor, campaign_id, data)

        dialog = ContributionDialog(self, save, self.detail.tiers)
        dialog.saved.connect(lambda _c: self._changed(self.tr("Contribution ajoutée."), campaign_id))
        dialog.open()
        return dialog

    def set_contribution_status(self, record: ContributionRecord, status: str) -> Task:
        from communitydesk.services import campaigns

        actor = self.actor
        return run_in_background(
            self,
            lambda _ctx: campaigns.set_contribution_status(
                self._db(), actor, record.id, status, expected_version=record.version_id
            ),
            on_success=lambda _r: self._changed(self.tr("Contribution mise à jour."), record.campaign_id),
        )

    def record_announcement(self, contact_ids: list[int], kind: str) -> Task | None:
        campaign_id = self._campaign_id()
        if campaign_id is None:
            return None
        from communitydesk.services import campaigns

        actor = self.actor
        return run_in_background(
            self,
            lambda _ctx: campaigns.record_campaign_announcement(self._db(), actor, campaign_id, contact_ids, kind=kind),
            on_success=lambda count: self._changed(
                ngettext(
                    "{count} contact noté comme prévenu.", "{count} contacts notés comme prévenus.", count, count=count
                ),
                campaign_id,
            ),
        )

    def set_fulfilment_state(self, contribution_ids: list[int], state: str) -> Task | None:
        campaign_id = self._campaign_id()
        from communitydesk.services import fulfilment

        actor = self.actor
        return run_in_background(
            self,
            lambda _ctx: fulfilment.set_fulfilment_state(self._db(), actor, contribution_ids, state),
            on_success=lambda count: self._changed(
                ngettext(
                    "{count} contrepartie mise à jour.", "{count} contreparties mises à jour.", count, count=count
                ),
                campaign_id,
            ),
        )

    def export_shipping_list(self, states: list[str] | None, target: Path | None = None) -> Task | None:
        campaign_id = self._campaign_id()
        if campaign_id is None or self.detail is None:
            return None
        if target is None:
            folder = self.context.settings.last_folder or Path.home()
            name = self.detail.dashboard.campaign.name
            filename, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Liste d'envoi des contreparties"),
                str(folder / f"envois-{name}.csv"),
                self.tr("Fichiers CSV (*.csv)"),
            )
            if not filename:
                return None
            target = Path(filename)
            self.context.settings.last_folder = target.parent
        from communitydesk.services import fulfilment

        actor, path = self.actor, target
        return run_in_background(
            self,
            lambda _ctx: fulfilment.export_shipping_list(self._db(), actor, campaign_id, path, states),
            on_success=lambda count: self._changed(
                ngettext(
                    "{count} ligne écrite dans « {path} ».",
                    "{count} lignes écrites dans « {path} ».",
                    count,
                    count=count,
                    path=path,
                )
            ),
            label=self.tr("Export de la liste d'envoi…"),
        )

    def open_pdf(self, kind: str) -> QWidget | None:
        """The Documents PDF page, generating ``kind`` for this campaign (preview, save, print there)."""
        campaign_id = self._campaign_id()
        if campaign_id is None:
            return None
        from communitydesk.ui.documents.page import DocumentsPage

        page = self.context.window.show_page("documents")
        if isinstance(page, DocumentsPage):
            page.generate_for_campaign(kind, campaign_id)
        return page

    def propose_moves(self) -> MoveProposalsDialog | None:
        if self.detail is None or not self.detail.proposals:
            return None
        from communitydesk.services import campaigns

        campaign = self.detail.dashboard.campaign
        dialog = MoveProposalsDialog(self, campaign.name, self.detail.proposals)
        actor = self.actor

        def apply() -> None:
            ids = dialog.chosen()
            run_in_background(
                self,
                lambda _ctx: campaigns.apply_inward_moves(self._db(), actor, campaign.id, ids),
                on_success=lambda count: self._changed(
                    ngettext(
                        "{count} contact rapproché de la communauté.",
                        "{count} contacts rapprochés de la communauté.",
                        count,
                        count=count,
                    ),
                    campaign.id,
                ),
            )

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    def closing(self) -> None:
        self.context.settings.set_splitter_state("campaigns_list", self.splitter.saveState())
