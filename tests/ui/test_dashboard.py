"""The dashboard shows the database's real figures, formatted, and reloads them on F5."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from communitydesk.formatting import number
from communitydesk.rules.circles import CIRCLE_ORDER
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui.dashboard.cards import SECTIONS, section_soon


def scalar(path: Path, sql: str, *params: object) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    finally:
        conn.close()


def since(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def test_figures_equal_the_database(make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    page = window.pages["dashboard"]
    assert page.figures_area.isVisible()
    assert not page.state_label.isVisible()

    total = scalar(populated_db, "SELECT COUNT(*) FROM contacts WHERE archived_at IS NULL")
    assert total == 120
    cards = {key: card.value.text() for key, card in page.cards.items()}
    assert cards["contacts_total"] == number(total)
    assert cards["contacts_new"] == number(
        scalar(populated_db, "SELECT COUNT(*) FROM contacts WHERE archived_at IS NULL AND created_at >= ?", since(30))
    )
    assert cards["circle_moves"] == number(
        scalar(
            populated_db, "SELECT COUNT(*) FROM circle_moves WHERE moved_at >= ? AND from_circle IS NOT NULL", since(30)
        )
    )
    assert cards["touch_points"] == number(
        scalar(populated_db, "SELECT COUNT(*) FROM touch_points WHERE occurred_at >= ?", since(30))
    )

    # "à relancer" follows the circle rhythms (rules/cadence.py): the service's own count
    overdue = read_figures(populated_db, SYSTEM, with_tables=False).contacts.a_relancer
    assert overdue > 0
    assert cards["contacts_overdue"] == number(overdue)

    for circle in CIRCLE_ORDER:
        expected = scalar(
            populated_db, "SELECT COUNT(*) FROM contacts WHERE archived_at IS NULL AND circle = ?", circle.value
        )
        assert expected > 0
        assert page.circle_counts[circle.value].text() == number(expected)
        assert page.chart.counts[circle.value] == number(expected)
        assert page.circle_shares[circle.value].value() == round(expected / total * 1000)


def test_areas_not_built_yet_say_so_without_fake_numbers(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    page = window.pages["dashboard"]
    soon_texts = [label.text() for label in page.figures_area.findChildren(QLabel) if label.objectName() == "soonText"]
    for section in SECTIONS:
        if section.build is None:  # an area that does not exist yet says so
            assert section.soon
            assert any(section_soon(section) == text for text in soon_texts)
            assert "n'existe pas encore" in section_soon(section)
        else:  # an area that exists shows its own widget, built from the figures
            qtbot.waitUntil(page.section_widgets[section.key].isVisible)
    assert not any(char.isdigit() for char in " ".join(soon_texts))


def test_f5_reloads_the_figures_off_the_ui_thread(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    page = window.pages["dashboard"]
    # Someone else (an import, the CLI) adds contacts: here, a copy of every existing one.
    conn = sqlite3.connect(populated_db)
    columns = ", ".join(row[1] for row in conn.execute("PRAGMA table_info(contacts)") if row[1] != "id")
    conn.execute(f"INSERT INTO contacts ({columns}) SELECT {columns} FROM contacts")
    conn.commit()
    conn.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(page.figures_shown, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.cards["contacts_total"].value.text() == number(240)
    assert "chiffres lus à" in page.subtitle.text()


def test_an_empty_base_says_it_is_empty(make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    page = window.pages["dashboard"]
    assert page.cards["contacts_total"].value.text() == "0"
    assert page.empty_hint.isVisible()
