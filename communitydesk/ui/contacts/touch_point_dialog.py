"""One touch point typed or corrected in a dialog: its kind, its day and what was said.

Used to correct a timeline entry of the contact sheet and to log the same exchange with a
selection of contacts from the list.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.rules.touch_kinds import TouchKind, touch_kind_label
from communitydesk.ui.contacts.timeline import timeline_header
from communitydesk.ui.widgets.dates import paris_qdate


class TouchPointDialog(QDialog):
    """OK gives :meth:`values`: (kind, summary, day in Paris)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str = "",
        *,
        kind: str = TouchKind.NOTE.value,
        summary: str = "",
        when: datetime | None = None,
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("touchPointDialog")
        self.setWindowTitle(title)
        self.kind = QComboBox()
        self.kind.setObjectName("touchPointKind")
        for value in TouchKind:
            self.kind.addItem(touch_kind_label(value), value.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.day = QDateEdit(paris_qdate())
        self.day.setObjectName("touchPointDay")
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(paris_qdate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        if when is not None:
            local = when.astimezone(formatting.PARIS).date()
            self.day.setDate(QDate(local.year, local.month, local.day))
        self.summary = QPlainTextEdit(summary)
        self.summary.setObjectName("touchPointSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("Ce qui s'est dit ou passé"))
        self.summary.setFixedHeight(90)
        form = QFormLayout()
        form.addRow(timeline_header(1), self.kind)
        form.addRow(timeline_header(0), self.day)
        form.addRow(timeline_header(2), self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or self.tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[str, str, date]:
        qdate = self.day.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        return str(self.kind.currentData()), self.summary.toPlainText().strip(), day
