"""« Profils et droits » (Administrateur): the profiles of the base and the rights of each role.

Everything goes through services.profiles in the background (audited there); the last
administrator cannot be removed or demoted (the service refuses and says so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from communitydesk.records.profiles import ProfileRecord
from communitydesk.rules.yes_no import yes_no_label
from communitydesk.services.permissions import Action, Role, action_label
from communitydesk.ui.tasks import Task, TaskContext, run_in_background

if TYPE_CHECKING:
    from communitydesk.ui.current_database import CurrentDatabase

# The rights as the grid lists them (an Enum's iteration skips aliases such as READ).
GRID_ACTIONS = list(Action)


class PasswordDialog(QDialog):
    """A name (when adding), a role (when adding) and a password typed twice."""

    def __init__(self, title: str, parent: QWidget | None = None, *, adding: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("profilePasswordDialog")
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setObjectName("profileName")
        self.role = QComboBox()
        self.role.setObjectName("profileRole")
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.password = QLineEdit()
        self.password.setObjectName("profilePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("profilePasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B3261E;")
        self.message.setWordWrap(True)
        if adding:
            form.addRow(self.tr("Nom du profil"), self.name)
            form.addRow(self.tr("Rôle"), self.role)
        form.addRow(self.tr("Mot de passe"), self.password)
        form.addRow(self.tr("Encore une fois"), self.again)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def check(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("Les deux mots de passe diffèrent."))
            return
        self.accept()


class ProfilesDialog(QDialog):
    """Two tabs: the profiles, and the grid of rights per role."""

    loaded = Signal()
    changed = Signal()

    def __init__(self, database: CurrentDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilesDialog")
        self.setWindowTitle(self.tr("Profils et droits"))
        self.resize(820, 560)
        self.database = database
        self.records: list[ProfileRecord] = []
        self.rights: dict[Role, frozenset[Action]] = {}
        self.last_task: Task | None = None

        tabs = QTabWidget()
        tabs.addTab(self._profiles_tab(), self.tr("Profils"))
        tabs.addTab(self._rights_tab(), self.tr("Droits par rôle"))
        self.message = QLabel()
        self.message.setObjectName("profilesMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addLayout(bottom)
        self.load()

    # -- building ---------------------------------------------------------------------------

    def _profiles_tab(self) -> QWidget:
        tab = QWidget()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("profilesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Profil"), self.tr("Rôle"), self.tr("Mot de passe"), self.tr("Code PIN")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Ajouter…"))
        self.add_button.setObjectName("addProfileButton")
        self.add_button.clicked.connect(self.ask_add)
        self.rename_button = QPushButton(self.tr("Renommer…"))
        self.rename_button.setObjectName("renameProfileButton")
        self.rename_button.clicked.connect(self.ask_rename)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleCombo")
        for role in Role:
            self.role_combo.addItem(role.label, role.value)
        self.role_button = QPushButton(self.tr("Changer le rôle"))
        self.role_button.setObjectName("changeRoleButton")
        self.role_button.clicked.connect(lambda: self.change_role(Role(self.role_combo.currentData())))
        self.password_button = QPushButton(self.tr("Nouveau mot de passe…"))
        self.password_button.setObjectName("resetPasswordButton")
        self.password_button.clicked.connect(self.ask_password)
        self.delete_button = QPushButton(self.tr("Supprimer…"))
        self.delete_button.setObjectName("deleteProfileButton")
        self.delete_button.clicked.connect(self.ask_delete)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.rename_button, self.role_combo, self.role_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        return tab

    def _rights_tab(self) -> QWidget:
        tab = QWidget()
        roles = list(Role)
        self.grid = QTableWidget(len(GRID_ACTIONS), len(roles))
        self.grid.setObjectName("rightsGrid")
        self.grid.setHorizontalHeaderLabels([role.label for role in roles])
        self.grid.setVerticalHeaderLabels([action_label(action) for action in GRID_ACTIONS])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row in range(len(GRID_ACTIONS)):
            for column, role in enumerate(roles):
                item = QTableWidgetItem()
                flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                if role is Role.ADMIN:  # every right, always: someone must manage profiles
                    flags = Qt.ItemFlag.NoItemFlags
                    item.setToolTip(self.tr("Un administrateur a tous les droits."))
                item.setFlags(flags)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.grid.setItem(row, column, item)
        note = QLabel(self.tr("Les changements valent pour chaque profil du rôle à sa prochaine connexion."))
        note.setStyleSheet("color: #666;")
        self.save_rights_button = QPushButton(self.tr("Enregistrer les droits"))
        self.save_rights_button.setObjectName("saveRightsButton")
        self.save_rights_button.clicked.connect(self.save_rights)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.save_rights_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        return tab

    # -- reading ----------------------------------------------------------------------------

    def load(self) -> Task:
        database, actor = self.database, self.database.actor

        def work(_ctx: TaskContext) -> tuple[list[ProfileRecord], dict[Role, frozenset[Action]]]:
            from communitydesk.services import profiles

            db = database.database()
            return profiles.profiles(db, actor), profiles.role_rights(db, actor)

        self.last_task = run_in_background(self, work, on_success=self._fill, on_failure=self._error)
        return self.last_task

    def _fill(self, found: tuple[list[ProfileRecord], dict[Role, frozenset[Action]]]) -> None:
        chosen = self.chosen()
        self.records, self.rights = found
        yes, no = yes_no_label(True), yes_no_label(False)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            values = [record.name, Role(record.role).label, yes if record.has_password else no]
            values.append(yes if record.has_pin else no)
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if record.name == chosen:
                self.table.selectRow(row)
        for column, role in enumerate(Role):
            for row, action in enumerate(GRID_ACTIONS):
                has = action in self.rights.get(role, frozenset())
                self._cell(row, column).setCheckState(Qt.CheckState.Checked if has else Qt.CheckState.Unchecked)
        self._selection_changed()
        self.loaded.emit()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.grid.item(row, column)
        assert item is not None
        return item

    def chosen(self) -> str:
        row = self.table.currentRow()
        return self.records[row].name if 0 <= row < len(self.records) and self.table.selectedItems() else ""

    def choose(self, name: str) -> None:
        for row, record in enumerate(self.records):
            if record.name == name:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        name = self.chosen()
        for button in (self.rename_button, self.role_button, self.password_button, self.delete_button):
            button.setEnabled(bool(name))
        record = next((record for record in self.records if record.name == name), None)
        if record is not None:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(record.role)))

    # -- changing -----------------------------------------------------------------------------

    def _change(self, work: Callable[[Any], object], done: str) -> Task:
        """Run one change (``work(db)``) in the background, then read everything again."""
        database = self.database

        def run(_ctx: TaskContext) -> object:
            return work(database.database())

        def succeeded(_result: object) -> None:
            self._say(done)
            self.changed.emit()
            self.load()

        self.last_task = run_in_background(self, run, on_success=succeeded, on_failure=self._error)
        return self.last_task

    def add(self, name: str, role: Role, password: str) -> Task:
        from communitydesk.services import profiles

        actor = self.database.actor
        return self._change(
            lambda db: profiles.add_profile(db, actor, name, role, password or None),
            self.tr("Profil « {name} » ajouté.").format(name=name),
        )

    def rename(self, name: str, new_name: str) -> Task:
        from communitydesk.services import profiles

        actor = self.database.actor
        return self._change(
            lambda db: profiles.rename_profile(db, actor, name, new_name),
            self.tr("Profil renommé : « {name} ».").format(name=new_name),
        )

    def change_role(self, role: Role) -> Task | None:
        from communitydesk.services import profiles

        name, actor = self.chosen(), self.database.actor
        if not name:
            return None
        return self._change(
            lambda db: profiles.change_role(db, actor, name, role),
            self.tr("« {name} » est maintenant {role}.").format(name=name, role=role.label),
        )

    def reset_password(self, name: str, password: str) -> Task:
        from communitydesk.services import profiles

        actor = self.database.actor
        return self._change(
            lambda db: profiles.set_password(db, actor, name, password),
            self.tr("Nouveau mot de passe enregistré pour « {name} ».").format(name=name),
        )

    def delete(self, name: str) -> Task:
        from communitydesk.services import profiles

        actor = self.database.actor
        return self._change(
            lambda db: profiles.delete_profile(db, actor, name),
            self.tr("Profil « {name} » supprimé.").format(name=name),
        )

    def save_rights(self) -> Task:
        """Every role's row of the grid (the Administrateur's is fixed), saved through the service."""
        from communitydesk.services import profiles

        actor = self.database.actor
        wanted: dict[Role, set[Action]] = {}
        for column, role in enumerate(Role):
            if role is Role.ADMIN:
                continue
            wanted[role] = {
                action
                for row, action in enumerate(GRID_ACTIONS)
                if self._cell(row, column).checkState() == Qt.CheckState.Checked
            }
        changed = {role: rights for role, rights in wanted.items() if frozenset(rights) != self.rights.get(role)}

        def save(db: Any) -> None:
            for role, rights in changed.items():
                profiles.set_role_rights(db, actor, role, rights)

        return self._change(save, self.tr("Droits enregistrés."))

    # -- asking -------------------------------------------------------------------------------

    def ask_add(self) -> None:
        dialog = PasswordDialog(self.tr("Ajouter un profil"), self, adding=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add(dialog.name.text(), Role(dialog.role.currentData()), dialog.password.text())

    def ask_rename(self) -> None:
        name = self.chosen()
        new_name, ok = QInputDialog.getText(self, self.tr("Renommer le profil"), self.tr("Nouveau nom"), text=name)
        if ok and new_name and new_name != name:
            self.rename(name, new_name)

    def ask_password(self) -> None:
        name = self.chosen()
        dialog = PasswordDialog(self.tr("Nouveau mot de passe pour « {name} »").format(name=name), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reset_password(name, dialog.password.text())

    def ask_delete(self) -> None:
        name = self.chosen()
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer le profil"),
            self.tr("Supprimer le profil « {name} » ? Ses entrées du journal restent.").format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(name)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B3261E; font-weight: 600;" if error else "color: #2E6B5E;")

    def _error(self, message: str) -> None:
        self._say(message, error=True)
