"""The month and week views: a grid of days, each with its context and its publications.

The month shows the weeks (Monday first) that hold its days, the week shows seven taller
days with the planned times. Both are the same grid; a day outside the month is greyed.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.records.editorial import CalendarContext, PublicationRecord
from communitydesk.ui.editorial.publication_items import DropHandler, NewHandler, OpenHandler, PublicationList

CONTEXT_COLOURS = {"holiday": "#B3261E", "campaign": "#2E6B5E", "event": "#7A4EAB"}


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_days(anchor: date) -> tuple[date, date]:
    """First and last day shown for the month of ``anchor``: whole weeks, Monday to Sunday."""
    first = anchor.replace(day=1)
    next_month = (first + timedelta(days=32)).replace(day=1)
    return week_start(first), week_start(next_month - timedelta(days=1)) + timedelta(days=6)


def weekday_names() -> list[str]:
    return [
        QCoreApplication.translate("CalendarGrid", "lundi"),
        QCoreApplication.translate("CalendarGrid", "mardi"),
        QCoreApplication.translate("CalendarGrid", "mercredi"),
        QCoreApplication.translate("CalendarGrid", "jeudi"),
        QCoreApplication.translate("CalendarGrid", "vendredi"),
        QCoreApplication.translate("CalendarGrid", "samedi"),
        QCoreApplication.translate("CalendarGrid", "dimanche"),
    ]


class DayCell(QFrame):
    """One day: its number, what else happens that day (holiday, campaign), its publications."""

    pressed = Signal(object)  # the day

    def __init__(
        self, day: date, on_drop: DropHandler, on_open: OpenHandler, on_new: NewHandler, *, in_month: bool, tall: bool
    ) -> None:
        super().__init__()
        self.day = day
        self.in_month = in_month
        self.setObjectName("dayCell")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        today = day == formatting.local_today()
        self.number = QLabel(formatting.day(day, "long") if tall else str(day.day))
        self.number.setObjectName("dayNumber")
        self.number.setStyleSheet(
            "font-weight: 600;" + (" color: #2E6B5E;" if today else "" if in_month else " color: #8A867C;")
        )
        self.context_label = QLabel()
        self.context_label.setObjectName("dayContext")
        self.context_label.setWordWrap(True)
        self.context_label.setStyleSheet("font-size: 8pt;")
        self.context_label.hide()
        self.publications = PublicationList(day, on_drop, on_open, on_new)
        self.publications.setFrameShape(QFrame.Shape.NoFrame)
        self.publications.setStyleSheet("background: transparent;")
        # The week's tall days have room for whole titles; a month's day shows one line per post
        # (the tooltip has the rest). The list takes the room the day's header leaves, so that a
        # long campaign name is never cut.
        self.publications.setWordWrap(tall)
        self.publications.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 2)
        layout.setSpacing(1)
        layout.addWidget(self.number)
        layout.addWidget(self.context_label)
        layout.addWidget(self.publications, 1)
        self.tall = tall
        self.publications.itemPressed.connect(lambda _item: self.pressed.emit(self.day))
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        today = self.day == formatting.local_today()
        background = "#E4EFEB" if selected else "#FFFFFF" if self.in_month else "#F1EFEA"
        border = "#2E6B5E" if today or selected else "#D9D5CC"
        width = 2 if today or selected else 1
        self.setStyleSheet(f"QFrame#dayCell {{ background: {background}; border: {width}px solid {border}; }}")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.pressed.emit(self.day)
        super().mousePressEvent(event)

    def set_context(self, context: list[CalendarContext]) -> None:
        if not context:
            self.context_label.hide()
            return
        parts = [
            f'<span style="color: {CONTEXT_COLOURS.get(item.kind, "#555")}">{item.label}</span>' for item in context
        ]
        self.context_label.setText("<br>".join(parts))
        self.context_label.setToolTip("\n".join(item.label for item in context))
        self.context_label.show()

    def set_publications(self, records: list[PublicationRecord]) -> None:
        self.publications.set_publications(records, with_time=self.tall)


class CalendarGrid(QWidget):
    """Whole weeks of days from ``start``; ``tall`` days (the week view) show times and full dates."""

    day_selected = Signal(object)

    def __init__(self, on_drop: DropHandler, on_open: OpenHandler, on_new: NewHandler, *, tall: bool) -> None:
        super().__init__()
        self._on_drop = on_drop
        self._on_open = on_open
        self._on_new = on_new
        self.tall = tall
        self.cells: dict[date, DayCell] = {}
        self.selected_day: date | None = None
        self.grid = QGridLayout(self)
        self.grid.setSpacing(2)
        self.grid.setContentsMargins(0, 0, 0, 0)

    def show_days(self, first: date, last: date, month: int | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cells.clear()
        if self.selected_day is not None and not first <= self.selected_day <= last:
            self.selected_day = None
        for column, name in enumerate(weekday_names()):
            header = QLabel(name if self.tall else name[:3] + ".")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("color: #5F5B52;")
            self.grid.addWidget(header, 0, column)
            self.grid.setColumnStretch(column, 1)
        day, row = first, 1
        while day <= last:
            in_month = month is None or day.month == month
            cell = DayCell(day, self._on_drop, self._on_open, self._on_new, in_month=in_month, tall=self.tall)
            self.cells[day] = cell
            cell.pressed.connect(self.select_day)
            cell.set_selected(day == self.selected_day)
            self.grid.addWidget(cell, row, day.weekday())
            self.grid.setRowStretch(row, 1)
            if day.weekday() == 6:
                row += 1
            day += timedelta(days=1)

    def fill(self, publications: list[PublicationRecord], context: list[CalendarContext]) -> None:
        by_day: dict[date, list[PublicationRecord]] = {}
        for record in publications:
            if record.planned_on is not None:
                by_day.setdefault(record.planned_on, []).append(record)
        context_by_day: dict[date, list[CalendarContext]] = {}
        for item in context:
            context_by_day.setdefault(item.day, []).append(item)
        for day, cell in self.cells.items():
            records = sorted(by_day.get(day, []), key=lambda r: (r.planned_time is not None, r.planned_time, r.id))
            cell.set_publications(records)
            cell.set_context(context_by_day.get(day, []))

    def select_day(self, day: date | None) -> None:
        """Mark ``day`` as the one « Nouvelle publication » plans on; other days lose their selection."""
        self.selected_day = day
        for cell_day, cell in self.cells.items():
            cell.set_selected(cell_day == day)
            if cell_day != day:
                cell.publications.clearSelection()
        self.day_selected.emit(day)

    def selected_record(self) -> PublicationRecord | None:
        cell = self.cells.get(self.selected_day) if self.selected_day else None
        return cell.publications.selected_record() if cell is not None else None
