"""Reward fulfilment after a campaign: who is owed which contrepartie, and where it stands.

A valid contribution with a tier is owed its reward. It has no Fulfilment row until its
state first changes: no row means "à préparer", so a re-import or a new contribution
never needs a second write. Refunded or cancelled contributions are owed nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.exporters.shipping_list_csv import write_rows
from communitydesk.i18n import _
from communitydesk.models.campaigns import Campaign, Contribution, Fulfilment, Tier
from communitydesk.models.contacts import Contact
from communitydesk.records.campaigns import FulfilmentLine
from communitydesk.rules.campaigns import FulfilmentState, PaymentStatus
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot


def _lines(session: Session, campaign_id: int, states: Sequence[str] | None = None) -> list[FulfilmentLine]:
    query = (
        select(Contribution, Tier, Contact, Fulfilment)
        .join(Tier, Tier.id == Contribution.tier_id)
        .outerjoin(Contact, Contact.id == Contribution.contact_id)
        .outerjoin(Fulfilment, Fulfilment.contribution_id == Contribution.id)
        .where(Contribution.campaign_id == campaign_id, Contribution.payment_status == PaymentStatus.VALID.value)
        .order_by(Tier.amount_cents, Tier.title, Contact.last_name, Contact.first_name, Contribution.id)
    )
    lines = []
    for contribution, tier, contact, fulfilment in session.execute(query):
        state = fulfilment.state if fulfilment is not None else FulfilmentState.A_PREPARER.value
        if states is not None and state not in states:
            continue
        lines.append(
            FulfilmentLine(
                contribution_id=contribution.id,
                reference=contribution.platform_reference or str(contribution.id),
                backer=contact.display_name if contact is not None else contribution.backer_name,
                email=contact.email if contact is not None else "",
                phone=contact.phone if contact is not None else "",
                address=contact.address if contact is not None else "",
                postcode=contact.postcode if contact is not None else "",
                city=contact.city if contact is not None else "",
                country=contact.country if contact is not None else "",
                tier_id=tier.id,
                tier_title=tier.title,
                amount_cents=contribution.amount_cents,
                contributed_at=contribution.contributed_at,
                state=state,
                state_changed_at=fulfilment.updated_at if fulfilment is not None else None,
                note=fulfilment.note if fulfilment is not None else "",
            )
        )
    return lines


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
    """How many rewards are in each state, every state present (à préparer first)."""
    counts = {state.value: 0 for state in FulfilmentState}
    for line in fulfilment_list(db, actor, campaign_id):
        counts[line.state] += 1
    return counts


def set_fulfilment_state(
    db: Database, actor: Actor, contribution_ids: Sequence[int], state: str, note: str | None = None
) -> int:
    """Mark these rewards préparé / envoyé / livré (or back to à préparer); returns how many changed."""
    require(actor, Action.EDIT_CAMPAIGNS)
    if state not in FulfilmentState.__members__.values():
        raise ValidationError(_("État de contrepartie inconnu : « {value} ».", value=state), field="state")
    changed = 0
    with db.transaction() as session:
        query = select(Contribution).where(
            Contribution.id.in_(list(contribution_ids)), Contribution.tier_id.is_not(None)
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
    return [_("Référence"), *backer, _("Contrepartie"), _("Montant (€)"), _("Date"), _("État")]


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
            line.tier_title,
            excel_amount(line.amount_cents),
            formatting.day(line.contributed_at, "short"),
            FulfilmentState(line.state).label(),
        ]
        for line in lines
    )
    return write_rows(path, shipping_header(), rows)
