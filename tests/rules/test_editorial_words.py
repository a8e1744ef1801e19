"""The calendar's vocabulary reads what teams type in their own spreadsheets."""

from __future__ import annotations

import pytest

from communitydesk.rules.editorial import (
    Network,
    PublicationStatus,
    can_move,
    needs_approval,
    network_from_text,
    status_from_text,
)


@pytest.mark.parametrize(
    ("text", "network"),
    [
        ("LinkedIn", Network.LINKEDIN),
        ("  linkedin ", Network.LINKEDIN),
        ("Insta", Network.INSTAGRAM),
        ("FB", Network.FACEBOOK),
        ("Lettre d'info", Network.NEWSLETTER),
        ("Lettre d’information", Network.NEWSLETTER),
        ("NEWSLETTER", Network.NEWSLETTER),
        ("Twitter", Network.X),
        ("X", Network.X),
        ("YouTube", Network.YOUTUBE),
    ],
)
def test_network_names_are_read_whatever_their_case_accents_or_abbreviation(text: str, network: Network) -> None:
    assert network_from_text(text) is network


def test_an_unknown_network_is_none() -> None:
    assert network_from_text("Minitel") is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Idée", PublicationStatus.IDEE),
        ("A REDIGER", PublicationStatus.A_REDIGER),
        ("à valider", PublicationStatus.A_VALIDER),
        ("Prête", PublicationStatus.PRETE),
        ("Publié", PublicationStatus.PUBLIEE),
        ("publiee", PublicationStatus.PUBLIEE),
        ("Abandonnée", PublicationStatus.ABANDONNEE),
        ("a_valider", PublicationStatus.A_VALIDER),
    ],
)
def test_status_names_are_read_whatever_their_case_or_accents(text: str, status: PublicationStatus) -> None:
    assert status_from_text(text) is status


def test_the_pipeline_goes_forward_one_step_back_and_abandons_before_publication() -> None:
    s = PublicationStatus
    assert can_move(s.IDEE, s.A_REDIGER)
    assert not can_move(s.IDEE, s.PUBLIEE)
    assert can_move(s.A_VALIDER, s.A_REDIGER)
    assert not can_move(s.PUBLIEE, s.ABANDONNEE)
    assert can_move(s.ABANDONNEE, s.IDEE)


def test_only_leaving_a_valider_needs_an_approver() -> None:
    s = PublicationStatus
    assert needs_approval(s.A_VALIDER, s.PRETE)
    assert needs_approval(s.A_VALIDER, s.A_REDIGER)
    assert not needs_approval(s.PRETE, s.PUBLIEE)
