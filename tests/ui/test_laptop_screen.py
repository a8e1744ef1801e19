"""On a 1366×768 laptop the first window fits with its status bar, and the contacts list
shows Nom, Cercle, À relancer and Dernier contact without scrolling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize

from communitydesk.ui.contacts.contact_table import COLUMN_KEYS, FIRST_COLUMNS
from communitydesk.ui.main_window import default_size


def test_the_first_window_fits_a_laptop_screen() -> None:
    # 1366×768 less a 40-pixel task bar; the title bar and borders are left room too.
    size = default_size(QSize(1366, 728))
    assert size.width() <= 1366 - 16 and size.height() + 48 <= 728
    assert default_size(QSize(2560, 1400)) == QSize(1200, 780)  # a large screen: the usual size


def test_the_columns_that_matter_show_without_scrolling(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    window.resize(default_size(QSize(1366, 728)))
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    qtbot.wait(50)
    header = page.table.horizontalHeader()
    assert [COLUMN_KEYS[header.logicalIndex(visual)] for visual in range(4)] == list(FIRST_COLUMNS)
    last = COLUMN_KEYS.index(FIRST_COLUMNS[-1])
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= page.table.viewport().width()
    assert page.table.horizontalScrollBar().value() == 0
    assert window.statusBar().isVisible()


def test_the_documents_options_never_scroll_sideways(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    window.resize(default_size(QSize(1366, 728)))
    page = window.show_page("documents")
    qtbot.waitUntil(lambda: page.choices_task is not None and not page.choices_task.running, timeout=60000)
    for kind in ("contact-list", "directory", "community-report", "ambassador-kit"):
        page.select_kind(kind)
        qtbot.wait(20)
        pane = page.options_pane
        assert not pane.horizontalScrollBar().isVisible()
        assert pane.widget().width() >= pane.widget().minimumSizeHint().width()


def test_every_page_fits_a_laptop_screen(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    """No page widens the window past a 1366-pixel screen (nor squeezes the sidebar into a scroll bar)."""
    from communitydesk.ui import tasks
    from communitydesk.ui.main_window import PAGES

    window = make_window(populated_db)
    window.resize(default_size(QSize(1366, 728)))
    screen_width = 1366 - 16  # the window's borders
    for spec in PAGES:
        window.show_page(spec.key)
        qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=60000)
        qtbot.wait(20)
        assert window.minimumSizeHint().width() <= screen_width, spec.key
        assert window.width() <= screen_width, spec.key
        assert not window.sidebar.horizontalScrollBar().isVisible(), spec.key
