"""After an erasure the dashboard and the list count the same contacts (docs/DOMAIN.md:
an erased contact is no longer counted anywhere)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import Actor


def test_dashboard_and_list_agree_after_an_erasure(qtbot, make_window, populated_db: Path, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    before = page.model.total
    assert window.database.figures.contacts.total == before
    sheet = page.open_contact(page.model.contact_id(0))
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)
    dialog = sheet.ask_erase()
    dialog.confirm.setText(sheet.details.display_name)
    with qtbot.waitSignal(sheet.changed, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.model.total == before - 1 and not page.model.is_loading(), timeout=20000)
    qtbot.waitUntil(lambda: window.database.figures.contacts.total == before - 1, timeout=20000)
    figures = read_figures(populated_db, actor)
    assert figures.contacts.total == sum(figures.contacts.by_circle.values()) == before - 1
