"""The editorial calendar's figures (docs/DOMAIN.md §6): regularity against the targets,
engagement, follower growth, best posts. Plain facts in, plain figures out: the calendar
screen, the dashboard, the editorial report and ``stats`` all count with these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from communitydesk.formatting import day, local_today
from communitydesk.i18n import _, ngettext
from communitydesk.rules.editorial import ENGAGEMENT_BENCHMARK, Network, PublicationStatus
from communitydesk.rules.periods import Period

# The editorial report's period when none is chosen: the last three months.
DEFAULT_MONTHS = 3

_NETWORK_ORDER = {network.value: rank for rank, network in enumerate(Network)}


def network_rank(network: str) -> tuple[int, str]:
    """Networks in the vocabulary's order, unknown slugs last."""
    return (_NETWORK_ORDER.get(network, len(_NETWORK_ORDER)), network)


def network_label(network: str) -> str:
    return Network(network).label() if network in _NETWORK_ORDER else network


def default_period(today: date | None = None) -> Period:
    """The last three months, ending today: the editorial report's period when none is chosen."""
    today = today or local_today()
    month = today.month - DEFAULT_MONTHS
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    try:
        start = today.replace(year=year, month=month) + timedelta(days=1)
    except ValueError:  # 31 May: no 31 February, so the period starts on 1 March
        start = date(year + (month == 12), month % 12 + 1, 1)
    return Period(start, today)


# -- regularity --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedFact:
    """One publication on one network, on its planned day."""

    network: str
    day: date
    status: str


@dataclass(frozen=True)
class Target:
    """``count`` publications every ``weeks`` weeks on ``network`` (0: no target)."""

    network: str
    count: int
    weeks: int = 1


@dataclass(frozen=True)
class Window:
    """A network's publications planned in one target window (``weeks`` weeks from a Monday)."""

    network: str
    starts_on: date
    weeks: int
    planned: int
    target: int

    @property
    def ends_on(self) -> date:
        """The window's last day (a Sunday)."""
        return self.starts_on + timedelta(weeks=self.weeks, days=-1)

    @property
    def short(self) -> bool:
        return self.planned < self.target

    @property
    def missing(self) -> int:
        return max(0, self.target - self.planned)


def monday(of: date) -> date:
    return of - timedelta(days=of.weekday())


def window_start(of: date, weeks: int) -> date:
    """The Monday opening the ``weeks``-week window holding ``of``.

    Windows are counted from a fixed Monday (1 January of year 1), not from the range
    asked for: a fortnightly newsletter is judged on the same fortnights by every screen.
    """
    first = monday(of)
    weeks = max(1, weeks)
    index = (first.toordinal() - 1) // 7
    return first - timedelta(weeks=index % weeks)


def counts_for_regularity(status: str) -> bool:
    """A dated publication counts as planned unless it was abandoned."""
    return status != PublicationStatus.ABANDONNEE.value


def regularity(facts: Iterable[PlannedFact], targets: Iterable[Target], start: date, end: date) -> list[Window]:
    """Every target window meeting [start, end], per network with a target, networks in order.

    A window is counted whole (a fortnight starting before ``start`` counts its first week too).
    """
    judged = {t.network: t for t in targets if t.count > 0}
    if not judged or end < start:
        return []
    counted: dict[tuple[str, date], int] = {}
    for fact in facts:
        target = judged.get(fact.network)
        if target is not None and counts_for_regularity(fact.status):
            key = (fact.network, window_start(fact.day, target.weeks))
            counted[key] = counted.get(key, 0) + 1
    windows = []
    for network in sorted(judged, key=network_rank):
        target = judged[network]
        weeks = max(1, target.weeks)
        opening = window_start(start, weeks)
        while opening <= end:
            windows.append(Window(network, opening, weeks, counted.get((network, opening), 0), target.count))
            opening += timedelta(weeks=weeks)
    return windows


def gaps(windows: Iterable[Window]) -> list[Window]:
    """The windows short of their target, by date then network."""
    return sorted((w for w in windows if w.short), key=lambda w: (w.starts_on, network_rank(w.network)))


def _short_day(value: date) -> str:
    return day(value, "d MMMM")


def gap_text(window: Window) -> str:
    """« aucune publication LinkedIn la semaine du 7 décembre », « 1 publication Facebook sur 3 prévues… »."""
    network = network_label(window.network)
    when = _short_day(window.starts_on)
    if window.planned == 0:
        return ngettext(
            "aucune publication {network} la semaine du {day}",
            "aucune publication {network} les {weeks} semaines à partir du {day}",
            window.weeks,
            network=network,
            day=when,
            weeks=window.weeks,
        )
    if window.weeks == 1:
        return ngettext(
            "{planned} publication {network} sur {target} prévues la semaine du {day}",
            "{planned} publications {network} sur {target} prévues la semaine du {day}",
            window.planned,
            planned=window.planned,
            network=network,
            target=window.target,
            day=when,
        )
    return ngettext(
        "{planned} publication {network} sur {target} prévues les {weeks} semaines à partir du {day}",
        "{planned} publications {network} sur {target} prévues les {weeks} semaines à partir du {day}",
        window.planned,
        planned=window.planned,
        network=network,
        target=window.target,
        weeks=window.weeks,
        day=when,
    )


def target_text(target: int, weeks: int) -> str:
    """« 2 par semaine », « 1 toutes les 2 semaines »."""
    if weeks <= 1:
        return _("{count} par semaine", count=target)
    return _("{count} toutes les {weeks} semaines", count=target, weeks=weeks)


# -- engagement --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultFact:
    """A published publication's results on one network (None: not measured)."""

    publication_id: int
    title: str
    network: str
    published_on: date
    views: int | None
    reactions: int | None
    comments: int | None
    shares: int | None

    @property
    def interactions(self) -> int:
        return (self.reactions or 0) + (self.comments or 0) + (self.shares or 0)

    @property
    def measured(self) -> bool:
        return bool(self.views and self.views > 0)

    @property
    def rate(self) -> float | None:
        """Engagement rate: (reactions + comments + shares) / views; None without views."""
        return self.interactions / self.views if self.views and self.views > 0 else None


@dataclass(frozen=True)
class EngagementMonth:
    """A network's engagement over the publications published in one month."""

    network: str
    month: date  # the first day of the month
    published: int
    measured: int  # of which with views > 0
    views: int
    interactions: int

    @property
    def rate(self) -> float | None:
        return self.interactions / self.views if self.views > 0 else None

    @property
    def meets_benchmark(self) -> bool | None:
        rate = self.rate
        return None if rate is None else rate >= ENGAGEMENT_BENCHMARK


def month_of(value: date) -> date:
    return value.replace(day=1)


def months(start: date, end: date) -> list[date]:
    """First days of the months meeting [start, end]."""
    found, month = [], month_of(start)
    while month <= end:
        found.append(month)
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return found


def engagement(results: Iterable[ResultFact], start: date, end: date) -> list[EngagementMonth]:
    """Per network and month (networks in order, then months): the month's rate is the sum of
    interactions over the sum of views of the posts published then with views > 0."""
    totals: dict[tuple[str, date], list[int]] = {}
    for fact in results:
        if not start <= fact.published_on <= end:
            continue
        row = totals.setdefault((fact.network, month_of(fact.published_on)), [0, 0, 0, 0])
        row[0] += 1
        if fact.measured:
            row[1] += 1
            row[2] += fact.views or 0
            row[3] += fact.interactions
    return [
        EngagementMonth(network, month, *totals[(network, month)])
        for network, month in sorted(totals, key=lambda key: (network_rank(key[0]), key[1]))
    ]


def best_posts(results: Iterable[ResultFact], limit: int = 5) -> list[ResultFact]:
    """Measured posts by engagement rate, then by reactions; equal ones keep their order."""
    measured = [fact for fact in results if fact.measured]
    measured.sort(key=lambda fact: (-(fact.rate or 0.0), -(fact.reactions or 0)))
    return measured[:limit]


# -- followers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowerFact:
    network: str
    measured_on: date
    followers: int


@dataclass(frozen=True)
class GrowthMonth:
    """A network's audience at the end of a month against the last count before it."""

    network: str
    month: date
    followers: int  # the month's last count
    previous: int | None  # the last count before the month

    @property
    def rate(self) -> float | None:
        if not self.previous:
            return None
        return (self.followers - self.previous) / self.previous


def growth(counts: Sequence[FollowerFact], start: date, end: date) -> list[GrowthMonth]:
    """Per network and month of [start, end] with a count: the growth rate over the month."""
    by_network: dict[str, list[FollowerFact]] = {}
    for fact in sorted(counts, key=lambda f: f.measured_on):
        by_network.setdefault(fact.network, []).append(fact)
    found = []
    for network in sorted(by_network, key=network_rank):
        previous: int | None = None
        last_in_month: dict[date, int] = {}
        before: dict[date, int | None] = {}
        for fact in by_network[network]:
            month = month_of(fact.measured_on)
            if month not in last_in_month:
                before[month] = previous
            last_in_month[month] = fact.followers
            previous = fact.followers
        for month in months(start, end):
            if month in last_in_month:
                found.append(GrowthMonth(network, month, last_in_month[month], before[month]))
    return found
