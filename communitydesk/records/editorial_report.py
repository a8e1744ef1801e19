"""What the editorial report shows for a period, as services.editorial_figures reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from communitydesk.records.identity import Identity
from communitydesk.rules.editorial_figures import EngagementMonth, GrowthMonth, ResultFact, Target, Window, gaps
from communitydesk.rules.periods import Period


@dataclass(frozen=True)
class NetworkPlan:
    """One network over the period: what was planned and published against its target."""

    network: str
    target: Target | None
    planned: int  # dated in the period, not abandoned
    published: int
    expected: int  # the target summed over the period's windows (0: no target)
    windows: int
    windows_met: int


@dataclass(frozen=True)
class EditorialReportData:
    identity: Identity
    period: Period
    today: date
    plans: list[NetworkPlan]
    windows: list[Window]
    engagement: list[EngagementMonth]
    growth: list[GrowthMonth]
    best_posts: list[ResultFact]

    @property
    def gaps(self) -> list[Window]:
        """Windows short of their target, among those already begun."""
        return gaps(w for w in self.windows if w.starts_on <= self.today)

    @property
    def planned_total(self) -> int:
        return sum(plan.planned for plan in self.plans)

    @property
    def published_total(self) -> int:
        return sum(plan.published for plan in self.plans)

    @property
    def is_empty(self) -> bool:
        return not self.plans
