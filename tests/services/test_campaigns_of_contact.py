"""A contact's campaigns for the contact sheet, and the RGPD erasure of campaign data."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.models.campaigns import Contribution, Fulfilment
from communitydesk.rules.campaigns import FulfilmentState
from communitydesk.services import campaigns as svc
from communitydesk.services import fulfilment, gdpr
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor


def campaign(db: Database, actor: Actor, name: str, start: date) -> svc.CampaignRecord:
    return svc.create_campaign(db, actor, svc.CampaignInput(name=name, goal_cents=100_000, starts_on=start))


def test_contributions_of_contact_lists_campaign_date_amount_tier_and_status(db: Database, actor: Actor) -> None:
    cid = create_contact(db, actor, ContactInput(first_name="Chloé", last_name="Mercier")).id
    other = create_contact(db, actor, ContactInput(first_name="Paul", last_name="Durand")).id
    velo = campaign(db, actor, "Atelier vélo", date(2026, 3, 1))
    four = campaign(db, actor, "Four à pain", date(2026, 5, 1))
    tier = svc.create_tier(db, actor, velo.id, svc.TierInput("Sticker", 1500))
    svc.add_contribution(
        db, actor, velo.id, svc.ContributionInput(2500, datetime(2026, 3, 2, 10, tzinfo=UTC), cid, tier.id)
    )
    refunded = svc.add_contribution(
        db, actor, four.id, svc.ContributionInput(4000, datetime(2026, 5, 3, 10, tzinfo=UTC), cid)
    )
    svc.refund_contribution(db, actor, refunded.id)
    svc.add_contribution(db, actor, four.id, svc.ContributionInput(9900, datetime(2026, 5, 4, 10, tzinfo=UTC), other))

    mine = svc.contributions_of_contact(db, actor, cid)

    assert [(c.campaign_name, c.amount_cents, c.tier_title, c.payment_status) for c in mine] == [
        ("Four à pain", 4000, "", "refunded"),
        ("Atelier vélo", 2500, "Sticker", "valid"),
    ]
    assert mine[1].contributed_at == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert svc.contributions_of_contact(db, actor, 999_999) == []


def test_erasure_blanks_backer_names_and_fulfilment_notes_and_keeps_totals(db: Database, actor: Actor) -> None:
    cid = create_contact(db, actor, ContactInput(first_name="Chloé", last_name="Mercier")).id
    other = create_contact(db, actor, ContactInput(first_name="Paul", last_name="Durand")).id
    velo = campaign(db, actor, "Atelier vélo", date(2026, 3, 1))
    tier = svc.create_tier(db, actor, velo.id, svc.TierInput("Sticker", 1500))
    mine = svc.add_contribution(
        db, actor, velo.id, svc.ContributionInput(2500, contact_id=cid, tier_id=tier.id, backer_name="Chloé Mercier")
    )
    theirs = svc.add_contribution(
        db, actor, velo.id, svc.ContributionInput(3000, contact_id=other, tier_id=tier.id, backer_name="Paul Durand")
    )
    for line in (mine, theirs):
        fulfilment.set_fulfilment_state(
            db, actor, [line.id], FulfilmentState.ENVOYE.value, note="Laisser chez la voisine, 3 rue des Lilas"
        )
    before = svc.campaign_dashboard(db, actor, velo.id)
    exported = gdpr.export_person(db, actor, cid)
    assert [r["nom_du_contributeur"] for r in exported["autres_données"]["contributions"]] == ["Chloé Mercier"]

    gdpr.erase_person(db, actor, cid, confirm=True)

    with db.transaction() as session:
        rows = {c.id: c for c in session.scalars(select(Contribution))}
        notes = {f.contribution_id: f.note for f in session.scalars(select(Fulfilment))}
    assert rows[mine.id].backer_name == ""
    assert rows[mine.id].amount_cents == 2500
    assert notes[mine.id] == ""
    assert rows[theirs.id].backer_name == "Paul Durand"
    assert notes[theirs.id] == "Laisser chez la voisine, 3 rue des Lilas"
    after = svc.campaign_dashboard(db, actor, velo.id)
    assert (after.total_cents, after.contributions, after.backers) == (
        before.total_cents,
        before.contributions,
        before.backers,
    )
    assert svc.erase_backer_data in gdpr._erasure_steps
