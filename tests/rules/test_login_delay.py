"""The wait after failed logins: free tries, then doubling, capped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from communitydesk.rules.login_delay import LONGEST_DELAY, delay_after, wait_left


def test_the_delay_grows_and_stops_growing() -> None:
    assert [delay_after(n).total_seconds() for n in range(7)] == [0, 0, 0, 5, 10, 20, 40]
    assert delay_after(60) == LONGEST_DELAY == timedelta(minutes=15)


def test_what_is_left_of_the_wait() -> None:
    failed = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert wait_left(4, failed, failed + timedelta(seconds=3)) == timedelta(seconds=7)
    assert wait_left(4, failed, failed + timedelta(seconds=30)) == timedelta(0)
    assert wait_left(9, None, failed) == timedelta(0)
