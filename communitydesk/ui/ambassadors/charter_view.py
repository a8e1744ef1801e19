"""The Charte tab: the published versions with their reciprocal commitments, who must sign the latest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.records.ambassadors import CharterRecord
from communitydesk.services.permissions import Action, Actor
from communitydesk.ui.widgets.rights import guard

CHARTER_ROLE = Qt.ItemDataRole.UserRole + 50
AMBASSADOR_ROLE = Qt.ItemDataRole.UserRole + 51


def charter_html(charter: CharterRecord) -> str:
    """The two lists of commitments, side by side in reading order."""
    from html import escape

    def items(lines: Sequence[str]) -> str:
        return "".join(f"<li>{escape(line)}</li>" for line in lines)

    ambassador = QCoreApplication.translate("CharterView", "L'ambassadeur s'engage à")
    organisation = QCoreApplication.translate("CharterView", "L'association s'engage à")
    published = QCoreApplication.translate("CharterView", "Version {version}, publiée le {day}").format(
        version=charter.version, day=formatting.day(charter.published_on, "long")
    )
    return (
        f"<h3>{escape(charter.title)}</h3><p style='color:#5F5B52'>{escape(published)}</p>"
        f"<p><b>{escape(ambassador)}</b></p><ul>{items(charter.ambassador_commitments)}</ul>"
        f"<p><b>{escape(organisation)}</b></p><ul>{items(charter.organisation_commitments)}</ul>"
    )


class CharterView(QWidget):
    publish_requested = Signal(object)  # the latest charter (or None), to start the new version from
    open_requested = Signal(int)  # an ambassador to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charters: list[CharterRecord] = []
        self.versions = QListWidget()
        self.versions.setObjectName("charterVersions")
        self.versions.setMaximumWidth(260)
        self.versions.currentItemChanged.connect(lambda item, _previous: self._show(item))
        self.text = QTextBrowser()
        self.text.setObjectName("charterText")
        self.publish_button = QPushButton(self.tr("Publier une nouvelle version…"))
        self.publish_button.setObjectName("publishCharterButton")
        self.publish_button.clicked.connect(lambda: self.publish_requested.emit(self.latest()))
        self.must_sign = QListWidget()
        self.must_sign.setObjectName("mustResign")
        self.must_sign.itemDoubleClicked.connect(lambda item: self.open_requested.emit(int(item.data(AMBASSADOR_ROLE))))
        self.must_sign_title = QGroupBox(self.tr("À faire signer"))
        must_layout = QVBoxLayout(self.must_sign_title)
        must_hint = QLabel(
            QCoreApplication.translate(
                "CharterView",
                "Ambassadeurs accueillis ou actifs qui n'ont pas signé la dernière version. Double-cliquez pour "
                "ouvrir la fiche et enregistrer la signature.",
            )
        )
        must_hint.setWordWrap(True)
        must_hint.setStyleSheet("color: #5F5B52; font-size: 9pt;")
        must_layout.addWidget(must_hint)
        must_layout.addWidget(self.must_sign)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Versions")))
        left.addWidget(self.versions, 1)
        left.addWidget(self.publish_button)
        row = QHBoxLayout(self)
        row.addLayout(left)
        row.addWidget(self.text, 2)
        row.addWidget(self.must_sign_title, 1)

    def set_actor(self, actor: Actor) -> None:
        """Disabled, with the reason, for a profile that may not manage the programme."""
        self.publish_button.setEnabled(True)
        guard(self.publish_button, actor, Action.MANAGE_AMBASSADORS)

    def latest(self) -> CharterRecord | None:
        return max(self.charters, key=lambda c: c.version, default=None)

    def show_charters(self, charters: Sequence[CharterRecord], must_resign: Sequence[Any]) -> None:
        self.charters = list(charters)
        self.versions.clear()
        for charter in sorted(charters, key=lambda c: -c.version):
            item = QListWidgetItem(
                self.tr("v{version} · {day}").format(
                    version=charter.version, day=formatting.day(charter.published_on, "short")
                )
            )
            item.setToolTip(charter.title)
            item.setData(CHARTER_ROLE, charter)
            self.versions.addItem(item)
        if self.versions.count():
            self.versions.setCurrentRow(0)
        else:
            self.text.setPlainText(self.tr("Aucune charte publiée : publiez la première version."))
        self.must_sign.clear()
        for row in must_resign:
            item = QListWidgetItem(row.name)
            item.setData(AMBASSADOR_ROLE, row.id)
            self.must_sign.addItem(item)
        self.must_sign_title.setTitle(self.tr("À faire signer ({count})").format(count=len(must_resign)))

    def _show(self, item: QListWidgetItem | None) -> None:
        charter = item.data(CHARTER_ROLE) if item is not None else None
        if isinstance(charter, CharterRecord):
            self.text.setHtml(charter_html(charter))

    def must_sign_names(self) -> list[str]:
        return [self.must_sign.item(row).text() for row in range(self.must_sign.count())]
