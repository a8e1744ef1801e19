"""Create or edit a campaign, a tier (contrepartie) or a contribution entered by hand.

Each dialog hands its input to a ``save`` function run off the UI thread; a validation
error comes back as the service's French sentence, shown in the dialog next to the field
it names, and the dialog stays open with what the user typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from communitydesk import formatting
from communitydesk.errors import ValidationError
from communitydesk.records.campaigns import CampaignInput, CampaignRecord, ContributionInput, TierInput, TierRecord
from communitydesk.rules.campaigns import CampaignStatus, CampaignType, PaymentStatus, Platform
from communitydesk.rules.money_text import MoneyTextError, parse_money
from communitydesk.ui.tasks import run_in_background

NO_DATE = QDate(2000, 1, 1)  # the minimum of a date field means "no date" (shown as "—")


class DateField(QDateEdit):
    """A date that may be left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.set_day(None)

    def day(self) -> date | None:
        value = self.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    def set_day(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


class MoneyField(QLineEdit):
    """Euros typed the French way (``1 234,50``); ``cents()`` raises on unreadable text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("0,00 €")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def cents(self, field: str) -> int:
        text = self.text().strip()
        if not text:
            return 0
        try:
            return parse_money(text)
        except MoneyTextError as exc:
            raise ValidationError(str(exc)[:1].upper() + str(exc)[1:] + ".", field=field) from exc

    def set_cents(self, cents: int) -> None:
        self.setText(formatting.money(cents))


class SavingDialog(QDialog):
    """OK runs ``save`` in the background; errors are shown in the dialog, which stays open."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None, save: Callable[[Any], Any]) -> None:
        super().__init__(parent)
        self._save = save
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("dialogError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B3261E;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.saving = False

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        self.fields[key] = widget
        self.form.addRow(label, widget)
        return widget

    def collect(self) -> Any:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
            widget.setStyleSheet("border: 1px solid #B3261E;")

    def accept(self) -> None:
        if self.saving:
            return
        for widget in self.fields.values():
            widget.setStyleSheet("")
        try:
            data = self.collect()
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return
        self.saving = True
        self.buttons.setEnabled(False)
        task = run_in_background(
            self,
            lambda _ctx: self._save(data),
            on_success=self._saved,
            on_failure=lambda message: self._failed(message, task.error),
        )

    def _saved(self, result: object) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        super().accept()

    def _failed(self, message: str, error: BaseException | None) -> None:
        self.saving = False
        self.buttons.setEnabled(True)
        self.show_error(message, getattr(error, "field", None))


def _fill_combo(combo: QComboBox, items: list[tuple[str, str]], current: str) -> None:
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))


class CampaignDialog(SavingDialog):
    def __init__(
        self,
        parent: QWidget | None,
        save: Callable[[CampaignInput], CampaignRecord],
        record: CampaignRecord | None = None,
    ) -> None:
        super().__init__(parent, save)
        self.setObjectName("campaignDialog")
        self.record = record
        self.setWindowTitle(self.tr("Modifier la campagne") if record else self.tr("Nouvelle campagne"))
        data = record.as_input() if record else CampaignInput(name="")
        self.name_edit = QLineEdit(data.name)
        self.type_combo = QComboBox()
        _fill_combo(self.type_combo, [(t.value, t.label()) for t in CampaignType], data.type)
        self.platform_combo = QComboBox()
        _fill_combo(self.platform_combo, [(p.value, p.label()) for p in Platform], data.platform)
        self.status_combo = QComboBox()
        _fill_combo(self.status_combo, [(s.value, s.label()) for s in CampaignStatus], data.status)
        self.goal_edit = MoneyField()
        if data.goal_cents:
            self.goal_edit.set_cents(data.goal_cents)
        self.preparation_edit = DateField()
        self.preparation_edit.set_day(data.preparation_starts_on)
        self.starts_edit = DateField()
        self.starts_edit.set_day(data.starts_on)
        self.ends_edit = DateField()
        self.ends_edit.set_day(data.ends_on)
        self.description_edit = QPlainTextEdit(data.description)
        self.description_edit.setMinimumHeight(80)
        self.add_field("name", self.tr("Nom"), self.name_edit)
        self.add_field("type", self.tr("Type"), self.type_combo)
        self.add_field("platform", self.tr("Plateforme"), self.platform_combo)
        self.add_field("goal_cents", self.tr("Objectif"), self.goal_edit)
        self.add_field("preparation_starts_on", self.tr("Début de la préparation"), self.preparation_edit)
        self.add_field("starts_on", self.tr("Lancement"), self.starts_edit)
        self.add_field("ends_on", self.tr("Fin"), self.ends_edit)
        self.add_field("status", self.tr("Statut"), self.status_combo)
        self.add_field("description", self.tr("Présentation"), self.description_edit)
        self.resize(460, 480)

    def collect(self) -> CampaignInput:
        return CampaignInput(
            name=self.name_edit.text(),
            type=self.type_combo.currentData(),
            platform=self.platform_combo.currentData(),
            goal_cents=self.goal_edit.cents("goal_cents"),
            currency=self.record.currency if self.record else "EUR",
            starts_on=self.starts_edit.day(),
            ends_on=self.ends_edit.day(),
            preparation_starts_on=self.preparation_edit.day(),
            description=self.description_edit.toPlainText(),
            status=self.status_combo.currentData(),
        )


class TierDialog(SavingDialog):
    def __init__(
        self, parent: QWidget | None, save: Callable[[TierInput], TierRecord], record: TierRecord | None = None
    ) -> None:
        super().__init__(parent, save)
        self.setObjectName("tierDialog")
        self.setWindowTitle(self.tr("Modifier la contrepartie") if record else self.tr("Nouvelle contrepartie"))
        data = record.as_input() if record else TierInput(title="")
        self.title_edit = QLineEdit(data.title)
        self.amount_edit = MoneyField()
        if data.amount_cents:
            self.amount_edit.set_cents(data.amount_cents)
        self.limited_check = QCheckBox(self.tr("Stock limité"))
        self.stock_spin = QSpinBox()
        self.stock_spin.setRange(0, 1_000_000)
        self.limited_check.setChecked(data.stock_limit is not None)
        self.stock_spin.setValue(data.stock_limit or 0)
        self.stock_spin.setEnabled(data.stock_limit is not None)
        self.limited_check.toggled.connect(self.stock_spin.setEnabled)
        self.delivery_edit = DateField()
        self.delivery_edit.set_day(data.estimated_delivery)
        self.description_edit = QPlainTextEdit(data.description)
        self.description_edit.setMinimumHeight(60)
        self.add_field("title", self.tr("Intitulé"), self.title_edit)
        self.add_field("amount_cents", self.tr("Montant"), self.amount_edit)
        self.form.addRow("", self.limited_check)
        self.add_field("stock_limit", self.tr("Stock"), self.stock_spin)
        self.add_field("estimated_delivery", self.tr("Livraison estimée"), self.delivery_edit)
        self.add_field("description", self.tr("Description"), self.description_edit)

    def collect(self) -> TierInput:
        return TierInput(
            title=self.title_edit.text(),
            amount_cents=self.amount_edit.cents("amount_cents"),
            description=self.description_edit.toPlainText(),
            stock_limit=self.stock_spin.value() if self.limited_check.isChecked() else None,
            estimated_delivery=self.delivery_edit.day(),
        )


class ContributionDialog(SavingDialog):
    """A contribution received outside the platform (cheque, cash at a market stall...)."""

    def __init__(
        self, parent: QWidget | None, save: Callable[[ContributionInput], Any], tiers: list[TierRecord]
    ) -> None:
        super().__init__(parent, save)
        self.setObjectName("contributionDialog")
        self.setWindowTitle(self.tr("Ajouter une contribution"))
        self.amount_edit = MoneyField()
        self.day_edit = DateField()
        self.day_edit.set_day(formatting.local_today())
        self.backer_edit = QLineEdit()
        self.backer_edit.setPlaceholderText(self.tr("Nom affiché (facultatif)"))
        self.tier_combo = QComboBox()
        self.tier_combo.addItem(self.tr("Sans contrepartie"), None)
        for tier in tiers:
            self.tier_combo.addItem(f"{tier.title} ({formatting.money(tier.amount_cents)})", tier.id)
        self.status_combo = QComboBox()
        _fill_combo(self.status_combo, [(s.value, s.label()) for s in PaymentStatus], PaymentStatus.VALID.value)
        self.anonymous_check = QCheckBox(self.tr("Contribution anonyme"))
        self.add_field("amount_cents", self.tr("Montant"), self.amount_edit)
        self.add_field("contributed_at", self.tr("Date"), self.day_edit)
        self.add_field("backer_name", self.tr("Contributeur"), self.backer_edit)
        self.add_field("tier_id", self.tr("Contrepartie"), self.tier_combo)
        self.add_field("payment_status", self.tr("Paiement"), self.status_combo)
        self.form.addRow("", self.anonymous_check)

    def collect(self) -> ContributionInput:
        day = self.day_edit.day() or formatting.local_today()
        moment = datetime.combine(day, time(12, 0), tzinfo=formatting.PARIS).astimezone(UTC)
        return ContributionInput(
            amount_cents=self.amount_edit.cents("amount_cents"),
            contributed_at=moment,
            tier_id=self.tier_combo.currentData(),
            payment_status=self.status_combo.currentData(),
            anonymous=self.anonymous_check.isChecked(),
            backer_name=self.backer_edit.text(),
        )
