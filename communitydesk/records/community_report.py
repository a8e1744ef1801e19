"""What the community report shows, as services.community_report reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from communitydesk.records.identity import Identity
from communitydesk.rules.circles import Circle
from communitydesk.rules.periods import Period


@dataclass(frozen=True)
class CircleSeries:
    """Contacts per circle at each point in time (period start, month boundaries, period end)."""

    points: list[date]
    counts: dict[str, list[int]]


@dataclass(frozen=True)
class MoveCount:
    from_circle: str
    to_circle: str
    count: int

    @property
    def inward(self) -> bool:
        return Circle(self.to_circle).rank < Circle(self.from_circle).rank


@dataclass(frozen=True)
class FollowUp:
    circle: str
    rhythm_days: int
    due: int
    total: int


@dataclass(frozen=True)
class CommunityReportData:
    identity: Identity
    period: Period
    today: date
    by_circle: dict[str, int]
    by_circle_at_start: dict[str, int]
    series: CircleSeries
    moves: list[MoveCount]
    new_by_source: list[tuple[str, int]]
    touches_by_week: list[tuple[date, int]]
    touches_by_kind: list[tuple[str, int]]
    follow_up: list[FollowUp]
    top_tags: list[tuple[str, int]]
    total_contacts_ever: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_circle.values())

    @property
    def new_total(self) -> int:
        return sum(count for _source, count in self.new_by_source)

    @property
    def moves_total(self) -> int:
        return sum(m.count for m in self.moves)

    @property
    def moves_inward(self) -> int:
        return sum(m.count for m in self.moves if m.inward)

    @property
    def touches_total(self) -> int:
        return sum(count for _week, count in self.touches_by_week)

    @property
    def follow_up_total(self) -> int:
        return sum(f.due for f in self.follow_up)

    @property
    def is_empty(self) -> bool:
        """No contact at all yet: the report says so instead of drawing empty charts."""
        return self.total_contacts_ever == 0
