"""Ambassadeurs: the recruitment funnel, the list and sheets, missions, levels and the charter.

One read brings the whole programme (a few dozen people: the funnel, the list, the missions,
the levels and the charter come together); each tab shows its part. A card dragged onto a
column ends in :meth:`AmbassadorsPage.drop_ambassador`, which tests call directly. Everything
that reads or writes the base runs off the UI thread; services are imported inside the work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from communitydesk.i18n import ngettext
from communitydesk.records.ambassador_levels import LevelMove, Standing
from communitydesk.records.ambassadors import (
    AmbassadorDraft,
    AmbassadorRecord,
    AmbassadorRow,
    CharterRecord,
    FunnelRecord,
    MissionDraft,
    MissionRecord,
    RoleRecord,
)
from communitydesk.records.changes import Changes
from communitydesk.reports.qr_matrix import qr_matrix
from communitydesk.rules.ambassador_levels import LevelRule
from communitydesk.rules.ambassadors import Stage
from communitydesk.services.permissions import Action, Actor
from communitydesk.ui.ambassadors.ambassador_panel import AmbassadorPanel
from communitydesk.ui.ambassadors.ambassador_table import AmbassadorTable, Listed
from communitydesk.ui.ambassadors.charter_view import CharterView
from communitydesk.ui.ambassadors.funnel_board import FunnelBoard
from communitydesk.ui.ambassadors.levels_view import LevelsView, referral_total
from communitydesk.ui.ambassadors.missions_view import MissionsView
from communitydesk.ui.database_page import DatabasePage
from communitydesk.ui.tasks import Task, TaskContext, run_in_background
from communitydesk.ui.widgets.page_layout import page_summary, page_title
from communitydesk.ui.widgets.rights import guard, may

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.ui.ambassadors.brief_dialog import BriefDialog
    from communitydesk.ui.ambassadors.dialogs import (
        CharterVersionDialog,
        CompletionDialog,
        EnrolDialog,
        MissionDialog,
        RewardDialog,
        SignatureDialog,
    )
    from communitydesk.ui.ambassadors.roles_dialog import RolesDialog
    from communitydesk.ui.main_window import PageContext

#: Contacts: a renamed or erased person changes the cards; contributions: the referrals.
SHOWS = Changes.of("ambassadors", "contacts", "contributions")
IDLE_WEEKS = 4
TABS = ("funnel", "list", "missions", "levels", "charter")


@dataclass(frozen=True)
class ProgrammeData:
    """What one read brings."""

    rows: list[AmbassadorRow]
    funnel: FunnelRecord
    idle: list[AmbassadorRow]
    roles: list[RoleRecord]
    missions: list[MissionRecord]
    standings: list[Standing]
    levels: list[LevelRule]
    charters: list[CharterRecord]
    must_resign: list[AmbassadorRow]

    def listed(self) -> list[Listed]:
        referrals = {s.ambassador_id: referral_total(s.referrals) for s in self.standings}
        return [Listed(row, referrals.get(row.id, 0)) for row in self.rows]

    def names(self) -> list[tuple[int, str]]:
        return [(row.id, row.name) for row in self.rows]


class AmbassadorsPage(DatabasePage):
    loaded = Signal()
    #: The sheet shown in the panel, once read.
    record_shown = Signal(object)

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.data: ProgrammeData | None = None

        title = page_title(self.tr("Ambassadeurs"))
        self.summary = page_summary("programmeSummary")
        self.new_button = QPushButton(self.tr("Nouvel ambassadeur…"))
        self.new_button.setObjectName("newAmbassadorButton")
        self.new_button.setToolTip(self.tr("Inscrire au programme une personne déjà dans vos contacts"))
        self.new_button.clicked.connect(lambda: self.new_ambassador())
        self.brief_button = QPushButton(self.tr("Brief 15 jours…"))
        self.brief_button.setObjectName("briefButton")
        self.brief_button.setToolTip(
            self.tr("Ce qu'il y a à partager ces 15 prochains jours, à envoyer aux ambassadeurs")
        )
        self.brief_button.clicked.connect(lambda: self.open_brief())
        self.roles_button = QPushButton(self.tr("Rôles…"))
        self.roles_button.setObjectName("rolesButton")
        self.roles_button.setToolTip(self.tr("La liste des rôles qu'un ambassadeur peut prendre"))
        self.roles_button.clicked.connect(lambda: self.edit_roles())
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.summary)
        header.addStretch(1)
        for button in (self.new_button, self.brief_button, self.roles_button):
            header.addWidget(button)
        self.buttons = (self.new_button, self.brief_button, self.roles_button)

        self.board = FunnelBoard(self.drop_ambassador, self.open_ambassador)
        self.table = AmbassadorTable()
        self.table.chosen.connect(self.show_ambassador)
        self.panel = AmbassadorPanel()
        self.panel.save_requested.connect(self.save_ambassador)
        self.panel.reward_requested.connect(self.record_reward)
        self.panel.sign_requested.connect(self.sign_charter)
        self.panel.roles_requested.connect(self.edit_roles)
        self.panel.copy_signature_requested.connect(self.copy_signature)
        self.panel.kit_requested.connect(self.kit_pdf)
        self.panel.contact_requested.connect(self.open_contact)
        self.splitter = QSplitter()
        self.splitter.setObjectName("ambassadorSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([660, 470])  # the table shows its points and referrals without scrolling
        state = context.settings.splitter_state("ambassadors")
        if state is not None:
            self.splitter.restoreState(state)
        self.missions = MissionsView()
        self.missions.new_requested.connect(lambda: self.edit_mission(None))
        self.missions.edit_requested.connect(self.edit_mission)
        self.missions.complete_requested.connect(self.complete_mission)
        self.missions.judge_requested.connect(self.judge_mission)
        self.levels = LevelsView()
        self.levels.preview_requested.connect(self.preview_levels)
        self.levels.save_requested.connect(self.save_levels)
        self.charter = CharterView()
        self.charter.publish_requested.connect(self.publish_charter)
        self.charter.open_requested.connect(self.open_ambassador)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("ambassadorTabs")
        for widget, label in (
            (self.board, self.tr("Parcours")),
            (self.splitter, self.tr("Ambassadeurs")),
            (self.missions, self.tr("Missions")),
            (self.levels, self.tr("Niveaux et classement")),
            (self.charter, self.tr("Charte")),
        ):
            self.tabs.addTab(widget, label)
        saved = context.settings.view_state("ambassadors").get("tab")
        if isinstance(saved, str) and saved in TABS:
            self.tabs.setCurrentIndex(TABS.index(saved))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self.filled = (self.board,)
        self.follow_database(SHOWS, lambda _changes: self.refresh())

    # -- reading ------------------------------------------------------------------------------

    def _database_changed(self) -> None:
        ready = self.is_ready()
        for button in self.buttons:
            button.setEnabled(ready)
        actor = self.actor
        for button in (self.new_button, self.roles_button):
            guard(button, actor, Action.MANAGE_AMBASSADORS)
        for view in (self.panel, self.missions, self.levels, self.charter):
            view.set_actor(actor)
        if ready:
            self.refresh()

    def refresh(self) -> Task | None:
        """F5: read the programme again (and the sheet shown)."""
        if not self.is_ready():
            return None

        def work(db: Database, actor: Actor) -> ProgrammeData:
            from communitydesk.services import ambassador_charters, ambassador_levels, ambassadors, missions

            return ProgrammeData(
                rows=ambassadors.ambassadors(db, actor),
                funnel=ambassadors.funnel(db, actor),
                idle=ambassadors.idle_welcomed(db, actor, weeks=IDLE_WEEKS),
                roles=ambassadors.roles(db, actor),
                missions=missions.missions(db, actor),
                standings=ambassador_levels.standings(db, actor),
                levels=ambassador_levels.levels(db, actor),
                charters=ambassador_charters.charters(db, actor),
                must_resign=ambassador_charters.must_resign(db, actor),
            )

        return self.read("programme", work, self._loaded)

    def _loaded(self, data: ProgrammeData) -> None:
        first = self.data is None
        self.data = data
        self._fill(levels_too=first)
        if self.panel.record is not None:
            self.show_ambassador(self.panel.record.id)
        self.loaded.emit()

    def _fill(self, *, levels_too: bool) -> None:
        data = self.data
        if data is None:
            return
        rates = {step.stage: step.conversion for step in data.funnel.steps}
        self.board.show_funnel(data.rows, rates, data.idle, IDLE_WEEKS)
        self.table.set_rows(data.listed())
        self.missions.set_missions(data.missions, data.names())
        self.levels.show_standings(data.standings)
        if levels_too or not self.levels.moves.count():
            self.levels.show_levels(data.levels)  # an edit under way is kept while others write
        self.charter.show_charters(data.charters, data.must_resign)
        active = data.funnel.counts.get(Stage.ACTIF.value, 0)
        waiting = sum(1 for m in data.missions if m.status == "realisee")
        self.summary.setText(
            ngettext(
                "{active} actif sur {total}",
                "{active} actifs sur {total}",
                active,
                active=active,
                total=data.funnel.total,
            )
            + " · "
            + ngettext("{count} mission à valider", "{count} missions à valider", waiting, count=waiting)
        )

    def show_ambassador(self, ambassador_id: int) -> Task:
        """Read one sheet into the panel."""
        from communitydesk.services import ambassadors

        actor = self.actor

        def read(_ctx: TaskContext) -> AmbassadorRecord:
            record = ambassadors.ambassador(self._db(), actor, ambassador_id)
            if record.referral_url:
                qr_matrix(record.referral_url)  # encoded here (cached): the panel only paints it
            return record

        def shown(record: AmbassadorRecord) -> None:
            self.panel.show_record(record, self.data.roles if self.data else ())
            self.record_shown.emit(record)

        return run_in_background(self, read, on_success=shown)

    def open_ambassador(self, ambassador_id: int) -> Task:
        """A card double-clicked (or a name in a list): the sheet, in the Ambassadeurs tab."""
        self.tabs.setCurrentIndex(TABS.index("list"))
        self.table.select(ambassador_id)
        return self.show_ambassador(ambassador_id)

    # -- writing ------------------------------------------------------------------------------

    def drop_ambassador(self, ambassador_id: int, stage: str) -> Task | None:
        """A card dropped on the column ``stage``: move the ambassador there if the funnel allows it
        (and the profile may: otherwise the status bar says why and the card stays where it was)."""
        from communitydesk.services import ambassadors

        if not may(self, self.actor, Action.MANAGE_AMBASSADORS):
            return None
        return self.run(
            lambda db, actor: ambassadors.move_stage(db, actor, ambassador_id, stage),
            lambda record: self.tr("{name} : étape « {stage} ».").format(name=record.name, stage=record.stage_label),
        )

    def _record_name(self, ambassador_id: int) -> str:
        record = self.panel.record
        return record.name if record is not None and record.id == ambassador_id else ""

    def save_ambassador(self, ambassador_id: int, draft: AmbassadorDraft) -> Task:
        from communitydesk.services import ambassadors

        record = self.panel.record
        version = record.version_id if record is not None and record.id == ambassador_id else None
        return self.run(
            lambda db, actor: ambassadors.update_ambassador(db, actor, ambassador_id, draft, expected_version=version),
            lambda saved: self.tr("Fiche de {name} enregistrée.").format(name=saved.name),
        )

    def new_ambassador(self) -> EnrolDialog | None:
        if not self.is_ready() or not may(self, self.actor, Action.MANAGE_AMBASSADORS):
            return None
        from communitydesk.services import ambassadors
        from communitydesk.ui.ambassadors.dialogs import EnrolDialog
        from communitydesk.ui.widgets.contact_picker import contact_search

        path, actor = self.current_database.path, self.actor
        assert path is not None
        enrolled = {row.contact_id for row in self.data.rows} if self.data else set()  # already members
        search = contact_search(path, actor, leave_out=enrolled)

        def save(values: dict[str, Any]) -> int:
            return ambassadors.enrol(self._db(), actor, values["contact_id"], values["type"])

        dialog = EnrolDialog(self, search, save)
        dialog.saved.connect(lambda ambassador_id: self._enrolled(int(ambassador_id)))
        dialog.open()
        return dialog

    def _enrolled(self, ambassador_id: int) -> None:
        self.show_status(self.tr("Nouvel ambassadeur inscrit comme candidat."))
        self.open_ambassador(ambassador_id)

    def record_reward(self, ambassador_id: int) -> RewardDialog:
        from communitydesk.services import ambassadors
        from communitydesk.ui.ambassadors.dialogs import RewardDialog

        actor = self.actor

        def save(values: dict[str, Any]) -> int:
            return ambassadors.record_reward(self._db(), actor, ambassador_id, **values)

        dialog = RewardDialog(self, self._record_name(ambassador_id), save)
        dialog.saved.connect(lambda _id: self.show_status(self.tr("Récompense enregistrée.")))
        dialog.open()
        return dialog

    def sign_charter(self, ambassador_id: int) -> SignatureDialog:
        from communitydesk.services import ambassador_charters
        from communitydesk.ui.ambassadors.dialogs import SignatureDialog

        actor = self.actor

        def save(values: dict[str, Any]) -> Any:
            return ambassador_charters.sign_charter(self._db(), actor, ambassador_id, **values)

        charters = self.data.charters if self.data else []
        dialog = SignatureDialog(self, self._record_name(ambassador_id), charters, save)
        dialog.saved.connect(lambda _r: self.show_status(self.tr("Signature de la charte enregistrée.")))
        dialog.open()
        return dialog

    def edit_roles(self) -> RolesDialog | None:
        if not self.is_ready() or not may(self, self.actor, Action.MANAGE_AMBASSADORS):
            return None
        from communitydesk.services.ambassador_roles import save_roles
        from communitydesk.ui.ambassadors.roles_dialog import RolesDialog

        actor = self.actor
        dialog = RolesDialog(
            self, lambda roles: save_roles(self._db(), actor, roles), self.data.roles if self.data else []
        )
        dialog.saved.connect(lambda _roles: self.show_status(self.tr("Liste des rôles enregistrée.")))
        dialog.open()
        return dialog

    # -- missions -----------------------------------------------------------------------------

    def edit_mission(self, mission: MissionRecord | None) -> MissionDialog | None:
        """« Nouvelle mission… », « Modifier ou confier… » or a double-click on the list."""
        from communitydesk.services import missions
        from communitydesk.ui.ambassadors.dialogs import MissionDialog

        if not may(self, self.actor, Action.MANAGE_AMBASSADORS):
            return None

        actor = self.actor

        def save(values: dict[str, Any]) -> Any:
            draft = MissionDraft(**values)
            if mission is None:
                return missions.create_mission(self._db(), actor, draft)
            return missions.update_mission(self._db(), actor, mission.id, draft, expected_version=mission.version_id)

        dialog = MissionDialog(self, self.data.names() if self.data else [], save, mission)
        dialog.saved.connect(lambda _r: self.show_status(self.tr("Mission enregistrée.")))
        dialog.open()
        return dialog

    def complete_mission(self, mission: MissionRecord) -> CompletionDialog:
        from communitydesk.services import missions
        from communitydesk.ui.ambassadors.dialogs import CompletionDialog

        actor = self.actor

        def save(values: dict[str, Any]) -> Any:
            return missions.complete_mission(self._db(), actor, mission.id, **values)

        dialog = CompletionDialog(self, mission.title, save)
        dialog.saved.connect(
            lambda _r: self.show_status(self.tr("Mission marquée réalisée : elle attend la validation."))
        )
        dialog.open()
        return dialog

    def judge_mission(self, mission: MissionRecord, accepted: bool) -> Task:
        from communitydesk.services import missions

        message = self.tr("Mission « {title} » validée.") if accepted else self.tr("Mission « {title} » refusée.")
        return self.run(
            lambda db, actor: missions.validate_mission(db, actor, mission.id, accepted),
            message.format(title=mission.title),
        )

    # -- levels -------------------------------------------------------------------------------

    def preview_levels(self, levels: Sequence[LevelRule]) -> Task:
        from communitydesk.services import ambassador_levels

        actor = self.actor
        return run_in_background(
            self,
            lambda _ctx: ambassador_levels.preview_levels(self._db(), actor, levels),
            on_success=lambda moves: self.levels.show_moves(moves, saved=False),
        )

    def save_levels(self, levels: Sequence[LevelRule]) -> Task:
        from communitydesk.services import ambassador_levels

        actor = self.actor

        def saved(moves: list[LevelMove]) -> None:
            self.levels.show_moves(moves, saved=True)
            self.show_status(self.tr("Règles des niveaux enregistrées."))

        def work(_ctx: TaskContext) -> list[LevelMove]:
            return ambassador_levels.save_levels(self._db(), actor, levels)

        return run_in_background(self, work, on_success=saved)

    # -- charter ------------------------------------------------------------------------------

    def publish_charter(self, current: CharterRecord | None) -> CharterVersionDialog:
        from communitydesk.services import ambassador_charters
        from communitydesk.ui.ambassadors.dialogs import CharterVersionDialog

        actor = self.actor

        def save(values: dict[str, Any]) -> Any:
            return ambassador_charters.publish_charter_version(self._db(), actor, **values)

        dialog = CharterVersionDialog(self, current, save)
        dialog.saved.connect(lambda _r: self.show_status(self.tr("Nouvelle version de la charte publiée.")))
        dialog.open()
        return dialog

    # -- kit, signature, brief ----------------------------------------------------------------

    def copy_signature(self, ambassador_id: int) -> Task:
        """The e-mail signature (HTML and text) put on the clipboard."""
        from communitydesk.services.ambassador_kit import email_signature
        from communitydesk.ui.ambassadors.brief_dialog import copy_html_and_text

        actor = self.actor

        def copied(signature: tuple[str, str]) -> None:
            copy_html_and_text(*signature)
            self.show_status(self.tr("Signature copiée : collez-la dans les réglages de votre messagerie."))

        return run_in_background(
            self, lambda _ctx: email_signature(self._db(), actor, ambassador_id), on_success=copied
        )

    def kit_pdf(self, ambassador_id: int) -> QWidget:
        """« Kit PDF… »: the Documents page builds this ambassador's kit, shown there to check and save."""
        from communitydesk.ui.documents.page import DocumentsPage

        page = self.context.window.show_page("documents")
        if isinstance(page, DocumentsPage):
            page.generate_for_ambassador(ambassador_id)
        return page

    def open_brief(self, start: date | None = None) -> BriefDialog | None:
        if not self.is_ready():
            return None
        from communitydesk.ui.ambassadors.brief_dialog import BriefDialog

        actor = self.actor

        def load(first: date) -> tuple[str, str]:
            from communitydesk.exporters.ambassador_brief import brief_html, brief_text
            from communitydesk.services.ambassador_brief import ambassador_brief

            brief = ambassador_brief(self._db(), actor, start=first)
            return brief_html(brief), brief_text(brief)

        def write(target: Path, out_format: str, first: date) -> object:
            from communitydesk.services.ambassador_brief import export_ambassador_brief

            return export_ambassador_brief(self._db(), actor, target, out_format, start=first)

        dialog = BriefDialog(self, load, write, actor, start)
        dialog.open()
        return dialog

    def open_contact(self, ambassador_id: int) -> QWidget | None:
        """« Fiche contact »: the person's contact sheet, from the Contacts page."""
        from communitydesk.ui.contacts.page import ContactsPage

        record = self.panel.record
        if record is None or record.id != ambassador_id:
            return None
        page = self.context.window.show_page("contacts")
        return page.open_contact(record.contact_id) if isinstance(page, ContactsPage) else None

    def closing(self) -> None:
        self.context.settings.set_splitter_state("ambassadors", self.splitter.saveState())
        self.context.settings.set_view_state("ambassadors", {"tab": TABS[self.tabs.currentIndex()]})
