"""Periods of whole days in Paris, and the dates users type for them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from communitydesk.errors import ValidationError
from communitydesk.rules.periods import Period, parse_day


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-11-23", date(2026, 11, 23)), ("23/11/2026", date(2026, 11, 23)), (" 01/02/2026 ", date(2026, 2, 1))],
)
def test_dates_in_both_forms(text: str, expected: date) -> None:
    assert parse_day(text) == expected


@pytest.mark.parametrize("text", ["2026-13-01", "31/02/2026", "23-11-2026", "demain", ""])
def test_bad_dates_are_explained_in_french(text: str) -> None:
    with pytest.raises(ValidationError, match="AAAA-MM-JJ ou JJ/MM/AAAA") as caught:
        parse_day(text, "--from")
    assert "--from" in str(caught.value)


def test_periods() -> None:
    quarter = Period(date(2026, 1, 1), date(2026, 3, 31))
    with pytest.raises(ValidationError, match="inversée"):
        Period(date(2026, 2, 1), date(2026, 1, 1))
    default = Period.default(date(2026, 11, 25))
    assert (default.start, default.end) == (date(2025, 11, 26), date(2026, 11, 25))
    assert Period.default(date(2028, 2, 29)).start == date(2027, 3, 1)
    # Whole days in Paris: winter midnight is 23:00 UTC the day before.
    assert quarter.starts_at == datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
    # ...and summer midnight (from 29 March 2026) 22:00 UTC.
    assert quarter.ends_at == datetime(2026, 3, 31, 22, 0, tzinfo=UTC)
