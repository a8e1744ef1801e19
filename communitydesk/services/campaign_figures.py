"""A campaign's dashboard and the rewards it owes, assembled from db.campaign_reads with rules.pacing.

One assembly for the screen (services.campaigns, services.fulfilment, on their snapshot)
and the PDFs (services.campaign_documents, on the quick path): they can never disagree.
No SQLAlchemy here, so that ``export pdf`` of a campaign document does not load it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from communitydesk import formatting
from communitydesk.db import campaign_reads
from communitydesk.db.quick_reads import QuickReader
from communitydesk.records.campaign_figures import CampaignDashboard, FulfilmentLine, TierFigure
from communitydesk.records.campaigns import CampaignRecord
from communitydesk.rules import pacing
from communitydesk.rules.campaigns import FulfilmentState, PaymentStatus
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.contact_names import display_name


def facts(reader: QuickReader, campaign_id: int) -> list[pacing.ContributionFact]:
    """Every contribution as pacing facts, with the contact's CURRENT circle (none: grand public)."""
    return [
        pacing.ContributionFact(
            amount, formatting.to_local(when).date(), status, circle or Circle.GRAND_PUBLIC.value, contact
        )
        for amount, when, status, circle, contact in campaign_reads.contribution_facts(reader, campaign_id)
    ]


def dashboard(reader: QuickReader, campaign: CampaignRecord, today: date) -> CampaignDashboard:
    """Everything the campaign dashboard (and its PDF report) shows, from valid contributions only."""
    all_facts = facts(reader, campaign.id)
    valid = pacing.counted(all_facts)
    total = pacing.total_cents(all_facts)
    until = min(today, campaign.ends_on) if campaign.ends_on else today
    until = max([until, *(f.day for f in valid)])
    top = sorted(
        (
            TierFigure(t.id, t.title, t.amount_cents, row.chosen, row.chosen_cents, t.stock_left)
            for row in campaign_reads.tiers(reader, campaign.id)
            for t in (row.record,)
        ),
        key=lambda f: (-f.contributions, -f.total_cents, f.amount_cents),
    )
    return CampaignDashboard(
        campaign=campaign,
        today=today,
        total_cents=total,
        goal_ratio=pacing.goal_ratio(total, campaign.goal_cents),
        days_left=pacing.days_left(campaign.ends_on, today),
        contributions=len(valid),
        backers=pacing.backers(all_facts),
        refunded_cents=sum(f.amount_cents for f in all_facts if f.status == PaymentStatus.REFUNDED.value),
        pending_cents=sum(f.amount_cents for f in all_facts if f.status == PaymentStatus.PENDING.value),
        cumulative=pacing.cumulative_by_day(all_facts, campaign.starts_on, until),
        goal_line=pacing.goal_line(campaign.starts_on, campaign.ends_on, campaign.goal_cents),
        projection=pacing.projection(all_facts, campaign.starts_on, campaign.ends_on, today),
        projected_total_cents=pacing.projected_total(all_facts, campaign.starts_on, campaign.ends_on, today),
        by_circle=pacing.split_by_circle(all_facts),
        top_tiers=top,
        new_contacts=campaign_reads.contacts_brought(reader, campaign.id),
        close_circles=pacing.close_circles_check(all_facts, campaign.goal_cents),
        refunded_contributions=sum(1 for f in all_facts if f.status == PaymentStatus.REFUNDED.value),
    )


def _shipping_address(row: campaign_reads.RewardRow) -> tuple[str, str, str, str]:
    """Where the platform was told to send the rewards, whole; else the contact's own address.

    Never a mix: a platform address without a country keeps its empty country rather
    than borrowing the contact's.
    """
    given = (row.ship_address, row.ship_postcode, row.ship_city, row.ship_country)
    if any(given):
        return given
    if row.contact_id is None:
        return ("", "", "", "")
    return (row.address, row.postcode, row.city, row.country)


def reward_lines(reader: QuickReader, campaign_id: int, states: Sequence[str] | None = None) -> list[FulfilmentLine]:
    """Who is owed what: valid contributions with a contrepartie, by tier then name (filter by state)."""
    lines = []
    for row in campaign_reads.rewards_owed(reader, campaign_id):
        state = row.state or FulfilmentState.A_PREPARER.value
        if states is not None and state not in states:
            continue
        if row.contact_id is not None:
            backer = display_name(row.kind, row.first_name, row.last_name, row.organisation, row.email)
        else:
            backer = row.backer_name.strip()
        address, postcode, city, country = _shipping_address(row)
        ship_to = f"{row.ship_first_name} {row.ship_last_name}".strip()
        lines.append(
            FulfilmentLine(
                contribution_id=row.contribution_id,
                reference=row.reference or str(row.contribution_id),
                backer=backer,
                email=row.email,
                phone=row.phone,
                address=address,
                postcode=postcode,
                city=city,
                country=country,
                tier_id=row.tier_id,
                tier_title=row.tier_title,
                amount_cents=row.amount_cents,
                contributed_at=row.contributed_at,
                state=state,
                state_changed_at=row.state_changed_at,
                note=row.note,
                quantity=row.quantity or 1,
                recipient=ship_to if ship_to and fold(ship_to) != fold(backer) else "",
                anonymous=row.anonymous,
            )
        )
    return lines


def reward_counts(lines: Sequence[FulfilmentLine]) -> dict[str, int]:
    """How many rewards are in each state (an order line counts its quantity), every state present."""
    counts = {state.value: 0 for state in FulfilmentState}
    for line in lines:
        counts[line.state] += line.quantity
    return counts
