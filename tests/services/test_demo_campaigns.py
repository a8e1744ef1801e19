"""The demo's campaigns: one running with proches first, one won with rewards on their way, one in preparation."""

from __future__ import annotations

from statistics import median

from communitydesk.db.database import Database
from communitydesk.services import campaigns as svc
from communitydesk.services import fulfilment
from communitydesk.services.demo import populate
from communitydesk.services.permissions import Actor


def test_demo_campaigns(db: Database, actor: Actor) -> None:
    populate(db, actor, contacts=1000, seed=3)
    by_name = {s.campaign.name: s for s in svc.list_campaigns(db, actor)}
    running, won, preparing = (
        by_name["Fournil des Pentes"],
        by_name["Repair café mobile"],
        by_name["Jardin partagé des Canuts"],
    )
    assert (running.campaign.status, running.campaign.platform) == ("en_cours", "ulule")
    assert (won.campaign.status, won.campaign.platform) == ("reussie", "helloasso")
    assert preparing.campaign.status == "preparation" and preparing.contributions == 0
    assert 140 <= running.contributions <= 160
    assert won.total_cents >= won.campaign.goal_cents

    contributions = svc.list_contributions(db, actor, running.campaign.id)
    assert {c.payment_status for c in contributions} - {"valid"}  # a couple refunded or cancelled
    days = {
        circle: median(c.contributed_at.timestamp() for c in contributions if c.circle == circle)
        for circle in ("proches", "communaute", "grand_public")
    }
    assert days["proches"] < days["communaute"] < days["grand_public"]

    board = svc.campaign_dashboard(db, actor, running.campaign.id)
    assert board.total_cents == running.total_cents
    assert 0.3 < (board.goal_ratio or 0) < 1
    assert board.days_left is not None and board.days_left > 0
    assert board.projection and board.new_contacts > 0
    assert all(t.stock_left is None or t.stock_left >= 0 for t in board.top_tiers)

    counts = fulfilment.fulfilment_counts(db, actor, won.campaign.id)
    assert counts["livre"] > counts["envoye"] > 0 and counts["a_preparer"] > 0

    checklist = svc.prelaunch_checklist(db, actor, preparing.campaign.id)
    proches, communaute = checklist.reach
    assert 0 < proches.told < proches.contacts
    assert 0 < communaute.told < communaute.contacts
