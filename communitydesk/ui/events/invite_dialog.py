"""« Inviter… »: the contacts of a saved segment or of a circle become the event's guests,
and « Ajouter une personne… »: one contact registered by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QComboBox, QLabel, QRadioButton, QWidget

from communitydesk import formatting
from communitydesk.errors import ValidationError
from communitydesk.i18n import ngettext
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.ui.campaigns.dialogs import SavingDialog
from communitydesk.ui.tasks import run_in_background
from communitydesk.ui.widgets.contact_picker import ContactPicker, Search

#: ("segment", name) or ("circle", slug) -> how many contacts it holds, run off the UI thread.
Count = Callable[[tuple[str, str]], int]


class InviteDialog(SavingDialog):
    """Save hands ``("segment", name)`` or ``("circle", slug)`` to the page's function."""

    def __init__(
        self,
        parent: QWidget | None,
        event_name: str,
        segments: Sequence[str],
        count: Count,
        save: Callable[[tuple[str, str]], Any],
    ) -> None:
        super().__init__(parent, save)
        self.setObjectName("inviteDialog")
        self.setWindowTitle(self.tr("Inviter à « {event} »").format(event=event_name))
        self.resize(480, 240)
        self._count = count
        self.segment_radio = QRadioButton(self.tr("Un segment enregistré"))
        self.segment_radio.setObjectName("inviteFromSegment")
        self.circle_radio = QRadioButton(self.tr("Tout un cercle"))
        self.circle_radio.setObjectName("inviteFromCircle")
        group = QButtonGroup(self)
        group.addButton(self.segment_radio)
        group.addButton(self.circle_radio)
        self.segment_combo = QComboBox()
        self.segment_combo.setObjectName("inviteSegment")
        for name in segments:
            self.segment_combo.addItem(name, name)
        self.circle_combo = QComboBox()
        self.circle_combo.setObjectName("inviteCircle")
        for circle in CIRCLE_ORDER:
            self.circle_combo.addItem(circle_label(circle), circle.value)
        self.count_label = QLabel()
        self.count_label.setObjectName("inviteCount")
        self.count_label.setStyleSheet("color: #5F5B52;")
        hint = QLabel(
            QCoreApplication.translate(
                "InviteDialog",
                "Les personnes choisies sont ajoutées aux participants comme « invité » ; celles qui y sont déjà "
                "gardent leur statut. Aucun message n'est envoyé par CommunityDesk.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F5B52;")
        self.form.addRow(self.segment_radio, self.segment_combo)
        self.form.addRow(self.circle_radio, self.circle_combo)
        self.form.addRow(self.count_label)
        self.form.addRow(hint)
        self.fields["source"] = self.segment_combo
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Inviter"))
        if segments:
            self.segment_radio.setChecked(True)
        else:
            self.segment_radio.setEnabled(False)
            self.segment_combo.setEnabled(False)
            self.segment_combo.addItem(self.tr("Aucun segment enregistré"), None)
            self.circle_radio.setChecked(True)
        for widget in (self.segment_radio, self.circle_radio):
            widget.toggled.connect(lambda _on: self._recount())
        for combo in (self.segment_combo, self.circle_combo):
            combo.currentIndexChanged.connect(lambda _index: self._recount())
        self._recount()

    def source(self) -> tuple[str, str] | None:
        if self.circle_radio.isChecked():
            return ("circle", str(self.circle_combo.currentData()))
        name = self.segment_combo.currentData()
        return ("segment", str(name)) if name else None

    def _recount(self) -> None:
        source = self.source()
        if source is None:
            self.count_label.clear()
            return
        self.count_label.setText(self.tr("Calcul…"))

        def counted(total: int) -> None:
            if self.source() == source:
                self.count_label.setText(
                    ngettext(
                        "{count} contact concerné", "{count} contacts concernés", total, count=formatting.number(total)
                    )
                )

        run_in_background(self, lambda _ctx: self._count(source), on_success=counted)

    def collect(self) -> tuple[str, str]:
        source = self.source()
        if source is None:
            raise ValidationError(self.tr("Choisissez un segment ou un cercle."), field="source")
        return source


class AddParticipantDialog(SavingDialog):
    """One contact registered (« inscrit ») to the event, found by typing their name."""

    def __init__(self, parent: QWidget | None, event_name: str, search: Search, save: Callable[[int], Any]) -> None:
        super().__init__(parent, save)
        self.setObjectName("addParticipantDialog")
        self.setWindowTitle(self.tr("Inscrire à « {event} »").format(event=event_name))
        self.resize(460, 260)
        self.picker = ContactPicker(search, self.tr("Aucun contact choisi"))
        self.picker.setObjectName("participantPicker")
        self.add_field("contact", self.tr("Contact"), self.picker)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Inscrire"))
        self.picker.search_edit.setFocus()

    def collect(self) -> int:
        if self.picker.contact_id is None:
            raise ValidationError(self.tr("Cherchez puis choisissez un contact."), field="contact")
        return self.picker.contact_id
