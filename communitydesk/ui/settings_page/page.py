"""Paramètres: language (this computer), organisation identity, circle rhythms, backups kept.

The language is a per-computer preference (:class:`~communitydesk.ui.settings.UiSettings`);
everything else belongs to the database and goes through ``services.settings`` in a
background task (the first one opens the ORM, which takes a second or two).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.services.permissions import Action
from communitydesk.ui.current_database import DatabaseState
from communitydesk.ui.tasks import Task, TaskContext, run_in_background
from communitydesk.ui.widgets.page_layout import page_title, scrolling_content
from communitydesk.ui.widgets.rights import guard

if TYPE_CHECKING:
    from communitydesk.services.settings import DatabaseSettings
    from communitydesk.ui.main_window import PageContext

LANGUAGES = (("fr", "Français"), ("en", "English"))  # each in its own language, on purpose


class ColourButton(QPushButton):
    """Shows a colour and lets the user pick another."""

    colour_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = "#000000"
        self.clicked.connect(self._choose)

    def set_colour(self, colour: str) -> None:
        self.colour = colour.upper()
        text = QColor(colour)
        foreground = "#000000" if text.lightness() > 140 else "#FFFFFF"
        self.setText(self.colour)
        self.setStyleSheet(f"background: {self.colour}; color: {foreground}; padding: 4px 14px;")
        self.colour_changed.emit(self.colour)

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Choisir une couleur"))
        if chosen.isValid():
            self.set_colour(chosen.name())


class SettingsPage(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.database = context.database
        self.settings = context.settings
        self.loaded_values: DatabaseSettings | None = None
        self.last_task: Task | None = None
        self._field_widgets: dict[str, QWidget] = {}

        content = QWidget()
        layout = scrolling_content(self, content, spacing=14)
        title = page_title(self.tr("Paramètres"))
        layout.addWidget(title)
        layout.addWidget(self._language_group())
        self.database_groups = QWidget()
        database_layout = QVBoxLayout(self.database_groups)
        database_layout.setContentsMargins(0, 0, 0, 0)
        database_layout.setSpacing(14)
        database_layout.addWidget(self._organisation_group())
        database_layout.addWidget(self._rhythm_group())
        database_layout.addWidget(self._backup_group())
        database_layout.addWidget(self._ambassadors_group())
        layout.addWidget(self.database_groups)

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Annuler les modifications"))
        self.revert_button.clicked.connect(self.revert)
        # The buttons stay in view below the scrolling form, with the outcome beside them.
        button_bar = QFrame()
        button_bar.setObjectName("settingsButtons")
        button_bar.setStyleSheet("QFrame#settingsButtons { border-top: 1px solid #dddad2; }")
        buttons = QHBoxLayout(button_bar)
        buttons.setContentsMargins(28, 10, 28, 10)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer = self.layout()  # the page's own, around the scroll area
        assert outer is not None
        outer.addWidget(button_bar)
        layout.addStretch(1)
        content.setMaximumWidth(900)

        self.database.changed.connect(self._database_changed)
        self._database_changed()

    # -- building ---------------------------------------------------------------------------

    def _language_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Cet ordinateur"))
        form = QFormLayout(group)
        self.language = QComboBox()
        self.language.setMaximumWidth(220)
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        note = QLabel(self.tr("La nouvelle langue s'applique au prochain démarrage de CommunityDesk."))
        note.setStyleSheet("color: #666;")
        note.setWordWrap(True)
        form.addRow(self.tr("Langue de l'interface"), self.language)
        form.addRow("", note)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("lockMinutes")
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setMaximumWidth(160)
        self.lock_minutes.setSuffix(self.tr(" minutes"))
        self.lock_minutes.setValue(self.settings.lock_minutes)
        form.addRow(self.tr("Verrouiller après"), self.lock_minutes)
        lock_note = QLabel(
            self.tr("Sans clavier ni souris pendant ce temps, une base protégée par mot de passe se verrouille.")
        )
        lock_note.setStyleSheet("color: #666;")
        lock_note.setWordWrap(True)
        form.addRow("", lock_note)
        return group

    def _organisation_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Organisation (imprimée sur les documents)"))
        form = QFormLayout(group)
        self.org_name = QLineEdit()
        self.org_name.setPlaceholderText(self.tr("nom de votre association, coopérative ou entreprise"))
        self.legal_id = QLineEdit()
        self.legal_id.setPlaceholderText(self.tr("SIRET (14 chiffres) ou RNA (W123456789)"))
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.website = QLineEdit()
        self.website.setPlaceholderText("https://")
        self.org_email = QLineEdit()
        self.org_email.setObjectName("organisationEmail")
        self.org_email.setPlaceholderText(self.tr("imprimé sur les cartes de contact du kit d'événement"))
        self.primary_colour = ColourButton()
        self.secondary_colour = ColourButton()
        self.logo_path = QLineEdit()
        self.logo_path.setPlaceholderText(self.tr("aucun logo"))
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(28, 28)
        self.logo_path.textChanged.connect(self._preview_logo)
        choose_logo = QPushButton(self.tr("Choisir…"))
        choose_logo.clicked.connect(self._choose_logo)
        clear_logo = QPushButton(self.tr("Retirer"))
        clear_logo.clicked.connect(self.logo_path.clear)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_path, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(clear_logo)
        logo_row.addWidget(self.logo_preview)
        colours = QHBoxLayout()
        colours.addWidget(QLabel(self.tr("principale")))
        colours.addWidget(self.primary_colour)
        colours.addSpacing(16)
        colours.addWidget(QLabel(self.tr("secondaire")))
        colours.addWidget(self.secondary_colour)
        colours.addStretch(1)
        form.addRow(self.tr("Nom"), self.org_name)
        form.addRow(self.tr("SIRET ou RNA"), self.legal_id)
        form.addRow(self.tr("Adresse"), self.address)
        form.addRow(self.tr("Site web"), self.website)
        form.addRow(self.tr("E-mail de contact"), self.org_email)
        form.addRow(self.tr("Couleurs"), colours)
        form.addRow(self.tr("Logo"), logo_row)
        self._field_widgets.update(
            {
                "name": self.org_name,
                "legal_id": self.legal_id,
                "address": self.address,
                "website": self.website,
                "email": self.org_email,
                "primary_colour": self.primary_colour,
                "secondary_colour": self.secondary_colour,
                "logo_path": self.logo_path,
            }
        )
        return group

    def _rhythm_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Rythme des cercles"))
        form = QFormLayout(group)
        explanation = QLabel(
            QCoreApplication.translate(
                "SettingsPage",
                "Un contact sans échange depuis plus longtemps que le rythme de son cercle "
                "sera signalé « à relancer ».",
            )
        )
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #666;")
        form.addRow(explanation)
        self.rhythm: dict[str, QSpinBox] = {}
        for circle in CIRCLE_ORDER:
            spin = QSpinBox()
            spin.setObjectName(f"rhythm_{circle.value}")
            spin.setRange(1, 3650)
            spin.setMaximumWidth(160)
            spin.setSuffix(self.tr(" jours"))
            self.rhythm[circle.value] = spin
            self._field_widgets[f"rhythm.{circle.value}"] = spin
            form.addRow(circle_label(circle), spin)
        return group

    def _backup_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sauvegardes"))
        form = QFormLayout(group)
        self.backup_keep = QSpinBox()
        self.backup_keep.setObjectName("backupKeep")
        self.backup_keep.setRange(1, 500)
        self.backup_keep.setMaximumWidth(160)
        self._field_widgets["backup_keep"] = self.backup_keep
        form.addRow(self.tr("Sauvegardes automatiques conservées"), self.backup_keep)
        note = QLabel(
            QCoreApplication.translate(
                "SettingsPage",
                "Une sauvegarde est faite avant chaque mise à jour de la base ; "
                "les plus anciennes au-delà de ce nombre sont supprimées.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form.addRow("", note)
        return group

    def _ambassadors_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Programme ambassadeurs"))
        form = QFormLayout(group)
        self.referral_base_url = QLineEdit()
        self.referral_base_url.setObjectName("referralBaseUrl")
        self.referral_base_url.setPlaceholderText("https://www.exemple.org/rejoindre?parrain=")
        self._field_widgets["referral_base_url"] = self.referral_base_url
        form.addRow(self.tr("Adresse de parrainage"), self.referral_base_url)
        note = QLabel(
            QCoreApplication.translate(
                "SettingsPage",
                "Le code de chaque ambassadeur est ajouté à la fin de cette adresse, ou mis à la place de {code} "
                "s'il y figure : c'est le lien qu'il partage.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form.addRow("", note)
        return group

    # -- loading ----------------------------------------------------------------------------

    def _database_changed(self) -> None:
        ready = self.database.state is DatabaseState.READY
        guard(self.lock_minutes, self.database.actor, Action.EDIT_SETTINGS)
        self.database_groups.setEnabled(False)
        self.revert_button.setEnabled(False)
        if ready:
            self.load()
        elif self.database.state is DatabaseState.OPENING:
            self._say(self.tr("Ouverture de la base…"))
        else:
            self._say(self.tr("Aucune base n'est ouverte : seule la langue peut être changée."))

    def load(self) -> Task:
        """Read the database's settings in the background, then fill the form."""
        self._say(self.tr("Chargement des paramètres…"))
        database, actor = self.database, self.database.actor

        def work(_ctx: TaskContext) -> DatabaseSettings:
            from communitydesk.services.settings import read_database_settings

            return read_database_settings(database.database(), actor)

        self.last_task = run_in_background(self, work, on_success=self._fill, on_failure=self._error)
        return self.last_task

    def _fill(self, values: DatabaseSettings) -> None:
        self.loaded_values = values
        org = values.organisation
        self.org_name.setText(org.name)
        self.legal_id.setText(org.legal_id)
        self.address.setPlainText(org.address)
        self.website.setText(org.website)
        self.org_email.setText(org.email)
        self.primary_colour.set_colour(org.primary_colour)
        self.secondary_colour.set_colour(org.secondary_colour)
        self.logo_path.setText(org.logo_path)
        for circle, spin in self.rhythm.items():
            spin.setValue(values.rhythm_days[circle])
        self.backup_keep.setValue(values.backup_keep)
        self.referral_base_url.setText(values.referral_base_url)
        self.database_groups.setEnabled(True)
        guard(self.database_groups, self.database.actor, Action.EDIT_SETTINGS)
        self.revert_button.setEnabled(True)
        self._shown_values = self.form_values()  # as the widgets hold them: what « unchanged » means
        self._say("")
        self.loaded.emit()

    def has_unsaved_changes(self) -> bool:
        if self.language.currentData() != self.settings.language:
            return True
        shown = getattr(self, "_shown_values", None)
        return self.loaded_values is not None and shown is not None and self.form_values() != shown

    def ask_before_leaving(self, then: Callable[[], None]) -> bool:
        """True when the page may be left now. Otherwise asks (Enregistrer / Ne pas
        enregistrer / Annuler) without blocking, calls ``then`` once the changes are saved
        or dropped, and returns False."""
        if not self.has_unsaved_changes():
            return True
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Paramètres modifiés"),
            self.tr("Les paramètres ont été modifiés. Enregistrer les modifications ?"),
            QMessageBox.StandardButton.NoButton,
            self.window(),
        )
        box.setObjectName("unsavedSettings")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        save = box.addButton(self.tr("Enregistrer"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("Ne pas enregistrer"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(stay)

        def answered(button: object) -> None:
            if button is save:
                task = self.save()
                if task is None:
                    then()
                else:
                    task.succeeded.connect(lambda _saved: then())  # a refusal keeps the page open
            elif button is drop:
                self.revert()
                then()

        box.buttonClicked.connect(answered)
        box.open()
        self.unsaved_question = box
        return False

    def revert(self) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.lock_minutes.setValue(self.settings.lock_minutes)
        if self.loaded_values is not None:
            self._fill(self.loaded_values)

    # -- saving -----------------------------------------------------------------------------

    def form_values(self) -> DatabaseSettings:
        from communitydesk.services.settings import DatabaseSettings, Organisation

        base = self.loaded_values.organisation if self.loaded_values else Organisation()
        organisation = Organisation(
            name=self.org_name.text(),
            legal_id=self.legal_id.text(),
            website=self.website.text(),
            email=self.org_email.text(),
            address=self.address.toPlainText(),
            logo_path=self.logo_path.text(),
            primary_colour=self.primary_colour.colour,
            secondary_colour=self.secondary_colour.colour,
            extra=dict(base.extra),
        )
        return DatabaseSettings(
            organisation=organisation,
            rhythm_days={circle: spin.value() for circle, spin in self.rhythm.items()},
            backup_keep=self.backup_keep.value(),
            referral_base_url=self.referral_base_url.text(),
        )

    def save(self) -> Task | None:
        """Save the language now, and the database's settings in the background."""
        language_changed = self.language.currentData() != self.settings.language
        self.settings.language = str(self.language.currentData())
        if self.lock_minutes.isEnabled():
            self.settings.lock_minutes = self.lock_minutes.value()
            self.context.window.session.apply_lock_delay()
        self.settings.sync()
        language_note = self.tr("La langue changera au prochain démarrage.") if language_changed else ""
        if self.loaded_values is None or not self.database_groups.isEnabled():
            if self.loaded_values is None:
                alone = self.tr("Aucune base n'est ouverte : seule la langue a été enregistrée.")
            else:
                alone = self.tr("Préférences de cet ordinateur enregistrées.")
            self._say(language_note or alone)
            self.saved.emit()
            return None
        values, database, actor = self.form_values(), self.database, self.database.actor

        def work(_ctx: TaskContext) -> DatabaseSettings:
            from communitydesk.services.settings import save_database_settings

            return save_database_settings(database.database(), actor, values)

        def done(saved: DatabaseSettings) -> None:
            self._fill(saved)
            self._say(" ".join(filter(None, [self.tr("Paramètres enregistrés."), language_note])))
            self.saved.emit()

        def failed(message: str) -> None:
            self.save_button.setEnabled(True)
            self._error(message)
            error: Any = task.error
            widget = self._field_widgets.get(getattr(error, "field", None) or "")
            if widget is not None:
                widget.setFocus()

        self.save_button.setEnabled(False)
        self._say(self.tr("Enregistrement…"))
        task = run_in_background(self, work, on_success=done, on_failure=failed)
        task.finished.connect(lambda: self.save_button.setEnabled(True))
        self.last_task = task
        return task

    # -- helpers ----------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B3261E; font-weight: 600;" if error else "color: #2E6B5E;")

    def _error(self, message: str) -> None:
        self._say(message, error=True)

    def _choose_logo(self) -> None:
        start = self.logo_path.text() or str(self.settings.last_folder or "")
        filename, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choisir le logo"), start, self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if filename:
            self.logo_path.setText(filename)

    def _preview_logo(self, path: str) -> None:
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.clear()
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(28, 28, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
