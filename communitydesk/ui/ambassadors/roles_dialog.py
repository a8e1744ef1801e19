"""The editable list of roles an ambassador may take (dénicheur, reporter, berger, paparazzi…)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from communitydesk.records.ambassadors import RoleRecord
from communitydesk.ui.campaigns.dialogs import SavingDialog

ROLE_ID = Qt.ItemDataRole.UserRole + 60


class RolesDialog(SavingDialog):
    """The whole list is saved at once by ``save(roles)``, off the UI thread."""

    def __init__(
        self, parent: QWidget | None, save: Callable[[list[RoleRecord]], Any], roles: Sequence[RoleRecord]
    ) -> None:
        super().__init__(parent, save)
        self.setObjectName("rolesDialog")
        self.setWindowTitle(self.tr("Rôles des ambassadeurs"))
        self.resize(620, 380)
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
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.form.addRow(hint)
        self.form.addRow(self.table)
        self.form.addRow(row)

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

    def collect(self) -> list[RoleRecord]:
        return self.roles()
