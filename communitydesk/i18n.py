"""The Qt-free message catalogue (CLI messages, service errors, PDF text).

Source strings are French, the language of our users; English comes from
``resources/locale/en/communitydesk.po``. The Qt screens use Qt's own .ts/.qm
files; both follow the one language chosen in Paramètres (or ``--lang``).
"""

from __future__ import annotations

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
    # Parsed on first use only: English users pay ~50 ms once, French users nothing.
    from babel.messages.pofile import read_po

    with po_file.open("rb") as handle:
        catalogue = read_po(handle)
    return {str(m.id): str(m.string) for m in catalogue if m.id and m.string and not m.fuzzy}


def _(message: str, /, **values: object) -> str:
    """Translate a French source message, then fill its ``{placeholders}``."""
    text = _catalogue(_current).get(message, message)
    return text.format(**values) if values else text
