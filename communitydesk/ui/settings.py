"""Per-computer preferences (language, window layout, last folders), typed, over QSettings.

Once someone is logged in on a profile (:meth:`UiSettings.use_profile`), the language, the
window layout and the pages' views and filters are read and written under that profile's
group (``profiles/<name>/…``), falling back to this computer's values until the profile
saved its own; the files and the lock delay stay the computer's.

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
from urllib.parse import quote

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
_LOCK_MINUTES = "security/lock_minutes"
_LAST_PROFILE = "security/last_profile"
_PROFILES = "profiles/"
# What each profile keeps for itself (the rest belongs to the computer).
_PER_PROFILE = (_LANGUAGE, _GEOMETRY, _STATE, _PAGE, _SPLITTER, _HEADER, _VIEW)

#: Minutes without input before a base with passwords locks itself, unless changed in Paramètres.
DEFAULT_LOCK_MINUTES = 10


class UiSettings:
    """Typed access to the preferences of this computer and user account."""

    def __init__(self, store: QSettings | None = None) -> None:
        # Without a store: the application's own (needs QCoreApplication names set first).
        self._store = store if store is not None else QSettings(ORGANISATION_NAME, APPLICATION_NAME)
        self._profile = ""

    @property
    def store(self) -> QSettings:
        return self._store

    # -- the profile whose preferences these are ------------------------------------------

    @property
    def profile(self) -> str:
        """The logged-in profile's name, "" for the computer's own preferences."""
        return self._profile

    def use_profile(self, name: str) -> None:
        """Read and write the per-profile keys under ``name`` from now on ("" = the computer's)."""
        self._profile = name

    def _key(self, key: str) -> str:
        if self._profile and key.startswith(_PER_PROFILE):
            # quote(): a "/" in a name would open a sub-group.
            return f"{_PROFILES}{quote(self._profile, safe='')}/{key}"
        return key

    def _value(self, key: str, default: object = None) -> object:
        own = self._key(key)
        if own != key and self._store.contains(own):
            return self._store.value(own, default)
        return self._store.value(key, default)

    def _set(self, key: str, value: object) -> None:
        self._store.setValue(self._key(key), value)

    def _remove(self, key: str) -> None:
        self._store.remove(self._key(key))

    def sync(self) -> None:
        self._store.sync()

    # -- text values ------------------------------------------------------------------

    def _text(self, key: str, default: str = "") -> str:
        value = self._value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, (bytes, bytearray)) and value:
            return QByteArray(bytes(value))
        return None

    def _set_bytes(self, key: str, value: QByteArray | bytes | None) -> None:
        if value is None:
            self._remove(key)
        else:
            self._set(key, QByteArray(value) if isinstance(value, bytes) else value)

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
        self._set(_LANGUAGE, value)

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
        self._set(_PAGE, key)

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
        self._set(_VIEW + name, json.dumps(value, ensure_ascii=False))

    # -- lock -----------------------------------------------------------------------------

    @property
    def lock_minutes(self) -> int:
        """Idle minutes before the window locks itself (bases whose profiles have passwords)."""
        value = self._store.value(_LOCK_MINUTES, DEFAULT_LOCK_MINUTES)
        try:
            minutes = int(str(value))
        except ValueError:
            return DEFAULT_LOCK_MINUTES
        return minutes if minutes > 0 else DEFAULT_LOCK_MINUTES

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        if value <= 0:
            raise ValueError(f"lock delay must be positive, not {value!r}")
        self._store.setValue(_LOCK_MINUTES, int(value))

    @property
    def last_profile(self) -> str:
        """The profile that logged in last on this computer: the chooser selects it."""
        value = self._store.value(_LAST_PROFILE, "")
        return value if isinstance(value, str) else ""

    @last_profile.setter
    def last_profile(self, name: str) -> None:
        self._store.setValue(_LAST_PROFILE, name)

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
