"""The ambassador programme's figures and list, on the quick path (no SQLAlchemy).

``stats --json``'s ``ambassadors`` key, the dashboard card and ``ambassador list`` read
db.ambassador_reads and count with rules.ambassador_levels, like services.ambassadors.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from communitydesk.db import ambassador_reads
from communitydesk.db.quick_reads import QuickReader, quick_reading, stored_setting
from communitydesk.formatting import local_today
from communitydesk.records.ambassador_figures import AmbassadorFigures, AmbassadorLine
from communitydesk.rules import ambassador_levels as levels
from communitydesk.rules.ambassadors import REFERRAL_BASE_URL_KEY, Stage, referral_url
from communitydesk.rules.contact_names import display_name
from communitydesk.services.permissions import Action, Actor, require

IDLE_WEEKS = 4


def _ladder(reader: QuickReader) -> list[levels.LevelRule]:
    return ambassador_reads.stored_levels(reader) or list(levels.default_levels())


def _level(ladder: list[levels.LevelRule], member: ambassador_reads.MemberFacts, today: date) -> str:
    months = levels.seniority(member.first_welcome, member.stage, member.stage_since, today)
    reached = levels.level_for(ladder, member.validated, member.judged, months)
    return reached.slug if reached else ""


def figures_in(reader: QuickReader, today: date | None = None) -> AmbassadorFigures:
    """Members by stage and by level, and the welcomed ones to remind, on an open reader."""
    by_stage = {stage.value: 0 for stage in Stage}
    if not ambassador_reads.has_ambassador_tables(reader):
        return AmbassadorFigures(by_stage=by_stage)  # a base from before the programme
    today = today or local_today()
    ladder = _ladder(reader)
    by_level = {level.slug: 0 for level in ladder}
    members = ambassador_reads.members(reader)
    for member in members:
        by_stage[member.stage] = by_stage.get(member.stage, 0) + 1
        slug = _level(ladder, member, today)
        if slug:
            by_level[slug] += 1
    return AmbassadorFigures(
        total=len(members),
        by_stage=by_stage,
        by_level=by_level,
        reminders=ambassador_reads.idle_welcomed_count(reader, today - timedelta(weeks=IDLE_WEEKS)),
    )


def ambassador_lines(path: Path, actor: Actor, today: date | None = None) -> list[AmbassadorLine]:
    """Every ambassador of the base at ``path``, by name, read-only."""
    require(actor, Action.READ_CONTACTS)
    today = today or local_today()
    with quick_reading(path) as reader:  # read as it is, like stats: a base before 0009 has no members
        if not ambassador_reads.has_ambassador_tables(reader):
            return []
        ladder = _ladder(reader)
        base = stored_setting(reader, REFERRAL_BASE_URL_KEY)
        members = ambassador_reads.members(reader)
    return [
        AmbassadorLine(
            id=m.id,
            name=display_name(m.kind, m.first_name, m.last_name, m.organisation, m.email),
            stage=m.stage,
            level=_level(ladder, m, today),
            points=m.points,
            referral_code=m.referral_code,
            referral_url=referral_url(base if isinstance(base, str) else "", m.referral_code),
            referred_contacts=m.referred_contacts,
            referred_contributions=m.referred_contributions,
            referred_cents=m.referred_cents,
        )
        for m in members
    ]
