"""Moving contacts between circles from the contacts page: drop on a ring, Rapprocher/Éloigner;
every move asks why, lands in the history and updates the ring counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from communitydesk.db.database import Database
from communitydesk.services import circle_moves
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.contact_table import COLUMN_KEYS


def setup_people(db: Database, actor: Actor) -> dict[str, int]:
    ids = {}
    for first, circle in [
        ("Agnès", "grand_public"),
        ("Benoît", "grand_public"),
        ("Cécile", "communaute"),
        ("Denis", "proches"),
    ]:
        ids[first] = create_contact(db, actor, ContactInput(first_name=first, last_name="Perrin", circle=circle)).id
    return ids


def open_page(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(
        lambda: page.model.reloads > 0 and not page.model.is_loading() and bool(page.circle_counts), timeout=20000
    )
    return window, page


def row_of(page, first_name: str) -> int:  # type: ignore[no-untyped-def]
    column = COLUMN_KEYS.index("name")
    for row in range(page.model.rowCount()):
        if page.model.data(page.model.index(row, column)).startswith(first_name):
            return row
    raise AssertionError(first_name)


def select(page, first_name: str) -> None:  # type: ignore[no-untyped-def]
    """Select one contact's row, as a plain click does (whatever modifier Qt thinks is still held)."""
    from PySide6.QtCore import QItemSelectionModel

    index = page.model.index(row_of(page, first_name), 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().setCurrentIndex(index, flags)
    assert page.table.selected_rows() == [index.row()]


def drop_on_ring(page, rows: list[int], circle: str) -> None:  # type: ignore[no-untyped-def]
    """What the mouse does at the end of a drag from the table onto a ring."""
    mime = page.model.mimeData([page.model.index(row, 0) for row in rows])
    position = QPointF(page.rings.ring_point(circle))
    event = QDropEvent(
        position, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.rings.dropEvent(event)
    assert event.isAccepted()


def test_drop_on_a_ring_asks_why_moves_and_updates_counts(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = setup_people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    assert page.rings.counts == {"proches": 1, "communaute": 1, "grand_public": 2}

    drop_on_ring(page, [row_of(page, "Agnès"), row_of(page, "Benoît")], "proches")
    dialog = page.move_dialog
    assert dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no move without a reason
    qtbot.keyClicks(dialog.reason.lineEdit(), "Atelier monte ensemble")
    assert ok.isEnabled()
    with qtbot.waitSignal(page.moved, timeout=10000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.rings.counts == {"proches": 3, "communaute": 1, "grand_public": 0}, timeout=10000)

    history = circle_moves.history(db, actor, ids["Agnès"])
    assert [(m.from_circle, m.to_circle) for m in history] == [(None, "grand_public"), ("grand_public", "proches")]
    assert history[-1].reason == "Atelier monte ensemble"
    assert history[-1].moved_by == actor.name
    assert get_contact(db, actor, ids["Benoît"]).data.circle == "proches"
    circle = COLUMN_KEYS.index("circle")
    qtbot.waitUntil(
        lambda: page.model.data(page.model.index(row_of(page, "Agnès"), circle)) == "Proches", timeout=10000
    )


def test_cancelled_reason_moves_nobody(qtbot, make_window, db_path: Path, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    ids = setup_people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    drop_on_ring(page, [row_of(page, "Agnès")], "communaute")
    page.move_dialog.reject()
    QApplication.processEvents()
    assert get_contact(db, actor, ids["Agnès"]).data.circle == "grand_public"
    assert len(circle_moves.history(db, actor, ids["Agnès"])) == 1


def test_rapprocher_and_eloigner_with_the_keyboard(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = setup_people(db, actor)
    window, page = open_page(qtbot, make_window, db_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    select(page, "Cécile")
    assert page.inward_button.isEnabled()

    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # Rapprocher
    qtbot.waitUntil(lambda: getattr(page, "move_dialog", None) is not None and page.move_dialog.isVisible())
    assert page.move_dialog.windowTitle() == "Rapprocher"
    page.move_dialog.set_text("Bénévole fidèle")
    with qtbot.waitSignal(page.moved, timeout=10000):
        page.move_dialog.accept()
    assert get_contact(db, actor, ids["Cécile"]).data.circle == "proches"
    qtbot.waitUntil(lambda: page.rings.counts == {"proches": 2, "communaute": 0, "grand_public": 2}, timeout=10000)

    # Already in the innermost circle: the user is told, nothing changes.
    select(page, "Denis")
    dialog = page.ask_move_by(inward=True)
    assert dialog is not None
    dialog.set_text("Encore plus proche")
    dialog.accept()
    qtbot.waitUntil(
        lambda: any(box.objectName() == "errorMessage" and box.isVisible() for box in QApplication.topLevelWidgets()),
        timeout=10000,
    )
    box = next(b for b in QApplication.topLevelWidgets() if b.objectName() == "errorMessage" and b.isVisible())
    assert "déjà dans le cercle le plus proche" in box.text()
    box.close()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    select(page, "Denis")
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # Éloigner
    qtbot.waitUntil(lambda: page.move_dialog.isVisible() and page.move_dialog.windowTitle() == "Éloigner")
    page.move_dialog.set_text("Déménagé loin")
    with qtbot.waitSignal(page.moved, timeout=10000):
        page.move_dialog.accept()
    history = circle_moves.history(db, actor, ids["Denis"])
    assert [(m.from_circle, m.to_circle, m.reason) for m in history[1:]] == [("proches", "communaute", "Déménagé loin")]
