"""The editorial calendar's figures: regularity, engagement, follower growth, upcoming posts.

Read through db.editorial_reads on the quick path (no SQLAlchemy: the dashboard, ``stats``
and ``export pdf`` use them) and counted by rules.editorial_figures, so that the calendar,
the dashboard, the report and ``stats`` can never disagree. ``source`` is a base's path or
an open ``Database``: either way its committed state is read.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from communitydesk.db import editorial_reads
from communitydesk.db.quick_reads import QuickReader
from communitydesk.formatting import PARIS, local_today, to_local
from communitydesk.records.editorial_figures import EditorialFigures, UpcomingPublication
from communitydesk.records.editorial_report import EditorialReportData, NetworkPlan
from communitydesk.rules import editorial_figures as rules
from communitydesk.rules.editorial import Network, PublicationStatus
from communitydesk.rules.periods import Period
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import HasPath, reading
from communitydesk.services.permissions import Action, Actor, require

UPCOMING_DAYS = 7
UPCOMING_LIMIT = 6
BEST_POSTS = 5


# -- reads on an open reader (shared by the public functions and services.figures) ------------


def _targets(reader: QuickReader) -> list[rules.Target]:
    return [rules.Target(network, count, weeks) for network, count, weeks in editorial_reads.targets(reader)]


def _windows(reader: QuickReader, start: date, end: date) -> tuple[list[rules.Target], list[rules.Window]]:
    targets = _targets(reader)
    if not targets:
        return targets, []
    # Whole windows: the longest target's first window may open before ``start``.
    first = min(rules.window_start(start, t.weeks) for t in targets)
    last = max(rules.window_start(end, t.weeks) + timedelta(weeks=t.weeks, days=-1) for t in targets)
    facts = [rules.PlannedFact(*row) for row in editorial_reads.planned_on_networks(reader, first, last)]
    return targets, rules.regularity(facts, targets, start, end)


def _results(reader: QuickReader, start: date, end: date) -> list[rules.ResultFact]:
    period = Period(start, end)
    return [
        rules.ResultFact(
            row.publication_id,
            row.title,
            row.network,
            to_local(row.published_at).date() if row.published_at else row.planned_on or start,
            row.views,
            row.reactions,
            row.comments,
            row.shares,
        )
        for row in editorial_reads.published_results(reader, period.starts_at, period.ends_at, start, end)
    ]


def _upcoming(reader: QuickReader, today: date, days: int, limit: int) -> list[UpcomingPublication]:
    last = today + timedelta(days=max(1, days) - 1)
    return [
        UpcomingPublication(
            row.publication_id,
            row.planned_on,
            row.planned_time,
            row.title,
            row.status,
            tuple(sorted(row.networks, key=rules.network_rank)),
        )
        for row in editorial_reads.upcoming(reader, today, last, limit)
    ]


def figures_in(reader: QuickReader, today: date | None = None) -> EditorialFigures:
    """The dashboard's and ``stats``' editorial figures, on an open reader."""
    if not editorial_reads.has_editorial_tables(reader):
        return EditorialFigures()  # a base from before the editorial calendar
    today = today or local_today()
    by_status = {status.value: 0 for status in PublicationStatus}
    by_status.update(editorial_reads.publications_by_status(reader))
    by_network = {network.value: 0 for network in Network}
    by_network.update(editorial_reads.publications_by_network(reader))
    this_week = rules.monday(today)
    _targets_read, windows = _windows(reader, this_week, this_week + timedelta(days=13))
    recent = rules.default_period(today)  # the report's months, for stats too
    return EditorialFigures(
        publications=sum(by_status.values()),
        by_status=by_status,
        by_network=by_network,
        upcoming=_upcoming(reader, today, UPCOMING_DAYS, UPCOMING_LIMIT),
        gaps=rules.gaps(windows),
        this_week=this_week,
        engagement=rules.engagement(_results(reader, recent.start, recent.end), recent.start, recent.end),
    )


# -- public use cases ----------------------------------------------------------------------------


def regularity(source: Path | HasPath, actor: Actor, start: date, end: date) -> list[rules.Window]:
    """Every target window meeting [start, end], per network with a target (gaps: ``rules.gaps``)."""
    require(actor, Action.READ_FIGURES)
    with reading(source) as reader:
        return _windows(reader, start, end)[1]


def engagement(source: Path | HasPath, actor: Actor, start: date, end: date) -> list[rules.EngagementMonth]:
    """Engagement per network and month of the posts published in [start, end]."""
    require(actor, Action.READ_FIGURES)
    with reading(source) as reader:
        return rules.engagement(_results(reader, start, end), start, end)


def upcoming(
    source: Path | HasPath,
    actor: Actor,
    days: int = UPCOMING_DAYS,
    limit: int = UPCOMING_LIMIT,
    today: date | None = None,
) -> list[UpcomingPublication]:
    """Publications still to publish in the next ``days`` days (today included), soonest first."""
    require(actor, Action.READ_FIGURES)
    with reading(source) as reader:
        return _upcoming(reader, today or local_today(), days, limit)


def editorial_stats(source: Path | HasPath, actor: Actor, today: date | None = None) -> EditorialFigures:
    """The ``editorial`` figures of ``stats --json`` (services.figures reads them with the others)."""
    require(actor, Action.READ_FIGURES)
    with reading(source) as reader:
        return figures_in(reader, today)


def editorial_report_data(
    source: Path | HasPath, actor: Actor, period: Period | None = None, now: datetime | None = None
) -> EditorialReportData:
    """Everything the editorial report shows for ``period`` (default: the last three months)."""
    require(actor, Action.READ_FIGURES)
    now = now or datetime.now(UTC)
    today = now.astimezone(PARIS).date()
    period = period or rules.default_period(today)
    with reading(source) as reader:
        identity = identity_in(reader)
        targets, windows = _windows(reader, period.start, period.end)
        facts = [
            rules.PlannedFact(*row) for row in editorial_reads.planned_on_networks(reader, period.start, period.end)
        ]
        results = _results(reader, period.start, period.end)
        followers = [rules.FollowerFact(*row) for row in editorial_reads.follower_counts(reader, period.end)]
    return EditorialReportData(
        identity=identity,
        period=period,
        today=today,
        plans=_plans(targets, windows, facts),
        windows=windows,
        engagement=rules.engagement(results, period.start, period.end),
        growth=rules.growth(followers, period.start, period.end),
        best_posts=rules.best_posts(results, BEST_POSTS),
    )


def _plans(
    targets: list[rules.Target], windows: list[rules.Window], facts: list[rules.PlannedFact]
) -> list[NetworkPlan]:
    """Per network with a target or a publication in the period, in the vocabulary's order."""
    by_network = {t.network: t for t in targets}
    networks = sorted({*by_network, *(f.network for f in facts)}, key=rules.network_rank)
    plans = []
    for network in networks:
        mine = [w for w in windows if w.network == network]
        counted = [f for f in facts if f.network == network and rules.counts_for_regularity(f.status)]
        plans.append(
            NetworkPlan(
                network=network,
                target=by_network.get(network),
                planned=len(counted),
                published=sum(1 for f in counted if f.status == PublicationStatus.PUBLIEE.value),
                expected=sum(w.target for w in mine),
                windows=len(mine),
                windows_met=sum(1 for w in mine if not w.short),
            )
        )
    return plans
