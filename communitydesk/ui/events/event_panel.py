"""One event beside the list: when and where, who organises, how many came, and its report.

The panel shows an ``EventRecord`` and its ``EventReport``; a proposed circle move is applied
through the page (``move_requested``), which runs the existing circle-move service.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import ngettext
from communitydesk.records.events import EventRecord, EventReport, ProposedMove
from communitydesk.rules.circles import circle_label
from communitydesk.rules.events import ConsentPurpose

MUTED = "color: #5F5B52;"


def when_text(record: EventRecord) -> str:
    """« jeudi 14 janvier 2027, 18:30 – 20:00 »."""
    draft = record.draft
    assert draft.starts_on is not None
    text = formatting.day(draft.starts_on, "full")
    if draft.starts_time is not None:
        text += ", " + draft.starts_time.strftime("%H:%M")
        if draft.ends_time is not None:
            text += " – " + draft.ends_time.strftime("%H:%M")
    return text


def _value(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class EventPanel(QScrollArea):
    move_requested = Signal(object)  # ProposedMove

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventPanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record: EventRecord | None = None
        self.report: EventReport | None = None
        inner = QWidget()
        self.setWidget(inner)
        layout = QVBoxLayout(inner)

        self.empty = QLabel(
            QCoreApplication.translate(
                "EventPanel",
                "Choisissez un événement dans la liste pour voir sa fiche, ou créez-en un avec « Nouvel événement… » "
                "(Ctrl+N).",
            )
        )
        self.empty.setObjectName("eventPanelHint")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(MUTED)
        layout.addWidget(self.empty)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        layout.addStretch(1)

        self.name_label = _value(QLabel())
        self.name_label.setObjectName("eventName")
        self.name_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.kind_label = _value(QLabel())
        self.kind_label.setObjectName("eventKindLabel")
        self.kind_label.setStyleSheet(MUTED)
        body.addWidget(self.name_label)
        body.addWidget(self.kind_label)

        details = QGroupBox(self.tr("L'événement"))
        form = QFormLayout(details)
        self.when_label = _value(QLabel())
        self.when_label.setObjectName("eventWhen")
        self.place_label = _value(QLabel())
        self.place_label.setObjectName("eventPlace")
        self.url_label = _value(QLabel())
        self.url_label.setObjectName("eventUrl")
        self.url_label.setOpenExternalLinks(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.organiser_label = _value(QLabel())
        self.organiser_label.setObjectName("eventOrganiser")
        self.campaign_label = _value(QLabel())
        self.campaign_label.setObjectName("eventCampaign")
        self.circles_label = _value(QLabel())
        self.circles_label.setObjectName("eventCircles")
        self.attendance_label = _value(QLabel())
        self.attendance_label.setObjectName("eventAttendance")
        self.description_label = _value(QLabel())
        self.description_label.setObjectName("eventDescription")
        form.addRow(self.tr("Quand"), self.when_label)
        form.addRow(self.tr("Où"), self.place_label)
        form.addRow(self.tr("Lien"), self.url_label)
        form.addRow(self.tr("Organisateur"), self.organiser_label)
        form.addRow(self.tr("Campagne"), self.campaign_label)
        form.addRow(self.tr("Cercles attendus"), self.circles_label)
        form.addRow(self.tr("Participants"), self.attendance_label)
        form.addRow(self.tr("Description"), self.description_label)
        body.addWidget(details)

        report = QGroupBox(self.tr("Bilan"))
        report.setObjectName("eventReport")
        report_form = QFormLayout(report)
        self.rate_label = _value(QLabel())
        self.rate_label.setObjectName("attendanceRate")
        self.rate_label.setStyleSheet("font-size: 13pt; font-weight: 600; color: #2E6B5E;")
        self.new_contacts_label = _value(QLabel())
        self.new_contacts_label.setObjectName("newContacts")
        self.consents_label = _value(QLabel())
        self.consents_label.setObjectName("consentsCollected")
        self.lines_label = _value(QLabel())
        self.lines_label.setObjectName("sheetLines")
        report_form.addRow(self.tr("Taux de présence"), self.rate_label)
        report_form.addRow(self.tr("Nouveaux contacts"), self.new_contacts_label)
        report_form.addRow(self.tr("Consentements"), self.consents_label)
        report_form.addRow(self.tr("Feuille d'émargement"), self.lines_label)
        body.addWidget(report)

        self.moves_box = QGroupBox(self.tr("Changements de cercle proposés"))
        self.moves_box.setObjectName("proposedMoves")
        self.moves_layout = QVBoxLayout(self.moves_box)
        body.addWidget(self.moves_box)
        self.move_buttons: dict[int, QPushButton] = {}

        self.show_event(None, None)

    def show_event(self, record: EventRecord | None, report: EventReport | None) -> None:
        self.record, self.report = record, report
        self.empty.setVisible(record is None)
        self.body.setVisible(record is not None)
        if record is None:
            return
        draft = record.draft
        self.name_label.setText(record.name)
        self.kind_label.setText(record.kind_label)
        self.when_label.setText(when_text(record))
        place = "\n".join(part for part in (draft.place, draft.address) if part)
        self.place_label.setText(place or "—")
        if draft.url:
            escaped = draft.url.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            self.url_label.setText(f'<a href="{escaped}">{escaped}</a>')
        else:
            self.url_label.setText("—")
        self.organiser_label.setText(record.organiser_name or "—")
        self.campaign_label.setText(record.campaign_name or "—")
        self.circles_label.setText(", ".join(circle_label(c) for c in draft.expected_circles) or "—")
        places = (
            self.tr(" sur {capacity} places").format(capacity=formatting.number(draft.capacity))
            if draft.capacity
            else ""
        )
        self.attendance_label.setText(
            ngettext(
                "{count} inscrit", "{count} inscrits", record.registered, count=formatting.number(record.registered)
            )
            + places
            + " · "
            + ngettext("{count} présent", "{count} présents", record.present, count=formatting.number(record.present))
        )
        self.description_label.setText(draft.description or "—")
        self._show_report(report)

    def _show_report(self, report: EventReport | None) -> None:
        for button in self.move_buttons.values():
            button.deleteLater()
        self.move_buttons.clear()
        while self.moves_layout.count():
            item = self.moves_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if report is None:
            self.rate_label.setText("—")
            self.new_contacts_label.setText("—")
            self.consents_label.setText("—")
            self.lines_label.setText("—")
            self.moves_box.hide()
            return
        if report.attendance_rate is None:
            self.rate_label.setText(self.tr("— (personne d'inscrit)"))
        else:
            self.rate_label.setText(
                ngettext(
                    "{rate} ({present} présent sur {registered} inscrits)",
                    "{rate} ({present} présents sur {registered} inscrits)",
                    report.present,
                    rate=formatting.percent(report.attendance_rate),
                    present=formatting.number(report.present),
                    registered=formatting.number(report.registered),
                )
            )
        self.new_contacts_label.setText(formatting.number(report.new_contacts))
        consents = [
            f"{ConsentPurpose(purpose).label()} : {formatting.number(count)}" for purpose, count in report.consents
        ]
        self.consents_label.setText(
            self.tr("{total} au total ({detail})").format(
                total=formatting.number(report.consents_total), detail=", ".join(consents)
            )
            if report.consents_total
            else self.tr("aucun")
        )
        self.lines_label.setText(
            ngettext(
                "{count} ligne saisie",
                "{count} lignes saisies",
                report.sheet_lines,
                count=formatting.number(report.sheet_lines),
            )
            if report.sheet_lines
            else self.tr("pas encore saisie")
        )
        self.moves_box.setVisible(bool(report.proposed_moves))
        for move in report.proposed_moves:
            self.moves_layout.addWidget(self._move_row(move))

    def _move_row(self, move: ProposedMove) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(
            self.tr("{name} : {from_circle} → {to_circle}. {reason}").format(
                name=move.name,
                from_circle=circle_label(move.from_circle),
                to_circle=circle_label(move.to_circle),
                reason=move.reason,
            )
        )
        text.setWordWrap(True)
        button = QPushButton(self.tr("Passer en {circle}").format(circle=circle_label(move.to_circle).lower()))
        button.setObjectName(f"applyMove{move.contact_id}")
        button.setToolTip(self.tr("Déplace le contact, avec cette raison dans son historique"))
        button.clicked.connect(lambda _checked=False, move=move: self._apply(move))
        self.move_buttons[move.contact_id] = button
        layout.addWidget(text, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _apply(self, move: ProposedMove) -> None:
        button = self.move_buttons.get(move.contact_id)
        if button is not None:
            button.setEnabled(False)  # once: the report is read again after the move
        self.move_requested.emit(move)
