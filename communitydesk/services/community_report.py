"""What the community report shows for a period: circles over time, moves, touch points, tags.

Read on the quick path (db.document_reads, db.figure_reads) into the records of
``records.community_report``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from communitydesk.db import document_reads, figure_reads
from communitydesk.db.quick_reads import QuickReader, stored_setting
from communitydesk.formatting import PARIS
from communitydesk.records.community_report import CircleSeries, CommunityReportData, FollowUp, MoveCount
from communitydesk.rules.cadence import RHYTHM_SETTING_KEY, due_before, rhythm_from_stored
from communitydesk.rules.circles import CIRCLE_ORDER, Circle
from communitydesk.rules.periods import Period
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import HasPath, reading
from communitydesk.services.permissions import Action, Actor, require


def _month_points(period: Period) -> list[date]:
    points = [period.start]
    month = date(period.start.year, period.start.month, 1)
    while True:
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        if month > period.end:
            break
        points.append(month)
    points.append(period.end + timedelta(days=1))
    return points


def _circle_series(reader: QuickReader, period: Period) -> CircleSeries:
    """Contacts per circle at each point in time: the circle a contact is in now, undone move by move.

    Walking each contact's moves back from its circle today makes a point at or after now
    equal to the dashboard's count (figure_reads.circle_counts), whatever the history holds.
    One pass over contacts and moves, whatever the number of months.
    """
    points = _month_points(period)
    # In UTC, as the moments read: datetimes of one tzinfo compare without asking it for offsets.
    instants = [datetime.combine(p, time(), PARIS).astimezone(UTC) for p in points]
    circles = [c.value for c in CIRCLE_ORDER]
    diff = {circle: [0] * (len(points) + 1) for circle in circles}
    after_all = len(points)

    def slot(moment: datetime) -> int:
        # Counted from the first point after the moment: a point counts what exists before it.
        return bisect_right(instants, moment)

    def stay(circle: str | None, since: int, until: int) -> None:
        if circle in diff and since < until:
            diff[circle][since] += 1
            diff[circle][until] -= 1

    moves_by_contact: dict[int, list[tuple[datetime, str | None, str]]] = {}
    for contact_id, moved_at, from_circle, to_circle in document_reads.moves_of_active_contacts(reader):
        moves_by_contact.setdefault(contact_id, []).append((moved_at, from_circle, to_circle))
    for contact_id, created_at, circle in document_reads.active_contacts_created_before(reader, instants[-1]):
        moves = moves_by_contact.get(contact_id, [])
        arrived = slot(min([created_at, *(moved_at for moved_at, before, _to in moves if before is None)]))
        state, until = circle, after_all
        for moved_at, before, after in reversed(moves):
            if before is None or before == after:
                continue  # an arrival, or a move that changed nothing
            since = max(slot(moved_at), arrived)
            stay(state, since, until)
            state, until = before, since
        stay(state, arrived, until)
    counts: dict[str, list[int]] = {}
    for circle in circles:
        running, series = 0, []
        for index in range(len(points)):
            running += diff[circle][index]
            series.append(running)
        counts[circle] = series
    # The last point is the first day after the period: label it with the period's end.
    labels = [*points[:-1], period.end]
    return CircleSeries(points=labels, counts=counts)


def _follow_up(reader: QuickReader, now: datetime) -> list[FollowUp]:
    """Contacts due per circle, by the rule of rules.cadence.is_overdue (the dashboard's count)."""
    rhythm = rhythm_from_stored(stored_setting(reader, RHYTHM_SETTING_KEY))
    due = figure_reads.overdue_counts(reader, due_before(rhythm, now))
    totals = figure_reads.circle_counts(reader)
    return [
        FollowUp(
            circle=circle.value,
            rhythm_days=rhythm[circle.value],
            due=due.get(circle.value, 0),
            total=totals.get(circle.value, 0),
        )
        for circle in CIRCLE_ORDER
    ]


def community_report_data(
    source: Path | HasPath, actor: Actor, period: Period, now: datetime | None = None
) -> CommunityReportData:
    """Everything the community report shows for ``period`` (contacts, moves, touch points, tags)."""
    require(actor, Action.READ_FIGURES)
    now = now or datetime.now(UTC)
    with reading(source) as reader:
        start, end = period.starts_at, period.ends_at
        series = _circle_series(reader, period)
        by_circle = {circle: values[-1] for circle, values in series.counts.items()}
        at_start = {circle: values[0] for circle, values in series.counts.items()}
        moves = [
            MoveCount(from_circle, to_circle, count)
            for from_circle, to_circle, count in document_reads.moves_between(reader, start, end)
            if from_circle in Circle._value2member_map_ and to_circle in Circle._value2member_map_
        ]
        moves.sort(key=lambda m: (Circle(m.from_circle).rank, Circle(m.to_circle).rank))
        weeks: Counter[date] = Counter()
        for hour, count in document_reads.touch_points_by_hour(reader, start, end):
            local = hour.astimezone(PARIS).date()
            weeks[local - timedelta(days=local.weekday())] += count
        first_monday = period.start - timedelta(days=period.start.weekday())
        week_list = []
        monday = first_monday
        while monday <= period.end:
            week_list.append((monday, weeks.get(monday, 0)))
            monday += timedelta(days=7)
        return CommunityReportData(
            identity=identity_in(reader),
            period=period,
            today=now.astimezone(PARIS).date(),
            by_circle=by_circle,
            by_circle_at_start=at_start,
            series=series,
            moves=moves,
            new_by_source=document_reads.new_contacts_by_source(reader, start, end),
            touches_by_week=week_list,
            touches_by_kind=document_reads.touch_points_by_kind(reader, start, end),
            follow_up=_follow_up(reader, now),
            top_tags=document_reads.top_tags(reader, 10),
            total_contacts_ever=document_reads.contacts_ever(reader),
        )
