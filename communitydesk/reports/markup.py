"""The simple markup of editable texts (``**gras**``, ``_italique_``) → ReportLab paragraph markup."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from communitydesk.reports.fonts import with_fallback_fonts

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# Underscores inside words (snake_case, e-mail addresses) are not italics.
_ITALIC = re.compile(r"(?<![\w/])_(?=\S)(.+?)(?<=\S)_(?![\w])")


def to_paragraph_markup(text: str) -> str:
    """Escape ``&<>`` (user text is not markup) then turn ``**x**``/``_x_`` into ``<b>``/``<i>``."""
    escaped = escape(text)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return with_fallback_fonts(_ITALIC.sub(r"<i>\1</i>", escaped))


def plain(text: str) -> str:
    """Text for a ReportLab paragraph with no markup at all (names, addresses)."""
    return with_fallback_fonts(escape(text))
