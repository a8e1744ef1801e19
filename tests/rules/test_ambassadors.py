"""The ambassador programme's words: types, stages and their moves, readers of typed text, levels."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from communitydesk.i18n import set_language
from communitydesk.rules import ambassador_levels as levels
from communitydesk.rules.ambassadors import (
    FUNNEL,
    STAGE_TRANSITIONS,
    AmbassadorType,
    MissionKind,
    MissionStatus,
    RewardKind,
    SignatureMethod,
    Stage,
    can_move,
    default_roles,
    mission_kind_from_text,
    mission_status_from_text,
    referral_url,
    reward_kind_from_text,
    signature_method_from_text,
    stage_from_text,
    type_from_text,
)


def test_the_funnel_goes_forward_one_step_and_everyone_can_leave() -> None:
    for before, after in itertools.pairwise(FUNNEL):
        assert can_move(before, after) and not can_move(after, before)
    assert all(can_move(stage, Stage.INACTIF) for stage in Stage if stage is not Stage.INACTIF)
    assert STAGE_TRANSITIONS[Stage.INACTIF] == {Stage.ACTIF}
    assert not can_move(Stage.CANDIDAT, Stage.ACCUEILLI) and not can_move(Stage.SELECTIONNE, Stage.ACTIF)


def test_only_paid_and_employed_ambassadors_are_commercially_tied() -> None:
    assert {t for t in AmbassadorType if t.commercially_tied} == {AmbassadorType.PAYE, AmbassadorType.SALARIE}
    assert all(t.volunteer != t.commercially_tied for t in AmbassadorType)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Égérie", AmbassadorType.EGERIE),
        ("salariée", AmbassadorType.SALARIE),
        ("Relais local", AmbassadorType.GEOGRAPHIQUE),
        ("influenceuse", AmbassadorType.INFLUENCEUR),
        ("adhérent", AmbassadorType.CLIENT),
        ("chef", None),
    ],
)
def test_type_from_text(text: str, expected: AmbassadorType | None) -> None:
    assert type_from_text(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sélectionné", Stage.SELECTIONNE),
        ("sélectionnée", Stage.SELECTIONNE),
        ("ACTIVE", Stage.ACTIF),
        ("refusé", Stage.INACTIF),
        ("accueilli.", Stage.ACCUEILLI),
        ("peut-être", None),
    ],
)
def test_stage_from_text(text: str, expected: Stage | None) -> None:
    assert stage_from_text(text) is expected


def test_other_readers() -> None:
    assert mission_kind_from_text("test produit") is MissionKind.TEST_PRODUIT
    assert mission_kind_from_text("Reportage photo") is MissionKind.REPORTAGE_PHOTO
    assert mission_status_from_text("À faire") is MissionStatus.A_FAIRE
    assert mission_status_from_text("validée") is MissionStatus.VALIDEE
    assert reward_kind_from_text("Bon d'achat") is RewardKind.BON_ACHAT
    assert signature_method_from_text("e-mail") is SignatureMethod.EMAIL
    assert signature_method_from_text("en ligne") is SignatureMethod.EN_LIGNE


def test_labels_follow_the_language() -> None:
    assert Stage.SELECTIONNE.label() == "sélectionné"
    assert [name for name, _text in default_roles()] == ["dénicheur", "reporter", "berger", "paparazzi"]
    set_language("en")
    try:
        assert Stage.SELECTIONNE.label() == "selected"
        assert default_roles()[0][0] == "scout"
        assert levels.default_levels()[0].name == "Beginner"
        assert stage_from_text("selected") is Stage.SELECTIONNE  # typed in the language shown
    finally:
        set_language("fr")


def test_referral_url() -> None:
    assert referral_url("", "ABC234") == ""
    assert referral_url(" https://a.example/r?c= ", "ABC234") == "https://a.example/r?c=ABC234"
    assert referral_url("https://a.example/{code}/join", "ABC234") == "https://a.example/ABC234/join"


class _M:
    def __init__(self, status: str, points: int) -> None:
        self.status, self.points = status, points


def test_points_count_validated_missions_only() -> None:
    missions = [_M("validee", 10), _M("refusee", 5), _M("realisee", 7), _M("validee", 3)]
    assert levels.points_of(missions) == 13


@pytest.mark.parametrize(
    ("validated", "completed", "months", "slug"),
    [
        (0, 0, 0, "debutant"),
        (1, 1, 1, "habitue"),
        (1, 2, 1, "debutant"),  # 50 % validated: under habitué's 60 %
        (3, 4, 3, "confirme"),  # 75 %
        (3, 4, 2, "habitue"),  # not long enough for confirmé
        (6, 7, 6, "expert"),  # 86 %
        (12, 13, 12, "ambassadeur"),  # 92 %
        (12, 14, 12, "expert"),  # 86 %: under 90 %
    ],
)
def test_level_for(validated: int, completed: int, months: int, slug: str) -> None:
    reached = levels.level_for(levels.default_levels(), validated, completed, months)
    assert reached is not None and reached.slug == slug


def test_months_between() -> None:
    assert levels.months_between(date(2026, 1, 31), date(2026, 2, 28)) == 0
    assert levels.months_between(date(2026, 1, 15), date(2026, 2, 15)) == 1
    assert levels.months_between(date(2025, 12, 3), date(2026, 12, 3)) == 12
    assert levels.months_between(date(2026, 12, 3), date(2026, 1, 1)) == 0
