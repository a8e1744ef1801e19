"""The Qt-free message catalogue (CLI messages, service errors, PDF text).

Source strings are French, the language of our users; English comes from
``resources/locale/en/communitydesk.po``. The Qt screens use Qt's own .ts/.qm
files; both follow the one language chosen in Paramètres (or ``--lang``).
"""

from __future__ import annotations

import re
from functools import cache

from communitydesk.paths import resources_dir

SUPPORTED_LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
_BABEL_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

_current = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _current
    _current = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def babel_locale() -> str:
    """The babel locale for numbers, money and dates in the current language."""
    return _BABEL_LOCALES[_current]


@cache
def _catalogue(language: str) -> dict[str, str]:
    if language == DEFAULT_LANGUAGE:
        return {}
    po_file = resources_dir() / "locale" / language / "communitydesk.po"
    if not po_file.exists():
        return {}
    return read_catalogue(po_file.read_text(encoding="utf-8"))


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}
_ESCAPE = re.compile(r"\\(.)")


def _unquote(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), text.strip()[1:-1])


def read_catalogue(text: str) -> dict[str, str]:
    """msgid → msgstr of a .po file; fuzzy, plural and untranslated entries are left out.

    A few lines instead of babel's reader: screens show rules' labels through ``_()`` on
    the UI thread, where importing and running babel.messages cost ~0.15 s.
    """
    messages: dict[str, str] = {}
    entry: dict[str, str] = {}
    field = ""
    fuzzy = False  # read in the flags before the entry's msgid

    def close() -> None:
        nonlocal fuzzy
        if entry.get("msgid") and entry.get("msgstr") and "msgid_plural" not in entry and not fuzzy:
            messages[entry["msgid"]] = entry["msgstr"]
        entry.clear()
        fuzzy = False

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith('"'):
            if field:
                entry[field] += _unquote(line)
            continue
        field = ""
        if not line or line.startswith("#"):
            if not line or "msgid" in entry:
                close()
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        keyword, _space, value = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgid" in entry:
            close()
        entry[keyword] = _unquote(value)
        field = keyword
    close()
    return messages


def _(message: str, /, **values: object) -> str:
    """Translate a French source message, then fill its ``{placeholders}``."""
    text = _catalogue(_current).get(message, message)
    return text.format(**values) if values else text
