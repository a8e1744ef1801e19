"""How long a profile waits before its next login try, after failed ones in a row."""

from __future__ import annotations

from datetime import datetime, timedelta

FREE_TRIES = 3  # typing errors happen: the first failures cost nothing
FIRST_DELAY = timedelta(seconds=5)
LONGEST_DELAY = timedelta(minutes=15)


def delay_after(failures: int) -> timedelta:
    """The wait after ``failures`` failed tries in a row: none, then 5 s, doubling, at most 15 min."""
    if failures < FREE_TRIES:
        return timedelta(0)
    doubled: timedelta = FIRST_DELAY * (2 ** min(failures - FREE_TRIES, 16))
    return min(doubled, LONGEST_DELAY)


def wait_left(failures: int, last_failed_at: datetime | None, now: datetime) -> timedelta:
    """What is left of that wait at ``now`` (zero: the profile may try again)."""
    if last_failed_at is None:
        return timedelta(0)
    return max(last_failed_at + delay_after(failures) - now, timedelta(0))
