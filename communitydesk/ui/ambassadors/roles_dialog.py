"""The editable list of roles an ambassador may take (dénicheur, reporter, berger, paparazzi…)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from communitydesk.records.ambassadors import RoleRecord
from communitydesk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from communitydesk.db.database import Database

ROLE_ID = Qt.ItemDataRole.UserRole + 60


class RolesDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, database: Callable[[], Database], actor: Any, roles: Sequence[RoleRecord]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rolesDialog")
        self.setWindowTitle(self.tr("Rôles des ambassadeurs"))
        self.resize(620, 380)
        self._database = database
        self._actor = actor
        hint = QLabel(
            QCoreApplication.translate(
                "RolesDialog",
                "Les rôles qu'un ambassadeur peut prendre, avec une ligne pour dire ce qu'on attend de lui. "
                "Un rôle retiré l'est aussi des ambassadeurs qui l'avaient.",
            )
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("rolesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Rôle"), self.tr("Description")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for role in roles:
            self.add_role(role.name, role.description, role.id)
        add = QPushButton(self.tr("Ajouter un rôle"))
        add.setObjectName("addRoleButton")
        add.clicked.connect(lambda: self.add_role("", "", None, edit=True))
        remove = QPushButton(self.tr("Retirer"))
        remove.setObjectName("removeRoleButton")
        remove.clicked.connect(self.remove_selected)
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
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def add_role(self, name: str, description: str, role_id: int | None, *, edit: bool = False) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(ROLE_ID, role_id)
        self.table.setItem(row, 0, name_item)
        self.table.setItem(row, 1, QTableWidgetItem(description))
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(name_item)
        return row

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def roles(self) -> list[RoleRecord]:
        found = []
        for row in range(self.table.rowCount()):
            name, description = self.table.item(row, 0), self.table.item(row, 1)
            assert name is not None
            role_id = name.data(ROLE_ID)
            found.append(
                RoleRecord(
                    int(role_id) if role_id is not None else None,
                    name.text().strip(),
                    description.text().strip() if description else "",
                    row,
                )
            )
        return found

    def accept(self) -> None:
        from communitydesk.services import ambassador_roles

        roles, actor = self.roles(), self._actor
        self.buttons.setEnabled(False)

        def failed(message: str) -> None:
            self.buttons.setEnabled(True)
            self.error_label.setText(message)
            self.error_label.show()

        def saved(_result: object) -> None:
            self.buttons.setEnabled(True)
            super(RolesDialog, self).accept()

        run_in_background(
            self,
            lambda _ctx: ambassador_roles.save_roles(self._database(), actor, roles),
            on_success=saved,
            on_failure=failed,
        )
