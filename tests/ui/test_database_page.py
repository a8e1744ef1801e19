"""What every page of the base shares (ui/database_page.DatabasePage), on a real page of the window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from communitydesk.ui import tasks
from communitydesk.ui.database_page import DatabasePage
from communitydesk.ui.events.page import EventsPage
from communitydesk.ui.main_window import MainWindow

WAIT = 30_000


def test_only_the_latest_read_of_a_kind_is_shown(qtbot: QtBot, make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(db_path)
    page = window.show_page("events")
    assert isinstance(page, EventsPage) and isinstance(page, DatabasePage)
    qtbot.waitUntil(lambda: page.rows is not None and not tasks.running_tasks(), timeout=WAIT)
    shown: list[str] = []
    # Both start before the UI thread hears back: the older read of « probe » arrives after the newer began.
    page.read("probe", lambda db, actor: f"older, {actor.name}", shown.append)
    page.read("other", lambda db, actor: "another kind", shown.append)
    page.read("probe", lambda db, actor: f"newer, {db.path.name}", shown.append)
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=WAIT)
    assert sorted(shown) == ["another kind", f"newer, {db_path.name}"]


def test_every_page_of_the_base_shares_one_base(qtbot: QtBot, make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(db_path)
    for key in ("contacts", "campaigns", "editorial", "ambassadors", "events", "documents"):
        page = window.show_page(key)
        assert isinstance(page, DatabasePage), key
        assert page.is_ready() and page.actor is window.database.actor
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)
