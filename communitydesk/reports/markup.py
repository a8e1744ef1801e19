"""Text on its way into a ReportLab paragraph: typeset (rules.french_typography), escaped, marked up.

Every paragraph of every document is built from ``plain`` or ``to_paragraph_markup``, so
this is the one place where printed text gets its no-break spaces and apostrophes.
"""

from __future__ import annotations

import re
from html import escape

from communitydesk.i18n import current_language
from communitydesk.reports.fonts import with_fallback_fonts
from communitydesk.rules.french_typography import typeset

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# Underscores inside words (snake_case, e-mail addresses) are not italics.
_ITALIC = re.compile(r"(?<![\w/])_(?=\S)(.+?)(?<=\S)_(?![\w])")


def to_paragraph_markup(text: str) -> str:
    """Escape ``&<>`` (user text is not markup) then turn ``**x**``/``_x_`` into ``<b>``/``<i>``."""
    escaped = escape(printed(text), quote=False)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return with_fallback_fonts(_ITALIC.sub(r"<i>\1</i>", escaped))


def plain(text: str) -> str:
    """Text for a ReportLab paragraph with no markup at all (names, addresses)."""
    return with_fallback_fonts(escape(printed(text), quote=False))


def printed(text: str) -> str:
    """``text`` typeset for the page, unescaped: for strings drawn straight on the canvas."""
    return typeset(text, current_language())
