"""Reward fulfilment after a campaign: who is owed which contrepartie, and where it stands.

A valid contribution with a tier is owed its reward; an imported order is owed every
reward of its lines (a backer of a tote bag and two posters owes two lines to send,
three rewards). It has no Fulfilment row until its state first changes: no row means
"à préparer", so a re-import or a new contribution never needs a second write. The state
is the order's (one parcel): marking one of its lines marks them all. Rewards go to the
shipping address the platform gave (with its country), else to the contact's, never a mix. Refunded or cancelled
contributions are owed nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from communitydesk import formatting
from communitydesk.db.database import Database, session_reader
from communitydesk.errors import UserError, ValidationError
from communitydesk.exporters.shipping_list_csv import write_rows
from communitydesk.i18n import _
from communitydesk.models.campaigns import Campaign, Contribution, ContributionLine, Fulfilment
from communitydesk.records.campaign_figures import FulfilmentLine
from communitydesk.rules.campaigns import FulfilmentState, PaymentStatus
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.services import campaign_figures
from communitydesk.services.audit import audited
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.private_fields import amounts_for
from communitydesk.services.store import Store, snapshot


def fulfilment_list(
    store: Store, actor: Actor, campaign_id: int, states: Sequence[str] | None = None
) -> list[FulfilmentLine]:
    """Who is owed what: valid contributions with a contrepartie, by tier then name (filter by state)."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        if session.get(Campaign, campaign_id) is None:
            raise UserError(_("La campagne n° {id} n'existe pas (ou plus).", id=campaign_id))
        return amounts_for(actor, campaign_figures.reward_lines(session_reader(session), campaign_id, states))


def fulfilment_counts(db: Database, actor: Actor, campaign_id: int) -> dict[str, int]:
    """How many rewards are in each state (an order line counts its quantity), every state present."""
    return campaign_figures.reward_counts(fulfilment_list(db, actor, campaign_id))


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
    """Write the shipping list (CSV, UTF-8 with BOM, ``;``) for French Excel; returns the row count. Audited."""
    with audited(db, actor, Action.EXPORT_PERSONAL_DATA, f"export:shipping:campaign:{campaign_id}"):
        require(actor, Action.EXPORT_PERSONAL_DATA)
        return _write_shipping_list(db, actor, campaign_id, path, states)


def _write_shipping_list(db: Database, actor: Actor, campaign_id: int, path: Path, states: Sequence[str] | None) -> int:
    lines = fulfilment_list(db, actor, campaign_id, states)
    rows = (
        [
            line.reference,
            line.backer_label,
            line.email,
            line.phone,
            line.address,
            line.postcode,
            line.city,
            line.country,
            line.reward,
            excel_amount(line.amount_cents) if line.amount_shown else "",
            formatting.day(line.contributed_at, "short"),
            FulfilmentState(line.state).label(),
            line.recipient or line.backer_label,  # the name on the parcel
        ]
        for line in lines
    )
    return write_rows(path, shipping_header(), rows)
