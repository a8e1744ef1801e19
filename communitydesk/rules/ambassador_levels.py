"""Points, levels and badges of the ambassador programme: rules on data, never typed by hand.

A level is reached once an ambassador has enough validated missions, a high enough share
of positive outcomes (validated among the missions judged: validated or refused) and
enough whole months since they were first welcomed (BlaBlaCar's ladder). The level is the
highest, by position, whose three thresholds are all met. Badges are milestones read from
the same figures. Each threshold is « at least »: reaching it is enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import pairwise
from typing import Protocol

from communitydesk.i18n import _
from communitydesk.rules.ambassadors import MissionStatus, Stage
from communitydesk.rules.contact_keys import fold

MAX_LEVEL_NAME = 100
MAX_SLUG = 30
_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


class _Scored(Protocol):
    @property
    def status(self) -> str: ...

    @property
    def points(self) -> int: ...


@dataclass(frozen=True)
class LevelRule:
    slug: str  # stable: the key of ``stats --json``, never renamed
    name: str
    position: int
    min_validated_missions: int
    min_positive_percent: int
    min_months: int

    @property
    def thresholds(self) -> tuple[int, int, int]:
        return self.min_validated_missions, self.min_positive_percent, self.min_months


# slug, validated missions, % positive among judged, months in the programme (BlaBlaCar's ladder).
DEFAULT_LEVELS: tuple[tuple[str, int, int, int], ...] = (
    ("debutant", 0, 0, 0),
    ("habitue", 1, 60, 1),
    ("confirme", 3, 70, 3),
    ("expert", 6, 80, 6),
    ("ambassadeur", 12, 90, 12),
)


def default_level_name(slug: str) -> str:
    """The name a default level starts with, in the user's language (then editable)."""
    return {
        "debutant": _("Débutant"),
        "habitue": _("Habitué"),
        "confirme": _("Confirmé"),
        "expert": _("Expert"),
        "ambassadeur": _("Ambassadeur"),
    }.get(slug, slug)


def default_levels() -> tuple[LevelRule, ...]:
    return tuple(
        LevelRule(slug, default_level_name(slug), i, m, p, mo) for i, (slug, m, p, mo) in enumerate(DEFAULT_LEVELS)
    )


def points_of(missions: Iterable[_Scored]) -> int:
    """Points earned: the points of validated missions only."""
    return sum(m.points for m in missions if m.status == MissionStatus.VALIDEE.value)


# The missions whose outcome counts in the share: a positive outcome is a validated one among
# them. One handed in and waiting for the team's decision is not counted yet (handing in a
# mission never lowers a level).
JUDGED_STATUSES: tuple[str, ...] = (MissionStatus.VALIDEE.value, MissionStatus.REFUSEE.value)


def positive_percent(validated: int, judged: int) -> int | None:
    """Validated among judged missions, in whole percent rounded down; None before any is judged."""
    return 100 * validated // judged if judged else None


def meets(level: LevelRule, validated: int, judged: int, months: int) -> bool:
    """Whether the three thresholds of ``level`` are met. Before any mission is judged the
    share counts as full: a newcomer is not held back by a share they cannot have yet."""
    share_met = not judged or 100 * validated >= level.min_positive_percent * judged  # exact, no float
    return validated >= level.min_validated_missions and share_met and months >= level.min_months


def level_for(levels: Sequence[LevelRule], validated: int, completed: int, months: int) -> LevelRule | None:
    """The highest level (by position) whose three thresholds are met; None only when none is.

    ``completed``: missions handed in and judged (``JUDGED_STATUSES``).
    """
    reached = [level for level in levels if meets(level, validated, completed, months)]
    return max(reached, key=lambda level: level.position, default=None)


# From these stages an ambassador has been welcomed: seniority runs from the first of them.
WELCOMED_STAGES: tuple[str, ...] = (Stage.ACCUEILLI.value, Stage.ACTIF.value)


def welcomed_on(first_welcome: date | None, stage: str, stage_since: date) -> date | None:
    """The day seniority runs from: the first move to « accueilli » or « actif »; without one
    recorded (a membership entered at that stage), the day of the current stage if it is one
    of them; None for someone not welcomed yet."""
    if first_welcome is not None:
        return first_welcome
    return stage_since if stage in WELCOMED_STAGES else None


def seniority(first_welcome: date | None, stage: str, stage_since: date, today: date) -> int:
    """Whole months in the programme since the welcome (0 before it)."""
    since = welcomed_on(first_welcome, stage, stage_since)
    return months_between(since, today) if since is not None else 0


def months_between(since: date, today: date) -> int:
    """Whole months from ``since`` to ``today`` (the 31st to the 30th of the next month is 0)."""
    months = (today.year - since.year) * 12 + today.month - since.month
    return max(0, months - (today.day < since.day))


class Badge(StrEnum):
    PREMIERE_MISSION = "premiere_mission"
    DIX_MISSIONS = "dix_missions"
    PREMIER_FILLEUL = "premier_filleul"
    UN_AN = "un_an"

    def label(self) -> str:
        return {
            Badge.PREMIERE_MISSION: _("Première mission"),
            Badge.DIX_MISSIONS: _("Dix missions"),
            Badge.PREMIER_FILLEUL: _("Premier filleul"),
            Badge.UN_AN: _("Un an d’engagement"),
        }[self]

    def description(self) -> str:
        return {
            Badge.PREMIERE_MISSION: _("une première mission validée"),
            Badge.DIX_MISSIONS: _("dix missions validées"),
            Badge.PREMIER_FILLEUL: _("une première personne ou une première contribution amenée par son code"),
            Badge.UN_AN: _("un an dans le programme depuis son accueil"),
        }[self]


def badges_for(validated: int, referrals: int, months: int) -> tuple[Badge, ...]:
    """The badges earned, in the order they are usually earned."""
    earned = []
    if validated >= 1:
        earned.append(Badge.PREMIERE_MISSION)
    if referrals >= 1:
        earned.append(Badge.PREMIER_FILLEUL)
    if validated >= 10:
        earned.append(Badge.DIX_MISSIONS)
    if months >= 12:
        earned.append(Badge.UN_AN)
    return tuple(earned)


@dataclass(frozen=True)
class LevelProblem:
    """Why a set of levels cannot be saved: the level's position and field, and a sentence."""

    position: int
    field: str
    message: str


def level_problems(levels: Sequence[LevelRule], stable_slugs: Iterable[str] = ()) -> list[LevelProblem]:
    """What is wrong with a ladder, first problem first (empty: it can be saved).

    Names non-empty; slugs well formed and unique; the first level open to everyone (all
    thresholds 0, so that every ambassador has a level); each next level asks at least as
    much on every threshold and more on one; a share between 0 and 100 %. ``stable_slugs``:
    slugs that must stay (the default levels: ``stats --json`` keys).
    """
    problems: list[LevelProblem] = []
    if not levels:
        return [LevelProblem(0, "levels", _("Il faut au moins un niveau."))]
    ordered = sorted(levels, key=lambda level: level.position)
    seen: set[str] = set()
    names: set[str] = set()
    for index, level in enumerate(ordered):
        name = level.name.strip()
        if not name:
            problems.append(LevelProblem(index, "name", _("Le niveau {n} n’a pas de nom.", n=index + 1)))
        elif len(name) > MAX_LEVEL_NAME:
            problems.append(LevelProblem(index, "name", _("Le nom « {name} » est trop long.", name=name[:40] + "…")))
        elif fold(name) in names:
            problems.append(LevelProblem(index, "name", _("Deux niveaux s’appellent « {name} ».", name=name)))
        names.add(fold(name))
        if not _SLUG.match(level.slug) or len(level.slug) > MAX_SLUG:
            problems.append(
                LevelProblem(index, "slug", _("Identifiant de niveau non valide « {slug} ».", slug=level.slug))
            )
        elif level.slug in seen:
            problems.append(
                LevelProblem(index, "slug", _("Deux niveaux ont l’identifiant « {slug} ».", slug=level.slug))
            )
        seen.add(level.slug)
        if min(level.thresholds) < 0 or level.min_positive_percent > 100:
            problems.append(
                LevelProblem(
                    index,
                    "thresholds",
                    _(
                        "« {name} » : les seuils sont des nombres positifs, la part de missions validées "
                        "entre 0 et 100 %.",
                        name=name,
                    ),
                )
            )
    first = ordered[0]
    if first.thresholds != (0, 0, 0):
        problems.append(
            LevelProblem(
                0,
                "thresholds",
                _("Le premier niveau, « {name} », doit être ouvert à tous : ses trois seuils à 0.", name=first.name),
            )
        )
    for index, (lower, upper) in enumerate(pairwise(ordered), start=1):
        if any(u < lo for u, lo in zip(upper.thresholds, lower.thresholds, strict=True)):
            problems.append(
                LevelProblem(
                    index,
                    "thresholds",
                    _(
                        "« {upper} » demande moins que « {lower} », qui le précède : chaque niveau demande "
                        "au moins autant que le précédent.",
                        upper=upper.name,
                        lower=lower.name,
                    ),
                )
            )
        elif upper.thresholds == lower.thresholds:
            problems.append(
                LevelProblem(
                    index,
                    "thresholds",
                    _(
                        "« {upper} » a les mêmes seuils que « {lower} » : il ne serait jamais atteint.",
                        upper=upper.name,
                        lower=lower.name,
                    ),
                )
            )
    missing = [slug for slug in stable_slugs if slug not in seen]
    if missing:
        problems.append(
            LevelProblem(
                0,
                "slug",
                _(
                    "Le niveau « {slug} » ne peut pas être supprimé (renommez-le ou changez ses seuils).",
                    slug=missing[0],
                ),
            )
        )
    return problems


def slug_for(name: str, taken: Iterable[str]) -> str:
    """A slug for a new level named ``name`` (« Super-héros » → ``super_heros``), unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")[: MAX_SLUG - 3] or "niveau"
    if not base[0].isalpha():
        base = f"n_{base}"[: MAX_SLUG - 3]
    used = set(taken)
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}_{n}", n + 1
    return slug
