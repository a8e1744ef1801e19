"""One ambassador's sheet beside the list: what they are, how to reach their referral link, what they did.

The panel shows an ``AmbassadorRecord`` and says what the user asked (save, record a reward,
sign the charter, copy the signature, build the kit) through signals: the page runs the writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.i18n import _, ngettext
from communitydesk.records.ambassadors import AmbassadorDraft, AmbassadorRecord, RoleRecord
from communitydesk.reports.qr_matrix import qr_matrix
from communitydesk.rules.ambassadors import AmbassadorType, Stage
from communitydesk.rules.editorial import Network
from communitydesk.services.permissions import SYSTEM, Action, Actor
from communitydesk.ui.widgets.rights import guard, guard_fields

ROLE_ID = Qt.ItemDataRole.UserRole + 30


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    """The referral URL as the QR code the kit prints (the same matrix, ``reports.qr_matrix``), for a
    look on screen: black modules of ``scale`` pixels on white, the standard quiet zone included
    so that a phone reads it from the screen."""
    matrix = qr_matrix(text)
    pixmap = QPixmap(matrix.size * scale, matrix.size * scale)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    black = QColor("black")
    for row, column, length in matrix.runs:
        painter.fillRect(column * scale, row * scale, length * scale, scale, black)
    painter.end()
    return pixmap


class AmbassadorPanel(QScrollArea):
    save_requested = Signal(int, object)  # ambassador id, AmbassadorDraft
    reward_requested = Signal(int)
    sign_requested = Signal(int)
    roles_requested = Signal()
    copy_signature_requested = Signal(int)
    kit_requested = Signal(int)
    contact_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ambassadorPanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # texts wrap instead
        self.record: AmbassadorRecord | None = None
        self.actor: Actor = SYSTEM
        inner = QWidget()
        self.setWidget(inner)
        layout = QVBoxLayout(inner)

        self.empty = QLabel(
            QCoreApplication.translate(
                "AmbassadorPanel",
                "Choisissez un ambassadeur dans la liste pour voir sa fiche, ou inscrivez-en un nouveau "
                "avec « Nouvel ambassadeur… ».",
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5F5B52;")
        layout.addWidget(self.empty)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        layout.addStretch(1)

        self.name_label = QLabel()
        self.name_label.setObjectName("ambassadorName")
        self.name_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.name_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("ambassadorStatus")
        self.status_label.setWordWrap(True)
        self.history_label = QLabel()
        self.history_label.setObjectName("stageHistory")
        self.history_label.setWordWrap(True)
        self.history_label.setStyleSheet("color: #5F5B52; font-size: 9pt;")
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("ambassadorWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "background: #FBE4E2; border: 1px solid #B3261E; border-radius: 6px; padding: 6px; color: #6B1510;"
        )
        self.contact_button = QPushButton(self.tr("Fiche contact"))
        self.contact_button.clicked.connect(lambda: self._emit(self.contact_requested))
        top = QHBoxLayout()
        top.addWidget(self.name_label, 1)
        top.addWidget(self.contact_button)
        body.addLayout(top)
        body.addWidget(self.status_label)
        body.addWidget(self.history_label)
        body.addWidget(self.warnings_label)

        # -- what they are (editable) --
        profile = QGroupBox(self.tr("Profil"))
        form = QFormLayout(profile)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("ambassadorType")
        for kind in AmbassadorType:
            self.type_combo.addItem(kind.label(), kind.value)
        self.roles_list = QListWidget()
        self.roles_list.setObjectName("ambassadorRoles")
        self.roles_list.setMaximumHeight(80)
        self.roles_button = QPushButton(self.tr("Gérer les rôles…"))
        self.roles_button.setObjectName("manageRolesButton")
        self.roles_button.clicked.connect(self.roles_requested)
        roles_box = QVBoxLayout()
        roles_box.addWidget(self.roles_list)
        roles_box.addWidget(self.roles_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.territory_edit = QLineEdit()
        self.territory_edit.setObjectName("ambassadorTerritory")
        self.territory_edit.setPlaceholderText(self.tr("Ville, quartier, département…"))
        self.skills_edit = QPlainTextEdit()
        self.skills_edit.setObjectName("ambassadorSkills")
        self.skills_edit.setMaximumHeight(60)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("ambassadorNotes")
        self.notes_edit.setMaximumHeight(60)
        self.audiences = QWidget()
        self.audiences.setObjectName("ambassadorAudiences")
        grid = QGridLayout(self.audiences)
        grid.setContentsMargins(0, 0, 0, 0)
        self.audience_spins: dict[str, QSpinBox] = {}
        for index, network in enumerate(Network):
            spin = QSpinBox()
            spin.setRange(0, 9_999_999)
            spin.setGroupSeparatorShown(True)
            spin.setSpecialValueText("—")
            spin.setToolTip(self.tr("Abonnés sur {network}").format(network=network.label()))
            spin.setMaximumWidth(140)
            grid.addWidget(QLabel(network.label()), index, 0)
            grid.addWidget(spin, index, 1)
            self.audience_spins[network.value] = spin
        grid.setColumnStretch(2, 1)
        self.save_button = QPushButton(self.tr("Enregistrer le profil"))
        self.save_button.setObjectName("saveAmbassadorButton")
        self.save_button.clicked.connect(self._save)
        form.addRow(self.tr("Type d'ambassadeur"), self.type_combo)
        form.addRow(self.tr("Rôles"), roles_box)
        form.addRow(self.tr("Territoire"), self.territory_edit)
        form.addRow(self.tr("Compétences"), self.skills_edit)
        form.addRow(self.tr("Abonnés"), self.audiences)
        form.addRow(self.tr("Notes internes"), self.notes_edit)
        form.addRow("", self.save_button)

        # -- referral --
        referral = QGroupBox(self.tr("Parrainage"))
        referral_layout = QHBoxLayout(referral)
        texts = QVBoxLayout()
        self.code_label = QLabel()
        self.code_label.setObjectName("referralCode")
        self.code_label.setStyleSheet("font-size: 16pt; font-weight: 600; letter-spacing: 2px;")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A read-only line: a long address scrolls instead of widening the sheet, and copies whole.
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("referralUrl")
        self.url_edit.setReadOnly(True)
        self.url_hint = QLabel()
        self.url_hint.setObjectName("referralHint")
        self.url_hint.setWordWrap(True)
        self.url_hint.setStyleSheet("color: #8A5A00;")
        self.referrals_label = QLabel()
        self.referrals_label.setObjectName("referralCounts")
        self.referrals_label.setWordWrap(True)
        self.signature_button = QPushButton(self.tr("Copier la signature e-mail"))
        self.signature_button.setObjectName("copySignatureButton")
        self.signature_button.setToolTip(
            self.tr("Copie la signature avec le lien de parrainage (HTML et texte) pour la coller dans une messagerie")
        )
        self.signature_button.clicked.connect(lambda: self._emit(self.copy_signature_requested))
        self.kit_button = QPushButton(self.tr("Kit PDF…"))
        self.kit_button.setObjectName("kitButton")
        self.kit_button.setToolTip(
            self.tr("Lettre d'accueil, guide, charte, affiches, cartes et autocollants avec son QR code")
        )
        self.kit_button.clicked.connect(lambda: self._emit(self.kit_requested))
        actions = QHBoxLayout()
        actions.addWidget(self.signature_button)
        actions.addWidget(self.kit_button)
        actions.addStretch(1)
        texts.addWidget(self.code_label)
        texts.addWidget(self.url_edit)
        texts.addWidget(self.url_hint)
        texts.addWidget(self.referrals_label)
        texts.addLayout(actions)
        texts.addStretch(1)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("referralQr")
        referral_layout.addLayout(texts, 1)
        referral_layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        body.addWidget(referral)
        body.addWidget(profile)

        # -- what they did --
        self.missions_list = QListWidget()
        self.missions_list.setObjectName("ambassadorMissions")
        self.missions_list.setMaximumHeight(130)
        body.addWidget(self._group(self.tr("Missions"), self.missions_list))

        self.rewards_list = QListWidget()
        self.rewards_list.setObjectName("ambassadorRewards")
        self.rewards_list.setMaximumHeight(100)
        self.reward_button = QPushButton(self.tr("Enregistrer une récompense…"))
        self.reward_button.setObjectName("recordRewardButton")
        self.reward_button.clicked.connect(lambda: self._emit(self.reward_requested))
        body.addWidget(self._group(self.tr("Récompenses"), self.rewards_list, self.reward_button))

        self.signatures_list = QListWidget()
        self.signatures_list.setObjectName("ambassadorSignatures")
        self.signatures_list.setMaximumHeight(90)
        self.sign_button = QPushButton(self.tr("Enregistrer une signature de la charte…"))
        self.sign_button.setObjectName("signCharterButton")
        self.sign_button.clicked.connect(lambda: self._emit(self.sign_requested))
        body.addWidget(self._group(self.tr("Charte signée"), self.signatures_list, self.sign_button))

        self.show_record(None)

    def _group(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for widget in widgets:
            if isinstance(widget, QPushButton):
                layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
            else:
                layout.addWidget(widget)
        return box

    def set_actor(self, actor: Actor) -> None:
        self.actor = actor
        self._guard()

    def _guard(self) -> None:
        """What the acting profile may not do is disabled, with the reason."""
        for button in (self.save_button, self.roles_button, self.reward_button, self.sign_button):
            guard(button, self.actor, Action.MANAGE_AMBASSADORS)
        # Typing what could not be saved would be lost: the profile's fields are read-only too.
        guard_fields(self.profile_fields(), self.actor, Action.MANAGE_AMBASSADORS)
        guard(self.kit_button, self.actor, Action.EXPORT_PERSONAL_DATA)
        guard(self.signature_button, self.actor, Action.READ_CONTACTS)

    def profile_fields(self) -> tuple[QWidget, ...]:
        """What « Enregistrer le profil » saves."""
        return (
            self.type_combo,
            self.roles_list,
            self.territory_edit,
            self.skills_edit,
            self.notes_edit,
            *self.audience_spins.values(),
        )

    def _emit(self, signal: Any) -> None:
        if self.record is not None:
            signal.emit(self.record.id)

    def set_roles(self, roles: Sequence[Any]) -> None:
        """The editable list of roles; the ambassador's are ticked."""
        ticked = {role.id for role in self.record.roles} if self.record is not None else set()
        self.roles_list.clear()
        for role in roles:
            item = QListWidgetItem(role.name)
            item.setToolTip(role.description)
            item.setData(ROLE_ID, role.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if role.id in ticked else Qt.CheckState.Unchecked)
            self.roles_list.addItem(item)

    def ticked_roles(self) -> tuple[int, ...]:
        return tuple(
            int(self.roles_list.item(row).data(ROLE_ID))
            for row in range(self.roles_list.count())
            if self.roles_list.item(row).checkState() == Qt.CheckState.Checked
        )

    def show_record(self, record: AmbassadorRecord | None, roles: Sequence[RoleRecord] = ()) -> None:
        self.record = record
        self.empty.setVisible(record is None)
        self.body.setVisible(record is not None)
        if record is None:
            return
        self.name_label.setText(record.name)
        self.status_label.setText(
            self.tr("{stage} depuis le {day} · niveau {level} · {points}").format(
                stage=Stage(record.stage).label().capitalize(),
                day=formatting.day(record.stage_since, "long"),
                level=record.level.name if record.level is not None else "—",
                points=ngettext("{n} point", "{n} points", record.points, n=formatting.number(record.points)),
            )
        )
        self.history_label.setText(
            " → ".join(
                self.tr("{stage} le {day}").format(stage=change.label, day=formatting.day(change.changed_on, "short"))
                for change in record.stage_changes
            )
        )
        self.warnings_label.setText("\n".join(f"⚠ {warning}" for warning in record.warnings))
        self.warnings_label.setVisible(bool(record.warnings))
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(record.type)))
        self.territory_edit.setText(record.territory)
        self.skills_edit.setPlainText(record.skills)
        self.notes_edit.setPlainText(record.notes)
        followers = dict(record.audiences)
        for network, spin in self.audience_spins.items():
            spin.setValue(int(followers.get(network, 0)))
        self.set_roles(roles or record.roles)

        self.code_label.setText(record.referral_code)
        self.url_edit.setText(record.referral_url)
        self.url_edit.setCursorPosition(0)
        self.url_edit.setVisible(bool(record.referral_url))
        self.url_hint.setText(record.referral_hint)
        self.url_hint.setVisible(not record.referral_url)
        self.signature_button.setEnabled(bool(record.referral_url))  # a signature is its link
        self._guard()
        if record.referral_url:
            self.qr_label.setPixmap(qr_pixmap(record.referral_url, scale=3))
            self.qr_label.setToolTip(record.referral_url)
        else:
            self.qr_label.clear()
        self.referrals_label.setText(
            _(
                "A amené {contacts} et {contributions} ({amount}).",
                contacts=ngettext(
                    "{n} contact",
                    "{n} contacts",
                    record.referrals.contacts,
                    n=formatting.number(record.referrals.contacts),
                ),
                contributions=ngettext(
                    "{n} contribution",
                    "{n} contributions",
                    record.referrals.contributions,
                    n=formatting.number(record.referrals.contributions),
                ),
                amount=formatting.money(record.referrals.amount_cents),
            )
        )

        self.missions_list.clear()
        for mission in record.missions:
            due = f" · {formatting.day(mission.due_on, 'short')}" if mission.due_on else ""
            self.missions_list.addItem(f"{mission.status_label} · {mission.title} · {mission.points} pt{due}")
        if not record.missions:
            self.missions_list.addItem(self.tr("Aucune mission pour l'instant (onglet Missions)."))

        self.rewards_list.clear()
        for reward in record.rewards:
            value = f" · {formatting.money(reward.value_cents)}" if reward.value_cents else ""
            self.rewards_list.addItem(
                f"{formatting.day(reward.given_on, 'short')} · {reward.kind_label} · {reward.description}{value}"
            )
        self.signatures_list.clear()
        for signature in record.signatures:
            self.signatures_list.addItem(
                self.tr("Version {version} signée le {day} ({method})").format(
                    version=signature.version,
                    day=formatting.day(signature.signed_on, "long"),
                    method=signature.method_label,
                )
            )
        if not record.signatures:
            self.signatures_list.addItem(self.tr("Pas encore de charte signée."))

    def draft(self) -> AmbassadorDraft:
        """What the profile fields say now, for the service's update."""
        return AmbassadorDraft(
            type=str(self.type_combo.currentData()),
            role_ids=self.ticked_roles(),
            territory=self.territory_edit.text().strip(),
            skills=self.skills_edit.toPlainText().strip(),
            notes=self.notes_edit.toPlainText().strip(),
            audiences=tuple((n, spin.value()) for n, spin in self.audience_spins.items() if spin.value()),
        )

    def _save(self) -> None:
        if self.record is not None:
            self.save_requested.emit(self.record.id, self.draft())
