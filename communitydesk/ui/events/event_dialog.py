"""Create or edit an event: kind, day and times, place, address, link, organiser, campaign,
expected circles, capacity and description.

What is typed goes to a ``save`` function run off the UI thread (campaigns'
:class:`SavingDialog`): a refusal comes back as the service's French sentence next to the
field it names, and the dialog stays open with what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from communitydesk import formatting
from communitydesk.errors import ValidationError
from communitydesk.records.events import EventDraft, EventRecord
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.rules.events import EventKind
from communitydesk.ui.campaigns.dialogs import DateField, SavingDialog
from communitydesk.ui.widgets.contact_picker import ContactPicker, Search


def _parse_time(text: str, field: str) -> time | None:
    from communitydesk.rules.french_dates import DateTextError, parse_french_time

    text = text.strip()
    if not text:
        return None
    try:
        return parse_french_time(text)
    except DateTextError as exc:
        message = str(exc)
        raise ValidationError(message[:1].upper() + message[1:] + ".", field=field) from exc


class EventDialog(SavingDialog):
    """« Nouvel événement » or « Modifier l'événement »."""

    def __init__(
        self,
        parent: QWidget | None,
        save: Callable[[EventDraft], Any],
        search: Search,
        campaigns: Sequence[tuple[int, str]],
        record: EventRecord | None = None,
    ) -> None:
        super().__init__(parent, save)
        self.setObjectName("eventDialog")
        self.record = record
        self.setWindowTitle(self.tr("Modifier l'événement") if record else self.tr("Nouvel événement"))
        self.resize(560, 680)
        data = record.draft if record is not None else EventDraft(kind=EventKind.REUNION_PUBLIQUE.value)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("eventKind")
        for kind in EventKind:
            self.kind_combo.addItem(kind.label(), kind.value)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(data.kind)))
        self.name_edit = QLineEdit(data.name)
        self.name_edit.setObjectName("eventName")
        self.name_edit.setPlaceholderText(self.tr("Réunion publique de rentrée, stand au marché…"))
        self.day_edit = DateField()
        self.day_edit.setObjectName("eventDay")
        self.day_edit.set_day(data.starts_on or formatting.local_today())
        self.starts_edit = QLineEdit(data.starts_time.strftime("%H:%M") if data.starts_time else "")
        self.starts_edit.setObjectName("eventStarts")
        self.starts_edit.setPlaceholderText(self.tr("18:30"))
        self.starts_edit.setMaximumWidth(90)
        self.ends_edit = QLineEdit(data.ends_time.strftime("%H:%M") if data.ends_time else "")
        self.ends_edit.setObjectName("eventEnds")
        self.ends_edit.setPlaceholderText(self.tr("20:00"))
        self.ends_edit.setMaximumWidth(90)
        when = QWidget()
        when_layout = QHBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.addWidget(self.day_edit)
        when_layout.addWidget(QLabel(self.tr("de")))
        when_layout.addWidget(self.starts_edit)
        when_layout.addWidget(QLabel(self.tr("à")))
        when_layout.addWidget(self.ends_edit)
        when_layout.addStretch(1)
        self.place_edit = QLineEdit(data.place)
        self.place_edit.setObjectName("eventPlace")
        self.place_edit.setPlaceholderText(self.tr("Salle des fêtes, Maison des associations…"))
        self.address_edit = QPlainTextEdit(data.address)
        self.address_edit.setObjectName("eventAddress")
        self.address_edit.setMaximumHeight(56)
        self.address_edit.setTabChangesFocus(True)
        self.url_edit = QLineEdit(data.url)
        self.url_edit.setObjectName("eventUrl")
        self.url_edit.setPlaceholderText(self.tr("https://… (inscription ou informations : le QR code de l'affiche)"))
        self.organiser = ContactPicker(search, self.tr("Aucun organisateur choisi"))
        self.organiser.setObjectName("eventOrganiser")
        if data.organiser_contact_id is not None and record is not None:
            self.organiser.choose(data.organiser_contact_id, record.organiser_name)
        self.campaign_combo = QComboBox()
        self.campaign_combo.setObjectName("eventCampaign")
        self.campaign_combo.addItem(self.tr("Aucune"), None)
        for campaign_id, name in campaigns:
            self.campaign_combo.addItem(name, campaign_id)
        self.campaign_combo.setCurrentIndex(max(0, self.campaign_combo.findData(data.campaign_id)))
        self.circle_boxes: dict[str, QCheckBox] = {}
        circles = QWidget()
        circles.setObjectName("eventCircles")
        circles_layout = QHBoxLayout(circles)
        circles_layout.setContentsMargins(0, 0, 0, 0)
        for circle in CIRCLE_ORDER:
            box = QCheckBox(circle_label(circle))
            box.setChecked(circle.value in data.expected_circles)
            self.circle_boxes[circle.value] = box
            circles_layout.addWidget(box)
        circles_layout.addStretch(1)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setObjectName("eventCapacity")
        self.capacity_spin.setRange(0, 100_000)
        self.capacity_spin.setSpecialValueText(self.tr("sans limite"))
        self.capacity_spin.setValue(data.capacity or 0)
        self.capacity_spin.setMaximumWidth(140)
        self.description_edit = QPlainTextEdit(data.description)
        self.description_edit.setObjectName("eventDescription")
        self.description_edit.setMinimumHeight(70)
        self.description_edit.setTabChangesFocus(True)

        self.add_field("kind", self.tr("Type d'événement"), self.kind_combo)
        self.add_field("name", self.tr("Nom de l'événement"), self.name_edit)
        self.add_field("starts_on", self.tr("Date"), when)
        self.fields["starts_time"] = self.starts_edit
        self.fields["ends_time"] = self.ends_edit
        self.add_field("place", self.tr("Lieu"), self.place_edit)
        self.add_field("address", self.tr("Adresse du lieu"), self.address_edit)
        self.add_field("url", self.tr("Lien"), self.url_edit)
        self.add_field("organiser_contact_id", self.tr("Organisateur"), self.organiser)
        self.add_field("campaign_id", self.tr("Campagne"), self.campaign_combo)
        self.add_field("expected_circles", self.tr("Cercles attendus"), circles)
        self.add_field("capacity", self.tr("Places"), self.capacity_spin)
        self.add_field("description", self.tr("Description"), self.description_edit)
        self.fields["starts_on"] = self.day_edit
        if record is None:
            hint = QLabel(
                QCoreApplication.translate(
                    "EventDialog",
                    "Les invitations, les inscriptions et la feuille d'émargement se gèrent ensuite depuis la fiche "
                    "de l'événement.",
                )
            )
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #5F5B52;")
            self.form.addRow(hint)
        self.name_edit.setFocus()

    def collect(self) -> EventDraft:
        name = self.name_edit.text().strip()
        if not name:
            raise ValidationError(self.tr("Donnez un nom à l'événement."), field="name")
        starts_on = self.day_edit.day()
        if starts_on is None:
            raise ValidationError(self.tr("Indiquez la date de l'événement."), field="starts_on")
        starts_time = _parse_time(self.starts_edit.text(), "starts_time")
        ends_time = _parse_time(self.ends_edit.text(), "ends_time")
        if starts_time is not None and ends_time is not None and ends_time <= starts_time:
            raise ValidationError(
                self.tr("L'heure de fin ({end}) doit venir après l'heure de début ({start}).").format(
                    end=ends_time.strftime("%H:%M"), start=starts_time.strftime("%H:%M")
                ),
                field="ends_time",
            )
        if ends_time is not None and starts_time is None:
            raise ValidationError(self.tr("Indiquez aussi l'heure de début."), field="starts_time")
        url = self.url_edit.text().strip()
        if url and not url.lower().startswith(("http://", "https://")):
            url = "https://" + url  # typed as on a poster: « fournil.example/inscription »
        return EventDraft(
            name=name,
            starts_on=starts_on,
            kind=str(self.kind_combo.currentData()),
            starts_time=starts_time,
            ends_time=ends_time,
            place=self.place_edit.text().strip(),
            address=self.address_edit.toPlainText().strip(),
            url=url,
            organiser_contact_id=self.organiser.contact_id,
            campaign_id=self.campaign_combo.currentData(),
            expected_circles=tuple(slug for slug, box in self.circle_boxes.items() if box.isChecked()),
            capacity=self.capacity_spin.value() or None,
            description=self.description_edit.toPlainText().strip(),
        )
