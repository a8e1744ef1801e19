"""Invisible control characters (NUL, escape…) in imported cells: taken out, and each cleaned cell
reported as a warning with its line and column, so that nothing is stored or exported with them
and nothing changes without a word. Tab and line ends stay: they are cell and line separators."""

from __future__ import annotations

import re

from communitydesk.i18n import ngettext
from communitydesk.importers.contact_records import RowError

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EACH = tuple(map(chr, (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)))


def has_control_characters(text: str) -> bool:
    # 30 searches for one character (memchr, in C) take 9 ms on a 15 MB file, the regex 85 ms.
    return any(character in text for character in _EACH)


def without_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def control_characters_warning(line: int, field: str, value: str) -> RowError:
    """The warning for a cell of ``value`` that held control characters (now removed)."""
    return RowError(
        line,
        field,
        ngettext(
            "Ligne {line}, « {field} » : {count} caractère de contrôle invisible (NUL, échappement…) retiré.",
            "Ligne {line}, « {field} » : {count} caractères de contrôle invisibles (NUL, échappement…) retirés.",
            len(CONTROL_CHARACTERS.findall(value)),
            line=line,
            field=field,
            count=len(CONTROL_CHARACTERS.findall(value)),
        ),
    )
