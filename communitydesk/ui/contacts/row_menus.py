"""A right-click menu for the small tables of the contacts area (duplicate pairs, a contact's
contributions): the row is selected, then the buttons that act on it are offered, and its
text can be copied."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu, QPushButton


def row_menu(view: QAbstractItemView, row: int, buttons: Sequence[QPushButton] = ()) -> QMenu:
    """The menu of ``row``: each button (same words, same enabled state), then « Copier la ligne »."""
    menu = QMenu(view)
    menu.setObjectName("rowMenu")
    for button in buttons:
        action = menu.addAction(button.text())
        action.setObjectName(f"{button.objectName()}Action")
        action.setEnabled(button.isEnabled() and button.isVisible())
        action.triggered.connect(button.click)
    if buttons:
        menu.addSeparator()
    copy = menu.addAction(QCoreApplication.translate("RowMenu", "Copier la ligne"))
    copy.setObjectName("copyRowAction")
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(row_text(view, row)))
    return menu


def row_text(view: QAbstractItemView, row: int) -> str:
    model = view.model()
    cells = (model.index(row, column).data() for column in range(model.columnCount()))
    return "\t".join(str(cell) for cell in cells if cell not in (None, ""))


def add_row_menu(view: QAbstractItemView, buttons: Sequence[QPushButton] = ()) -> None:
    """Give ``view`` its row menu; a right click first selects the row under the mouse."""

    def show(position: QPoint) -> None:
        row = view.indexAt(position).row()
        if row < 0:
            return
        view.setCurrentIndex(view.model().index(row, 0))
        row_menu(view, row, buttons).popup(view.viewport().mapToGlobal(position))

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(show)
