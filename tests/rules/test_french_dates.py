"""Days and times as French spreadsheets write them."""

from __future__ import annotations

from datetime import date, time

import pytest

from communitydesk.rules.french_dates import DateTextError, parse_french_day, parse_french_moment, parse_french_time


@pytest.mark.parametrize(
    "text",
    ["14/01/2027", "14/01/27", "2027-01-14", "14 janvier 2027", "14 Janvier 2027", "jeudi 14 janv. 2027", "14.01.2027"],
)
def test_every_way_of_writing_a_day(text: str) -> None:
    assert parse_french_day(text) == date(2027, 1, 14)


def test_the_first_of_the_month_and_the_accents() -> None:
    assert parse_french_day("1er février 2027") == date(2027, 2, 1)
    assert parse_french_day("15 aout 2027") == date(2027, 8, 15)
    assert parse_french_day("3 décembre 2026") == date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9h30", time(9, 30)),
        ("14h", time(14, 0)),
        ("09:30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("14 h 30", time(14, 30)),
        ("18H15", time(18, 15)),
        ("09:30:00", time(9, 30)),
    ],
)
def test_every_way_of_writing_a_time(text: str, expected: time) -> None:
    assert parse_french_time(text) == expected


def test_a_day_that_does_not_exist_is_told_from_an_unreadable_one() -> None:
    with pytest.raises(DateTextError) as impossible:
        parse_french_day("31/02/2027")
    assert impossible.value.impossible and "n'existe pas" in str(impossible.value)
    with pytest.raises(DateTextError) as unreadable:
        parse_french_day("début mars")
    assert not unreadable.value.impossible
    with pytest.raises(DateTextError) as late:
        parse_french_time("25h")
    assert late.value.impossible


def test_a_cell_may_give_the_day_and_the_time() -> None:
    assert parse_french_moment("14/01/2027 09:30") == (date(2027, 1, 14), time(9, 30))
    assert parse_french_moment("14 janvier 2027 à 9h30") == (date(2027, 1, 14), time(9, 30))
    assert parse_french_moment("2027-01-14T09:30") == (date(2027, 1, 14), time(9, 30))
    assert parse_french_moment("14/01/2027") == (date(2027, 1, 14), None)
