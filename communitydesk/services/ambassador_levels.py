"""Points, levels, badges and the leaderboard of the ambassador programme.

Nothing here is stored per ambassador: each read gathers the figures the rules need
(validated and refused missions, points, months since first welcomed, referrals) in a
few grouped queries and applies ``rules.ambassador_levels``. Editing the ladder therefore
recomputes everyone; ``preview_levels`` says who would move before ``save_levels`` writes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from communitydesk.errors import ValidationError
from communitydesk.formatting import local_today
from communitydesk.i18n import _
from communitydesk.models.ambassadors import Ambassador, AmbassadorLevel, AmbassadorStageChange, Mission
from communitydesk.models.campaigns import Contribution
from communitydesk.models.contacts import NOT_ERASED, Contact
from communitydesk.records.ambassador_levels import LevelMove, Standing
from communitydesk.records.ambassadors import ReferralCounts
from communitydesk.rules.ambassador_levels import (
    DEFAULT_LEVELS,
    JUDGED_STATUSES,
    WELCOMED_STAGES,
    LevelRule,
    badges_for,
    default_levels,
    level_for,
    level_problems,
    seniority,
)
from communitydesk.rules.ambassadors import MissionStatus
from communitydesk.rules.campaigns import COUNTED_STATUSES
from communitydesk.rules.contact_names import display_name
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work


def levels(store: Store, actor: Actor) -> list[LevelRule]:
    """The ladder, lowest first (the default one on a base that has none yet, nothing written)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        return levels_in(session)


def levels_in(session: Session) -> list[LevelRule]:
    rows = session.scalars(select(AmbassadorLevel).order_by(AmbassadorLevel.position, AmbassadorLevel.id)).all()
    if not rows:
        return list(default_levels())
    return [
        LevelRule(
            row.slug, row.name, row.position, row.min_validated_missions, row.min_positive_percent, row.min_months
        )
        for row in rows
    ]


def standings(store: Store, actor: Actor, today: date | None = None) -> list[Standing]:
    """Every ambassador's points, level, badges and referrals, by id."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        return list(standings_in(session, levels_in(session), today or local_today()).values())


def leaderboard(store: Store, actor: Actor, limit: int = 10, today: date | None = None) -> list[Standing]:
    """The ``limit`` first ambassadors by points, then validated missions, then referrals, then name."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        found = standings_in(session, levels_in(session), today or local_today()).values()
    ranked = sorted(
        found,
        key=lambda s: (
            -s.points,
            -s.validated_missions,
            -(s.referrals.contacts + s.referrals.contributions),
            s.name.casefold(),
            s.ambassador_id,
        ),
    )
    return ranked[: max(limit, 0)]


def preview_levels(
    store: Store, actor: Actor, new_levels: Sequence[LevelRule], today: date | None = None
) -> list[LevelMove]:
    """Who would change level if ``new_levels`` were saved (nothing is written), by name.

    The ladder is checked as ``save_levels`` checks it: a ladder that cannot be saved is refused here too.
    """
    require(actor, Action.READ_CONTACTS)
    ladder = _checked(new_levels)
    with snapshot(store) as session:
        _check_stable(session, ladder)
        return _moves(session, levels_in(session), ladder, today or local_today())


def save_levels(
    store: Store, actor: Actor, new_levels: Sequence[LevelRule], today: date | None = None
) -> list[LevelMove]:
    """Replace the ladder (one transaction) and say who moved.

    Levels are matched by slug: a known slug is updated (its name and thresholds may change,
    never its slug), a new one added, a missing one removed; the default levels' slugs stay
    (they are the keys of ``stats --json``). Positions are renumbered from 0 in the order given
    by ``position``. Refused with a ``ValidationError`` (field ``levels[i].name``…) when names
    are empty or repeated, slugs badly formed or repeated, or a level asks less than the one before.
    """
    require(actor, Action.MANAGE_AMBASSADORS)
    ladder = _checked(new_levels)
    with unit_of_work(store, _("l'enregistrement des niveaux des ambassadeurs")) as session:
        _check_stable(session, ladder)
        moves = _moves(session, levels_in(session), ladder, today or local_today())
        rows = {row.slug: row for row in session.scalars(select(AmbassadorLevel))}
        wanted = {level.slug for level in ladder}
        for slug, row in rows.items():
            if slug not in wanted:
                session.delete(row)
        session.flush()  # a removed level's position is free before the others move
        for level in ladder:
            row = rows.get(level.slug) or AmbassadorLevel(slug=level.slug)
            row.name = level.name
            row.position = level.position
            row.min_validated_missions = level.min_validated_missions
            row.min_positive_percent = level.min_positive_percent
            row.min_months = level.min_months
            session.add(row)
        session.flush()
        return moves


def _checked(new_levels: Sequence[LevelRule]) -> list[LevelRule]:
    """The ladder ordered and renumbered from 0, names trimmed; refused when a rule is broken."""
    ordered = sorted(new_levels, key=lambda level: level.position)
    ladder = [replace(level, name=" ".join(level.name.split()), position=i) for i, level in enumerate(ordered)]
    problems = level_problems(ladder)
    if problems:
        first = problems[0]
        raise ValidationError(first.message, field=f"levels[{first.position}].{first.field}")
    return ladder


def _check_stable(session: Session, ladder: Sequence[LevelRule]) -> None:
    """The default levels stored in this base keep their slugs (they may be renamed, not removed)."""
    stored = set(session.scalars(select(AmbassadorLevel.slug))) or {slug for slug, *_rest in DEFAULT_LEVELS}
    stable = [slug for slug, *_rest in DEFAULT_LEVELS if slug in stored]
    problems = level_problems(ladder, stable)
    if problems:
        first = problems[0]
        raise ValidationError(first.message, field=f"levels[{first.position}].{first.field}")


def _moves(session: Session, old: Sequence[LevelRule], new: Sequence[LevelRule], today: date) -> list[LevelMove]:
    before = standings_in(session, old, today)
    after = standings_in(session, new, today)
    moves = [
        LevelMove(ambassador_id, standing.name, standing.level, after[ambassador_id].level)
        for ambassador_id, standing in before.items()
        if standing.level_slug != after[ambassador_id].level_slug
    ]
    return sorted(moves, key=lambda move: (move.name.casefold(), move.ambassador_id))


def standings_in(
    session: Session, ladder: Sequence[LevelRule], today: date, ids: Collection[int] | None = None
) -> dict[int, Standing]:
    """Each ambassador's standing under ``ladder``, by ambassador id, read in the caller's session
    (only those of ``ids`` when given: one sheet).

    Five grouped queries whatever the number of ambassadors: members, missions, first
    welcome, referred contacts, referred contributions.
    """
    if ids is not None and not ids:
        return {}
    chosen: list[int] | None = sorted(ids) if ids is not None else None

    def among(column: QueryableAttribute[Any]) -> ColumnElement[bool]:
        return column.in_(chosen) if chosen is not None else column.is_not(None)

    validated = Mission.status == MissionStatus.VALIDEE.value
    missions = {
        row.ambassador_id: (int(row.points or 0), int(row.validated or 0), int(row.judged or 0))
        for row in session.execute(
            select(
                Mission.ambassador_id,
                func.sum(case((validated, Mission.points), else_=0)).label("points"),
                func.sum(case((validated, 1), else_=0)).label("validated"),
                func.sum(case((Mission.status.in_(JUDGED_STATUSES), 1), else_=0)).label("judged"),
            )
            .where(among(Mission.ambassador_id))
            .group_by(Mission.ambassador_id)
        )
    }
    welcomed: dict[int, date] = dict(
        session.execute(
            select(AmbassadorStageChange.ambassador_id, func.min(AmbassadorStageChange.changed_on))
            .where(AmbassadorStageChange.to_stage.in_(WELCOMED_STAGES), among(AmbassadorStageChange.ambassador_id))
            .group_by(AmbassadorStageChange.ambassador_id)
        ).all()
    )
    people = {
        int(ambassador_id): int(n)
        for ambassador_id, n in session.execute(
            select(Contact.referred_by_id, func.count())
            .where(among(Contact.referred_by_id), NOT_ERASED)
            .group_by(Contact.referred_by_id)
        )
        if ambassador_id is not None
    }
    money = {
        row.referred_by_id: (int(row.n), int(row.amount or 0))
        for row in session.execute(
            select(
                Contribution.referred_by_id,
                func.count().label("n"),
                func.sum(Contribution.amount_cents).label("amount"),
            )
            .where(
                among(Contribution.referred_by_id),
                Contribution.payment_status.in_([status.value for status in COUNTED_STATUSES]),
            )
            .group_by(Contribution.referred_by_id)
        )
    }
    found: dict[int, Standing] = {}
    members = session.execute(
        select(
            Ambassador.id,
            Ambassador.stage,
            Ambassador.stage_since,
            Contact.kind,
            Contact.first_name,
            Contact.last_name,
            Contact.organisation,
            Contact.email,
        )
        .join(Contact, Contact.id == Ambassador.contact_id)
        .where(among(Ambassador.id))
        .order_by(Ambassador.id)
    )
    for ambassador_id, stage, stage_since, kind, first, last, organisation, email in members:
        points, done, judged = missions.get(ambassador_id, (0, 0, 0))
        months = seniority(welcomed.get(ambassador_id), stage, stage_since, today)
        contributions, amount = money.get(ambassador_id, (0, 0))
        referrals = ReferralCounts(people.get(ambassador_id, 0), contributions, amount)
        found[ambassador_id] = Standing(
            ambassador_id=ambassador_id,
            name=display_name(kind, first, last, organisation, email),
            stage=stage,
            points=points,
            validated_missions=done,
            judged_missions=judged,
            months=months,
            level=level_for(ladder, done, judged, months),
            badges=badges_for(done, referrals.contacts + referrals.contributions, months),
            referrals=referrals,
        )
    return found
