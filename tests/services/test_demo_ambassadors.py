"""The demo's ambassador programme: a funnel in every stage, missions, rewards, charter, referrals."""

from __future__ import annotations

from communitydesk.db.database import Database
from communitydesk.records.ambassadors import MissionFilter
from communitydesk.rules.ambassadors import MissionStatus, Stage
from communitydesk.services import ambassador_charters, ambassadors, missions
from communitydesk.services.ambassador_figures import ambassador_lines
from communitydesk.services.demo import populate
from communitydesk.services.permissions import Actor


def test_demo_ambassador_programme(db: Database, actor: Actor) -> None:
    populate(db, actor, contacts=300, seed=3)

    members = ambassadors.ambassadors(db, actor)
    assert 15 <= len(members) <= 25
    funnel = ambassadors.funnel(db, actor)
    assert all(funnel.counts[s.value] > 0 for s in Stage)
    assert funnel.counts["candidat"] == max(funnel.counts.values())
    assert 0.15 <= funnel.counts["actif"] / funnel.total <= 0.35
    assert all(step.conversion is None or 0 < step.conversion <= 1 for step in funnel.steps)
    assert ambassadors.idle_welcomed(db, actor)  # the reminder has someone to show

    statuses = {m.status for m in missions.missions(db, actor)}
    assert statuses == {s.value for s in MissionStatus}
    assert missions.missions(db, actor, MissionFilter(unassigned=True))

    records = [ambassadors.ambassador(db, actor, m.id) for m in members]
    assert any("travail dissimulé" in w for r in records for w in r.warnings)
    assert any(r.rewards for r in records) and any(r.audiences for r in records) and all(r.roles for r in records)
    assert {lv for lv in (m.level for m in members)} >= {"debutant", "habitue"}

    assert [c.version for c in ambassador_charters.charters(db, actor)] == [2, 1]
    resign = ambassador_charters.must_resign(db, actor)
    assert resign and len(resign) < sum(1 for m in members if m.stage in ("accueilli", "actif"))

    lines = ambassador_lines(db.path, actor)
    assert sum(line.referred_contacts for line in lines) > 0
    assert sum(line.referred_cents for line in lines) > 0
