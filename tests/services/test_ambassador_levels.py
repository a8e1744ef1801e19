"""Levels of the ambassador programme read from data: the ladder, who moves on an edit, the leaderboard."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied, ValidationError
from communitydesk.models.ambassadors import Ambassador, AmbassadorLevel, AmbassadorStageChange, Mission
from communitydesk.models.campaigns import Campaign, Contribution
from communitydesk.models.contacts import Contact
from communitydesk.records.changes import Changes
from communitydesk.rules.ambassador_levels import Badge, LevelRule, default_levels, level_for
from communitydesk.rules.ambassadors import MissionStatus, Stage
from communitydesk.services import ambassador_figures, ambassadors
from communitydesk.services import ambassador_levels as svc
from communitydesk.services.permissions import Action, Actor, Role

TODAY = date(2026, 12, 3)
READER = Actor(name="Lecteur", role=Role.VOLUNTEER, rights=frozenset({Action.READ}))


def ambassador(
    db: Database, first: str, code: str, *, welcomed: date | None = None, stage: str = Stage.ACTIF.value
) -> int:
    with db.transaction() as session:
        contact = Contact(first_name=first, last_name="Martin", email=f"{first.lower()}@exemple.fr")
        session.add(contact)
        session.flush()
        row = Ambassador(
            contact_id=contact.id,
            type="passionne",
            stage=stage,
            stage_since=welcomed or TODAY,
            referral_code=code,
        )
        session.add(row)
        session.flush()
        if welcomed is not None:
            session.add(
                AmbassadorStageChange(
                    ambassador_id=row.id, from_stage="selectionne", to_stage="accueilli", changed_on=welcomed
                )
            )
        return row.id


def missions(db: Database, ambassador_id: int, *statuses: str, points: int = 10) -> None:
    with db.transaction() as session:
        for n, status in enumerate(statuses):
            session.add(
                Mission(
                    title=f"Mission {n}", kind="publication", points=points, ambassador_id=ambassador_id, status=status
                )
            )


V, R = MissionStatus.VALIDEE.value, MissionStatus.REFUSEE.value


def by_id(db: Database, actor: Actor) -> dict[int, object]:
    return {standing.ambassador_id: standing for standing in svc.standings(db, actor, TODAY)}


def test_a_new_base_has_the_default_ladder(db: Database, actor: Actor) -> None:
    assert [level.slug for level in svc.levels(db, actor)] == [level.slug for level in default_levels()]


def test_levels_points_and_badges_come_from_missions_and_seniority(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23", welcomed=date(2026, 9, 3))  # three months
    missions(db, lea, V, V, V, R, MissionStatus.REALISEE.value, MissionStatus.A_FAIRE.value)
    newcomer = ambassador(db, "Noé", "NOEC45", stage=Stage.CANDIDAT.value)
    standings = {s.ambassador_id: s for s in svc.standings(db, actor, TODAY)}
    assert standings[lea].points == 30
    assert (standings[lea].validated_missions, standings[lea].judged_missions) == (3, 4)
    assert standings[lea].positive_percent == 75
    assert standings[lea].months == 3
    assert standings[lea].level_slug == "confirme"
    assert standings[lea].badges == (Badge.PREMIERE_MISSION,)
    assert standings[newcomer].level_slug == "debutant"
    assert standings[newcomer].months == 0 and standings[newcomer].badges == ()
    # A day earlier, Léa had two whole months only: Habituée.
    earlier = {s.ambassador_id: s for s in svc.standings(db, actor, date(2026, 12, 2))}
    assert earlier[lea].level_slug == "habitue"


def test_validating_one_more_mission_climbs_a_level(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23", welcomed=date(2026, 6, 1))
    missions(db, lea, V, V)
    assert {s.ambassador_id: s.level_slug for s in svc.standings(db, actor, TODAY)}[lea] == "habitue"
    missions(db, lea, V)
    assert {s.ambassador_id: s.level_slug for s in svc.standings(db, actor, TODAY)}[lea] == "confirme"


def test_seniority_runs_from_the_first_welcome_else_the_stage_day(db: Database, actor: Actor) -> None:
    returning = ambassador(db, "Inès", "INES23", welcomed=date(2025, 11, 20))
    with db.transaction() as session:  # left, then came back: the first welcome counts
        session.add(
            AmbassadorStageChange(
                ambassador_id=returning, from_stage="actif", to_stage="inactif", changed_on=date(2026, 3, 1)
            )
        )
        session.add(
            AmbassadorStageChange(
                ambassador_id=returning, from_stage="inactif", to_stage="actif", changed_on=date(2026, 9, 1)
            )
        )
    no_history = ambassador(db, "Paul", "PAUL23")
    with db.transaction() as session:
        row = session.get(Ambassador, no_history)
        assert row is not None
        row.stage_since = date(2026, 6, 3)
    standings = {s.ambassador_id: s for s in svc.standings(db, actor, TODAY)}
    assert standings[returning].months == 12
    assert Badge.UN_AN in standings[returning].badges
    assert standings[no_history].months == 6


def test_preview_says_who_moves_and_writes_nothing(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23", welcomed=date(2026, 11, 1))  # one month
    missions(db, lea, V, V, V)
    ambassador(db, "Noé", "NOEC45", welcomed=date(2026, 11, 1))  # nothing done: stays Débutant
    easier = [replace(level, min_months=min(level.min_months, 1)) for level in default_levels()]
    before = svc.levels(db, actor)
    moves = svc.preview_levels(db, actor, easier, TODAY)
    assert [(m.name, m.old and m.old.slug, m.new and m.new.slug) for m in moves] == [
        ("Léa Martin", "habitue", "confirme")
    ]
    assert svc.levels(db, actor) == before
    with db.snapshot() as session:
        assert session.scalars(select(AmbassadorLevel.slug)).all() == []  # still the defaults, unwritten


def test_save_recomputes_everyone_and_keeps_the_slugs(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23", welcomed=date(2026, 11, 1))
    missions(db, lea, V, V, V)
    ladder = [replace(level, min_months=min(level.min_months, 1)) for level in svc.levels(db, actor)]
    ladder[2] = replace(ladder[2], name="Confirmée ou confirmé")
    ladder.append(LevelRule("legende", "Légende", 9, 50, 95, 24))
    moves = svc.save_levels(db, actor, ladder, TODAY)
    assert [(m.ambassador_id, m.new and m.new.slug) for m in moves] == [(lea, "confirme")]
    saved = svc.levels(db, actor)
    assert [level.slug for level in saved] == ["debutant", "habitue", "confirme", "expert", "ambassadeur", "legende"]
    assert [level.position for level in saved] == [0, 1, 2, 3, 4, 5]
    assert saved[2].name == "Confirmée ou confirmé"
    assert {s.ambassador_id: s.level_name for s in svc.standings(db, actor, TODAY)}[lea] == "Confirmée ou confirmé"
    # An added level may be removed again; a default one may not.
    svc.save_levels(db, actor, saved[:5], TODAY)
    assert len(svc.levels(db, actor)) == 5
    with pytest.raises(ValidationError, match="expert"):
        svc.save_levels(db, actor, [level for level in saved[:5] if level.slug != "expert"], TODAY)


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda ladder: [*ladder[:2], replace(ladder[2], name=" "), *ladder[3:]], "levels[2].name"),
        (lambda ladder: [*ladder[:2], replace(ladder[2], slug="habitue"), *ladder[3:]], "levels[2].slug"),
        (
            lambda ladder: [*ladder[:3], replace(ladder[3], min_validated_missions=2), *ladder[4:]],
            "levels[3].thresholds",
        ),
    ],
)
def test_save_refuses_a_broken_ladder_and_writes_nothing(db: Database, actor: Actor, edit: object, field: str) -> None:
    before = svc.levels(db, actor)
    with pytest.raises(ValidationError) as raised:
        svc.save_levels(db, actor, edit(list(before)), TODAY)  # type: ignore[operator]
    assert raised.value.field == field
    with pytest.raises(ValidationError):
        svc.preview_levels(db, actor, edit(list(before)), TODAY)  # type: ignore[operator]
    assert svc.levels(db, actor) == before


def test_saving_levels_needs_the_right_and_says_ambassadors_changed(db: Database, actor: Actor) -> None:
    with pytest.raises(PermissionDenied):
        svc.save_levels(db, READER, list(default_levels()), TODAY)
    seen: list[Changes] = []
    db.changes.subscribe(seen.append)
    svc.save_levels(db, actor, list(default_levels()), TODAY)
    assert any(change.ambassadors for change in seen)


def test_leaderboard_ranks_by_points_then_missions_then_referrals(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23", welcomed=date(2026, 1, 1))
    noe = ambassador(db, "Noé", "NOEC45", welcomed=date(2026, 1, 1))
    ines = ambassador(db, "Inès", "INES23", welcomed=date(2026, 1, 1))
    missions(db, lea, V, points=30)
    missions(db, noe, V, V, V, points=10)  # 30 points too, more missions
    missions(db, ines, V, points=5)
    with db.transaction() as session:
        campaign = Campaign(name="Printemps", platform="ulule", status="en_cours")
        session.add(campaign)
        session.flush()
        session.add(Contact(first_name="Filleul", last_name="Un", referred_by_id=ines))
        for n, (status, cents) in enumerate([("valid", 5000), ("valid", 2500), ("refunded", 9900)]):
            session.add(
                Contribution(
                    campaign_id=campaign.id,
                    amount_cents=cents,
                    contributed_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
                    platform="ulule",
                    platform_reference=f"R-{n}",
                    payment_status=status,
                    referred_by_id=ines,
                )
            )
    board = svc.leaderboard(db, actor, limit=2, today=TODAY)
    assert [s.ambassador_id for s in board] == [noe, lea]
    everyone = svc.leaderboard(db, actor, limit=10, today=TODAY)
    assert [s.ambassador_id for s in everyone] == [noe, lea, ines]
    ines_standing = everyone[2]
    assert (ines_standing.referrals.contacts, ines_standing.referrals.contributions) == (1, 2)
    assert ines_standing.referrals.amount_cents == 7500  # the refunded one is not money brought
    assert Badge.PREMIER_FILLEUL in ines_standing.badges
    assert svc.leaderboard(db, READER, limit=0, today=TODAY) == []


def test_many_ambassadors_agree_with_the_rules_one_by_one(db: Database, actor: Actor) -> None:
    expected: dict[int, tuple[int, int, int]] = {}
    with db.transaction() as session:
        for n in range(300):
            contact = Contact(first_name=f"P{n}", last_name="Martin")
            session.add(contact)
            session.flush()
            row = Ambassador(
                contact_id=contact.id,
                type="client",
                stage="actif",
                stage_since=date(2026, 1, 1),
                referral_code=f"C{n:05d}",
            )
            session.add(row)
            session.flush()
            statuses = [R if k == n % 11 else V for k in range(n % 9)]
            for k, status in enumerate(statuses):
                session.add(Mission(title="m", kind="publication", points=k, ambassador_id=row.id, status=status))
            validated = [k for k, status in enumerate(statuses) if status == V]
            expected[row.id] = (sum(validated), len(validated), len(statuses))
    found = svc.standings(db, actor, TODAY)
    assert len(found) == 300
    for standing in found:
        points, validated, judged = expected[standing.ambassador_id]
        assert (standing.points, standing.validated_missions, standing.months) == (points, validated, 11)
        level = level_for(default_levels(), validated, judged, 11)
        assert level is not None and standing.level_slug == level.slug
    assert {s.level_slug for s in found} == {"debutant", "habitue", "confirme", "expert"}


def test_the_list_the_sheet_and_the_leaderboard_agree(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23", welcomed=formatting.local_today() - timedelta(days=100))
    missions(db, lea, V, V, V, R)
    noe = ambassador(db, "Noé", "NOEC45", stage=Stage.CANDIDAT.value)
    missions(db, noe, V)
    board = {s.ambassador_id: s for s in svc.leaderboard(db, actor, limit=10)}
    listed = {row.id: row for row in ambassadors.ambassadors(db, actor)}
    assert (
        {i: (row.level, row.points) for i, row in listed.items()}
        == {i: (s.level_slug, s.points) for i, s in board.items()}
        == {lea: ("confirme", 30), noe: ("debutant", 10)}
    )
    sheet = ambassadors.ambassador(db, actor, lea)
    assert sheet.level is not None and sheet.level.slug == "confirme" and sheet.referrals == board[lea].referrals


def test_the_quick_path_counts_levels_as_the_services_do(db: Database, db_path: Path, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23", welcomed=date(2026, 9, 3))
    missions(db, lea, V, V, V, R)
    entered_active = ambassador(db, "Inès", "INES23")  # no recorded welcome: her stage's day counts
    with db.transaction() as session:
        row = session.get(Ambassador, entered_active)
        assert row is not None
        row.stage_since = date(2025, 12, 1)
    missions(db, entered_active, *[V] * 12)
    candidate = ambassador(db, "Noé", "NOEC45", stage=Stage.CANDIDAT.value)
    with db.transaction() as session:  # applied long ago, never welcomed: no seniority
        session.add(AmbassadorStageChange(ambassador_id=candidate, to_stage="candidat", changed_on=date(2024, 1, 1)))
    missions(db, candidate, V, V, V)
    quick = {line.id: (line.level, line.points) for line in ambassador_figures.ambassador_lines(db_path, actor, TODAY)}
    full = {s.ambassador_id: (s.level_slug, s.points) for s in svc.standings(db, actor, TODAY)}
    assert quick == full == {lea: ("confirme", 30), entered_active: ("ambassadeur", 120), candidate: ("debutant", 30)}
