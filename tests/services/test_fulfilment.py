"""Reward fulfilment: who is owed what, state changes, the CSV shipping list for French Excel."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.models.contacts import Contact
from communitydesk.services import campaigns as svc
from communitydesk.services import fulfilment
from communitydesk.services.permissions import Actor


def when(day: int) -> datetime:
    return datetime(2026, 3, day, 12, tzinfo=UTC)


@pytest.fixture
def campaign(db: Database, actor: Actor) -> tuple[svc.CampaignRecord, list[int]]:
    record = svc.create_campaign(
        db,
        actor,
        svc.CampaignInput(name="Fournil", starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31), goal_cents=300_000),
    )
    bread = svc.create_tier(db, actor, record.id, svc.TierInput("Pain du mois", 3000))
    mug = svc.create_tier(db, actor, record.id, svc.TierInput("Mug « Fournil »", 2000))
    with db.transaction() as session:
        people = [
            Contact(
                first_name="Élodie",
                last_name="Garnier",
                email="elodie@exemple.fr",
                address="5 place d'Été",
                postcode="35000",
                city="Rennes",
            ),
            Contact(first_name="Marc", last_name="Aubert", email="=cmd|' /C calc'!A0", city="Brest"),
        ]
        session.add_all(people)
        session.flush()
        ids = [p.id for p in people]
    contributions = [
        svc.add_contribution(
            db, actor, record.id, svc.ContributionInput(3000, when(2), ids[0], bread.id, platform_reference="F-1")
        ).id,
        svc.add_contribution(db, actor, record.id, svc.ContributionInput(2000, when(3), ids[1], mug.id)).id,
        svc.add_contribution(db, actor, record.id, svc.ContributionInput(500, when(3), ids[1])).id,  # no reward
        svc.add_contribution(db, actor, record.id, svc.ContributionInput(2000, when(4), ids[0], mug.id)).id,
    ]
    svc.refund_contribution(db, actor, contributions[3])
    return record, contributions


def test_list_shows_what_is_owed(db: Database, actor: Actor, campaign: tuple[svc.CampaignRecord, list[int]]) -> None:
    record, _ids = campaign
    lines = fulfilment.fulfilment_list(db, actor, record.id)
    # Only valid contributions with a reward; the refunded mug is owed nothing.
    assert [(line.backer, line.tier_title, line.state) for line in lines] == [
        ("Marc Aubert", "Mug « Fournil »", "a_preparer"),
        ("Élodie Garnier", "Pain du mois", "a_preparer"),
    ]
    assert lines[1].city == "Rennes" and lines[1].reference == "F-1"
    assert fulfilment.fulfilment_counts(db, actor, record.id) == {
        "a_preparer": 2,
        "prepare": 0,
        "envoye": 0,
        "livre": 0,
    }


def test_state_changes(db: Database, actor: Actor, campaign: tuple[svc.CampaignRecord, list[int]]) -> None:
    record, ids = campaign
    assert fulfilment.set_fulfilment_state(db, actor, [ids[0], ids[1]], "prepare") == 2
    assert fulfilment.set_fulfilment_state(db, actor, [ids[0]], "envoye", note="Colissimo 6A123") == 1
    assert fulfilment.set_fulfilment_state(db, actor, [ids[0]], "envoye", note="Colissimo 6A123") == 0
    by_id = {line.contribution_id: line for line in fulfilment.fulfilment_list(db, actor, record.id)}
    assert by_id[ids[0]].state == "envoye" and by_id[ids[0]].note == "Colissimo 6A123"
    assert by_id[ids[0]].state_changed_at is not None
    assert [line.contribution_id for line in fulfilment.fulfilment_list(db, actor, record.id, ["prepare"])] == [ids[1]]
    with pytest.raises(ValidationError):
        fulfilment.set_fulfilment_state(db, actor, [ids[0]], "perdu")
    with pytest.raises(ValidationError, match="validée"):
        fulfilment.set_fulfilment_state(db, actor, [ids[3]], "envoye")


def test_shipping_list_csv_for_french_excel(
    db: Database, actor: Actor, tmp_path: Path, campaign: tuple[svc.CampaignRecord, list[int]]
) -> None:
    record, ids = campaign
    fulfilment.set_fulfilment_state(db, actor, [ids[0]], "livre")
    target = tmp_path / "envois" / "fournil.csv"
    assert fulfilment.export_shipping_list(db, actor, record.id, target) == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Référence", "Nom", "E-mail"]
    assert rows[2][:2] == ["F-1", "Élodie Garnier"]
    assert rows[2][4] == "5 place d'Été" and rows[2][9] == "30,00" and rows[2][11] == "livré"
    assert rows[1][2].startswith("'=")  # a formula-looking cell is neutralised
    assert fulfilment.export_shipping_list(db, actor, record.id, tmp_path / "todo.csv", ["a_preparer"]) == 1


def test_the_shipping_list_names_people_and_is_audited(db: Database, actor: Actor, campaign, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.errors import PermissionDenied
    from communitydesk.services import audit
    from communitydesk.services.permissions import Role

    record, _ids = campaign
    fulfilment.export_shipping_list(db, actor, record.id, tmp_path / "envois.csv")
    volunteer = Actor(name="Malik", role=Role.VOLUNTEER)
    with pytest.raises(PermissionDenied):
        fulfilment.export_shipping_list(db, volunteer, record.id, tmp_path / "refus.csv")
    assert not (tmp_path / "refus.csv").exists()
    found = [(e.user, e.action, e.target, e.outcome) for e in reversed(audit.entries(db, actor))]
    assert found == [
        (actor.name, "personal_data.export", f"export:shipping:campaign:{record.id}", "ok"),
        ("Malik", "personal_data.export", f"export:shipping:campaign:{record.id}", "refused"),
    ]
