"""The small dialogs of the Ambassadeurs page: enrol a contact, record a reward, sign the charter,
create or complete a mission, publish a charter version.

Each hands what was typed to a ``save`` function run off the UI thread (campaigns'
:class:`SavingDialog`); a refusal comes back as the service's French sentence, shown in the
dialog, which stays open with what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from communitydesk import formatting
from communitydesk.errors import ValidationError
from communitydesk.rules.ambassadors import AmbassadorType, MissionKind, RewardKind, SignatureMethod
from communitydesk.ui.campaigns.dialogs import DateField, MoneyField, SavingDialog
from communitydesk.ui.widgets.contact_picker import ContactPicker, Search

Save = Callable[[dict[str, Any]], Any]


def _kinds(combo: QComboBox, members: Sequence[Any], current: str = "") -> None:
    for member in members:
        combo.addItem(member.label(), member.value)
    combo.setCurrentIndex(max(0, combo.findData(current)))


class EnrolDialog(SavingDialog):
    """« Nouvel ambassadeur »: find a contact by name, choose a type, enrol them as candidat."""

    def __init__(self, parent: QWidget | None, search: Search, save: Save) -> None:
        super().__init__(parent, save)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Nouvel ambassadeur"))
        self.resize(460, 420)
        self.picker = ContactPicker(
            search, self.tr("Aucun contact choisi"), placeholder=self.tr("Tapez un nom, un e-mail, une ville…")
        )
        self.picker.setObjectName("enrolPicker")
        self.search_edit = self.picker.search_edit
        self.results = self.picker.results
        self.search_contacts = self.picker.search_contacts
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("enrolType")
        _kinds(self.type_combo, list(AmbassadorType), AmbassadorType.PASSIONNE.value)
        hint = QLabel(
            QCoreApplication.translate(
                "EnrolDialog",
                "La personne doit déjà être dans vos contacts. Elle entre au programme comme « candidat » "
                "et reçoit son code de parrainage.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F5B52;")
        self.form.addRow(hint)
        self.add_field("contact", self.tr("Contact"), self.picker)
        self.fields["contact"] = self.search_edit  # a refusal marks the search field, not the whole picker
        self.add_field("type", self.tr("Type d'ambassadeur"), self.type_combo)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Inscrire"))
        self.search_edit.setFocus()

    def collect(self) -> dict[str, Any]:
        # The person picked, else the one highlighted in the results (the first found).
        contact_id = self.picker.contact_id if self.picker.contact_id is not None else self.picker.highlighted_id()
        if contact_id is None:
            raise ValidationError(self.tr("Cherchez puis choisissez un contact dans la liste."), field="contact")
        return {"contact_id": contact_id, "type": self.type_combo.currentData()}


class RewardDialog(SavingDialog):
    """Record what an ambassador received: goodies, a voucher, an invitation… (money is flagged)."""

    def __init__(self, parent: QWidget | None, name: str, save: Save) -> None:
        super().__init__(parent, save)
        self.setObjectName("rewardDialog")
        self.setWindowTitle(self.tr("Récompense pour {name}").format(name=name))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("rewardKind")
        _kinds(self.kind_combo, list(RewardKind))
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("rewardDescription")
        self.description_edit.setPlaceholderText(self.tr("T-shirt, deux places pour le concert…"))
        self.value_edit = MoneyField()
        self.value_edit.setObjectName("rewardValue")
        self.day_edit = DateField()
        self.day_edit.setObjectName("rewardDay")
        self.day_edit.set_day(formatting.local_today())
        self.money_note = QLabel(
            QCoreApplication.translate(
                "RewardDialog",
                "De l'argent versé à un bénévole peut être requalifié en salaire déguisé : préférez un cadeau, "
                "une invitation ou le remboursement de frais réels sur justificatifs.",
            )
        )
        self.money_note.setObjectName("moneyNote")
        self.money_note.setWordWrap(True)
        self.money_note.setStyleSheet("color: #B3261E;")
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.add_field("kind", self.tr("Nature"), self.kind_combo)
        self.add_field("description", self.tr("Description"), self.description_edit)
        self.add_field("value_cents", self.tr("Valeur"), self.value_edit)
        self.add_field("given_on", self.tr("Date"), self.day_edit)
        self.form.addRow(self.money_note)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.money_note.setVisible(self.kind_combo.currentData() == RewardKind.ARGENT.value)

    def collect(self) -> dict[str, Any]:
        given_on = self.day_edit.day()
        if given_on is None:
            raise ValidationError(self.tr("Indiquez la date de la récompense."), field="given_on")
        return {
            "kind": self.kind_combo.currentData(),
            "description": self.description_edit.text().strip(),
            "value_cents": self.value_edit.cents("value_cents"),
            "given_on": given_on,
        }


class SignatureDialog(SavingDialog):
    """An ambassador signed a version of the charter: which one, when, how."""

    def __init__(self, parent: QWidget | None, name: str, charters: Sequence[Any], save: Save) -> None:
        super().__init__(parent, save)
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("Charte signée par {name}").format(name=name))
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("signatureVersion")
        for charter in sorted(charters, key=lambda c: -c.version):
            self.version_combo.addItem(
                self.tr("Version {version} : {title}").format(version=charter.version, title=charter.title), charter.id
            )
        self.day_edit = DateField()
        self.day_edit.setObjectName("signatureDay")
        self.day_edit.set_day(formatting.local_today())
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("signatureMethod")
        _kinds(self.method_combo, list(SignatureMethod))
        self.add_field("charter_id", self.tr("Version"), self.version_combo)
        self.add_field("signed_on", self.tr("Signée le"), self.day_edit)
        self.add_field("method", self.tr("Comment"), self.method_combo)

    def collect(self) -> dict[str, Any]:
        if self.version_combo.currentData() is None:
            raise ValidationError(self.tr("Aucune charte publiée : publiez-en une dans l'onglet Charte."))
        signed_on = self.day_edit.day()
        if signed_on is None:
            raise ValidationError(self.tr("Indiquez la date de la signature."), field="signed_on")
        return {
            "charter_id": int(self.version_combo.currentData()),
            "signed_on": signed_on,
            "method": self.method_combo.currentData(),
        }


class MissionDialog(SavingDialog):
    """Create or edit a mission and assign it (or leave it open to anyone)."""

    def __init__(
        self, parent: QWidget | None, ambassadors: Sequence[tuple[int, str]], save: Save, mission: Any = None
    ) -> None:
        super().__init__(parent, save)
        self.setObjectName("missionDialog")
        self.setWindowTitle(self.tr("Mission") if mission is not None else self.tr("Nouvelle mission"))
        self.resize(480, 0)
        self.title_edit = QLineEdit(mission.title if mission else "")
        self.title_edit.setObjectName("missionTitle")
        self.description_edit = QPlainTextEdit(mission.description if mission else "")
        self.description_edit.setObjectName("missionDescription")
        self.description_edit.setMaximumHeight(90)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("missionKind")
        _kinds(self.kind_combo, list(MissionKind), mission.kind if mission else "")
        self.points_spin = QSpinBox()
        self.points_spin.setObjectName("missionPoints")
        self.points_spin.setRange(0, 1000)
        self.points_spin.setValue(mission.points if mission else 10)
        self.due_edit = DateField()
        self.due_edit.setObjectName("missionDue")
        self.due_edit.set_day(mission.due_on if mission else None)
        self.ambassador_combo = QComboBox()
        self.ambassador_combo.setObjectName("missionAmbassador")
        self.ambassador_combo.addItem(self.tr("Personne (mission ouverte)"), 0)
        for ambassador_id, name in ambassadors:
            self.ambassador_combo.addItem(name, ambassador_id)
        if mission is not None and mission.ambassador_id:
            self.ambassador_combo.setCurrentIndex(max(0, self.ambassador_combo.findData(mission.ambassador_id)))
        self.add_field("title", self.tr("Titre"), self.title_edit)
        self.add_field("description", self.tr("Description"), self.description_edit)
        self.add_field("kind", self.tr("Type de mission"), self.kind_combo)
        self.add_field("points", self.tr("Points"), self.points_spin)
        self.add_field("due_on", self.tr("À faire pour le"), self.due_edit)
        self.add_field("ambassador_id", self.tr("Confiée à"), self.ambassador_combo)

    def collect(self) -> dict[str, Any]:
        title = self.title_edit.text().strip()
        if not title:
            raise ValidationError(self.tr("Donnez un titre à la mission."), field="title")
        return {
            "title": title,
            "description": self.description_edit.toPlainText().strip(),
            "kind": self.kind_combo.currentData(),
            "points": self.points_spin.value(),
            "due_on": self.due_edit.day(),
            "ambassador_id": int(self.ambassador_combo.currentData()) or None,
        }


class CompletionDialog(SavingDialog):
    """A mission done: the proof (a link or a file) and the day."""

    def __init__(self, parent: QWidget | None, title: str, save: Save) -> None:
        super().__init__(parent, save)
        self.setObjectName("completionDialog")
        self.setWindowTitle(self.tr("Mission réalisée : {title}").format(title=title))
        self.resize(480, 0)
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("proofLink")
        self.link_edit.setPlaceholderText("https://…")
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("proofFile")
        choose = QPushButton(self.tr("Choisir…"))
        choose.clicked.connect(self._choose)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_edit, 1)
        file_layout.addWidget(choose)
        self.day_edit = DateField()
        self.day_edit.setObjectName("completedOn")
        self.day_edit.set_day(formatting.local_today())
        self.add_field("proof_link", self.tr("Lien de la preuve"), self.link_edit)
        self.add_field("proof_file", self.tr("Ou fichier"), file_row)
        self.add_field("completed_on", self.tr("Réalisée le"), self.day_edit)

    def _choose(self) -> None:
        filename, _filter = QFileDialog.getOpenFileName(self, self.tr("Preuve de la mission"), str(Path.home()))
        if filename:
            self.file_edit.setText(filename)

    def collect(self) -> dict[str, Any]:
        completed_on = self.day_edit.day()
        if completed_on is None:
            raise ValidationError(self.tr("Indiquez le jour où la mission a été réalisée."), field="completed_on")
        return {
            "proof_link": self.link_edit.text().strip(),
            "proof_file": self.file_edit.text().strip(),
            "completed_on": completed_on,
        }


class CharterVersionDialog(SavingDialog):
    """Publish a new version of the charter: the two lists of commitments, one per line."""

    def __init__(self, parent: QWidget | None, current: Any, save: Save) -> None:
        super().__init__(parent, save)
        self.setObjectName("charterVersionDialog")
        self.setWindowTitle(self.tr("Nouvelle version de la charte"))
        self.resize(640, 520)
        self.title_edit = QLineEdit(current.title if current else self.tr("Charte des ambassadeurs"))
        self.title_edit.setObjectName("charterTitle")
        self.ambassador_edit = QPlainTextEdit("\n".join(current.ambassador_commitments) if current else "")
        self.ambassador_edit.setObjectName("ambassadorCommitments")
        self.organisation_edit = QPlainTextEdit("\n".join(current.organisation_commitments) if current else "")
        self.organisation_edit.setObjectName("organisationCommitments")
        note = QLabel(
            QCoreApplication.translate(
                "CharterVersionDialog",
                "Un engagement par ligne. Une fois publiée, la nouvelle version devra être signée à nouveau "
                "par les ambassadeurs accueillis et actifs.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5F5B52;")
        self.form.addRow(note)
        self.add_field("title", self.tr("Titre"), self.title_edit)
        self.add_field("ambassador_commitments", self.tr("L'ambassadeur s'engage à"), self.ambassador_edit)
        self.add_field("organisation_commitments", self.tr("L'association s'engage à"), self.organisation_edit)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Publier"))

    @staticmethod
    def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
        return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())

    def collect(self) -> dict[str, Any]:
        title = self.title_edit.text().strip()
        if not title:
            raise ValidationError(self.tr("Donnez un titre à la charte."), field="title")
        return {
            "title": title,
            "ambassador_commitments": self._lines(self.ambassador_edit),
            "organisation_commitments": self._lines(self.organisation_edit),
        }
