"""Numbers, money and dates for people: babel, in the language of the interface."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

from communitydesk.i18n import babel_locale

PARIS = ZoneInfo("Europe/Paris")
_FIRST_DAY = re.compile(r"(?<!\d)1(?=\s)")


def money(cents: int, currency: str = "EUR") -> str:
    """``123456`` → ``1 234,56 €`` in French (non-breaking spaces, as babel gives)."""
    return format_currency(cents / 100, currency, locale=babel_locale())


def whole_money(cents: int, currency: str = "EUR") -> str:
    """``1500000`` → ``15 000 €`` (``€15,000`` in English): rounded to the unit, for chart axes."""
    pattern = Locale.parse(babel_locale()).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(round(cents / 100), currency, format=pattern, locale=babel_locale(), currency_digits=False)


def number(value: int | float) -> str:
    return format_decimal(value, locale=babel_locale())


def percent(ratio: float, digits: int = 0) -> str:
    if digits == 0:
        return format_percent(ratio, locale=babel_locale())
    return format_percent(ratio, format="#,##0." + "0" * digits + "\u00a0%", locale=babel_locale())


def day(value: date | datetime, style: str = "medium") -> str:
    """``23 nov. 2026`` (medium), ``23 novembre 2026`` (long), ``23/11/2026`` (short); « 1er mars »."""
    if isinstance(value, datetime):
        value = to_local(value).date()
    text = format_date(value, format=style, locale=babel_locale())
    if value.day == 1 and style != "short" and babel_locale().startswith("fr"):
        # French writes the first of a month as an ordinal; babel does not.
        text = _FIRST_DAY.sub("1er", text, count=1)
    return text


def moment(value: datetime, style: str = "short") -> str:
    return format_datetime(to_local(value), format=style, locale=babel_locale())


def local_today() -> date:
    """Today in France: the app's days are Paris days, whatever zone the machine's clock is in."""
    return datetime.now(PARIS).date()


def to_local(value: datetime) -> datetime:
    """Stored datetimes are UTC; people read them in Europe/Paris."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(PARIS)
