"""Calendrier éditorial: the month, week and list of publications, the ideas backlog, the filters.

A publication is dragged (its id in a QMimeData) onto a day to reschedule it, from the
backlog to plan it, onto the backlog to take its date away: every drop ends in
:meth:`EditorialPage.drop_publication`, which tests call directly. Everything that reads or
writes the base runs off the UI thread; the services are imported inside the work functions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import _, ngettext
from communitydesk.records.changes import Changes
from communitydesk.records.editorial import (
    CalendarContext,
    EditorialLineRecord,
    PublicationDraft,
    PublicationRecord,
)
from communitydesk.rules.editorial_figures import Window
from communitydesk.services.permissions import Action, Actor
from communitydesk.ui.database_page import DatabasePage
from communitydesk.ui.editorial.calendar_grid import CalendarGrid, month_days, week_start
from communitydesk.ui.editorial.filter_bar import FilterBar
from communitydesk.ui.editorial.list_view import PublicationTable
from communitydesk.ui.editorial.publication_dialog import PublicationDialog, ResultRow
from communitydesk.ui.editorial.publication_items import PublicationList, legend
from communitydesk.ui.editorial.regularity_strip import RegularityStrip
from communitydesk.ui.tasks import Task, run_in_background
from communitydesk.ui.widgets.page_layout import page_title
from communitydesk.ui.widgets.question import ask
from communitydesk.ui.widgets.rights import guard

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.services.publication_export import ExportResult
    from communitydesk.ui.editorial.import_wizard import PublicationImportWizard
    from communitydesk.ui.editorial.line_editor import EditorialLineDialog
    from communitydesk.ui.main_window import PageContext

#: Campaign days and events are context in the cells; segments are audiences a post may target.
SHOWS = Changes.of("editorial", "publications", "campaigns", "events", "segments")
VIEWS = ("month", "week", "list")
STATE_NAME = "editorial"


@dataclass(frozen=True)
class CalendarData:
    """What one read brings: the period's publications, the backlog, the context, the choices."""

    first: date
    last: date
    publications: list[PublicationRecord]
    ideas: list[PublicationRecord]
    context: list[CalendarContext]
    line: EditorialLineRecord
    authors: list[str]
    regularity: list[Window]
    segments: list[tuple[int, str]]  # the audiences a post may target besides the circles


class EditorialPage(DatabasePage):
    loaded = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__(context)
        self.data: CalendarData | None = None
        self.anchor = formatting.local_today()

        title = page_title(self.tr("Calendrier éditorial"))
        self.new_button = QPushButton(self.tr("Nouvelle publication…"))
        self.new_button.setObjectName("newPublicationButton")
        self.new_button.setToolTip(self.tr("Sur le jour choisi dans le calendrier (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_publication())
        self.line_button = QPushButton(self.tr("Ligne éditoriale…"))
        self.line_button.setObjectName("editorialLineButton")
        self.line_button.clicked.connect(lambda: self.edit_line())
        self.import_button = QPushButton(self.tr("Importer…"))
        self.import_button.setObjectName("importPublicationsButton")
        self.export_button = QPushButton(self.tr("Exporter…"))
        self.export_button.setObjectName("exportPublicationsButton")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        for button in (self.new_button, self.line_button, self.import_button, self.export_button):
            header.addWidget(button)
        self._hook_input_output()

        # Month / Week / List, then today and the arrows, then the period shown.
        self.view_buttons: dict[str, QPushButton] = {}
        self.view_group = QButtonGroup(self)
        navigation = QHBoxLayout()
        for key, label in (
            ("month", self.tr("Mois")),
            ("week", self.tr("Semaine")),
            ("list", self.tr("Liste")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"view_{key}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, view=key: self.set_view(view))
            self.view_group.addButton(button)
            self.view_buttons[key] = button
            navigation.addWidget(button)
        navigation.addSpacing(16)
        self.today_button = QPushButton(self.tr("Aujourd'hui"))
        self.today_button.setObjectName("todayButton")
        self.today_button.setToolTip(self.tr("Revenir à aujourd'hui (T)"))
        self.today_button.clicked.connect(self.go_today)
        self.previous_button = QPushButton("◀")
        self.previous_button.setObjectName("previousButton")
        self.previous_button.setToolTip(self.tr("Période précédente (Page précédente)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip(self.tr("Période suivante (Page suivante)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.period_label.setStyleSheet("font-size: 13pt; font-weight: 600; padding-left: 8px;")
        for widget in (self.today_button, self.previous_button, self.next_button, self.period_label):
            navigation.addWidget(widget)
        navigation.addStretch(1)

        self.filters = FilterBar()
        self.filters.changed.connect(self._filters_changed)

        self.legend_label = QLabel(legend())
        self.legend_label.setObjectName("calendarLegend")
        self.legend_label.setStyleSheet("color: #5F5B52; font-size: 9pt;")
        self.legend_label.setWordWrap(True)
        self.regularity = RegularityStrip()

        self.month_grid = CalendarGrid(self.drop_publication, self.open_publication, self.new_on, tall=False)
        self.week_grid = CalendarGrid(self.drop_publication, self.open_publication, self.new_on, tall=True)
        self.table = PublicationTable()
        self.table.open_requested.connect(self.open_publication)
        self.stack = QStackedWidget()
        self.stack.setObjectName("editorialViews")
        for view in (self.month_grid, self.week_grid, self.table):
            self.stack.addWidget(view)

        backlog = QWidget()
        backlog_layout = QVBoxLayout(backlog)
        backlog_layout.setContentsMargins(6, 0, 0, 0)
        backlog_title = QLabel(self.tr("Idées sans date"))
        backlog_title.setStyleSheet("font-weight: 600;")
        backlog_hint = QLabel(
            QCoreApplication.translate(
                "EditorialPage",
                "Glissez une idée sur un jour pour la planifier ; "
                "glissez une publication ici pour lui retirer sa date.",
            )
        )
        backlog_hint.setWordWrap(True)
        backlog_hint.setStyleSheet("color: #5F5B52; font-size: 9pt;")
        self.backlog = PublicationList(None, self.drop_publication, self.open_publication, self.new_on)
        self.backlog.setObjectName("ideasBacklog")
        self.backlog.setWordWrap(True)
        backlog_layout.addWidget(backlog_title)
        backlog_layout.addWidget(backlog_hint)
        backlog_layout.addWidget(self.backlog, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("editorialSplitter")
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(backlog)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([800, 220])
        state = context.settings.splitter_state("editorial")
        if state is not None:
            self.splitter.restoreState(state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addLayout(navigation)
        layout.addWidget(self.filters)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.regularity)
        layout.addWidget(self.splitter, 1)

        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), lambda: self.step(-1)),
            (QKeySequence(QKeySequence.StandardKey.MoveToNextPage), lambda: self.step(1)),
            (QKeySequence("T"), self.go_today),
            (QKeySequence("Ctrl+N"), lambda: self.new_publication()),
            (QKeySequence(QKeySequence.StandardKey.Delete), lambda: self.delete_selected()),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        saved = context.settings.view_state(STATE_NAME)
        filters = saved.get("filters")
        if isinstance(filters, dict):
            self.filters.restore(filters)
        shown = saved.get("view")
        self.view = shown if isinstance(shown, str) and shown in VIEWS else "month"
        self._show_view()

        self.filled = (self.backlog,)
        self.follow_database(SHOWS, lambda _changes: self.refresh())

    # -- what is shown ------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        """The days the current view shows (the list shows the month, like the month view)."""
        if self.view == "week":
            first = week_start(self.anchor)
            return first, first + timedelta(days=6)
        return month_days(self.anchor)

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            return
        self.view = view
        self._remember()
        self._show_view()
        self.refresh()

    def _show_view(self) -> None:
        self.view_buttons[self.view].setChecked(True)
        self.stack.setCurrentIndex(VIEWS.index(self.view))
        first, last = self.period()
        if self.view == "week":
            self.period_label.setText(
                self.tr("Semaine du {first} au {last}").format(
                    first=formatting.day(first, "long"), last=formatting.day(last, "long")
                )
            )
            self.week_grid.show_days(first, last, None)
        else:
            self.period_label.setText(formatting.day(self.anchor, "MMMM yyyy").capitalize())
            self.month_grid.show_days(first, last, self.anchor.month)
        if self.data is not None:
            self._fill()

    def step(self, direction: int) -> None:
        """The previous (-1) or next (1) month or week."""
        if self.view == "week":
            self.anchor += timedelta(weeks=direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self._show_view()
        self.refresh()

    def go_today(self) -> None:
        self.anchor = formatting.local_today()
        self._show_view()
        self.refresh()
        grid = self.week_grid if self.view == "week" else self.month_grid
        grid.select_day(self.anchor)

    def selected_day(self) -> date | None:
        grid = self.week_grid if self.view == "week" else self.month_grid
        return grid.selected_day if self.view != "list" else None

    def selected_publication(self) -> PublicationRecord | None:
        if self.backlog.hasFocus() and self.backlog.selected_record() is not None:
            return self.backlog.selected_record()
        if self.view == "list":
            return self.table.selected_record()
        grid = self.week_grid if self.view == "week" else self.month_grid
        return grid.selected_record() or self.backlog.selected_record()

    def _filters_changed(self) -> None:
        self._remember()
        self.refresh()

    def _remember(self) -> None:
        self.context.settings.set_view_state(STATE_NAME, {"view": self.view, "filters": self.filters.state()})

    # -- reading ------------------------------------------------------------------------------

    def _database_changed(self) -> None:
        ready = self.is_ready()
        for button in (self.new_button, self.line_button, self.import_button, self.export_button):
            button.setEnabled(ready)
        actor = self.actor
        for button, action in (
            (self.new_button, Action.EDIT_PUBLICATIONS),
            (self.line_button, Action.EDIT_PUBLICATIONS),
            (self.import_button, Action.IMPORT),
            (self.export_button, Action.EXPORT),
        ):
            guard(button, actor, action)
        if ready:
            self.refresh()

    def refresh(self) -> Task | None:
        """F5: read the period, the backlog and the context again."""
        if not self.is_ready():
            return None
        chosen = self.filters.current()
        first, last = self.period()

        def work(db: Database, actor: Actor) -> CalendarData:
            from communitydesk.services import editorial, editorial_figures, segments

            return CalendarData(
                first=first,
                last=last,
                publications=editorial.publications_between(db, actor, first, last, chosen),
                ideas=editorial.ideas_backlog(db, actor, chosen),
                context=editorial.calendar_context(db, actor, first, last),
                line=editorial.editorial_line(db, actor),
                authors=editorial.authors(db, actor),
                regularity=editorial_figures.regularity(db, actor, first, last),
                segments=[(s.id, s.name) for s in segments.list_segments(db, actor)],
            )

        return self.read("calendar", work, self._loaded)  # another month or filter drops the older read

    def _loaded(self, data: CalendarData) -> None:
        self.data = data
        self.filters.set_choices(data.line.pillars, data.authors)
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        self.month_grid.fill(data.publications, data.context)
        self.week_grid.fill(data.publications, data.context)
        self.table.set_publications(data.publications + data.ideas)
        self.backlog.set_publications(data.ideas)
        self.regularity.show_windows(data.regularity, self.regularity_week(), formatting.local_today())

    def regularity_week(self) -> date:
        """The week the strip counts: the week shown, or this week when the month shown holds it."""
        first, last = self.period()
        today = formatting.local_today()
        if self.view != "week" and first <= today <= last:
            return week_start(today)
        return week_start(self.anchor)

    # -- writing ------------------------------------------------------------------------------

    def drop_publication(self, publication_id: int, day: date | None) -> Task:
        """A publication dropped on ``day`` (None: the ideas backlog): plan it there."""

        def work(db: Database, actor: Actor) -> Any:
            from communitydesk.services import editorial

            return editorial.reschedule(db, actor, publication_id, day)

        if day is None:
            message = self.tr("Publication remise dans les idées sans date.")
        else:
            message = self.tr("Publication déplacée au {day}.").format(day=formatting.day(day, "long"))
        return self.run(work, message)

    def _save_function(
        self, record: PublicationRecord | None, draft: PublicationDraft, results: list[ResultRow]
    ) -> PublicationRecord:
        from communitydesk.services import editorial

        db, actor = self._db(), self.actor
        if record is None:
            saved = editorial.publication(db, actor, editorial.create_publication(db, actor, draft))
        else:
            saved = editorial.update_publication(db, actor, record.id, draft, expected_version=record.version_id)
        for network, views, reactions, comments, shares in results:
            saved = editorial.save_results(db, actor, saved.id, network, views, reactions, comments, shares)
        return saved

    def _move_function(
        self, record: PublicationRecord | None, draft: PublicationDraft, status: str
    ) -> PublicationRecord:
        from communitydesk.services import editorial

        db, actor = self._db(), self.actor
        if record is None:  # a new post: created as it stands first, then moved
            record = editorial.publication(db, actor, editorial.create_publication(db, actor, draft))
        # What was typed and the new status in one save: the service checks the move.
        moved = replace(draft, status=status)
        return editorial.update_publication(db, actor, record.id, moved, expected_version=record.version_id)

    def _dialog(self, record: PublicationRecord | None, draft: PublicationDraft | None = None) -> PublicationDialog:
        data = self.data
        dialog = PublicationDialog(
            self,
            self._save_function,
            self._move_function,
            data.line.pillars if data else (),
            data.authors if data else [],
            data.segments if data else [],
            record,
            draft,
        )
        dialog.saved.connect(
            lambda saved: self.show_status(self.tr("Publication « {title} » enregistrée.").format(title=saved.title))
        )
        dialog.moved.connect(lambda moved: self._read_history(dialog, moved.id))
        if record is not None:
            self._read_history(dialog, record.id)
        dialog.moved.connect(
            lambda moved: self.show_status(
                self.tr("« {title} » : {status}.").format(title=moved.title, status=moved.status_label)
            )
        )
        dialog.open()
        return dialog

    def _read_history(self, dialog: PublicationDialog, publication_id: int) -> Task:
        from communitydesk.services import editorial

        actor = self.actor
        return run_in_background(
            dialog,
            lambda _ctx: editorial.status_history(self._db(), actor, publication_id),
            on_success=dialog.show_history,
        )

    def new_publication(self, day: date | None = None) -> PublicationDialog | None:
        """« Nouvelle publication » on ``day``, or on the day chosen in the calendar (none: an idea)."""
        if not self.is_ready():
            return None
        return self.new_on(day or self.selected_day())

    def new_on(self, day: date | None) -> PublicationDialog | None:
        """A double click on a day's free space (or the backlog's: an idea)."""
        if not self.is_ready():
            return None
        return self._dialog(None, PublicationDraft(planned_on=day))

    def open_publication(self, record: PublicationRecord | None) -> PublicationDialog | None:
        if record is None:
            return None
        return self._dialog(record)

    def delete_selected(self) -> QMessageBox | None:
        record = self.selected_publication()
        if record is None:
            return None
        return ask(
            self,
            "deletePublicationBox",
            self.tr("Supprimer la publication"),
            self.tr("Supprimer « {title} » ? Ses résultats et son historique seront perdus.").format(
                title=record.title or "…"
            ),
            yes=self.tr("Supprimer"),
            cancel=self.tr("Annuler"),
            then=lambda: self.delete_publication(record),
        )

    def delete_publication(self, record: PublicationRecord) -> Task:
        from communitydesk.services import editorial

        return self.run(
            lambda db, actor: editorial.delete_publication(db, actor, record.id), self.tr("Publication supprimée.")
        )

    def edit_line(self) -> EditorialLineDialog | None:
        if not self.is_ready():
            return None
        from communitydesk.ui.editorial.line_editor import EditorialLineDialog

        dialog = EditorialLineDialog(self, self._db, self.actor)
        dialog.open()
        return dialog

    # -- import and export --------------------------------------------------------------------

    def _hook_input_output(self) -> None:
        self.import_button.setToolTip(self.tr("Importer le tableur de publications de l'équipe (CSV)"))
        self.import_button.clicked.connect(lambda: self.import_publications())
        menu = QMenu(self.export_button)
        menu.setObjectName("exportMenu")
        self.export_ics_action = menu.addAction(self.tr("Agenda (ICS) de la période affichée…"))
        self.export_ics_action.triggered.connect(lambda: self.export_calendar(whole=False))
        self.export_all_ics_action = menu.addAction(self.tr("Agenda (ICS) de toutes les publications datées…"))
        self.export_all_ics_action.triggered.connect(lambda: self.export_calendar(whole=True))
        self.export_plan_action = menu.addAction(self.tr("Plan de publication (CSV pour Excel)…"))
        self.export_plan_action.triggered.connect(lambda: self.export_plan())
        menu.addSeparator()
        self.report_action = menu.addAction(self.tr("Rapport éditorial (PDF)…"))
        self.report_action.triggered.connect(self.open_report)
        self.export_button.setMenu(menu)

    def import_publications(self) -> PublicationImportWizard | None:
        if not self.is_ready():
            return None
        from communitydesk.ui.editorial.import_wizard import PublicationImportWizard

        wizard = PublicationImportWizard(self, self._db, self.actor)
        wizard.imported.connect(
            lambda summary: self.show_status(
                _(
                    "{created}, {updated}, {skipped}.",
                    created=ngettext(
                        "{n} publication importée", "{n} publications importées", summary.created, n=summary.created
                    ),
                    updated=ngettext("{n} mise à jour", "{n} mises à jour", summary.updated, n=summary.updated),
                    skipped=ngettext("{n} déjà connue", "{n} déjà connues", summary.skipped, n=summary.skipped),
                )
            )
        )
        wizard.open()
        return wizard

    def _target(self, title: str, name: str, pattern: str) -> Path | None:
        folder = self.context.settings.last_folder or Path.home()
        filename, _filter = QFileDialog.getSaveFileName(self, title, str(folder / name), pattern)
        if not filename:
            return None
        target = Path(filename)
        self.context.settings.last_folder = target.parent
        return target

    def export_calendar(self, *, whole: bool, target: Path | None = None) -> Task | None:
        """The ICS file calendar programs open: the period shown, or every dated publication."""
        if not self.is_ready():
            return None
        first, last = (None, None) if whole else self.period()
        if target is None:
            target = self._target(
                self.tr("Exporter l'agenda des publications"),
                "calendrier-editorial.ics",
                self.tr("Agendas iCalendar (*.ics)"),
            )
            if target is None:
                return None
        from communitydesk.services.publication_export import export_calendar

        actor, path = self.actor, target
        return run_in_background(
            self,
            lambda _ctx: export_calendar(self._db(), actor, path, start=first, end=last),
            on_success=self._exported,
            label=self.tr("Export de l'agenda…"),
        )

    def export_plan(self, target: Path | None = None) -> Task | None:
        """Every publication in a CSV file Excel opens and the import reads back."""
        if not self.is_ready():
            return None
        if target is None:
            target = self._target(
                self.tr("Exporter le plan de publication"), "plan-editorial.csv", self.tr("Fichiers CSV (*.csv)")
            )
            if target is None:
                return None
        from communitydesk.services.publication_export import export_plan

        actor, path = self.actor, target
        return run_in_background(
            self,
            lambda _ctx: export_plan(self._db(), actor, path),
            on_success=self._exported,
            label=self.tr("Export du plan…"),
        )

    def _exported(self, result: ExportResult) -> None:
        self.show_status(
            ngettext(
                "{count} publication écrite dans « {path} ».",
                "{count} publications écrites dans « {path} ».",
                result.count,
                count=result.count,
                path=result.path,
            )
        )

    def open_report(self) -> QWidget:
        """The Documents PDF page, on the editorial report (its period is chosen there)."""
        from communitydesk.ui.documents.page import DocumentsPage

        page = self.context.window.show_page("documents")
        if isinstance(page, DocumentsPage):
            page.select_kind("editorial-report")
        return page

    def closing(self) -> None:
        self._remember()
        self.context.settings.set_splitter_state("editorial", self.splitter.saveState())
