"""The Qt-free message catalogue (CLI messages, service errors, PDF text).

Source strings are French, the language of our users; English comes from
``resources/locale/en/communitydesk.po``, compiled by ``tools/update_catalogue.py`` to
``resources/locale/en/LC_MESSAGES/communitydesk.mo``, which the standard library reads. The
Qt screens use Qt's own .ts/.qm files; both follow the one language chosen in Paramètres (or ``--lang``).
"""

from __future__ import annotations

from functools import cache
from gettext import GNUTranslations, NullTranslations

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
    """The babel locale in the current language (country names; formatting.py writes numbers and dates)."""
    return _BABEL_LOCALES[_current]


@cache
def _translations(language: str) -> NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    # The compiled catalogue, read by the standard library in a few milliseconds: screens show
    # rules' labels through _() on the UI thread. tools/update_catalogue.py writes it from the .po.
    mo_file = resources_dir() / "locale" / language / "LC_MESSAGES" / "communitydesk.mo"
    if not mo_file.exists():
        return NullTranslations()
    with mo_file.open("rb") as handle:
        return GNUTranslations(handle)


def _(message: str, /, **values: object) -> str:
    """Translate a French source message, then fill its ``{placeholders}``."""
    text = _translations(_current).gettext(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """``_`` with a plural: the form for ``count``, then its ``{placeholders}`` filled.

    French, the source, takes the singular for 0 and 1 (« aucune », « 1 publication »);
    other languages follow their catalogue's plural rule.
    """
    if _current == DEFAULT_LANGUAGE:
        text = singular if abs(count) <= 1 else plural
    else:
        text = _translations(_current).ngettext(singular, plural, count)
    return text.format(**values) if values else text
