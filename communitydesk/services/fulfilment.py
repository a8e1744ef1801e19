"""Reward fulfilment after a campaign: who is owed which contrepartie, and where it stands.

A valid contribution with a tier is owed its reward; an imported order is owed every
reward of its lines (a backer of a tote bag and two posters owes two lines to send,
three rewards). It has no Fulfilment row until its state first changes: no row means
"à préparer", so a re-import or a new contribution never needs a second write. The state
is the order's (one parcel): marking one of its lines marks them all. Rewards go to the
shipping address the platform gave, else to the contact's. Refunded or cancelled
contributions are owed nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.exporters.shipping_list_csv import write_rows
from communitydesk.i18n import _
from communitydesk.models.campaigns import Campaign, Contribution, ContributionLine, Fulfilment, Tier
from communitydesk.models.contacts import Contact
from communitydesk.records.campaigns import FulfilmentLine
from communitydesk.rules.campaigns import FulfilmentState, PaymentStatus
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.contact_keys import fold
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot


def _lines(session: Session, campaign_id: int, states: Sequence[str] | None = None) -> list[FulfilmentLine]:
    # One row per order line with a reward; a contribution without such lines gives its own tier.
    reward_line = and_(ContributionLine.contribution_id == Contribution.id, ContributionLine.tier_id.is_not(None))
    query = (
        select(Contribution, Tier, Contact, Fulfilment, ContributionLine.quantity)
        .outerjoin(ContributionLine, reward_line)
        .join(Tier, Tier.id == func.coalesce(ContributionLine.tier_id, Contribution.tier_id))
        .outerjoin(Contact, Contact.id == Contribution.contact_id)
        .outerjoin(Fulfilment, Fulfilment.contribution_id == Contribution.id)
        .where(Contribution.campaign_id == campaign_id, Contribution.payment_status == PaymentStatus.VALID.value)
        .order_by(
            Tier.amount_cents,
            Tier.title,
            Contact.last_name,
            Contact.first_name,
            Contribution.id,
            ContributionLine.position,
        )
    )
    lines = []
    for contribution, tier, contact, fulfilment, quantity in session.execute(query):
        state = fulfilment.state if fulfilment is not None else FulfilmentState.A_PREPARER.value
        if states is not None and state not in states:
            continue
        where = _shipping_address(contribution, contact)
        backer = contact.display_name if contact is not None else contribution.backer_name
        ship_to = f"{contribution.ship_first_name} {contribution.ship_last_name}".strip()
        lines.append(
            FulfilmentLine(
                contribution_id=contribution.id,
                reference=contribution.platform_reference or str(contribution.id),
                backer=backer,
                email=contact.email if contact is not None else "",
                phone=contact.phone if contact is not None else "",
                address=where[0],
                postcode=where[1],
                city=where[2],
                country=where[3],
                tier_id=tier.id,
                tier_title=tier.title,
                amount_cents=contribution.amount_cents,
                contributed_at=contribution.contributed_at,
                state=state,
                state_changed_at=fulfilment.updated_at if fulfilment is not None else None,
                note=fulfilment.note if fulfilment is not None else "",
                quantity=quantity or 1,
                recipient=ship_to if fold(ship_to) != fold(backer) else "",
            )
        )
    return lines


def _shipping_address(contribution: Contribution, contact: Contact | None) -> tuple[str, str, str, str]:
    """Where the platform was told to send the rewards, else the contact's own address."""
    given = (contribution.ship_address, contribution.ship_postcode, contribution.ship_city, contribution.ship_country)
    if any(given):
        return given
    if contact is None:
        return ("", "", "", "")
    return (contact.address, contact.postcode, contact.city, contact.country)


def fulfilment_list(
    store: Store, actor: Actor, campaign_id: int, states: Sequence[str] | None = None
) -> list[FulfilmentLine]:
    """Who is owed what: valid contributions with a contrepartie, by tier then name (filter by state)."""
    require(actor, Action.READ)
    with snapshot(store) as session:
        if session.get(Campaign, campaign_id) is None:
            raise UserError(_("La campagne n° {id} n'existe pas (ou plus).", id=campaign_id))
        return _lines(session, campaign_id, states)


def fulfilment_counts(db: Database, actor: Actor, campaign_id: int) -> dict[str, int]:
    """How many rewards are in each state (an order line counts its quantity), every state present."""
    counts = {state.value: 0 for state in FulfilmentState}
    for line in fulfilment_list(db, actor, campaign_id):
        counts[line.state] += line.quantity
    return counts


def set_fulfilment_state(
    db: Database, actor: Actor, contribution_ids: Sequence[int], state: str, note: str | None = None
) -> int:
    """Mark the rewards of these contributions préparé / envoyé / livré (or back to à préparer);
    returns how many contributions changed."""
    require(actor, Action.EDIT_CAMPAIGNS)
    if state not in FulfilmentState.__members__.values():
        raise ValidationError(_("État de contrepartie inconnu : « {value} ».", value=state), field="state")
    changed = 0
    with db.transaction() as session:
        rewarded = select(ContributionLine.contribution_id).where(ContributionLine.tier_id.is_not(None))
        query = select(Contribution).where(
            Contribution.id.in_(list(contribution_ids)),
            Contribution.tier_id.is_not(None) | Contribution.id.in_(rewarded),
        )
        for contribution in session.scalars(query):
            if contribution.payment_status != PaymentStatus.VALID.value:
                raise ValidationError(
                    _(
                        "La contribution « {ref} » n'est pas validée : aucune contrepartie n'est due.",
                        ref=contribution.platform_reference or contribution.id,
                    ),
                    field="state",
                )
            row = contribution.fulfilment
            if row is None:
                row = Fulfilment(contribution_id=contribution.id, state=FulfilmentState.A_PREPARER.value)
                session.add(row)
                contribution.fulfilment = row
            if row.state != state or (note is not None and row.note != note):
                row.state = state
                if note is not None:
                    row.note = note
                changed += 1
    return changed


def shipping_header() -> list[str]:
    """Column names of the shipping list, in the current language (contact fields: rules.contact_fields)."""
    backer = [
        contact_field_label(f) for f in ("display_name", "email", "phone", "address", "postcode", "city", "country")
    ]
    return [_("Référence"), *backer, _("Contrepartie"), _("Montant (€)"), _("Date"), _("État"), _("Destinataire")]


def excel_amount(cents: int) -> str:
    """``123450`` → ``1234,50``: a number French Excel reads as a number (no currency, no spaces)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


def export_shipping_list(
    db: Database, actor: Actor, campaign_id: int, path: Path, states: Sequence[str] | None = None
) -> int:
    """Write the shipping list (CSV, UTF-8 with BOM, ``;``) for French Excel; returns the row count."""
    require(actor, Action.EXPORT)
    lines = fulfilment_list(db, actor, campaign_id, states)
    rows = (
        [
            line.reference,
            line.backer,
            line.email,
            line.phone,
            line.address,
            line.postcode,
            line.city,
            line.country,
            line.reward,
            excel_amount(line.amount_cents),
            formatting.day(line.contributed_at, "short"),
            FulfilmentState(line.state).label(),
            line.recipient or line.backer,  # the name on the parcel
        ]
        for line in lines
    )
    return write_rows(path, shipping_header(), rows)
