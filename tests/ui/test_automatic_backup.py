"""The open base gets its rotating automatic backup in the background, once per opened base."""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.backup import list_backups


def test_an_opened_base_is_backed_up_once_in_the_background(qtbot, make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    database = window.database
    assert list_backups(db_path) == []
    task = database.back_up_automatically()
    assert task is not None
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=15000)
    qtbot.waitUntil(lambda: "Sauvegarde automatique faite" in window.statusBar().currentMessage(), timeout=5000)
    assert database.back_up_automatically() is None  # once per opened base
    assert list_backups(db_path)[0].name.startswith("auto-")


def test_the_demo_base_is_not_backed_up(qtbot, make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    window.database.demo = True
    assert window.database.back_up_automatically() is None
