"""Campaign services: validation, optimistic locking, tiers and stock, contributions, dashboard."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.models.contacts import CircleMove, Contact, TouchPoint
from communitydesk.rules.contact_keys import email_key, phone_key
from communitydesk.services import campaigns as svc
from communitydesk.services import gdpr
from communitydesk.services.contact_search import refresh_search_index
from communitydesk.services.permissions import Actor


def add_contact(
    db: Database, first: str, last: str, circle: str = "grand_public", email: str = "", phone: str = ""
) -> int:
    with db.transaction() as session:
        contact = Contact(
            first_name=first,
            last_name=last,
            circle=circle,
            email=email,
            email_key=email_key(email),
            phone=phone,
            phone_key=phone_key(phone),
        )
        session.add(contact)
        session.flush()
        return contact.id


def make_campaign(
    db: Database, actor: Actor, name: str = "Atelier vélo solidaire", goal_cents: int = 500_000, **extra: object
) -> svc.CampaignRecord:
    data = svc.CampaignInput(
        name=name,
        goal_cents=goal_cents,
        starts_on=extra.pop("starts_on", date(2026, 3, 1)),
        ends_on=extra.pop("ends_on", date(2026, 3, 30)),
        **extra,
    )  # type: ignore[arg-type]
    return svc.create_campaign(db, actor, data)


def at(day: int, hour: int = 12) -> datetime:
    """A moment in March 2026 (UTC)."""
    return datetime(2026, 3, day, hour, tzinfo=UTC)


# ---------------------------------------------------------------- campaigns


def test_create_campaign_cleans_and_returns_a_record(db: Database, actor: Actor) -> None:
    record = svc.create_campaign(
        db,
        actor,
        svc.CampaignInput(name="  Fournil   coopératif ", goal_cents=800_000, platform="helloasso", type="don"),
    )
    assert record.name == "Fournil coopératif"
    assert record.currency == "EUR"
    assert record.status == "preparation"
    assert svc.get_campaign(db, actor, record.id) == record
    assert svc.find_campaign(db, actor, "Fournil coopératif") == record
    assert svc.find_campaign(db, actor, str(record.id)) == record
    assert svc.find_campaign(db, actor, "nope") is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (svc.CampaignInput(name="  "), "name"),
        (svc.CampaignInput(name="X", goal_cents=-1), "goal_cents"),
        (svc.CampaignInput(name="X", type="loterie"), "type"),
        (svc.CampaignInput(name="X", platform="gofundme"), "platform"),
        (svc.CampaignInput(name="X", status="perdue"), "status"),
        (svc.CampaignInput(name="X", currency="euro"), "currency"),
        (svc.CampaignInput(name="X", starts_on=date(2026, 3, 10), ends_on=date(2026, 3, 1)), "ends_on"),
        (
            svc.CampaignInput(name="X", starts_on=date(2026, 3, 10), preparation_starts_on=date(2026, 4, 1)),
            "preparation_starts_on",
        ),
    ],
)
def test_invalid_campaigns_are_refused_with_the_field(
    db: Database, actor: Actor, data: svc.CampaignInput, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        svc.create_campaign(db, actor, data)
    assert caught.value.field == field
    assert str(caught.value)[0].isupper()  # a French sentence, not a code


def test_campaign_names_are_unique(db: Database, actor: Actor) -> None:
    make_campaign(db, actor, "Ressourcerie")
    with pytest.raises(ValidationError, match="s'appelle déjà") as caught:
        make_campaign(db, actor, "Ressourcerie")
    assert caught.value.field == "name"


def test_stale_edit_is_refused(db: Database, actor: Actor) -> None:
    record = make_campaign(db, actor)
    first = svc.update_campaign(
        db, actor, record.id, svc.replace_status(record.as_input(), "en_cours"), expected_version=record.version_id
    )
    assert first.version_id == record.version_id + 1
    with pytest.raises(ConflictError):
        svc.update_campaign(db, actor, record.id, record.as_input(), expected_version=record.version_id)
    assert svc.get_campaign(db, actor, record.id).status == "en_cours"


def test_delete_only_without_contributions(db: Database, actor: Actor) -> None:
    empty = make_campaign(db, actor, "Vide")
    svc.delete_campaign(db, actor, empty.id)
    assert svc.find_campaign(db, actor, "Vide") is None
    used = make_campaign(db, actor, "Utilisée")
    svc.add_contribution(db, actor, used.id, svc.ContributionInput(amount_cents=1000, contributed_at=at(2)))
    with pytest.raises(UserError, match="clôturée"):
        svc.delete_campaign(db, actor, used.id)


# ---------------------------------------------------------------- tiers


def test_tier_stock_left_follows_valid_and_pending_contributions(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor)
    tier = svc.create_tier(db, actor, campaign.id, svc.TierInput("Tote bag brodé", 2500, stock_limit=2))
    unlimited = svc.create_tier(db, actor, campaign.id, svc.TierInput("Merci sur le site", 500))
    assert tier.stock_left == 2 and unlimited.stock_left is None
    first = svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(2500, at(2), tier_id=tier.id))
    svc.add_contribution(
        db, actor, campaign.id, svc.ContributionInput(2500, at(3), tier_id=tier.id, payment_status="pending")
    )
    assert {t.title: t.stock_left for t in svc.list_tiers(db, actor, campaign.id)}["Tote bag brodé"] == 0
    with pytest.raises(ValidationError, match="épuisée") as caught:
        svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(2500, at(4), tier_id=tier.id))
    assert caught.value.field == "tier_id"
    svc.cancel_contribution(db, actor, first.id)
    assert svc.list_tiers(db, actor, campaign.id)[1].stock_left == 1


def test_tier_validation_and_protection(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor)
    tier = svc.create_tier(db, actor, campaign.id, svc.TierInput("Affiche", 1500, stock_limit=5))
    with pytest.raises(ValidationError) as caught:
        svc.create_tier(db, actor, campaign.id, svc.TierInput("affiche ".upper().strip().title(), 1000))
    assert caught.value.field == "title"
    with pytest.raises(ValidationError):
        svc.create_tier(db, actor, campaign.id, svc.TierInput("Négative", -1))
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(1500, at(2), tier_id=tier.id))
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(1500, at(2), tier_id=tier.id))
    with pytest.raises(ValidationError) as caught:
        svc.update_tier(db, actor, tier.id, svc.TierInput("Affiche", 1500, stock_limit=1), tier.version_id)
    assert caught.value.field == "stock_limit"
    edited = svc.update_tier(db, actor, tier.id, svc.TierInput("Affiche A3", 1500, stock_limit=3), tier.version_id)
    assert edited.stock_left == 1
    with pytest.raises(ConflictError):
        svc.update_tier(db, actor, tier.id, svc.TierInput("Affiche A2", 1500), tier.version_id)
    with pytest.raises(UserError, match="choisie"):
        svc.delete_tier(db, actor, tier.id)


# ---------------------------------------------------------------- contributions


def test_contribution_adds_a_touch_point_and_keeps_last_touch_right(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor)
    contact_id = add_contact(db, "Hélène", "Durand", "proches")
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(4200, at(10), contact_id=contact_id))
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(1000, at(5), contact_id=contact_id))
    with db.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert contact.last_touch_at == at(10)  # the earlier one does not move it back
        touches = session.scalars(select(TouchPoint).where(TouchPoint.contact_id == contact_id)).all()
        assert [t.kind for t in touches] == ["contribution", "contribution"]
        assert any("42,00" in t.summary and "Atelier vélo solidaire" in t.summary for t in touches)


def test_refund_and_cancel_keep_totals_right(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor)
    ids = [svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(a, at(2))).id for a in (1000, 2000, 3000)]
    assert svc.list_campaigns(db, actor)[0].total_cents == 6000
    svc.refund_contribution(db, actor, ids[0])
    svc.cancel_contribution(db, actor, ids[1])
    summary = svc.list_campaigns(db, actor)[0]
    assert (summary.total_cents, summary.contributions) == (3000, 1)
    dashboard = svc.campaign_dashboard(db, actor, campaign.id, today=date(2026, 3, 5))
    assert dashboard.total_cents == 3000
    assert dashboard.refunded_cents == 1000
    assert dashboard.cumulative[-1][1] == 3000


def test_contribution_validation(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor)
    other = make_campaign(db, actor, "Autre")
    foreign = svc.create_tier(db, actor, other.id, svc.TierInput("Ailleurs", 100))
    with pytest.raises(ValidationError) as caught:
        svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(-5, at(2)))
    assert caught.value.field == "amount_cents"
    with pytest.raises(ValidationError) as caught:
        svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(5, at(2), tier_id=foreign.id))
    assert caught.value.field == "tier_id"
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(5, at(2), platform_reference="U-1"))
    with pytest.raises(ValidationError) as caught:
        svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(5, at(2), platform_reference="U-1"))
    assert caught.value.field == "platform_reference"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    operations=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=500_000),
            st.sampled_from(["valid", "valid", "pending", "refund", "cancel"]),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_totals_always_equal_the_sum_of_valid_contributions(
    db: Database, actor: Actor, operations: list[tuple[int, str]]
) -> None:
    campaign = svc.create_campaign(
        db,
        actor,
        svc.CampaignInput(
            name=f"H{len(svc.list_campaigns(db, actor))}",
            goal_cents=1_000_000,
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 3, 30),
        ),
    )
    contact_id = add_contact(db, "Paul", "Martin", "communaute")
    expected = 0
    for n, (amount, action) in enumerate(operations):
        status = "pending" if action == "pending" else "valid"
        record = svc.add_contribution(
            db,
            actor,
            campaign.id,
            svc.ContributionInput(
                amount, at(1 + n % 28), contact_id=contact_id if n % 2 else None, payment_status=status
            ),
        )
        if action == "refund":
            svc.refund_contribution(db, actor, record.id)
        elif action == "cancel":
            svc.cancel_contribution(db, actor, record.id)
        elif status == "valid":
            expected += amount
    listed = {s.campaign.id: s for s in svc.list_campaigns(db, actor)}[campaign.id]
    dashboard = svc.campaign_dashboard(db, actor, campaign.id, today=date(2026, 3, 30))
    assert listed.total_cents == dashboard.total_cents == expected
    assert sum(share.amount_cents for share in dashboard.by_circle.values()) == expected
    assert dashboard.cumulative[-1][1] == expected
    assert listed.backers == dashboard.backers


# ---------------------------------------------------------------- dashboard


def test_dashboard_figures(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor, goal_cents=100_000)
    tote = svc.create_tier(db, actor, campaign.id, svc.TierInput("Tote bag", 3000, stock_limit=10))
    poster = svc.create_tier(db, actor, campaign.id, svc.TierInput("Affiche", 1500))
    mum = add_contact(db, "Anne", "Lefèvre", "proches")
    friend = add_contact(db, "Karim", "Benali", "communaute")
    stranger = add_contact(db, "Zoé", "Marchand", "grand_public")
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(20_000, at(1), contact_id=mum))
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(3000, at(2), contact_id=friend, tier_id=tote.id))
    svc.add_contribution(
        db, actor, campaign.id, svc.ContributionInput(3000, at(3), contact_id=stranger, tier_id=tote.id)
    )
    svc.add_contribution(
        db, actor, campaign.id, svc.ContributionInput(1500, at(3), tier_id=poster.id, backer_name="Anonyme")
    )
    refunded = svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(9000, at(4), contact_id=mum))
    svc.refund_contribution(db, actor, refunded.id)

    board = svc.campaign_dashboard(db, actor, campaign.id, today=date(2026, 3, 10))
    assert board.total_cents == 27_500
    assert board.goal_ratio == pytest.approx(0.275)
    assert board.days_left == 20
    assert board.contributions == 4
    assert board.backers == 4
    assert board.by_circle["proches"].amount_cents == 20_000
    assert board.by_circle["grand_public"].amount_cents == 4500
    assert board.by_circle["grand_public"].backers == 2
    assert board.top_tiers[0].title == "Tote bag"
    assert (board.top_tiers[0].contributions, board.top_tiers[0].stock_left) == (2, 8)
    assert board.cumulative[0] == (date(2026, 3, 1), 20_000)
    assert board.cumulative[-1] == (date(2026, 3, 10), 27_500)
    assert board.goal_line[-1] == (date(2026, 3, 30), 100_000)
    assert board.projection[0] == (date(2026, 3, 10), 27_500)
    assert board.projected_total_cents == 27_500 + 2750 * 20
    assert board.close_circles.close_cents == 23_000

    # The split follows the contact's CURRENT circle: move the stranger inward.
    proposals = svc.inward_move_proposals(db, actor, campaign.id)
    assert [p.contact_id for p in proposals] == [stranger]
    assert svc.apply_inward_moves(db, actor, campaign.id, [stranger, mum]) == 1
    board = svc.campaign_dashboard(db, actor, campaign.id, today=date(2026, 3, 10))
    assert board.by_circle["communaute"].amount_cents == 6000
    with db.transaction() as session:
        move = session.scalars(select(CircleMove).where(CircleMove.contact_id == stranger)).one()
        assert (move.from_circle, move.to_circle) == ("grand_public", "communaute")
        assert move.reason == "A soutenu la campagne « Atelier vélo solidaire »"
    assert svc.inward_move_proposals(db, actor, campaign.id) == []


def test_an_erased_backer_is_never_proposed_to_move_inward(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor)
    kept = add_contact(db, "Zoé", "Marchand", "grand_public")
    forgotten = add_contact(db, "Paul", "Durand", "grand_public")
    for backer in (kept, forgotten):
        svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(2000, at(1), contact_id=backer))
    gdpr.erase_person(db, actor, forgotten, confirm=True)

    assert [p.contact_id for p in svc.inward_move_proposals(db, actor, campaign.id)] == [kept]
    # Their money still counts.
    assert svc.campaign_dashboard(db, actor, campaign.id).total_cents == 4000


def test_dashboard_of_a_campaign_without_contributions(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor, starts_on=None, ends_on=None, goal_cents=0)
    board = svc.campaign_dashboard(db, actor, campaign.id, today=date(2026, 3, 10))
    assert (board.total_cents, board.goal_ratio, board.days_left) == (0, None, None)
    assert board.cumulative == [] and board.goal_line == [] and board.projection == []


# ---------------------------------------------------------------- pre-launch checklist


def test_erased_close_contacts_are_neither_counted_nor_listed_to_tell(db: Database, actor: Actor) -> None:
    campaign = make_campaign(db, actor, "Épicerie vrac", preparation_starts_on=date(2026, 2, 1))
    zoe, eric, anne = (
        add_contact(db, first, last, "proches") for first, last in (("Zoé", "Zèbre"), ("Éric", "Été"), ("Anne", "Abel"))
    )
    gdpr.erase_person(db, actor, eric, confirm=True)
    refresh_search_index(db, actor)  # sort_name, as after any write

    reach = svc.prelaunch_checklist(db, actor, campaign.id).reach
    assert [(r.circle, r.contacts) for r in reach] == [("proches", 2), ("communaute", 0)]
    # By the folded name, family name first: Abel Anne, then Zèbre Zoé.
    assert [u.contact_id for u in svc.untold_close_contacts(db, actor, campaign.id)] == [anne, zoe]


def test_prelaunch_checklist_counts_told_close_contacts(db: Database, actor: Actor) -> None:
    campaign = make_campaign(
        db,
        actor,
        "Épicerie vrac",
        goal_cents=200_000,
        preparation_starts_on=date(2026, 2, 1),
        description="Une épicerie sans emballage",
    )
    proches = [add_contact(db, f"P{n}", "Proche", "proches") for n in range(4)]
    communaute = [add_contact(db, f"C{n}", "Commu", "communaute") for n in range(5)]
    add_contact(db, "G", "Public", "grand_public")
    told = svc.record_campaign_announcement(
        db, actor, campaign.id, proches[:3] + communaute[:1], kind="call", when=at(1) - timedelta(days=10)
    )
    assert told == 4
    # A touch point naming the campaign (accents, case ignored) counts; one before preparation does not.
    with db.transaction() as session:
        session.add(
            TouchPoint(
                contact_id=communaute[1],
                kind="email",
                occurred_at=at(1) - timedelta(days=5),
                summary="Relance pour l'EPICERIE VRAC",
            )
        )
        session.add(
            TouchPoint(
                contact_id=communaute[2],
                kind="email",
                occurred_at=at(1) - timedelta(days=60),
                summary="Idée d'épicerie vrac",
            )
        )
    svc.add_contribution(db, actor, campaign.id, svc.ContributionInput(5000, at(2), contact_id=communaute[3]))

    checklist = svc.prelaunch_checklist(db, actor, campaign.id)
    assert checklist.since == date(2026, 2, 1)
    assert [(r.circle, r.contacts, r.told) for r in checklist.reach] == [("proches", 4, 3), ("communaute", 5, 3)]
    assert checklist.close_target_cents == 60_000
    assert checklist.close_cents == 5000
    done = {item.key: item.done for item in checklist.items}
    assert done == {
        "goal": True,
        "dates": True,
        "description": True,
        "tiers": False,
        "told_proches": False,
        "told_communaute": False,
    }
    untold = svc.untold_close_contacts(db, actor, campaign.id)
    assert [u.contact_id for u in untold] == [proches[3], communaute[2], communaute[4]]
