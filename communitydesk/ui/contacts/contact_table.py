"""The contacts table: a paged model that never holds more than a few pages, and its view.

:class:`ContactTableModel` asks the search service for ``count()`` once per query, then
for the ~200-row pages the view actually paints (``page()``), always off the UI thread
(``ui/tasks.py``). Rows not read yet show as empty until their page arrives; at most
``cached_pages`` pages stay in memory, the least recently painted ones are dropped. One
reload and one page read run at a time: typing fast or dragging the scroll bar queues
nothing but the latest wish.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from communitydesk.rules.circles import circle_label
from communitydesk.rules.contact_fields import contact_field_label, contact_kind_label
from communitydesk.ui.contacts.background import run_for
from communitydesk.ui.contacts.contact_query import PAGE_SIZE, ContactListQuery
from communitydesk.ui.tasks import Task, TaskContext

if TYPE_CHECKING:
    from communitydesk.services.contact_search import ContactRow
    from communitydesk.services.permissions import Actor

MIME_TYPE = "application/x-communitydesk-contact-ids"
CONTACT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_OVERDUE = QColor("#B35C00")
_CRITIC = QColor("#A12A2A")

AnyIndex = QModelIndex | QPersistentModelIndex


def _day(value: Any) -> str:
    from communitydesk.formatting import day

    return day(value, "short")


def _flags_text(row: ContactRow) -> str:
    parts = []
    if row.is_ambassador:
        parts.append(contact_field_label("is_ambassador"))
    if row.is_critic:
        parts.append(contact_field_label("is_critic"))
    return " · ".join(parts)


def _field(name: str) -> Callable[[], str]:
    """The title of a column showing a contact field: its one label (rules.contact_fields)."""
    return lambda: contact_field_label(name)


@dataclass(frozen=True)
class ContactColumn:
    key: str
    title: Callable[[], str]  # in the current language
    value: Callable[[ContactRow], str]
    sort: str | None = None  # the ContactSort the service orders by; None: not sortable
    hidden_by_default: bool = False


COLUMNS: tuple[ContactColumn, ...] = (
    ContactColumn("name", _field("display_name"), lambda r: r.display_name, "name"),
    ContactColumn(
        "kind",
        _field("kind"),
        lambda r: contact_kind_label(r.kind),
        hidden_by_default=True,
    ),
    ContactColumn("organisation", _field("organisation"), lambda r: r.organisation),
    ContactColumn("email", _field("email"), lambda r: r.email),
    ContactColumn("phone", _field("phone"), lambda r: r.phone),
    ContactColumn("postcode", _field("postcode"), lambda r: r.postcode, hidden_by_default=True),
    ContactColumn("city", _field("city"), lambda r: r.city, "city"),
    ContactColumn("circle", _field("circle"), lambda r: circle_label(r.circle), "circle"),
    ContactColumn("tags", _field("tags"), lambda r: ", ".join(r.tags)),
    ContactColumn("flags", lambda: QCoreApplication.translate("ContactTableModel", "Rôle"), _flags_text),
    ContactColumn(
        "last_touch",
        _field("last_touch_at"),
        lambda r: (
            _day(r.last_touch_at) if r.last_touch_at else QCoreApplication.translate("ContactTableModel", "jamais")
        ),
        "last_touch",
    ),
    ContactColumn(
        "overdue",
        lambda: QCoreApplication.translate("ContactTableModel", "À relancer"),
        lambda r: QCoreApplication.translate("ContactTableModel", "à relancer") if r.overdue else "",
    ),
    ContactColumn(
        "created",
        _field("created_at"),
        lambda r: _day(r.created_at),
        "created",
        hidden_by_default=True,
    ),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
#: Shown first, left to right, until the user moves them (the model's order stays).
FIRST_COLUMNS = ("name", "circle", "overdue", "last_touch")


def column_title(column: ContactColumn) -> str:
    return column.title()


@dataclass
class _Loaded:
    generation: int
    total: int | None  # None: pages only
    pages: dict[int, list[ContactRow]]


class ContactTableModel(QAbstractTableModel):
    """The matching contacts of a :class:`ContactListQuery`, read page by page."""

    loaded = Signal(int)  # a (re)load finished: the number of matching contacts
    failed = Signal(str)  # a read failed: the French message
    pages_loaded = Signal()  # rows arrived for pages asked by the view

    def __init__(
        self,
        database: Callable[[], Any],
        actor: Actor,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
        cached_pages: int = 12,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self.actor = actor
        self.page_size = page_size
        self.cached_pages = max(2, cached_pages)
        self._query = ContactListQuery()
        self._total = 0
        self._pages: OrderedDict[int, list[ContactRow]] = OrderedDict()
        self._generation = 0
        self._wanted: list[int] = []
        self._page_task: Task | None = None
        self._reload_task: Task | None = None
        self._reload_again: bool | None = None  # None: nothing queued; else "soft" of the queued one
        self._pump_scheduled = False
        self.reloads = 0  # finished (re)loads, for tests and benchmarks

    # -- what is shown ----------------------------------------------------------------------

    @property
    def query(self) -> ContactListQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def is_loading(self) -> bool:
        return self._reload_task is not None or self._page_task is not None or bool(self._wanted)

    def cached_row_count(self) -> int:
        """Rows held in memory right now (never the whole list)."""
        return sum(len(rows) for rows in self._pages.values())

    def set_query(self, query: ContactListQuery, *, force: bool = False) -> None:
        """Show ``query``'s contacts: counted and first page read in the background."""
        if query == self._query and not force:
            return
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Read the count and the first page again, from the top (new query, new sort)."""
        self._start_reload(soft=False)

    def refresh(self) -> None:
        """Same query, fresh data (after a save, a move, an import): keeps the scroll position."""
        self._start_reload(soft=True)

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort is not None:
            return QCoreApplication.translate("ContactTableModel", "Cliquez pour trier")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total or not 0 <= index.column() < len(COLUMNS):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            CONTACT_ID_ROLE,
            ROW_ROLE,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == CONTACT_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == "overdue" and row.overdue:
                return _OVERDUE
            if column.key == "flags" and row.is_critic:
                return _CRITIC
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.display_name if column.key == "name" else None
        return column.value(row)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Server-side sort; columns the service cannot order by are ignored."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        sort = COLUMNS[column].sort
        assert sort is not None
        if (sort, descending) != (self._query.sort, self._query.descending):
            self.set_query(self._query.with_changes(sort=sort, descending=descending))

    def sort_column(self) -> int:
        for index, column in enumerate(COLUMNS):
            if column.sort == self._query.sort:
                return index
        return 0

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids: list[int] = []
        for index in indexes:
            row = self.row_at(index.row()) if index.isValid() else None
            if row is not None and row.id not in ids:
                ids.append(row.id)
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode()))
        data.setText("\n".join(str(i) for i in ids))
        return data

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    # -- rows ---------------------------------------------------------------------------------

    def row_at(self, row: int) -> ContactRow | None:
        """The contact at ``row`` if its page is in memory; else asks for the page, returns None."""
        if not 0 <= row < self._total:
            return None
        number, offset = divmod(row, self.page_size)
        rows = self._pages.get(number)
        if rows is None:
            self._want(number)
            return None
        self._pages.move_to_end(number)
        return rows[offset] if offset < len(rows) else None

    def contact_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found is not None else None

    def row_of(self, contact_id: int) -> int | None:
        """Row of a contact among the pages in memory (None if not there)."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == contact_id:
                    return number * self.page_size + offset
        return None

    # -- loading ------------------------------------------------------------------------------

    def _start_reload(self, *, soft: bool) -> None:
        if self._reload_task is not None:
            # One at a time: the running one is stale now, its result will be dropped.
            self._reload_again = soft if self._reload_again is None else (soft and self._reload_again)
            self._generation += 1
            return
        self._generation += 1
        generation, query = self._generation, self._query
        pages = sorted(list(self._pages)[-3:]) if soft and self._pages else [0]
        size = self.page_size

        def work(ctx: TaskContext) -> _Loaded:
            return _Loaded(generation, *self._read(ctx, query, pages, size, with_count=True))

        self._reload_task = run_for(
            self, work, on_success=lambda loaded: self._reloaded(loaded, soft), on_failure=self._reload_failed
        )

    def _read(
        self, ctx: TaskContext, query: ContactListQuery, pages: list[int], size: int, *, with_count: bool
    ) -> tuple[int | None, dict[int, list[ContactRow]]]:
        from communitydesk.services import contact_search

        db = self._database()
        filters = query.filters
        total = contact_search.count(db, self.actor, query.text, filters) if with_count else None
        read: dict[int, list[ContactRow]] = {}
        for number in pages:
            ctx.raise_if_cancelled()
            if total is not None and number * size >= max(total, 1) and number:
                continue
            read[number] = contact_search.page(
                db,
                self.actor,
                query.text,
                filters,
                contact_search.ContactSort(query.sort),
                query.descending,
                offset=number * size,
                limit=size,
            )
        return total, read

    def _finish_reload(self) -> bool:
        """Clear the running reload; start the queued one if any. True if this result is stale."""
        self._reload_task = None
        if self._reload_again is not None:
            soft, self._reload_again = self._reload_again, None
            self._start_reload(soft=soft)
            return True
        return False

    def _reloaded(self, loaded: _Loaded, soft: bool) -> None:
        if self._finish_reload() or loaded.generation != self._generation:
            return
        total = loaded.total or 0
        self._wanted.clear()
        if not soft:
            self.beginResetModel()
            self._total = total
            self._pages = OrderedDict(sorted(loaded.pages.items()))
            self.endResetModel()
        else:
            old = self._total
            self._pages = OrderedDict(sorted(loaded.pages.items()))
            if total < old:
                self.beginRemoveRows(QModelIndex(), total, old - 1)
                self._total = total
                self.endRemoveRows()
            elif total > old:
                self.beginInsertRows(QModelIndex(), old, total - 1)
                self._total = total
                self.endInsertRows()
            if total:
                self.dataChanged.emit(self.index(0, 0), self.index(total - 1, len(COLUMNS) - 1))
        self.reloads += 1
        self.loaded.emit(total)

    def _reload_failed(self, message: str) -> None:
        if self._finish_reload():
            return
        self.failed.emit(message)

    def _want(self, number: int) -> None:
        if number in self._wanted:
            self._wanted.remove(number)
        self._wanted.append(number)
        # Pages scrolled past before they could be read are not worth reading any more.
        del self._wanted[:-4]
        if not self._pump_scheduled:
            self._pump_scheduled = True
            QTimer.singleShot(0, self._pump)

    def _pump(self) -> None:
        self._pump_scheduled = False
        if self._page_task is not None or self._reload_task is not None:
            return
        wanted = [n for n in reversed(self._wanted) if n not in self._pages][:2]
        self._wanted.clear()
        if not wanted:
            return
        generation, query, size = self._generation, self._query, self.page_size

        def work(ctx: TaskContext) -> _Loaded:
            return _Loaded(generation, *self._read(ctx, query, wanted, size, with_count=False))

        self._page_task = run_for(self, work, on_success=self._pages_read, on_failure=self._pages_failed)

    def _pages_read(self, loaded: _Loaded) -> None:
        self._page_task = None
        if loaded.generation == self._generation:
            for number, rows in sorted(loaded.pages.items()):
                self._pages[number] = rows
                self._pages.move_to_end(number)
            while len(self._pages) > self.cached_pages:
                self._pages.popitem(last=False)
            for number in loaded.pages:
                first = number * self.page_size
                last = min(self._total, first + self.page_size) - 1
                if last >= first:
                    self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            self.pages_loaded.emit()
        self._pump()

    def _pages_failed(self, message: str) -> None:
        self._page_task = None
        self.failed.emit(message)


class ContactTableView(QTableView):
    """The table: fixed-height rows (no per-row measuring at 100 000 rows), drag to the rings,
    a header menu to choose columns, server-side sort on header click."""

    columns_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setDefaultSectionSize(140)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.sectionMoved.connect(lambda *_args: self.columns_changed.emit())

    def contact_model(self) -> ContactTableModel:
        model = self.model()
        assert isinstance(model, ContactTableModel)
        return model

    def default_layout(self) -> None:
        """Columns shown and their widths before the user changes anything."""
        header = self.horizontalHeader()
        widths = {
            "name": 200,
            "email": 210,
            "organisation": 170,
            "circle": 110,
            "tags": 160,
            "flags": 110,
            "last_touch": 110,
            "overdue": 90,
            "city": 130,
            "phone": 130,
        }
        for index, column in enumerate(COLUMNS):
            header.setSectionHidden(index, column.hidden_by_default)
            header.resizeSection(index, widths.get(column.key, 110))
        # What a follow-up needs first, visible without scrolling on a laptop screen.
        for visual, key in enumerate(FIRST_COLUMNS):
            header.moveSection(header.visualIndex(COLUMN_KEYS.index(key)), visual)
        self.show_sort_of_model()

    def show_sort_of_model(self) -> None:
        model = self.contact_model()
        order = Qt.SortOrder.DescendingOrder if model.query.descending else Qt.SortOrder.AscendingOrder
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column(), order)
        header.blockSignals(False)

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        model = self.contact_model()
        if COLUMNS[column].sort is None:
            self.show_sort_of_model()  # not sortable: put the indicator back where the sort is
            return
        model.sort(column, order)

    def hidden_columns(self) -> list[str]:
        header = self.horizontalHeader()
        return [column.key for index, column in enumerate(COLUMNS) if header.isSectionHidden(index)]

    def set_column_visible(self, key: str, visible: bool) -> None:
        index = COLUMN_KEYS.index(key)
        header = self.horizontalHeader()
        if not visible and header.count() - header.hiddenSectionCount() <= 1:
            return  # the last visible column stays
        header.setSectionHidden(index, not visible)
        if visible and header.sectionSize(index) < 40:
            header.resizeSection(index, 120)
        self.columns_changed.emit()

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("contactColumnsMenu")
        menu.addSection(QCoreApplication.translate("ContactTableView", "Colonnes affichées"))
        header = self.horizontalHeader()
        for index, column in enumerate(COLUMNS):
            action = menu.addAction(column_title(column))
            action.setObjectName(f"column_{column.key}")
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(index))
            action.toggled.connect(lambda checked, key=column.key: self.set_column_visible(key, checked))
        menu.addSeparator()
        reset = menu.addAction(QCoreApplication.translate("ContactTableView", "Colonnes par défaut"))
        reset.triggered.connect(self._reset_columns)
        return menu

    def _reset_columns(self) -> None:
        self.default_layout()
        self.columns_changed.emit()

    def show_column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.popup(self.horizontalHeader().mapToGlobal(position))

    def selected_rows(self) -> list[int]:
        selection = self.selectionModel()
        return sorted(index.row() for index in selection.selectedRows()) if selection is not None else []

    def selected_ids(self) -> list[int]:
        model = self.contact_model()
        ids = [model.contact_id(row) for row in self.selected_rows()]
        return [i for i in ids if i is not None]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        selected = self.selected_ids()
        if index.isValid() and index.row() in self.selected_rows():
            return self.contact_model().contact_id(index.row())
        return selected[0] if selected else None
