"""Paramètres › Programme ambassadeurs: the referral address is shown, saved, kept, and checked."""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.database import open_database
from communitydesk.services.permissions import SYSTEM
from communitydesk.services.settings import read_database_settings
from communitydesk.ui.settings_page.page import SettingsPage


def stored_url(path: Path) -> str:
    database = open_database(path, create=False)
    try:
        return read_database_settings(database, SYSTEM).referral_base_url
    finally:
        database.close()


def open_page(qtbot, make_window, path: Path) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = make_window(path).show_page("settings")
    assert isinstance(page, SettingsPage)
    if page.loaded_values is None:
        with qtbot.waitSignal(page.loaded, timeout=30000):
            pass
    return page


def test_the_referral_address_is_saved_and_kept(qtbot, make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, db_path)
    assert page.referral_base_url.text() == ""
    page.referral_base_url.setText("  https://asso.example/rejoindre?parrain= ")
    with qtbot.waitSignal(page.saved, timeout=30000):
        page.save_button.click()
    assert stored_url(db_path) == "https://asso.example/rejoindre?parrain="

    # Saving another setting keeps it.
    page.org_name.setText("La Ruche")
    with qtbot.waitSignal(page.saved, timeout=30000):
        page.save_button.click()
    assert stored_url(db_path) == "https://asso.example/rejoindre?parrain="


def test_an_address_that_is_no_link_is_refused(qtbot, make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, db_path)
    page.referral_base_url.setText("asso.example")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.last_task is not None and page.last_task.state == "failed", timeout=30000)
    assert "http://" in page.message.text()
    assert page.window().focusWidget() is page.referral_base_url
    assert stored_url(db_path) == ""
