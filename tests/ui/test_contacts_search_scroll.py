"""A new search starts at the top of its results, never where the previous list was scrolled."""

from __future__ import annotations

from pathlib import Path


def test_a_new_search_starts_at_the_top(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    window.resize(1200, 500)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10000)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() and bar.value() > 0, timeout=10000)

    reloads = page.model.reloads
    page.filter_bar.search.setText("a")  # many results still: the list could stay scrolled
    qtbot.waitUntil(lambda: page.model.reloads > reloads and not page.model.is_loading(), timeout=20000)
    assert page.model.total > 20
    assert bar.value() == 0
