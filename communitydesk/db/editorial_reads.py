"""What the editorial figures read, as named sqlite3 reads on a ``QuickReader``.

The dashboard, ``stats`` and the editorial report read them on the quick path; the
calendar's figures read the same ones (services.editorial_figures), so that every screen
counts alike. Days come out as dates, moments as aware datetimes; rules.editorial_figures
does the counting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from communitydesk.db.quick_reads import QuickReader, has_table
from communitydesk.models import stored_time
from communitydesk.rules.editorial import PublicationStatus

_PUBLISHED = PublicationStatus.PUBLIEE.value
_ABANDONED = PublicationStatus.ABANDONNEE.value


def has_editorial_tables(reader: QuickReader) -> bool:
    """False on a base from before the editorial calendar's migration."""
    return has_table(reader, "publication_networks")


def _day(text: str | None) -> date | None:
    return None if not text else date.fromisoformat(text[:10])


def publications_by_status(reader: QuickReader) -> dict[str, int]:
    """Every publication, abandoned ones included, by status slug."""
    rows = reader.connection.execute("SELECT status, COUNT(*) FROM publications GROUP BY status")
    return {status: int(count) for status, count in rows}


def publications_by_network(reader: QuickReader) -> dict[str, int]:
    """Publications per network: a post on two networks counts once on each."""
    rows = reader.connection.execute("SELECT network, COUNT(*) FROM publication_networks GROUP BY network")
    return {network: int(count) for network, count in rows}


def targets(reader: QuickReader) -> list[tuple[str, int, int]]:
    """(network, count, weeks) of the active networks with a regularity target."""
    sql = (
        "SELECT network, target_count, target_weeks FROM editorial_networks"
        " WHERE active AND target_count > 0 ORDER BY network"
    )
    return [(network, int(count), int(weeks)) for network, count, weeks in reader.connection.execute(sql)]


def planned_on_networks(reader: QuickReader, first: date, last: date) -> list[tuple[str, date, str]]:
    """(network, planned day, status) of every publication dated in [first, last], per network."""
    sql = (
        "SELECT n.network, p.planned_on, p.status FROM publications p"
        " JOIN publication_networks n ON n.publication_id = p.id"
        " WHERE p.planned_on BETWEEN ? AND ? ORDER BY p.planned_on, p.id, n.network"
    )
    return [
        (network, date.fromisoformat(day), status)
        for network, day, status in reader.connection.execute(sql, (first.isoformat(), last.isoformat()))
    ]


@dataclass(frozen=True)
class ResultRow:
    publication_id: int
    title: str
    network: str
    published_at: datetime | None
    planned_on: date | None
    views: int | None
    reactions: int | None
    comments: int | None
    shares: int | None


def published_results(
    reader: QuickReader, since: datetime, until: datetime, first: date, last: date
) -> list[ResultRow]:
    """Published publications per network with their results: published in [since, until), or,
    when the moment of publication was not kept, planned in [first, last]. By publication."""
    sql = (
        "SELECT p.id, p.title, n.network, p.published_at, p.planned_on,"
        " n.views, n.reactions, n.comments, n.shares"
        " FROM publications p JOIN publication_networks n ON n.publication_id = p.id"
        " WHERE p.status = ? AND (p.published_at >= ? AND p.published_at < ?"
        " OR p.published_at IS NULL AND p.planned_on BETWEEN ? AND ?)"
        " ORDER BY p.id, n.network"
    )
    params = (_PUBLISHED, stored_time.encode(since), stored_time.encode(until), first.isoformat(), last.isoformat())
    return [
        ResultRow(
            pid, title or "", network, stored_time.decode(published) if published else None, _day(planned), *results
        )
        for pid, title, network, published, planned, *results in reader.connection.execute(sql, params)
    ]


def follower_counts(reader: QuickReader, last: date) -> list[tuple[str, date, int]]:
    """(network, day, followers) of every count made on or before ``last``, oldest first."""
    sql = (
        "SELECT network, measured_on, followers FROM network_followers WHERE measured_on <= ? ORDER BY measured_on, id"
    )
    return [
        (network, date.fromisoformat(day), int(followers))
        for network, day, followers in reader.connection.execute(sql, (last.isoformat(),))
    ]


@dataclass(frozen=True)
class UpcomingRow:
    publication_id: int
    planned_on: date
    planned_time: time | None
    title: str
    status: str
    networks: tuple[str, ...]


def upcoming(reader: QuickReader, first: date, last: date, limit: int) -> list[UpcomingRow]:
    """Publications still to publish planned in [first, last], soonest first (whole days first)."""
    sql = (
        "SELECT p.id, p.planned_on, p.planned_time, p.title, p.status,"
        " (SELECT group_concat(network, ',') FROM"
        "   (SELECT network FROM publication_networks WHERE publication_id = p.id ORDER BY network))"
        " FROM publications p"
        " WHERE p.planned_on BETWEEN ? AND ? AND p.status NOT IN (?, ?)"
        " ORDER BY p.planned_on, p.planned_time IS NOT NULL, p.planned_time, p.id LIMIT ?"
    )
    params = (first.isoformat(), last.isoformat(), _PUBLISHED, _ABANDONED, limit)
    return [
        UpcomingRow(
            pid,
            date.fromisoformat(day),
            time.fromisoformat(at) if at else None,
            title or "",
            status,
            tuple(networks.split(",")) if networks else (),
        )
        for pid, day, at, title, status, networks in reader.connection.execute(sql, params)
    ]
