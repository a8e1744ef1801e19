"""What the ambassadors' points, levels and leaderboard are made of, as screens and the CLI read them."""

from __future__ import annotations

from dataclasses import dataclass

from communitydesk.records.ambassadors import ReferralCounts
from communitydesk.rules.ambassador_levels import Badge, LevelRule, positive_percent


@dataclass(frozen=True)
class Standing:
    """An ambassador's figures and what the rules make of them (computed on read, never stored)."""

    ambassador_id: int
    name: str
    stage: str
    points: int
    validated_missions: int
    judged_missions: int  # validated or refused: the share's denominator (rules.ambassador_levels)
    months: int  # whole months since first welcomed (« accueilli » or « actif »)
    level: LevelRule | None
    badges: tuple[Badge, ...]
    referrals: ReferralCounts

    @property
    def positive_percent(self) -> int | None:
        return positive_percent(self.validated_missions, self.judged_missions)

    @property
    def level_slug(self) -> str:
        return self.level.slug if self.level else ""

    @property
    def level_name(self) -> str:
        return self.level.name if self.level else ""


@dataclass(frozen=True)
class LevelMove:
    """An ambassador whose level would change if a new ladder were saved."""

    ambassador_id: int
    name: str
    old: LevelRule | None
    new: LevelRule | None
