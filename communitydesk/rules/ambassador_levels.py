"""Points and levels of the ambassador programme (A2 extends this module).

A level is reached once an ambassador has enough validated missions, a high enough share
of their completed missions validated, and enough months in the programme (BlaBlaCar's ladder).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from communitydesk.i18n import _
from communitydesk.rules.ambassadors import MissionStatus


class _Scored(Protocol):
    @property
    def status(self) -> str: ...

    @property
    def points(self) -> int: ...


@dataclass(frozen=True)
class LevelRule:
    slug: str
    name: str
    position: int
    min_validated_missions: int
    min_positive_percent: int
    min_months: int


# slug, validated missions, % validated among those completed, months in the programme (BlaBlaCar's ladder).
DEFAULT_LEVELS: tuple[tuple[str, int, int, int], ...] = (
    ("debutant", 0, 0, 0),
    ("habitue", 1, 60, 1),
    ("confirme", 3, 70, 3),
    ("expert", 6, 80, 6),
    ("ambassadeur", 12, 90, 12),
)


def default_level_name(slug: str) -> str:
    return {
        "debutant": _("Débutant"),
        "habitue": _("Habitué"),
        "confirme": _("Confirmé"),
        "expert": _("Expert"),
        "ambassadeur": _("Ambassadeur"),
    }.get(slug, slug)


def default_levels() -> tuple[LevelRule, ...]:
    """The five default levels, named in the user's language."""
    return tuple(
        LevelRule(slug, default_level_name(slug), i, m, p, mo) for i, (slug, m, p, mo) in enumerate(DEFAULT_LEVELS)
    )


def points_of(missions: Iterable[_Scored]) -> int:
    """Points earned: the points of validated missions only."""
    return sum(m.points for m in missions if m.status == MissionStatus.VALIDEE.value)


def level_for(levels: Sequence[LevelRule], validated: int, completed: int, months: int) -> LevelRule | None:
    """The highest level whose three thresholds are met (None only when ``levels`` is empty).

    ``completed``: missions handed in (done, validated or refused): a « positive outcome » is a
    validated one among them; with none, the share is 100 %.
    """
    percent = 100 * validated / completed if completed else 100
    reached = [
        level
        for level in levels
        if validated >= level.min_validated_missions
        and percent >= level.min_positive_percent
        and months >= level.min_months
    ]
    return max(reached, key=lambda level: level.position, default=None)


def months_between(since: date, today: date) -> int:
    """Whole months from ``since`` to ``today`` (the 31st to the 30th of the next month is 0)."""
    months = (today.year - since.year) * 12 + today.month - since.month
    return max(0, months - (today.day < since.day))
