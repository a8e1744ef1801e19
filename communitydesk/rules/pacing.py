"""Pace of a crowdfunding campaign: totals, days left, cumulative series, projection, circles.

Pure functions over plain facts (no database): the dashboard, the PDF report and the
stats all compute the same figures the same way. Only valid contributions count;
refunded, cancelled and pending ones are ignored everywhere here (issue 6).
Days are local calendar days (Europe/Paris); the caller converts timestamps.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from communitydesk.rules.campaigns import COUNTED_STATUSES, CampaignStatus, PaymentStatus
from communitydesk.rules.circles import CIRCLE_ORDER, Circle

# docs/DOMAIN.md §2: the first ~30 % of the goal typically comes from proches and communauté.
CLOSE_CIRCLES_TARGET = 0.30
CLOSE_CIRCLES: frozenset[str] = frozenset({Circle.PROCHES.value, Circle.COMMUNAUTE.value})
ENDED_STATUSES: frozenset[str] = frozenset(
    {CampaignStatus.REUSSIE.value, CampaignStatus.ECHOUEE.value, CampaignStatus.CLOTUREE.value}
)

DaySeries = list[tuple[date, int]]


@dataclass(frozen=True)
class ContributionFact:
    """What pacing needs of one contribution."""

    amount_cents: int
    day: date
    status: str = PaymentStatus.VALID.value
    circle: str = Circle.GRAND_PUBLIC.value
    # The contact id; None for a backer without contact (each such one counts as a backer).
    backer: int | None = None


@dataclass(frozen=True)
class CircleShare:
    amount_cents: int
    backers: int


@dataclass(frozen=True)
class CloseCirclesCheck:
    """How far proches + communauté carry the campaign against the ~30 % habit."""

    target_ratio: float
    target_cents: int
    close_cents: int
    close_ratio_of_goal: float | None
    # Share of the first 30 % of the goal (in date order) that came from close circles;
    # None while the campaign has not reached 30 % of its goal.
    first_wave_close_share: float | None

    @property
    def on_track(self) -> bool:
        return self.close_cents >= self.target_cents


def counted(facts: Iterable[ContributionFact]) -> list[ContributionFact]:
    """The contributions that count: valid payments only."""
    return [f for f in facts if f.status in COUNTED_STATUSES]


def total_cents(facts: Iterable[ContributionFact]) -> int:
    return sum(f.amount_cents for f in counted(facts))


def backers(facts: Iterable[ContributionFact]) -> int:
    """Distinct contacts, plus one per valid contribution that has no contact."""
    valid = counted(facts)
    return len({f.backer for f in valid if f.backer is not None}) + sum(1 for f in valid if f.backer is None)


def goal_ratio(total: int, goal_cents: int) -> float | None:
    """0.5 for half the goal; None when no goal is set."""
    if goal_cents <= 0:
        return None
    return total / goal_cents


def days_left(ends_on: date | None, today: date) -> int | None:
    """Days after today until the end date (0 on the last day and after it)."""
    if ends_on is None:
        return None
    return max(0, (ends_on - today).days)


class Stage(StrEnum):
    """Where a campaign stands in time, for what its « jours restants » may say."""

    BEFORE_LAUNCH = "before_launch"  # in preparation, or its start date not reached
    RUNNING = "running"
    ENDED = "ended"  # after its end date, or closed
    UNDATED = "undated"  # running without an end date


def stage(status: str, starts_on: date | None, ends_on: date | None, today: date) -> Stage:
    if (starts_on is not None and today < starts_on) or (
        status == CampaignStatus.PREPARATION.value and starts_on is None
    ):
        return Stage.BEFORE_LAUNCH
    if (ends_on is not None and today > ends_on) or status in ENDED_STATUSES:
        return Stage.ENDED
    return Stage.RUNNING if ends_on is not None else Stage.UNDATED


def days_to_launch(starts_on: date | None, today: date) -> int | None:
    """Days from today until the start date (None without one or once started)."""
    if starts_on is None or today >= starts_on:
        return None
    return (starts_on - today).days


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def series_start(starts_on: date | None, facts: Sequence[ContributionFact]) -> date | None:
    """The first day of the series: the start date, else the first valid contribution."""
    if starts_on is not None:
        return starts_on
    valid = counted(facts)
    return min((f.day for f in valid), default=None)


def cumulative_by_day(facts: Iterable[ContributionFact], starts_on: date | None, until: date) -> DaySeries:
    """Cumulative valid amount at the end of each day from the start until ``until``.

    Contributions dated before the start (pre-launch pledges) count on the first day,
    so the last point always equals the total up to ``until``.
    """
    valid = counted(facts)
    first = series_start(starts_on, valid)
    if first is None or until < first:
        return []
    per_day: dict[date, int] = {}
    for fact in valid:
        if fact.day > until:
            continue
        day = max(fact.day, first)
        per_day[day] = per_day.get(day, 0) + fact.amount_cents
    running = 0
    series: DaySeries = []
    for day in _days(first, until):
        running += per_day.get(day, 0)
        series.append((day, running))
    return series


def goal_line(starts_on: date | None, ends_on: date | None, goal_cents: int) -> DaySeries:
    """The straight line from 0 before the first day to the goal at the end of the last day."""
    if starts_on is None or ends_on is None or ends_on < starts_on or goal_cents <= 0:
        return []
    days = _days(starts_on, ends_on)
    return [(day, round(goal_cents * (n + 1) / len(days))) for n, day in enumerate(days)]


def daily_pace(
    facts: Iterable[ContributionFact], starts_on: date | None, today: date, ends_on: date | None = None
) -> float:
    """Average valid cents per day since the start (today included, end date at most)."""
    valid = counted(facts)
    first = series_start(starts_on, valid)
    if first is None or today < first:
        return 0.0
    last = min(today, ends_on) if ends_on is not None else today
    elapsed = (last - first).days + 1
    if elapsed <= 0:
        return 0.0
    return sum(f.amount_cents for f in valid if f.day <= last) / elapsed


def projection(
    facts: Sequence[ContributionFact], starts_on: date | None, ends_on: date | None, today: date
) -> DaySeries:
    """From today to the end date, the cumulative amount if the average pace so far holds."""
    if ends_on is None or today >= ends_on:
        return []
    first = series_start(starts_on, facts)
    if first is None or today < first:
        return []
    pace = daily_pace(facts, starts_on, today, ends_on)
    so_far = sum(f.amount_cents for f in counted(facts) if f.day <= today)
    return [(day, so_far + round(pace * n)) for n, day in enumerate(_days(today, ends_on))]


def projected_total(
    facts: Sequence[ContributionFact], starts_on: date | None, ends_on: date | None, today: date
) -> int:
    """The total expected at the end date at the current pace, rounded (the exact total once ended)."""
    line = projection(facts, starts_on, ends_on, today)
    return rounded_projection(line[-1][1]) if line else total_cents(facts)


def rounded_projection(cents: int) -> int:
    """An estimate shown as one: to the euro under 1 000 €, to 10 € under 10 000 €, else to 100 €."""
    step = 100 if cents < 100_000 else 1_000 if cents < 1_000_000 else 10_000
    return round(cents / step) * step


def split_by_circle(facts: Iterable[ContributionFact]) -> dict[str, CircleShare]:
    """Valid amount and backers per circle, innermost first; every circle is present."""
    valid = counted(facts)
    split: dict[str, CircleShare] = {}
    for circle in CIRCLE_ORDER:
        mine = [f for f in valid if f.circle == circle.value]
        split[circle.value] = CircleShare(sum(f.amount_cents for f in mine), backers(mine))
    return split


def close_circles_check(
    facts: Sequence[ContributionFact], goal_cents: int, target_ratio: float = CLOSE_CIRCLES_TARGET
) -> CloseCirclesCheck:
    """Compare what proches + communauté gave with the usual first ~30 % of the goal."""
    valid = sorted(counted(facts), key=lambda f: f.day)
    target_cents = round(goal_cents * target_ratio) if goal_cents > 0 else 0
    close_cents = sum(f.amount_cents for f in valid if f.circle in CLOSE_CIRCLES)
    first_wave_share: float | None = None
    if target_cents > 0:
        running = close_in_wave = 0
        for fact in valid:
            running += fact.amount_cents
            if fact.circle in CLOSE_CIRCLES:
                close_in_wave += fact.amount_cents
            if running >= target_cents:
                first_wave_share = close_in_wave / running
                break
    return CloseCirclesCheck(
        target_ratio=target_ratio,
        target_cents=target_cents,
        close_cents=close_cents,
        close_ratio_of_goal=goal_ratio(close_cents, goal_cents),
        first_wave_close_share=first_wave_share,
    )
