"""The editorial calendar's figures as the dashboard and ``stats`` show them (services.editorial_figures)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from communitydesk.rules.editorial import Network, PublicationStatus
from communitydesk.rules.editorial_figures import EngagementMonth, Window, gap_text


@dataclass(frozen=True)
class UpcomingPublication:
    """A publication still to publish, planned in the coming days."""

    id: int
    planned_on: date
    planned_time: time | None
    title: str
    status: str
    networks: tuple[str, ...]


@dataclass(frozen=True)
class EditorialFigures:
    publications: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in PublicationStatus})
    by_network: dict[str, int] = field(default_factory=lambda: {n.value: 0 for n in Network})
    upcoming: list[UpcomingPublication] = field(default_factory=list)
    # Windows short of their target, this week's and next week's.
    gaps: list[Window] = field(default_factory=list)
    this_week: date | None = None  # the Monday of the current week
    # The last three months, per network and month.
    engagement: list[EngagementMonth] = field(default_factory=list)

    @property
    def gaps_this_week(self) -> list[Window]:
        return [w for w in self.gaps if self.this_week is not None and w.starts_on <= self.this_week <= w.ends_on]

    def as_json(self) -> dict[str, Any]:
        return {
            "publications": self.publications,
            "by_status": self.by_status,
            "by_network": self.by_network,
            "engagement": [
                {
                    "network": m.network,
                    "month": m.month.strftime("%Y-%m"),
                    "published": m.published,
                    "measured": m.measured,
                    "views": m.views,
                    "interactions": m.interactions,
                    "rate": None if m.rate is None else round(m.rate, 4),
                }
                for m in self.engagement
            ],
            "gaps": [
                {
                    "network": w.network,
                    "from": w.starts_on.isoformat(),
                    "to": w.ends_on.isoformat(),
                    "planned": w.planned,
                    "target": w.target,
                    "text": gap_text(w),
                }
                for w in self.gaps
            ],
        }
