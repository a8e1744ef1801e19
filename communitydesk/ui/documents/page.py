"""Documents PDF: pick a document and its options, Générer (off the UI thread), preview.

The PDF is written to a temporary folder of this page and shown in :class:`PdfPreview`;
"Enregistrer sous…" copies it where the user wants. Generation goes through
``document_catalogue.generate_pdf`` in a background task (ReportLab is imported there,
never on the UI thread); segments and tags for the filters are read the same way.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from communitydesk.document_catalogue import DOCUMENTS, DocumentOptions
from communitydesk.errors import UserError
from communitydesk.formatting import day, local_today
from communitydesk.i18n import ngettext
from communitydesk.records.changes import Changes
from communitydesk.records.contact_listing import ListingFilter
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.contact_list_columns import DEFAULT_COLUMNS, LIST_COLUMNS, column_label
from communitydesk.rules.periods import Period
from communitydesk.ui.database_page import DatabasePage
from communitydesk.ui.documents.preview import PdfPreview
from communitydesk.ui.documents.preview_files import PreviewFolder
from communitydesk.ui.tasks import Task, TaskContext, run_in_background, show_error
from communitydesk.ui.widgets.page_layout import page_title
from communitydesk.ui.widgets.rights import guard

if TYPE_CHECKING:
    from communitydesk.ui.main_window import PageContext

KINDS = (
    "charter",
    "community-report",
    "editorial-report",
    "contact-list",
    "directory",
    "campaign-report",
    "fulfilment-checklist",
    "ambassador-kit",
    "event-kit",
    "event-report",
)
PERIOD_KINDS = ("community-report", "editorial-report")
CAMPAIGN_KINDS = ("campaign-report", "fulfilment-checklist")
AMBASSADOR_KINDS = ("ambassador-kit",)
EVENT_KINDS = ("event-kit", "event-report")
# What the option lists are filled with: segments, tags, campaigns, ambassadors (id, name) and events
# (id, name, day).
Choices = tuple[list[str], list[str], list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str, date]]]
FILE_NAMES = {
    "charter": "charte",
    "community-report": "rapport-communaute",
    "editorial-report": "rapport-editorial",
    "contact-list": "liste-contacts",
    "directory": "annuaire",
    "campaign-report": "rapport-campagne",
    "fulfilment-checklist": "suivi-contreparties",
    "ambassador-kit": "kit-ambassadeur",
    "event-kit": "kit-evenement",
    "event-report": "bilan-evenement",
}


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DocumentsPage(DatabasePage):
    generated = Signal(object)  # the RenderResult
    choices_loaded = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.temp_dir = PreviewFolder()  # removed on quit: previews hold personal data
        self.task: Task | None = None
        self.choices_task: Task | None = None
        self.last_result: Any = None
        self._campaign_request: tuple[str, int] | None = None  # from a campaign screen, until choices load
        self._ambassador_request: int | None = None  # from the Ambassadeurs page, until choices load
        self._event_request: tuple[str, int] | None = None  # from the Événements page, until choices load
        self._runs = 0
        self._build()
        # The segment, tag, campaign, ambassador and event choices follow what is written elsewhere.
        shows = Changes.of("segments", "tags", "campaigns", "ambassadors", "events")
        self.follow_database(shows, self._choices_changed)

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        title = page_title(self.tr("Documents PDF"))

        self.kind = QComboBox(self)
        self.kind.setObjectName("documentKind")
        labels = {
            "charter": self.tr("Charte (ambassadeurs ou collaborateurs)"),
            "community-report": self.tr("Rapport de communauté"),
            "editorial-report": self.tr("Rapport éditorial"),
            "contact-list": self.tr("Liste de contacts"),
            "directory": self.tr("Annuaire pour un événement"),
            "campaign-report": self.tr("Rapport de campagne"),
            "fulfilment-checklist": self.tr("Suivi des contreparties (liste à cocher)"),
            "ambassador-kit": self.tr("Kit ambassadeur (lettre, guide, charte, affiches, cartes)"),
            "event-kit": self.tr("Kit d'événement (feuille d'émargement, badges, affiche, cartes, inscrits)"),
            "event-report": self.tr("Bilan d'un événement"),
        }
        for kind in KINDS:
            self.kind.addItem(labels[kind], kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        # Charter options.
        self.charter_group = QGroupBox(self.tr("Charte"), self)
        self.template = QComboBox(self)
        self.template.addItem(self.tr("Charte des ambassadeurs"), "ambassador")
        self.template.addItem(self.tr("Charte d'expression des collaborateurs"), "collaborator")
        self.member_name = QLineEdit(self)
        self.member_name.setPlaceholderText(self.tr("laisser vide pour l'écrire à la main"))
        self.signatory_name = QLineEdit(self)
        self.signatory_name.setPlaceholderText(self.tr("laisser vide pour l'écrire à la main"))
        self.edit_template = QPushButton(self.tr("Modifier le modèle…"), self)
        self.edit_template.clicked.connect(self.open_template_editor)
        form = QFormLayout(self.charter_group)
        form.addRow(self.tr("Modèle"), self.template)
        form.addRow(self.tr("Nom du signataire"), self.member_name)
        form.addRow(self.tr("Pour l'organisation"), self.signatory_name)
        form.addRow("", self.edit_template)

        # Period (community and editorial reports): each report's own default until the user picks dates.
        self.period_group = QGroupBox(self.tr("Période"), self)
        default = Period.default()
        self.date_from = QDateEdit(qdate(default.start), self)
        self.date_to = QDateEdit(qdate(default.end), self)
        self._period_chosen = False
        self._setting_period = False
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._period_edited)
        form = QFormLayout(self.period_group)
        form.addRow(self.tr("Du"), self.date_from)
        form.addRow(self.tr("Au (inclus)"), self.date_to)

        # Which contacts (contact list, directory).
        self.filter_group = QGroupBox(self.tr("Contacts"), self)
        self.segment = QComboBox(self)
        self.segment.setObjectName("segment")
        self.circle = QComboBox(self)
        self.circle.addItem(self.tr("Tous les cercles"), None)
        for circle in CIRCLE_ORDER:
            self.circle.addItem(circle_label(circle), circle.value)
        self.tag = QComboBox(self)
        self.tag.setObjectName("tag")
        form = QFormLayout(self.filter_group)
        form.addRow(self.tr("Segment"), self.segment)
        form.addRow(contact_field_label("circle"), self.circle)
        form.addRow(self.tr("Tag"), self.tag)
        # Which campaign (campaign report, fulfilment checklist).
        self.campaign_group = QGroupBox(self.tr("Campagne"), self)
        self.campaign = QComboBox(self)
        self.campaign.setObjectName("campaign")
        QFormLayout(self.campaign_group).addRow(self.tr("Campagne"), self.campaign)
        # Whose kit (ambassador kit); none chosen: every active ambassador's.
        self.ambassador_group = QGroupBox(self.tr("Kit ambassadeur"), self)
        self.ambassador = QComboBox(self)
        self.ambassador.setObjectName("ambassador")
        QFormLayout(self.ambassador_group).addRow(self.tr("Pour"), self.ambassador)
        # Which event (event kit and report); the next one is chosen first.
        self.event_group = QGroupBox(self.tr("Kit ou bilan d'événement"), self)
        self.event_choice = QComboBox(self)
        self.event_choice.setObjectName("event")
        QFormLayout(self.event_group).addRow(self.tr("Pour"), self.event_choice)
        self._fill_choices([], [], ambassadors=[], events=[])

        self.columns_group = QGroupBox(self.tr("Colonnes"), self)
        self.columns = QListWidget(self)
        self.columns.setObjectName("columns")
        for key in LIST_COLUMNS:
            item = QListWidgetItem(
                column_label(key) + (" " + self.tr("(nom affiché)") if key == "display_name" else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(Qt.CheckState.Checked if key in DEFAULT_COLUMNS else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        QVBoxLayout(self.columns_group).addWidget(self.columns)

        self.generate_button = QPushButton(self.tr("Générer"), self)
        self.generate_button.setObjectName("generate")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("generationProgress")
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("generationStatus")
        self.status.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.cancel_button)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(title)
        side_layout.addWidget(QLabel(self.tr("Document")))
        side_layout.addWidget(self.kind)
        for group in (
            self.charter_group,
            self.period_group,
            self.filter_group,
            self.columns_group,
            self.campaign_group,
            self.ambassador_group,
            self.event_group,
        ):
            side_layout.addWidget(group)
        side_layout.addLayout(actions)
        side_layout.addWidget(self.progress)
        side_layout.addWidget(self.status)
        side_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("documentOptions")
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        # Never sideways: the pane is at least as wide as its options and its vertical bar.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        needed = side.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(max(330, needed + 2 * scroll.frameWidth()))
        self.options_pane = scroll

        self.preview = PdfPreview(self)
        splitter = QSplitter(self)
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.current_kind
        self.charter_group.setVisible(kind == "charter")
        self.period_group.setVisible(kind in PERIOD_KINDS)
        if kind in PERIOD_KINDS and not self._period_chosen:
            self._set_period(DOCUMENTS[kind].default_period(None))
        self.filter_group.setVisible(kind in ("contact-list", "directory"))
        self.columns_group.setVisible(kind == "contact-list")
        self.campaign_group.setVisible(kind in CAMPAIGN_KINDS)
        self.ambassador_group.setVisible(kind in AMBASSADOR_KINDS)
        self.event_group.setVisible(kind in EVENT_KINDS)
        self._enable_generate()

    def _enable_generate(self) -> None:
        """Générer: a ready base, no document under way, and the profile's right to this kind."""
        ready = self.is_ready() and self.current_database.path is not None
        self.generate_button.setEnabled(ready and self.task is None)
        guard(self.generate_button, self.actor, DOCUMENTS[self.current_kind].right)

    def _set_period(self, period: Period) -> None:
        self._setting_period = True
        try:
            self.date_from.setDate(qdate(period.start))
            self.date_to.setDate(qdate(period.end))
        finally:
            self._setting_period = False

    def _period_edited(self) -> None:
        if not self._setting_period:
            self._period_chosen = True

    @property
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def select_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))

    # -- choices read from the database (segments, tags) --------------------------------------------

    def select_campaign(self, campaign_id: int) -> None:
        """Choose the campaign by its number (the campaign screens' "PDF" buttons)."""
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(str(campaign_id))))

    def generate_for_campaign(self, kind: str, campaign_id: int) -> None:
        """Choose ``kind`` and the campaign, then generate (once the campaigns are read, if need be)."""
        self.select_kind(kind)
        waiting, self._campaign_request = self._campaign_request, None
        if self.campaign.findData(str(campaign_id)) < 0:
            if waiting is None and self.is_ready():
                self._campaign_request = (kind, campaign_id)  # created since the campaigns were read
                self.load_choices()
            return  # still unknown after reading again: deleted meanwhile
        self.select_campaign(campaign_id)
        self.generate()

    def select_ambassador(self, ambassador_id: int) -> None:
        self.ambassador.setCurrentIndex(max(0, self.ambassador.findData(str(ambassador_id))))

    def generate_for_ambassador(self, ambassador_id: int) -> None:
        """The Ambassadeurs page's « Kit PDF… »: that ambassador's kit (once the ambassadors are read, if need be)."""
        self.select_kind("ambassador-kit")
        waiting, self._ambassador_request = self._ambassador_request, None
        if self.ambassador.findData(str(ambassador_id)) < 0:
            if waiting is None and self.is_ready():
                self._ambassador_request = ambassador_id  # enrolled since the ambassadors were read
                self.load_choices()
            return
        self.select_ambassador(ambassador_id)
        self.generate()

    def generate_for_event(self, kind: str, event_id: int) -> None:
        """An event's « Kit PDF… » or report: ``kind`` for that event (once the events are read, if need be)."""
        self.select_kind(kind)
        waiting, self._event_request = self._event_request, None
        if self.event_choice.findData(str(event_id)) < 0:
            if waiting is None and self.is_ready():
                self._event_request = (kind, event_id)  # created since the events were read
                self.load_choices()
            return
        self.event_choice.setCurrentIndex(self.event_choice.findData(str(event_id)))
        self.generate()

    def _fill_choices(
        self,
        segments: list[str],
        tags: list[str],
        campaigns: list[tuple[int, str]] | None = None,
        ambassadors: list[tuple[int, str]] | None = None,
        events: list[tuple[int, str, date]] | None = None,
    ) -> None:
        chosen_segment, chosen_tag = self.segment.currentData(), self.tag.currentData()
        if campaigns is not None:
            chosen_campaign = self.campaign.currentData()
            self.campaign.clear()
            for campaign_id, name in campaigns:
                # By number: a name is not unique forever (renamed while the page is open).
                self.campaign.addItem(name, str(campaign_id))
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(chosen_campaign)))
        if ambassadors is not None:
            chosen_ambassador = self.ambassador.currentData()
            self.ambassador.clear()
            self.ambassador.addItem(self.tr("Tous les ambassadeurs actifs"), None)
            for ambassador_id, name in ambassadors:
                self.ambassador.addItem(name, str(ambassador_id))
            self.ambassador.setCurrentIndex(max(0, self.ambassador.findData(chosen_ambassador)))
        if events is not None:
            self._fill_events(events)
        self.segment.clear()
        self.segment.addItem(self.tr("Aucun (tous les contacts)"), None)
        for name in segments:
            self.segment.addItem(name, name)
        self.tag.clear()
        self.tag.addItem(self.tr("Tous les tags"), None)
        for name in tags:
            self.tag.addItem(name, name)
        for combo, chosen in ((self.segment, chosen_segment), (self.tag, chosen_tag)):
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))

    def _fill_events(self, events: list[tuple[int, str, date]]) -> None:
        chosen = self.event_choice.currentData()
        self.event_choice.clear()
        for event_id, name, starts_on in events:
            self.event_choice.addItem(f"{name} — {day(starts_on)}", str(event_id))
        if self.event_choice.findData(chosen) < 0:  # nothing chosen yet: the next event, else the last one
            today = local_today()
            coming = [index for index, (_id, _name, starts_on) in enumerate(events) if starts_on >= today]
            chosen = self.event_choice.itemData(coming[0] if coming else len(events) - 1)
        self.event_choice.setCurrentIndex(max(0, self.event_choice.findData(chosen)))

    def _database_changed(self) -> None:
        ready = self.is_ready() and self.current_database.path is not None
        self._enable_generate()
        self.edit_template.setEnabled(ready)
        if ready:
            self.load_choices()
        else:
            self.preview.clear(self.tr("Ouvrez une base pour générer des documents."))

    def load_choices(self) -> Task:
        actor = self.actor

        def work(_ctx: TaskContext) -> Choices:
            from communitydesk.services import ambassadors, campaigns, events, segments, tags

            store = self._db()
            return (
                [s.name for s in segments.list_segments(store, actor)],
                [t.name for t in tags.list_tags(store, actor)],
                [(c.campaign.id, c.campaign.name) for c in campaigns.list_campaigns(store, actor)],
                [(a.id, a.name) for a in ambassadors.ambassadors(store, actor)],
                [(e.id, e.name, e.starts_on) for e in events.events(store, actor)],
            )

        def loaded(result: Choices) -> None:
            self._fill_choices(*result)
            if self._campaign_request is not None:
                self.generate_for_campaign(*self._campaign_request)
            if self._ambassador_request is not None:
                self.generate_for_ambassador(self._ambassador_request)
            if self._event_request is not None:
                self.generate_for_event(*self._event_request)
            self.choices_loaded.emit()

        self.choices_task = run_in_background(self, work, on_success=loaded, on_failure=lambda _message: None)
        return self.choices_task

    def refresh(self) -> None:
        if self.is_ready():
            self.load_choices()

    def _choices_changed(self, _changes: Changes) -> None:
        self.refresh()

    # -- generating ----------------------------------------------------------------------------------

    def options(self) -> DocumentOptions:
        kind = self.current_kind
        columns = tuple(
            str(self.columns.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.columns.count())
            if self.columns.item(i).checkState() == Qt.CheckState.Checked
        )
        if kind in EVENT_KINDS and self.event_choice.currentData() is None:
            raise UserError(self.tr("Aucun événement dans cette base : créez-en un dans la page Événements."))
        period = None
        if kind in PERIOD_KINDS:
            period = Period(pydate(self.date_from.date()), pydate(self.date_to.date()))
        return DocumentOptions(
            period=period,
            contact_filter=ListingFilter(
                circle=self.circle.currentData(), tag=self.tag.currentData(), segment=self.segment.currentData()
            ),
            columns=columns or None,
            template=str(self.template.currentData()),
            member_name=self.member_name.text(),
            signatory_name=self.signatory_name.text(),
            campaign=self.campaign.currentData() if kind in CAMPAIGN_KINDS else None,
            ambassador=self.ambassador.currentData() if kind in AMBASSADOR_KINDS else None,
            event=self.event_choice.currentData() if kind in EVENT_KINDS else None,
        )

    def generate(self) -> Task | None:
        """Build the chosen document in the background; the preview shows it when done."""
        if self.task is not None or self.current_database.path is None:
            return None
        kind = self.current_kind
        try:
            options = self.options()
        except UserError as exc:  # an inverted period: said in French, nothing started
            show_error(self, str(exc))
            return None
        self._runs += 1
        out = Path(self.temp_dir.path()) / f"{FILE_NAMES[kind]}-{self._runs}.pdf"
        path, actor = self.current_database.path, self.actor

        def work(ctx: TaskContext) -> Any:
            from communitydesk.document_catalogue import generate_pdf

            try:
                return generate_pdf(kind, path, actor, options, out, progress=ctx.progress, cancelled=ctx.is_cancelled)
            except UserError:
                ctx.raise_if_cancelled()  # stopped by Annuler: a cancellation, not a failure
                raise

        self.generate_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Génération en cours…"))
        self.task = run_in_background(
            self,
            work,
            label=self.tr("Génération du PDF…"),
            cancellable=True,
            on_success=self._generated,
            on_failure=self._failed,
            on_cancel=self._cancelled,
            # A report allocates for every contact: collections meanwhile would walk it all on the UI thread,
            # its few cycles wait for the end.
            pause_cycle_collection=True,
        )
        self.task.progressed.connect(self._progressed)
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _finish(self, message: str) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)
        self._enable_generate()
        self.status.setText(message)

    def _generated(self, result: Any) -> None:
        self.last_result = result
        self._finish(
            ngettext(
                "Document prêt : {count} page.", "Document prêt : {count} pages.", result.pages, count=result.pages
            )
        )
        from communitydesk.formatting import local_today

        name = f"{FILE_NAMES[self.current_kind]}-{local_today().isoformat()}.pdf"
        self.preview.show_pdf(result.path, name)
        self.generated.emit(result)

    def _failed(self, message: str) -> None:
        self._finish(message)
        show_error(self, message, self.tr("Le document n'a pas pu être généré"))

    def _cancelled(self) -> None:
        self._finish(self.tr("Génération annulée."))

    # -- charter templates ------------------------------------------------------------------------

    def open_template_editor(self) -> QWidget:
        from communitydesk.ui.documents.charter_editor import CharterEditorDialog

        dialog = CharterEditorDialog(self.current_database, str(self.template.currentData()), self)
        dialog.open()
        return dialog

    def closing(self) -> None:
        self.cancel()
        self.preview.document.close()  # Windows deletes no open file
        self.temp_dir.remove()
