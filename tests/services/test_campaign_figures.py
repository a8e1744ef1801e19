"""`stats --json` campaigns: plain sqlite3 figures equal the ORM services' figures."""

from __future__ import annotations

from datetime import UTC, date, datetime

from communitydesk.db.database import Database
from communitydesk.models.contacts import Contact
from communitydesk.services import campaigns as svc
from communitydesk.services.figures import read_figures
from communitydesk.services.permissions import Actor


def test_campaign_figures_count_only_valid_contributions(db: Database, actor: Actor) -> None:
    with db.transaction() as session:
        people = [
            Contact(first_name="A", circle="proches"),
            Contact(first_name="B", circle="communaute"),
            Contact(first_name="C", circle="grand_public"),
        ]
        session.add_all(people)
        session.flush()
        ids = [p.id for p in people]
    first = svc.create_campaign(
        db,
        actor,
        svc.CampaignInput(name="Café associatif", goal_cents=300_000, status="en_cours", ends_on=date(2026, 12, 31)),
    )
    empty = svc.create_campaign(db, actor, svc.CampaignInput(name="Plus tard"))
    when = datetime(2026, 3, 2, 12, tzinfo=UTC)
    for amount, contact, status in [
        (10_000, ids[0], "valid"),
        (2_500, ids[0], "valid"),
        (4_000, ids[1], "valid"),
        (1_500, ids[2], "valid"),
        (900, None, "valid"),
        (7_000, ids[2], "refunded"),
        (3_000, ids[1], "cancelled"),
        (500, ids[1], "pending"),
    ]:
        record = svc.add_contribution(db, actor, first.id, svc.ContributionInput(amount, when, contact_id=contact))
        if status != "valid":
            svc.set_contribution_status(db, actor, record.id, status)

    figures = read_figures(db.path, actor)
    data = {c["id"]: c for c in figures.as_json()["campaigns"]}
    assert data[first.id] == {
        "id": first.id,
        "name": "Café associatif",
        "total_cents": 18_900,
        "contributions": 5,
        "backers": 4,
        "by_circle_cents": {"proches": 12_500, "communaute": 4_000, "grand_public": 2_400},
    }
    assert data[empty.id]["total_cents"] == 0 and data[empty.id]["backers"] == 0
    orm = {s.campaign.id: s for s in svc.list_campaigns(db, actor)}
    board = svc.campaign_dashboard(db, actor, first.id)
    for campaign in figures.campaigns:
        assert campaign.total_cents == orm[campaign.id].total_cents
        assert campaign.backers == orm[campaign.id].backers
        assert campaign.contributions == orm[campaign.id].contributions
    assert data[first.id]["by_circle_cents"] == {k: v.amount_cents for k, v in board.by_circle.items()}
    assert figures.campaigns[0].status == "en_cours" and figures.campaigns[0].ends_on == "2026-12-31"
