"""Where an export or a save writes: the one way to choose the file, and the one question
before replacing one.

Qt's save dialog asks before replacing the name picked in it; a name the dialog never
saw (the export dialog's pre-filled path, an extension added after the dialog) gets the
same question here, in the same words, so that nothing is overwritten in silence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def replace_question(target: Path) -> str:
    return QCoreApplication.translate("save_target", "« {name} » existe déjà dans {folder}.\nLe remplacer ?").format(
        name=target.name, folder=target.parent
    )


def confirm_replace(parent: QWidget | None, target: Path) -> bool:
    """True when ``target`` does not exist yet, or the user chose to replace it."""
    if not target.exists():
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("save_target", "Remplacer le fichier ?"),
        replace_question(target),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("replaceQuestion")
    replace = box.addButton(QCoreApplication.translate("save_target", "Remplacer"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(QCoreApplication.translate("save_target", "Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


def choose_save_target(
    parent: QWidget | None, title: str, suggested: Path, filters: str, selected_filter: str = "", *, suffix: str = ""
) -> tuple[Path, str] | None:
    """The file the user picks in Qt's save dialog (which asks before replacing it), with
    ``suffix`` added when the typed name has none; None when they give up. When the suffix
    makes another name that exists, the same question is asked here."""
    if selected_filter:
        filename, chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), filters, selected_filter)
    else:
        filename, chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    if not filename:
        return None
    target = Path(filename)
    if suffix and target.suffix.lower() != suffix.lower():
        target = target.with_name(target.name + suffix)
        if not confirm_replace(parent, target):
            return None
    return target, chosen
