"""Dates for people: French writes the first of a month « 1er »."""

from __future__ import annotations

from datetime import UTC, date, datetime

from communitydesk.formatting import day
from communitydesk.i18n import set_language


def test_the_first_of_a_month_is_an_ordinal_in_french() -> None:
    assert day(date(2026, 1, 1), "long") == "1er janvier 2026"
    assert day(date(2026, 3, 1)) == "1er mars 2026"
    assert day(date(2026, 1, 1), "full") == "jeudi 1er janvier 2026"
    assert day(date(2026, 1, 1), "short") == "01/01/2026"
    assert day(date(2026, 1, 11), "long") == "11 janvier 2026"
    assert day(date(2026, 1, 21), "long") == "21 janvier 2026"
    # Midnight in Paris on the 1st is still the 31st in UTC.
    assert day(datetime(2025, 12, 31, 23, 30, tzinfo=UTC), "long") == "1er janvier 2026"


def test_english_dates_keep_their_cardinal() -> None:
    set_language("en")
    assert "1er" not in day(date(2026, 1, 1), "long")
