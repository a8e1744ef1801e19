"""Per-computer preferences (language, window layout, last folders), typed, over QSettings.

Settings that belong to the database (organisation identity, circle rhythms, backups kept)
live in the database instead: ``communitydesk.services.settings``.

Every key is read and written here and nowhere else, so that a typo cannot silently
create a second key and the stored types stay consistent (QSettings returns strings from
INI files, QByteArray from the registry...). Tests pass their own ``QSettings`` (an INI
file in ``tmp_path``) so that they never touch the user's real preferences.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from communitydesk.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

ORGANISATION_NAME = "CommunityDesk"
APPLICATION_NAME = "CommunityDesk"

_LANGUAGE = "interface/language"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_PAGE = "window/page"
_LAST_DATABASE = "files/last_database"
_LAST_FOLDER = "files/last_folder"
_SPLITTER = "splitters/"
_HEADER = "headers/"
_VIEW = "views/"


class UiSettings:
    """Typed access to the preferences of this computer and user account."""

    def __init__(self, store: QSettings | None = None) -> None:
        # Without a store: the application's own (needs QCoreApplication names set first).
        self._store = store if store is not None else QSettings(ORGANISATION_NAME, APPLICATION_NAME)

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

    # -- text values ------------------------------------------------------------------

    def _text(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, (bytes, bytearray)) and value:
            return QByteArray(bytes(value))
        return None

    def _set_bytes(self, key: str, value: QByteArray | bytes | None) -> None:
        if value is None:
            self._store.remove(key)
        else:
            self._store.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    # -- language -----------------------------------------------------------------------

    @property
    def language(self) -> str:
        """``fr`` or ``en``; French unless the user chose otherwise in Paramètres."""
        value = self._text(_LANGUAGE, DEFAULT_LANGUAGE)
        return value if value in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        if value not in SUPPORTED_LANGUAGES:
            raise ValueError(f"unsupported language {value!r}")
        self._store.setValue(_LANGUAGE, value)

    # -- main window ----------------------------------------------------------------------

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray | bytes | None) -> None:
        self._set_bytes(_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray | bytes | None) -> None:
        self._set_bytes(_STATE, value)

    @property
    def sidebar_page(self) -> str:
        """Key of the page shown when the window was last closed ("" = the dashboard)."""
        return self._text(_PAGE)

    @sidebar_page.setter
    def sidebar_page(self, key: str) -> None:
        self._store.setValue(_PAGE, key)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(_SPLITTER + name)

    def set_splitter_state(self, name: str, value: QByteArray | bytes | None) -> None:
        self._set_bytes(_SPLITTER + name, value)

    def header_state(self, name: str) -> QByteArray | None:
        """Saved column widths/order/sorting of the table called ``name``."""
        return self._bytes(_HEADER + name)

    def set_header_state(self, name: str, value: QByteArray | bytes | None) -> None:
        self._set_bytes(_HEADER + name, value)

    def view_state(self, name: str) -> dict[str, object]:
        """What a page showed last (its view, its filters), as the page saved it; {} if nothing."""
        try:
            value = json.loads(self._text(_VIEW + name, "{}"))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def set_view_state(self, name: str, value: dict[str, object]) -> None:
        self._store.setValue(_VIEW + name, json.dumps(value, ensure_ascii=False))

    # -- files ----------------------------------------------------------------------------

    @property
    def last_database(self) -> Path | None:
        """The database last opened with Fichier › Ouvrir une base… (None if none)."""
        text = self._text(_LAST_DATABASE)
        return Path(text) if text else None

    @last_database.setter
    def last_database(self, value: Path | None) -> None:
        if value is None:
            self._store.remove(_LAST_DATABASE)
        else:
            self._store.setValue(_LAST_DATABASE, str(value))

    @property
    def last_folder(self) -> Path | None:
        """Where the last file dialog was left, to start the next one there."""
        text = self._text(_LAST_FOLDER)
        return Path(text) if text else None

    @last_folder.setter
    def last_folder(self, value: Path | None) -> None:
        if value is None:
            self._store.remove(_LAST_FOLDER)
        else:
            self._store.setValue(_LAST_FOLDER, str(value))
