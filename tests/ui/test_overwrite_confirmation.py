"""No export overwrites a file in silence: the pre-filled name of the export dialog, or an
extension added after Qt's save dialog, gets the one question « … existe déjà … Le remplacer ? »."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from communitydesk.ui.widgets.save_target import choose_save_target, confirm_replace


def answer_replace_question(answer: str, seen: list[str]) -> None:
    """Click ``answer`` in the replace question as soon as it shows (it is modal)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "replaceQuestion":
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == answer]
        button.click()

    QTimer.singleShot(0, click)


def test_the_export_dialog_asks_before_replacing_its_pre_filled_file(
    qtbot, make_window, populated_db: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.export_dialog
    target = tmp_path / "contacts.csv"
    target.write_text("les relances de mars", encoding="utf-8")
    dialog.path.setText(str(target))

    seen: list[str] = []
    answer_replace_question("Annuler", seen)
    assert dialog.export() is None
    assert seen == [f"« contacts.csv » existe déjà dans {tmp_path}.\nLe remplacer ?"]
    assert target.read_text(encoding="utf-8") == "les relances de mars"

    answer_replace_question("Remplacer", seen)
    task = dialog.export()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    dialog.reject()


def test_a_file_picked_in_the_save_dialog_is_not_asked_twice(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    existing = tmp_path / "annuaire.pdf"
    existing.write_bytes(b"%PDF")
    picked = [str(existing)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: (picked.pop(), "PDF")))
    # Qt's own dialog asked about this very name: no second question.
    assert choose_save_target(parent, "Enregistrer", existing, "PDF (*.pdf)", suffix=".pdf") == (existing, "PDF")

    # The name typed without its extension: the one with it exists, so the same question.
    picked.append(str(tmp_path / "annuaire"))
    seen: list[str] = []
    answer_replace_question("Annuler", seen)
    assert choose_save_target(parent, "Enregistrer", existing, "PDF (*.pdf)", suffix=".pdf") is None
    assert seen == [f"« annuaire.pdf » existe déjà dans {tmp_path}.\nLe remplacer ?"]
    assert confirm_replace(parent, tmp_path / "nouveau.pdf")  # nothing to replace: nothing asked
