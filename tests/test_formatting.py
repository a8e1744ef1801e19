"""Numbers, money and dates for people, in French and English (the CLDR conventions of fr-FR and en-GB)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from communitydesk.formatting import day, moment, money, number, percent, whole_money
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


NNBSP, NBSP = "\u202f", "\u00a0"


def test_french_numbers_group_with_narrow_no_break_spaces() -> None:
    assert money(123456) == f"1{NNBSP}234,56{NBSP}€"
    assert money(-150000) == f"-1{NNBSP}500,00{NBSP}€"
    assert money(123456, "USD") == f"1{NNBSP}234,56{NBSP}$US" and money(123456, "SEK") == f"1{NNBSP}234,56{NBSP}SEK"
    assert money(123456, "JPY") == f"1{NNBSP}235{NBSP}JPY"  # no minor unit
    assert whole_money(1_500_049) == f"15{NNBSP}000{NBSP}€"
    assert number(1234567) == f"1{NNBSP}234{NNBSP}567" and number(1234.5678) == f"1{NNBSP}234,568"
    assert number(2.0005) == "2" and number(0.1 + 0.2) == "0,3"  # three decimals at most, half to even
    assert percent(0.125) == f"12{NBSP}%" and percent(0.015) == f"2{NBSP}%" and percent(0.125, 1) == f"12,5{NBSP}%"
    assert day(date(2026, 9, 23)) == "23 sept. 2026" and day(date(2026, 2, 1), "full") == "dimanche 1er février 2026"
    assert moment(datetime(2026, 3, 5, 8, 7, tzinfo=UTC)) == "05/03/2026 09:07"  # Paris time


def test_english_numbers_money_and_dates() -> None:
    set_language("en")
    assert money(123456) == "€1,234.56" and money(-150000) == "-€1,500.00" and money(100, "GBP") == "£1.00"
    assert whole_money(1_500_049, "USD") == "US$15,000"
    assert number(1234.5678) == "1,234.568" and percent(0.5) == "50%" and percent(0.125, 2) == f"12.50{NBSP}%"
    assert day(date(2026, 9, 1)) == "1 Sept 2026" and day(date(2026, 1, 1), "full") == "Thursday, 1 January 2026"
    assert moment(datetime(2026, 7, 5, 8, 7, tzinfo=UTC)) == "05/07/2026, 10:07"


def test_a_day_and_month_without_year_and_a_month_with_its_year() -> None:
    assert day(date(2026, 12, 7), "d MMMM") == "7 décembre"
    assert day(date(2027, 3, 1), "d MMMM") == "1er mars"
    assert day(date(2026, 12, 7), "MMMM yyyy") == "décembre 2026"
    assert day(date(2026, 12, 7), "EEE d MMM") == "lun. 7 déc."
    set_language("en")
    assert day(date(2026, 12, 7), "EEE d MMM") == "Mon 7 Dec"
    assert day(date(2026, 12, 7), "d MMMM") == "7 December"
    assert day(date(2026, 12, 7), "MMMM yyyy") == "December 2026"
