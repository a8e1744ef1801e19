"""Search box and filters of the contacts list: tag, segment, type, à relancer, ambassadors, critics.

Typing is debounced (150 ms) and searched by the FTS service (accents and case ignored);
every other control applies at once. A segment (saved filter) sets the controls it can
show; what they cannot (several tags, a saved search text) is kept as the segment's base.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from communitydesk.rules.contact_filter import ContactFilter

SEARCH_DELAY_MS = 150


@dataclass(frozen=True)
class SegmentChoice:
    id: int
    name: str
    filters: ContactFilter
    version_id: int = 0


class ContactFilterBar(QWidget):
    text_changed = Signal(str)  # debounced typed text
    filters_changed = Signal()  # any other control
    segment_chosen = Signal(object)  # SegmentChoice or None
    save_segment_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segment_base = ContactFilter()
        self.segments: list[SegmentChoice] = []
        self._applying = False

        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Rechercher un nom, un e-mail, un téléphone, une ville, un tag… (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Rechercher des contacts"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.text_changed.emit(self.text()))
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.flush_search)

        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.tag.setMinimumContentsLength(12)
        self.tag.addItem(self.tr("Tous les tags"), None)
        self.segment = QComboBox()
        self.segment.setObjectName("segmentFilter")
        self.segment.setMinimumContentsLength(14)
        self.segment.addItem(self.tr("Aucun segment"), None)
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem(self.tr("Personnes et organisations"), None)
        self.kind.addItem(self.tr("Personnes"), "person")
        self.kind.addItem(self.tr("Organisations"), "organisation")
        self.overdue = QCheckBox(self.tr("À relancer"))
        self.overdue.setObjectName("overdueFilter")
        self.overdue.setToolTip(self.tr("Contacts sans échange depuis plus longtemps que le rythme de leur cercle"))
        self.ambassadors = QCheckBox(self.tr("Ambassadeurs"))
        self.ambassadors.setObjectName("ambassadorFilter")
        self.critics = QCheckBox(self.tr("Détracteurs"))
        self.critics.setObjectName("criticFilter")
        self.save_segment = QPushButton(self.tr("Enregistrer comme segment…"))
        self.save_segment.setObjectName("saveSegmentButton")
        self.save_segment.setToolTip(self.tr("Garder ces filtres sous un nom, pour les campagnes, exports et PDF"))
        self.clear_button = QPushButton(self.tr("Effacer les filtres"))
        self.clear_button.setObjectName("clearFiltersButton")

        for combo in (self.tag, self.kind):
            combo.currentIndexChanged.connect(self._control_changed)
        for box in (self.overdue, self.ambassadors, self.critics):
            box.toggled.connect(self._control_changed)
        self.segment.currentIndexChanged.connect(self._segment_changed)
        self.save_segment.clicked.connect(self.save_segment_requested)
        self.clear_button.clicked.connect(self.clear)

        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.search, 1)
        first.addWidget(self.segment)
        first.addWidget(self.save_segment)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.tag)
        second.addWidget(self.kind)
        second.addWidget(self.overdue)
        second.addWidget(self.ambassadors)
        second.addWidget(self.critics)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(first)
        layout.addLayout(second)

    # -- reading ----------------------------------------------------------------------------

    def text(self) -> str:
        return self.search.text().strip()

    def flush_search(self) -> None:
        """Apply typed text now (Enter) instead of after the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self.text_changed.emit(self.text())

    def filters(self, circles: tuple[str, ...] = ()) -> ContactFilter:
        """The controls' filter, the rings' circle and what the chosen segment adds."""
        base = self.segment_base
        tag = self.tag.currentData()
        return ContactFilter(
            text=base.text,
            circles=circles or (base.circles if len(base.circles) > 1 else ()),
            tags=(tag,) if tag else (base.tags if len(base.tags) > 1 else ()),
            overdue=self.overdue.isChecked(),
            ambassador=True if self.ambassadors.isChecked() else (False if base.ambassador is False else None),
            critic=True if self.critics.isChecked() else (False if base.critic is False else None),
            kind=self.kind.currentData(),
        )

    def current_segment(self) -> SegmentChoice | None:
        found = self.segment.currentData()
        return next((s for s in self.segments if s.id == found), None)

    # -- filling ----------------------------------------------------------------------------

    def set_tags(self, names: list[tuple[str, int]]) -> None:
        """(name, contacts) of every tag, alphabetical; keeps the chosen one if it still exists."""
        current = self.tag.currentData()
        self._applying = True
        try:
            self.tag.clear()
            self.tag.addItem(self.tr("Tous les tags"), None)
            for name, contacts in names:
                self.tag.addItem(f"{name} ({contacts})", name)
            index = self.tag.findData(current) if current else 0
            self.tag.setCurrentIndex(max(0, index))
        finally:
            self._applying = False

    def set_segments(self, segments: list[SegmentChoice]) -> None:
        current = self.segment.currentData()
        self.segments = list(segments)
        self._applying = True
        try:
            self.segment.clear()
            self.segment.addItem(self.tr("Aucun segment"), None)
            for segment in segments:
                self.segment.addItem(segment.name, segment.id)
            index = self.segment.findData(current) if current is not None else 0
            self.segment.setCurrentIndex(max(0, index))
        finally:
            self._applying = False

    def select_segment(self, segment_id: int | None) -> None:
        index = self.segment.findData(segment_id) if segment_id is not None else 0
        self.segment.setCurrentIndex(max(0, index))

    def set_overdue(self, on: bool) -> None:
        self.overdue.setChecked(on)

    def clear(self) -> None:
        """Back to every contact: no text, no filter, no segment."""
        self._applying = True
        try:
            self.segment.setCurrentIndex(0)
            self.segment_base = ContactFilter()
            self._reset_controls()
            self.search.clear()
            self._timer.stop()
        finally:
            self._applying = False
        self.segment_chosen.emit(None)
        self.text_changed.emit("")
        self.filters_changed.emit()

    def _reset_controls(self) -> None:
        self.tag.setCurrentIndex(0)
        self.kind.setCurrentIndex(0)
        for box in (self.overdue, self.ambassadors, self.critics):
            box.setChecked(False)

    def _control_changed(self) -> None:
        if not self._applying:
            self.filters_changed.emit()

    def _segment_changed(self) -> None:
        if self._applying:
            return
        segment = self.current_segment()
        self._applying = True
        try:
            self._reset_controls()
            self.segment_base = segment.filters if segment is not None else ContactFilter()
            base = self.segment_base
            if len(base.tags) == 1:
                index = self.tag.findData(base.tags[0], flags=Qt.MatchFlag.MatchFixedString)
                if index < 0:  # a tag spelt otherwise (accents, case): still filter on it
                    self.tag.addItem(base.tags[0], base.tags[0])
                    index = self.tag.count() - 1
                self.tag.setCurrentIndex(index)
            self.kind.setCurrentIndex(max(0, self.kind.findData(base.kind)))
            self.overdue.setChecked(base.overdue)
            self.ambassadors.setChecked(base.ambassador is True)
            self.critics.setChecked(base.critic is True)
        finally:
            self._applying = False
        self.segment_chosen.emit(segment)
        self.filters_changed.emit()

    @staticmethod
    def find_shortcut() -> QKeySequence:
        return QKeySequence(QKeySequence.StandardKey.Find)
