"""`communitydesk ambassador list` and the `ambassadors` key of `stats --json`, on a base made by the services."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from communitydesk import formatting
from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.records.ambassadors import MissionDraft
from communitydesk.records.campaigns import CampaignInput, ContributionInput
from communitydesk.rules.ambassadors import Stage
from communitydesk.services import ambassadors, missions, settings
from communitydesk.services.campaigns import add_contribution, create_campaign
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import Actor

TODAY = formatting.local_today()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _programme(db: Database, actor: Actor) -> tuple[int, int]:
    """Ana active with two validated missions (habitue), Bruno welcomed long ago and idle; Ana brought
    two contacts and a valid contribution of 30 € (a refunded one does not count)."""
    ana_contact = create_contact(db, actor, ContactInput(first_name="Ana", last_name="Martin")).id
    bruno_contact = create_contact(db, actor, ContactInput(first_name="Bruno", last_name="Petit")).id
    long_ago = TODAY - timedelta(days=200)
    ana = ambassadors.enrol(db, actor, ana_contact, "client", enrolled_on=long_ago)
    bruno = ambassadors.enrol(db, actor, bruno_contact, "expert", enrolled_on=long_ago)
    for stage in (Stage.SELECTIONNE, Stage.ACCUEILLI, Stage.ACTIF):
        ambassadors.move_stage(db, actor, ana, stage.value, changed_on=long_ago)
    for stage in (Stage.SELECTIONNE, Stage.ACCUEILLI):
        ambassadors.move_stage(db, actor, bruno, stage.value, changed_on=long_ago)
    for points in (10, 5):
        mid = missions.create_mission(db, actor, MissionDraft(title="Publication", points=points, ambassador_id=ana))
        missions.complete_mission(db, actor, mid, proof_link="https://x.example", completed_on=long_ago)
        missions.validate_mission(db, actor, mid, True)
    for name in ("Chloé", "Denis"):
        friend = create_contact(db, actor, ContactInput(first_name=name, last_name="Ami")).id
        ambassadors.set_referrer(db, actor, friend, ana)
    campaign = create_campaign(db, actor, CampaignInput(name="Ulule 2026")).id
    for cents, status in ((3000, "valid"), (2000, "refunded")):
        given = add_contribution(db, actor, campaign, ContributionInput(amount_cents=cents, payment_status=status))
        ambassadors.set_contribution_referrer(db, actor, given.id, ana)
    with db.transaction() as session:
        settings.save_referral_base_url(session, actor, "https://asso.example/j/{code}")
    return ana, bruno


def test_ambassador_list_json(db: Database, actor: Actor, capsys: pytest.CaptureFixture[str]) -> None:
    ana, bruno = _programme(db, actor)
    code_of = {i: ambassadors.ambassador(db, actor, i).referral_code for i in (ana, bruno)}
    db.close()
    code, out, err = run(capsys, "ambassador", "list", "--db", str(db.path), "--json")
    assert code == 0, err
    assert json.loads(out) == [
        {
            "id": ana,
            "name": "Ana Martin",
            "stage": "actif",
            "level": "habitue",
            "points": 15,
            "referral_code": code_of[ana],
            "referral_url": f"https://asso.example/j/{code_of[ana]}",
            "referrals": {"contacts": 2, "contributions": 1, "amount_cents": 3000},
        },
        {
            "id": bruno,
            "name": "Bruno Petit",
            "stage": "accueilli",
            "level": "debutant",
            "points": 0,
            "referral_code": code_of[bruno],
            "referral_url": f"https://asso.example/j/{code_of[bruno]}",
            "referrals": {"contacts": 0, "contributions": 0, "amount_cents": 0},
        },
    ]


def test_ambassador_list_as_text(db: Database, actor: Actor, capsys: pytest.CaptureFixture[str]) -> None:
    _programme(db, actor)
    db.close()
    code, out, _err = run(capsys, "ambassador", "list", "--db", str(db.path))
    assert code == 0
    first, second = out.splitlines()
    assert "Ana Martin — actif, 15 points" in first and "2 contacts et 1 contribution " in first
    assert "Bruno Petit — accueilli" in second


def test_the_list_agrees_with_the_services(db: Database, actor: Actor) -> None:
    from communitydesk.services.ambassador_figures import ambassador_lines

    _programme(db, actor)
    rows = {r.id: r for r in ambassadors.ambassadors(db, actor)}
    for line in ambassador_lines(db.path, actor):
        record = ambassadors.ambassador(db, actor, line.id)
        assert (line.stage, line.level, line.points) == (record.stage, rows[line.id].level, record.points)
        assert line.referral_url == record.referral_url
        assert (line.referred_contacts, line.referred_contributions, line.referred_cents) == (
            record.referrals.contacts,
            record.referrals.contributions,
            record.referrals.amount_cents,
        )


def test_stats_json_has_the_ambassadors(db: Database, actor: Actor, capsys: pytest.CaptureFixture[str]) -> None:
    _programme(db, actor)
    reminders = len(ambassadors.idle_welcomed(db, actor))
    db.close()
    code, out, _err = run(capsys, "stats", "--db", str(db.path), "--json")
    assert code == 0
    data = json.loads(out)["ambassadors"]
    assert data == {
        "total": 2,
        "by_stage": {"candidat": 0, "selectionne": 0, "accueilli": 1, "actif": 1, "inactif": 0},
        "by_level": {"debutant": 1, "habitue": 1, "confirme": 0, "expert": 0, "ambassadeur": 0},
    }
    assert read_figures(db.path, actor).ambassadors.reminders == reminders == 1


def test_empty_base_has_every_stage_and_level_at_zero(db_path: Path, actor: Actor) -> None:
    data = read_figures(db_path, actor).as_json()["ambassadors"]
    assert data["total"] == 0 and set(data["by_stage"]) == {s.value for s in Stage}
    assert set(data["by_level"]) == {"debutant", "habitue", "confirme", "expert", "ambassadeur"}


def test_a_base_from_before_the_programme_is_listed_empty_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    from alembic import command

    from communitydesk.db.migrate import alembic_config

    path = tmp_path / "ancienne.sqlite3"
    command.upgrade(alembic_config(path), "0008")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = run(capsys, "ambassador", "list", "--db", str(path), "--json")
    assert code == 0, err
    assert json.loads(out) == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_missing_base_is_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "ambassador", "list", "--db", str(tmp_path / "absente.sqlite3"))
    assert code == 1 and "n'existe pas" in err
