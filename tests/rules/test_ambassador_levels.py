"""Points, levels and badges of the ambassador programme, as pure rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest

from communitydesk.rules.ambassador_levels import (
    Badge,
    LevelRule,
    badges_for,
    default_levels,
    level_for,
    level_problems,
    meets,
    months_between,
    points_of,
    positive_percent,
    slug_for,
)
from communitydesk.rules.ambassadors import MissionStatus, referral_code_key

LADDER = default_levels()
SLUGS = [level.slug for level in LADDER]


@dataclass(frozen=True)
class _Mission:
    status: str
    points: int


def test_default_ladder_is_blablacar_s() -> None:
    assert SLUGS == ["debutant", "habitue", "confirme", "expert", "ambassadeur"]
    assert [level.name for level in LADDER] == ["Débutant", "Habitué", "Confirmé", "Expert", "Ambassadeur"]
    assert [level.thresholds for level in LADDER] == [(0, 0, 0), (1, 60, 1), (3, 70, 3), (6, 80, 6), (12, 90, 12)]
    assert [level.position for level in LADDER] == [0, 1, 2, 3, 4]
    assert level_problems(LADDER) == []


def test_points_count_validated_missions_only() -> None:
    missions = [
        _Mission(MissionStatus.VALIDEE.value, 10),
        _Mission(MissionStatus.VALIDEE.value, 5),
        _Mission(MissionStatus.REFUSEE.value, 50),
        _Mission(MissionStatus.REALISEE.value, 20),
        _Mission(MissionStatus.A_FAIRE.value, 30),
    ]
    assert points_of(missions) == 15
    assert points_of([]) == 0


def test_positive_share_is_validated_among_judged() -> None:
    assert positive_percent(0, 0) is None
    assert positive_percent(7, 10) == 70
    assert positive_percent(2, 3) == 66  # rounded down: 66.7 % does not reach 67 %


def _level(validated: int, judged: int, months: int) -> str:
    found = level_for(LADDER, validated, judged, months)
    assert found is not None
    return found.slug


# Each level of the default ladder: (validated missions, % positive, months) at the thresholds.
BOUNDARIES = [("habitue", 1, 60, 1), ("confirme", 3, 70, 3), ("expert", 6, 80, 6), ("ambassadeur", 12, 90, 12)]


@pytest.mark.parametrize(("slug", "missions", "percent", "months"), BOUNDARIES)
def test_each_level_boundary(slug: str, missions: int, percent: int, months: int) -> None:
    below = SLUGS[SLUGS.index(slug) - 1]
    judged = missions * 100 // percent  # the most judged missions keeping the share at the threshold
    assert 100 * missions >= percent * judged > 100 * missions - percent
    assert _level(missions, judged, months) == slug  # at all three thresholds
    # Just below one threshold, the two others at theirs: the level below.
    assert _level(missions - 1, missions - 1, months) == below
    assert _level(missions, judged + 1, months) == below
    assert _level(missions, judged, months - 1) == below
    # Just above one threshold: the same level (the next one asks more on all three).
    assert _level(missions + 1, judged + 1, months) == slug
    assert _level(missions, missions, months) == slug
    assert _level(missions, judged, months + 1) == slug


def test_share_boundaries_are_exact_integers() -> None:
    habitue = LADDER[1]
    assert meets(habitue, 3, 5, 1)  # 60 % exactly
    assert not meets(habitue, 59, 100, 1)  # 59 %
    assert meets(habitue, 60, 100, 1)
    assert not meets(habitue, 2, 4, 1)  # 50 %
    # 2 of 3 is 66.67 %: enough for 60 %, not for 70 %.
    assert meets(habitue, 2, 3, 1) and not meets(replace(habitue, min_positive_percent=70), 2, 3, 1)


def test_a_newcomer_is_debutant_and_no_share_is_not_a_bad_share() -> None:
    assert _level(0, 0, 0) == "debutant"
    assert _level(0, 0, 24) == "debutant"  # seniority alone climbs nothing
    assert _level(1, 1, 0) == "debutant"  # a mission on the first days
    assert _level(1, 1, 1) == "habitue"
    open_share = LevelRule("fidele", "Fidèle", 1, 0, 50, 6)
    assert meets(open_share, 0, 0, 6)  # nothing judged yet: the share does not hold anyone back
    assert not meets(open_share, 0, 1, 6)  # one refusal: 0 %


def test_the_highest_level_met_wins_whatever_the_order_given() -> None:
    shuffled = [LADDER[3], LADDER[0], LADDER[4], LADDER[1], LADDER[2]]
    found = level_for(shuffled, 20, 20, 20)
    assert found is not None and found.slug == "ambassadeur"
    assert level_for([], 20, 20, 20) is None
    assert level_for([LADDER[1]], 0, 0, 0) is None


def test_a_ladder_edit_moves_people() -> None:
    easier = [replace(level, min_months=0) for level in LADDER]
    assert _level(3, 3, 0) == "debutant"
    found = level_for(easier, 3, 3, 0)
    assert found is not None and found.slug == "confirme"


@pytest.mark.parametrize(
    ("start", "today", "months"),
    [
        (date(2026, 1, 15), date(2026, 2, 14), 0),
        (date(2026, 1, 15), date(2026, 2, 15), 1),
        (date(2026, 1, 31), date(2026, 2, 28), 0),  # a month is whole on the same day number
        (date(2026, 1, 31), date(2026, 3, 31), 2),
        (date(2025, 12, 3), date(2026, 12, 3), 12),
        (date(2025, 12, 3), date(2026, 12, 2), 11),
        (date(2026, 5, 1), date(2026, 4, 1), 0),  # a welcome in the future counts nothing
        (date(2026, 3, 10), date(2026, 3, 10), 0),
    ],
)
def test_months_between(start: date, today: date, months: int) -> None:
    assert months_between(start, today) == months


def test_badges_are_computed_from_figures() -> None:
    assert badges_for(0, 0, 0) == ()
    assert badges_for(1, 0, 0) == (Badge.PREMIERE_MISSION,)
    assert badges_for(9, 1, 11) == (Badge.PREMIERE_MISSION, Badge.PREMIER_FILLEUL)
    assert badges_for(10, 1, 12) == (Badge.PREMIERE_MISSION, Badge.PREMIER_FILLEUL, Badge.DIX_MISSIONS, Badge.UN_AN)
    assert all(badge.label() and badge.description() for badge in Badge)


def _problems(levels: list[LevelRule], stable: tuple[str, ...] = ()) -> list[str]:
    return [problem.field for problem in level_problems(levels, stable)]


def test_ladder_checks() -> None:
    ladder = list(LADDER)
    assert _problems([]) == ["levels"]
    assert _problems([*ladder[:2], replace(ladder[2], name="  ")]) == ["name"]
    assert _problems([*ladder[:2], replace(ladder[2], name="habitué")]) == ["name"]  # same name, case aside
    assert _problems([*ladder[:2], replace(ladder[2], slug="habitue")]) == ["slug"]
    assert _problems([*ladder[:2], replace(ladder[2], slug="Confirmé")]) == ["slug"]
    assert _problems([replace(ladder[0], min_months=1), *ladder[1:]]) == ["thresholds"]  # not open to all
    # Asks less than the level before on one threshold.
    assert _problems([*ladder[:2], replace(ladder[2], min_positive_percent=50), *ladder[3:]]) == ["thresholds"]
    # The same thresholds as the level before: never reached.
    assert _problems([*ladder[:2], replace(ladder[2], min_validated_missions=1, min_positive_percent=60, min_months=1)])
    assert _problems([*ladder[:4], replace(ladder[4], min_positive_percent=101)]) == ["thresholds"]
    assert _problems([*ladder[:4], replace(ladder[4], min_months=-1)]) == ["thresholds", "thresholds"]
    assert _problems(ladder[:4], stable=tuple(SLUGS)) == ["slug"]  # a default level removed
    # Equal on two thresholds, more on one: fine.
    assert _problems([*ladder[:2], replace(ladder[2], min_validated_missions=1, min_positive_percent=60)]) == []


def test_slug_for_a_new_level() -> None:
    assert slug_for("Super-héros", SLUGS) == "super_heros"
    assert slug_for("Expert", SLUGS) == "expert_2"
    assert slug_for("100 % fidèle", SLUGS) == "n_100_fidele"
    assert slug_for("!!!", SLUGS) == "niveau"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("ABCD23", "ABCD23"),
        ("  abcd23 ", "ABCD23"),
        ("abcd-23", "ABCD23"),
        ("AbCd 23", "ABCD23"),
        ("https://asso.example/parrain/abcd23/", "ABCD23"),
        ("https://asso.example/rejoindre?code=abcd23", "ABCD23"),
        ("", ""),
    ],
)
def test_referral_code_key(typed: str, key: str) -> None:
    assert referral_code_key(typed) == key
