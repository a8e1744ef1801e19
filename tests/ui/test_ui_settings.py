"""The typed facade over QSettings: every preference round-trips through a real INI file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from communitydesk.ui.settings import UiSettings


def reopen(settings: UiSettings) -> UiSettings:
    """The same INI file read by a new QSettings: what the next start of the app would see."""
    settings.sync()
    return UiSettings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))


def test_defaults_on_a_fresh_file(ui_settings: UiSettings) -> None:
    assert ui_settings.language == "fr"
    assert ui_settings.window_geometry is None
    assert ui_settings.window_state is None
    assert ui_settings.sidebar_page == ""
    assert ui_settings.last_database is None
    assert ui_settings.last_folder is None
    assert ui_settings.splitter_state("main") is None
    assert ui_settings.header_state("contacts") is None


def test_every_value_round_trips(ui_settings: UiSettings, tmp_path: Path) -> None:
    ui_settings.language = "en"
    ui_settings.window_geometry = QByteArray(b"\x01\x02geometry\x00")
    ui_settings.window_state = b"state\xff"
    ui_settings.sidebar_page = "settings"
    ui_settings.last_database = tmp_path / "ma base.sqlite3"
    ui_settings.last_folder = tmp_path
    ui_settings.set_splitter_state("main", b"splitter")
    ui_settings.set_header_state("contacts", QByteArray(b"header"))

    again = reopen(ui_settings)
    assert again.language == "en"
    assert again.window_geometry == QByteArray(b"\x01\x02geometry\x00")
    assert again.window_state == QByteArray(b"state\xff")
    assert again.sidebar_page == "settings"
    assert again.last_database == tmp_path / "ma base.sqlite3"
    assert again.last_folder == tmp_path
    assert again.splitter_state("main") == QByteArray(b"splitter")
    assert again.header_state("contacts") == QByteArray(b"header")
    assert again.header_state("campaigns") is None


def test_clearing_values(ui_settings: UiSettings, tmp_path: Path) -> None:
    ui_settings.last_database = tmp_path / "x.sqlite3"
    ui_settings.window_geometry = b"g"
    ui_settings.last_database = None
    ui_settings.window_geometry = None
    again = reopen(ui_settings)
    assert again.last_database is None
    assert again.window_geometry is None


def test_unknown_language_is_refused_and_a_bad_stored_one_falls_back(ui_settings: UiSettings) -> None:
    with pytest.raises(ValueError):
        ui_settings.language = "de"
    ui_settings.store.setValue("interface/language", "klingon")
    assert ui_settings.language == "fr"
