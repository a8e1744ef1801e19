"""What the community report shows for a period: circles over time, moves, touch points, tags.

Read with plain read-only sqlite3 (services.document_source) into the records of
``records.community_report``.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from communitydesk.formatting import PARIS
from communitydesk.records.community_report import CircleSeries, CommunityReportData, FollowUp, MoveCount
from communitydesk.rules.cadence import RHYTHM_SETTING_KEY, due_before, rhythm_from_stored
from communitydesk.rules.circles import CIRCLE_ORDER, Circle
from communitydesk.rules.periods import Period
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import ACTIVE, HasPath, reading, setting, stored
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


def _circle_series(conn: sqlite3.Connection, period: Period) -> CircleSeries:
    """Replay entries and moves (from circle_moves) to count each circle at each point in time.

    One pass over contacts and moves, whatever the number of months: each contact adds +1
    to its circle from its arrival on, and each move shifts it from one circle to another.
    """
    points = _month_points(period)
    instants = [stored(datetime.combine(p, time(), PARIS)) for p in points]
    circles = [c.value for c in CIRCLE_ORDER]
    diff = {circle: [0] * (len(points) + 1) for circle in circles}
    end = instants[-1]

    def slot(moment: str) -> int:
        # Counted from the first point at or after the moment (the boundary is exclusive).
        return bisect_right(instants, moment)

    moves_by_contact: dict[int, list[tuple[str, str | None, str]]] = {}
    for contact_id, moved_at, from_circle, to_circle in conn.execute(
        "SELECT contact_id, moved_at, from_circle, to_circle FROM circle_moves WHERE moved_at < ? "
        "ORDER BY contact_id, moved_at, id",
        (end,),
    ):
        moves_by_contact.setdefault(contact_id, []).append((moved_at, from_circle, to_circle))
    for contact_id, created_at, circle in conn.execute(
        f"SELECT c.id, c.created_at, c.circle FROM contacts c WHERE {ACTIVE} AND c.created_at < ?", (end,)
    ):
        moves = moves_by_contact.get(contact_id, [])
        if moves and moves[0][1] is None:
            arrived_at, _none, state = moves[0]
            arrived_at = min(arrived_at, created_at)
            moves = moves[1:]
        else:
            arrived_at = created_at
            state = moves[0][1] if moves and moves[0][1] else circle
        if state not in diff:
            continue
        diff[state][slot(arrived_at)] += 1
        for moved_at, _from, to_circle in moves:
            if to_circle == state or to_circle not in diff:
                continue
            index = slot(moved_at)
            diff[state][index] -= 1
            diff[to_circle][index] += 1
            state = to_circle
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


def _follow_up(conn: sqlite3.Connection, now: datetime) -> list[FollowUp]:
    """Contacts due per circle, by the rule of rules.cadence.is_overdue, counted in SQL."""
    rhythm = rhythm_from_stored(setting(conn, RHYTHM_SETTING_KEY))
    cutoffs = due_before(rhythm, now)
    result = []
    for circle in CIRCLE_ORDER:
        cutoff = stored(cutoffs[circle.value])
        total, due = conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(COALESCE(c.last_touch_at, c.created_at) < ?), 0) "
            f"FROM contacts c WHERE {ACTIVE} AND c.circle = ?",
            (cutoff, circle.value),
        ).fetchone()
        result.append(FollowUp(circle=circle.value, rhythm_days=rhythm[circle.value], due=due, total=total))
    return result


def community_report_data(
    source: Path | HasPath, actor: Actor, period: Period, now: datetime | None = None
) -> CommunityReportData:
    """Everything the community report shows for ``period`` (contacts, moves, touch points, tags)."""
    require(actor, Action.READ)
    now = now or datetime.now(UTC)
    with reading(source) as conn:
        start, end = stored(period.starts_at), stored(period.ends_at)
        (ever,) = conn.execute("SELECT COUNT(*) FROM contacts").fetchone()
        series = _circle_series(conn, period)
        by_circle = {circle: values[-1] for circle, values in series.counts.items()}
        at_start = {circle: values[0] for circle, values in series.counts.items()}
        moves = [
            MoveCount(from_circle, to_circle, count)
            for from_circle, to_circle, count in conn.execute(
                "SELECT m.from_circle, m.to_circle, COUNT(*) FROM circle_moves m "
                "JOIN contacts c ON c.id = m.contact_id "
                f"WHERE {ACTIVE} AND m.from_circle IS NOT NULL AND m.from_circle != m.to_circle "
                "AND m.moved_at >= ? AND m.moved_at < ? GROUP BY m.from_circle, m.to_circle",
                (start, end),
            )
            if from_circle in Circle._value2member_map_ and to_circle in Circle._value2member_map_
        ]
        moves.sort(key=lambda m: (Circle(m.from_circle).rank, Circle(m.to_circle).rank))
        new_by_source = [
            (source_name, count)
            for source_name, count in conn.execute(
                f"SELECT TRIM(c.source), COUNT(*) AS n FROM contacts c WHERE {ACTIVE} "
                "AND c.created_at >= ? AND c.created_at < ? GROUP BY TRIM(c.source) ORDER BY n DESC, 1",
                (start, end),
            )
        ]
        weeks: Counter[date] = Counter()
        for hour, count in conn.execute(
            "SELECT substr(occurred_at, 1, 13), COUNT(*) FROM touch_points WHERE occurred_at >= ? AND occurred_at < ? "
            "GROUP BY 1",
            (start, end),
        ):
            local = datetime.fromisoformat(hour + ":00").replace(tzinfo=UTC).astimezone(PARIS).date()
            weeks[local - timedelta(days=local.weekday())] += count
        first_monday = period.start - timedelta(days=period.start.weekday())
        week_list = []
        monday = first_monday
        while monday <= period.end:
            week_list.append((monday, weeks.get(monday, 0)))
            monday += timedelta(days=7)
        touches_by_kind = list(
            conn.execute(
                "SELECT kind, COUNT(*) AS n FROM touch_points WHERE occurred_at >= ? AND occurred_at < ? "
                "GROUP BY kind ORDER BY n DESC, kind",
                (start, end),
            )
        )
        top_tags = list(
            conn.execute(
                "SELECT t.name, COUNT(*) AS n FROM tags t JOIN contact_tags ct ON ct.tag_id = t.id "
                f"JOIN contacts c ON c.id = ct.contact_id WHERE {ACTIVE} "
                "GROUP BY t.id ORDER BY n DESC, fold(t.name) LIMIT 10"
            )
        )
        return CommunityReportData(
            identity=identity_in(conn),
            period=period,
            today=now.astimezone(PARIS).date(),
            by_circle=by_circle,
            by_circle_at_start=at_start,
            series=series,
            moves=moves,
            new_by_source=new_by_source,
            touches_by_week=week_list,
            touches_by_kind=touches_by_kind,
            follow_up=_follow_up(conn, now),
            top_tags=top_tags,
            total_contacts_ever=ever,
        )
