"""Days and times as French spreadsheets write them: ``14/01/2027``, ``14 janvier 2027``, ``9h30``.

Pure functions: a text in, a ``date`` or ``time`` out, or a ``DateTextError`` whose message is
the French reason (``impossible`` tells a day that does not exist, 31/02, from one that
cannot be read at all).
"""

from __future__ import annotations

import re
from datetime import date, time

from communitydesk.i18n import _
from communitydesk.rules.contact_keys import fold


class DateTextError(ValueError):
    """A day or time that cannot be read; ``str()`` is the French reason."""

    def __init__(self, message: str, *, impossible: bool = False) -> None:
        super().__init__(message)
        self.impossible = impossible


_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "mar": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
_WEEKDAYS = (
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lun",
    "mar",
    "mer",
    "jeu",
    "ven",
    "sam",
    "dim",
)

_NUMERIC = re.compile(r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_WORDS = re.compile(r"(?:(?P<weekday>[a-z]+)\.?\s+)?(?P<d>\d{1,2})(?:er)?\s+(?P<month>[a-z]+)\.?\s+(?P<y>\d{4})")
_TIME = re.compile(r"(?P<h>\d{1,2})\s*(?:h|:)\s*(?P<m>\d{2})?(?::\d{2})?|(?P<bare>\d{1,2})\s*h")
# A day followed by a time in the same cell: « 14/01/2027 09:30 », « 14 janvier 2027 à 9h30 ».
_DAY_THEN_TIME = re.compile(r"(?P<day>.+?\d{4}|.+?\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2})(?:\s*(?:,|a)?\s+|t)(?P<time>\d.*)")


def parse_french_day(text: str) -> date:
    """``14/01/2027``, ``14/01/27``, ``14-01-2027``, ``2027-01-14``, ``14 janvier 2027``,
    ``lundi 1er févr. 2027`` → the day."""
    raw = fold(text).strip()
    found = _NUMERIC.fullmatch(raw) or _ISO.fullmatch(raw)
    month: int | None = None
    if found:
        month = int(found["m"])
    else:
        found = _WORDS.fullmatch(raw)
        if found and (found["weekday"] is None or found["weekday"] in _WEEKDAYS):
            month = _MONTHS.get(found["month"])
    if found is None or month is None:
        raise DateTextError(_("date illisible « {value} » (attendu : jj/mm/aaaa)", value=text.strip()))
    year = int(found["y"])
    year = year + 2000 if year < 100 else year
    try:
        return date(year, month, int(found["d"]))
    except ValueError as exc:
        raise DateTextError(_("cette date n'existe pas : « {value} »", value=text.strip()), impossible=True) from exc


def parse_french_time(text: str) -> time:
    """``9h30``, ``14h``, ``14 h 30``, ``09:30``, ``9:30``, ``09:30:00`` → the time of day."""
    raw = fold(text).strip()
    found = _TIME.fullmatch(raw)
    if found is None:
        raise DateTextError(_("heure illisible « {value} » (attendu : 9h30, 14h ou 09:30)", value=text.strip()))
    hour = int(found["h"] or found["bare"])
    minute = int(found["m"] or 0)
    if hour > 23 or minute > 59:
        raise DateTextError(_("cette heure n'existe pas : « {value} »", value=text.strip()), impossible=True)
    return time(hour, minute)


def parse_french_moment(text: str) -> tuple[date, time | None]:
    """A day, with the time when the cell gives one after it (``14/01/2027 09:30``)."""
    raw = text.strip()
    try:
        return parse_french_day(raw), None
    except DateTextError as exc:
        split = _DAY_THEN_TIME.fullmatch(fold(raw))
        if exc.impossible or split is None:
            raise
    return parse_french_day(split["day"]), parse_french_time(split["time"])
