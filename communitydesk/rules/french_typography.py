"""French typography for printed text: spaces that do not break, « 1er », one apostrophe.

ReportLab breaks lines on every Unicode space except NO-BREAK SPACE (U+00A0), the narrow
no-break space U+202F included; so every space that must hold is U+00A0 here. Pure
functions on strings: no PDF library, no I/O.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
APOSTROPHE = "\u2019"

# Spaces the printed page may break on; the no-break spaces (U+00A0, U+202F, U+2007) are not.
_BREAKABLE = re.compile(r"[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+")
# Spaces that are meant to hold but that ReportLab breaks on.
_NARROW = re.compile(r"[\u202f\u2007\u2009]")
_SPACES = r"[ \u00a0\u202f\u2009]"

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_BEFORE_PUNCTUATION = re.compile(rf"{_SPACES}+(?=[:;!?]+(?:\s|$|[»)\]]))")
_OPEN_QUOTE = re.compile(rf"«{_SPACES}*")
_CLOSE_QUOTE = re.compile(rf"{_SPACES}*»")
_DIGIT_GROUP = re.compile(rf"(?<=\d){_SPACES}(?=\d{{3}}(?!\d))")
_UNIT = re.compile(rf"(?<=\d){_SPACES}(?=(?:€|%|\$|£|CHF|h|min|km|kg|ans?|jours?|mois|personnes)\b|[€%$£])")
_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|janv\\.|févr\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\."
)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}|1er){_SPACES}+(?=(?:{_MONTHS})(?![\w]))", re.IGNORECASE)
_FIRST_OF_MONTH = re.compile(rf"(?<![\d,.])\b1(?={_SPACES}+(?:{_MONTHS})(?!\w))", re.IGNORECASE)


def typeset(text: str, language: str = "fr") -> str:
    """``text`` as it should be printed in ``language``.

    Every language: one apostrophe (’), and the narrow spaces that babel puts in numbers
    become no-break spaces. French also holds a no-break space before ``: ; ! ?``, inside
    ``« »``, inside numbers and before their unit, between a day and its month, and
    writes « 1er » for the first day of a month.
    """
    if not text:
        return text
    if "'" in text:
        text = _APOSTROPHE.sub(APOSTROPHE, text)
    text = _NARROW.sub(NO_BREAK_SPACE, text)
    if language != "fr":
        return text
    text = _BEFORE_PUNCTUATION.sub(NO_BREAK_SPACE, text)
    if "«" in text or "»" in text:
        text = _OPEN_QUOTE.sub("«" + NO_BREAK_SPACE, text)
        text = _CLOSE_QUOTE.sub(NO_BREAK_SPACE + "»", text)
    if any(character.isdigit() for character in text):
        text = _DIGIT_GROUP.sub(NO_BREAK_SPACE, text)
        text = _UNIT.sub(NO_BREAK_SPACE, text)
        text = _FIRST_OF_MONTH.sub("1er", text)
        text = _DAY_MONTH.sub(r"\1" + NO_BREAK_SPACE, text)
    return text


_CELL_CHARACTERS = str.maketrans({"'": APOSTROPHE, "\u202f": NO_BREAK_SPACE, "\u2009": NO_BREAK_SPACE})


def printed_characters(text: str) -> str:
    """The character part of ``typeset`` only (one apostrophe, spaces that hold).

    Cheap enough for every cell of a listing of thousands of rows, and safe for titles that
    also go into the PDF's metadata; there every straight quote is an apostrophe.
    """
    return text.translate(_CELL_CHARACTERS)


def breakable_words(text: str) -> list[str]:
    """``text`` cut where a line may break: ordinary spaces, never a no-break space."""
    return [word for word in _BREAKABLE.split(text) if word]
