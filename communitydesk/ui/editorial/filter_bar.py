"""The calendar's filters: network, status, pillar, author and words, the same for every view."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from communitydesk.records.editorial import PillarRecord, PublicationFilter
from communitydesk.rules.editorial import Network, PublicationStatus


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network_combo = QComboBox()
        self.network_combo.setObjectName("editorialNetworkFilter")
        self.network_combo.addItem(self.tr("Tous les réseaux"), "")
        for network in Network:
            self.network_combo.addItem(network.label(), network.value)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("editorialStatusFilter")
        self.status_combo.addItem(self.tr("Tous les statuts"), "")
        for status in PublicationStatus:
            self.status_combo.addItem(status.label(), status.value)
        self.pillar_combo = QComboBox()
        self.pillar_combo.setObjectName("editorialPillarFilter")
        self.pillar_combo.addItem(self.tr("Tous les piliers"), 0)
        self.author_combo = QComboBox()
        self.author_combo.setObjectName("editorialAuthorFilter")
        self.author_combo.addItem(self.tr("Tous les auteurs"), "")
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("editorialTextFilter")
        self.text_edit.setPlaceholderText(self.tr("Chercher dans les titres et textes…"))
        self.text_edit.setClearButtonEnabled(True)
        # Typing reads the base once the user pauses, not at every key.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self.changed)
        self.text_edit.textChanged.connect(lambda _text: self._typing.start())
        for combo in (self.network_combo, self.status_combo, self.pillar_combo, self.author_combo):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit, 2)
        for combo in (self.network_combo, self.status_combo, self.pillar_combo, self.author_combo):
            layout.addWidget(combo, 1)

    def set_choices(self, pillars: tuple[PillarRecord, ...], authors: list[str]) -> None:
        """Refill the pillar and author lists, keeping what is chosen (without a ``changed``)."""
        for combo, items in (
            (self.pillar_combo, [(p.name, p.id) for p in pillars if not p.archived]),
            (self.author_combo, [(a, a) for a in authors]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in items:
                combo.addItem(label, value)
            found = combo.findData(current)
            if found < 0 and current and combo is self.author_combo:
                combo.addItem(str(current), current)  # an author whose posts are all filtered out
                found = combo.count() - 1
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def current(self) -> PublicationFilter:
        network = self.network_combo.currentData()
        status = self.status_combo.currentData()
        pillar = self.pillar_combo.currentData()
        author = self.author_combo.currentData()
        return PublicationFilter(
            networks=(network,) if network else (),
            statuses=(status,) if status else (),
            pillar_ids=(int(pillar),) if pillar else (),
            authors=(author,) if author else (),
            text=self.text_edit.text().strip(),
        )

    def state(self) -> dict[str, object]:
        return {
            "network": self.network_combo.currentData() or "",
            "status": self.status_combo.currentData() or "",
            "pillar": self.pillar_combo.currentData() or 0,
            "author": self.author_combo.currentData() or "",
            "text": self.text_edit.text(),
        }

    def restore(self, state: dict[str, object]) -> None:
        self.blockSignals(True)
        for combo, key in ((self.network_combo, "network"), (self.status_combo, "status")):
            combo.setCurrentIndex(max(0, combo.findData(state.get(key, ""))))
        pillar, author = state.get("pillar"), state.get("author")
        if isinstance(pillar, int) and pillar:
            self.pillar_combo.addItem("…", pillar)  # its name arrives with the ligne éditoriale
            self.pillar_combo.setCurrentIndex(self.pillar_combo.count() - 1)
        if isinstance(author, str) and author:
            self.author_combo.addItem(author, author)
            self.author_combo.setCurrentIndex(self.author_combo.count() - 1)
        text = state.get("text")
        self.text_edit.setText(text if isinstance(text, str) else "")
        self._typing.stop()
        self.blockSignals(False)
