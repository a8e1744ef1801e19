"""Crowdfunding campaigns: campaigns and tiers, contributions, dashboard, pre-launch checklist.

Each public function takes the open ``Database`` and the acting ``Actor``, checks the
right first, runs in one transaction and hands back plain frozen records (never ORM
rows), so that screens can hold them across threads.

Pre-launch checklist, how "told" is defined (kept simple on purpose): a contact of the
proches or communauté circle counts as told about a campaign when, since the day its
preparation started (``preparation_starts_on``, else the day the campaign was created),
they have a touch point whose summary names the campaign (accents and case ignored), or
a contribution to it. ``record_campaign_announcement`` writes such touch points.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from communitydesk import formatting
from communitydesk.db import campaign_reads
from communitydesk.db.database import Database, session_reader
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _, ngettext
from communitydesk.models.campaigns import Campaign, Contribution, Fulfilment, Tier
from communitydesk.models.contacts import ACTIVE, Contact, TouchPoint
from communitydesk.records.campaign_figures import CampaignDashboard
from communitydesk.records.campaign_page import (
    CampaignDetail,
    CampaignSummary,
    ChecklistItem,
    CircleReach,
    ContactContribution,
    MoveProposal,
    PrelaunchChecklist,
    UntoldContact,
)
from communitydesk.records.campaigns import (
    CampaignInput,
    CampaignRecord,
    ContributionInput,
    ContributionRecord,
    TierInput,
    TierRecord,
)
from communitydesk.rules import pacing
from communitydesk.rules.campaigns import (
    SHIPPING_FIELDS,
    STOCK_HOLDING_STATUSES,
    CampaignStatus,
    CampaignType,
    PaymentStatus,
    Platform,
)
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import fold
from communitydesk.services import campaign_figures, gdpr
from communitydesk.services.circle_moves import move_contacts
from communitydesk.services.fulfilment import fulfilment_list
from communitydesk.services.permissions import Action, Actor, allowed, require
from communitydesk.services.private_fields import amounts_for
from communitydesk.services.store import Store, snapshot
from communitydesk.services.touch_points import add_touch_points, refresh_last_touch

CONTRIBUTION_TOUCH_KIND = "contribution"
ANNOUNCEMENT_KINDS = ("email", "call", "meeting", "event", "note")


# ---------------------------------------------------------------- helpers


def today_in_paris() -> date:
    return formatting.local_today()


def local_day(moment: datetime) -> date:
    return formatting.to_local(moment).date()


def start_of_local_day(day: date) -> datetime:
    """Midnight in Paris of ``day``, as aware UTC."""
    return datetime.combine(day, time(0, 0), tzinfo=formatting.PARIS).astimezone(UTC)


def _record(row: Campaign) -> CampaignRecord:
    return CampaignRecord(
        id=row.id,
        name=row.name,
        type=row.type,
        platform=row.platform,
        goal_cents=row.goal_cents,
        currency=row.currency,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        preparation_starts_on=row.preparation_starts_on,
        description=row.description,
        status=row.status,
        version_id=row.version_id,
        created_at=row.created_at,
    )


def _load(session: Session, campaign_id: int) -> Campaign:
    row = session.get(Campaign, campaign_id)
    if row is None:
        raise UserError(_("La campagne n° {id} n'existe pas (ou plus).", id=campaign_id))
    return row


def find_campaign_row(session: Session, name_or_id: str | int) -> Campaign | None:
    """By exact name first, then by number: "12" names campaign 12 unless a campaign is called "12"."""
    text = str(name_or_id).strip()
    row = session.scalars(select(Campaign).where(Campaign.name == text)).first()
    if row is None and text.isdigit():
        row = session.get(Campaign, int(text))
    return row


def _check_version(kind_label: str, name: str, row_version: int, expected: int | None) -> None:
    if expected is not None and row_version != expected:
        raise ConflictError(
            _(
                "{kind} « {name} » a été modifiée entre-temps (par une autre fenêtre ou un autre profil). "
                "Rechargez-la puis refaites votre modification.",
                kind=kind_label,
                name=name,
            )
        )


def _clean_campaign(session: Session, data: CampaignInput, campaign_id: int | None) -> CampaignInput:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError(_("Le nom de la campagne est obligatoire."), field="name")
    if len(name) > 200:
        raise ValidationError(_("Le nom de la campagne dépasse 200 caractères."), field="name")
    clash = session.scalars(select(Campaign.id).where(Campaign.name == name)).first()
    if clash is not None and clash != campaign_id:
        raise ValidationError(_("Une campagne s'appelle déjà « {name} ».", name=name), field="name")
    if data.type not in CampaignType.__members__.values():
        raise ValidationError(_("Type de campagne inconnu : « {value} ».", value=data.type), field="type")
    if data.platform not in Platform.__members__.values():
        raise ValidationError(_("Plateforme inconnue : « {value} ».", value=data.platform), field="platform")
    if data.status not in CampaignStatus.__members__.values():
        raise ValidationError(_("Statut de campagne inconnu : « {value} ».", value=data.status), field="status")
    if data.goal_cents < 0:
        raise ValidationError(_("L'objectif ne peut pas être négatif."), field="goal_cents")
    currency = data.currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        raise ValidationError(_("La devise doit être un code à trois lettres (EUR)."), field="currency")
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise ValidationError(_("La date de fin précède la date de début."), field="ends_on")
    if data.preparation_starts_on and data.starts_on and data.preparation_starts_on > data.starts_on:
        raise ValidationError(
            _("La préparation doit commencer avant le lancement de la campagne."), field="preparation_starts_on"
        )
    return CampaignInput(
        name=name,
        type=data.type,
        platform=data.platform,
        goal_cents=int(data.goal_cents),
        currency=currency,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        preparation_starts_on=data.preparation_starts_on,
        description=data.description.strip(),
        status=data.status,
    )


def _apply(row: Campaign, data: CampaignInput) -> None:
    row.name, row.type, row.platform = data.name, data.type, data.platform
    row.goal_cents, row.currency = data.goal_cents, data.currency
    row.starts_on, row.ends_on, row.preparation_starts_on = data.starts_on, data.ends_on, data.preparation_starts_on
    row.description, row.status = data.description, data.status


# ---------------------------------------------------------------- campaigns


def create_campaign(db: Database, actor: Actor, data: CampaignInput) -> CampaignRecord:
    """Create a campaign; ValidationError (with ``field``) on a missing name, a clash, bad dates..."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        return create_campaign_in(session, actor, data)


def create_campaign_in(session: Session, actor: Actor, data: CampaignInput) -> CampaignRecord:
    """Same as ``create_campaign`` inside the caller's transaction (used by the import)."""
    require(actor, Action.EDIT_CAMPAIGNS)
    clean = _clean_campaign(session, data, None)
    row = Campaign()
    _apply(row, clean)
    session.add(row)
    session.flush()
    return _record(row)


def update_campaign(
    db: Database, actor: Actor, campaign_id: int, data: CampaignInput, expected_version: int | None = None
) -> CampaignRecord:
    """Save edits; ConflictError when someone saved the campaign since ``expected_version`` was read."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        row = _load(session, campaign_id)
        _check_version(_("La campagne"), row.name, row.version_id, expected_version)
        clean = _clean_campaign(session, data, campaign_id)
        _apply(row, clean)
        session.flush()
        return _record(row)


def set_campaign_status(db: Database, actor: Actor, campaign_id: int, status: str) -> CampaignRecord:
    """Move a campaign to another status (en cours, réussie, clôturée...)."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        row = _load(session, campaign_id)
        clean = _clean_campaign(session, replace_status(_record(row).as_input(), status), campaign_id)
        row.status = clean.status
        session.flush()
        return _record(row)


def replace_status(data: CampaignInput, status: str) -> CampaignInput:
    return CampaignInput(**{**data.__dict__, "status": status})


def delete_campaign(db: Database, actor: Actor, campaign_id: int) -> None:
    """Delete a campaign that has no contribution yet; otherwise ask to close it instead."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        row = _load(session, campaign_id)
        count = session.scalar(select(func.count()).where(Contribution.campaign_id == campaign_id)) or 0
        if count:
            raise UserError(
                ngettext(
                    "La campagne « {name} » a {count} contribution : elle ne peut pas être supprimée. "
                    "Passez-la au statut « clôturée ».",
                    "La campagne « {name} » a {count} contributions : elle ne peut pas être supprimée. "
                    "Passez-la au statut « clôturée ».",
                    count,
                    name=row.name,
                    count=count,
                )
            )
        session.delete(row)


def get_campaign(db: Database, actor: Actor, campaign_id: int) -> CampaignRecord:
    require(actor, Action.READ_FIGURES)
    with db.snapshot() as session:
        return _record(_load(session, campaign_id))


def find_campaign(db: Database, actor: Actor, name_or_id: str | int) -> CampaignRecord | None:
    """The campaign with this exact name, else with this number; None when there is none."""
    require(actor, Action.READ_FIGURES)
    with db.snapshot() as session:
        row = find_campaign_row(session, name_or_id)
        return None if row is None else _record(row)


def list_campaigns(db: Database, actor: Actor, today: date | None = None) -> list[CampaignSummary]:
    """Every campaign with its total (valid contributions only), backers and days left, newest first."""
    require(actor, Action.READ_FIGURES)
    today = today or today_in_paris()
    with db.snapshot() as session:
        rows = session.scalars(select(Campaign).order_by(Campaign.starts_on.desc().nulls_first(), Campaign.id.desc()))
        campaigns = list(rows)
        figures: dict[int, tuple[int, int, int]] = {}
        query = (
            select(
                Contribution.campaign_id,
                func.coalesce(func.sum(Contribution.amount_cents), 0),
                func.count(),
                func.count(func.distinct(Contribution.contact_id)),
                func.sum(case((Contribution.contact_id.is_(None), 1), else_=0)),
            )
            .where(Contribution.payment_status == PaymentStatus.VALID.value)
            .group_by(Contribution.campaign_id)
        )
        for campaign_id, total, count, distinct_contacts, without_contact in session.execute(query):
            figures[campaign_id] = (int(total), int(count), int(distinct_contacts) + int(without_contact or 0))
        result = []
        for row in campaigns:
            total, count, backer_count = figures.get(row.id, (0, 0, 0))
            result.append(
                CampaignSummary(
                    campaign=_record(row),
                    total_cents=total,
                    contributions=count,
                    backers=backer_count,
                    goal_ratio=pacing.goal_ratio(total, row.goal_cents),
                    days_left=pacing.days_left(row.ends_on, today),
                )
            )
        return result


# ---------------------------------------------------------------- tiers


def _taken_by_tier(session: Session, campaign_id: int) -> dict[int, int]:
    """Rewards taken from each tier's stock (db.campaign_reads.tiers: an order's lines by quantity)."""
    return {row.record.id: row.record.taken for row in campaign_reads.tiers(session_reader(session), campaign_id)}


def _tier_record(row: Tier, taken: int) -> TierRecord:
    return TierRecord(
        id=row.id,
        campaign_id=row.campaign_id,
        title=row.title,
        amount_cents=row.amount_cents,
        description=row.description,
        stock_limit=row.stock_limit,
        estimated_delivery=row.estimated_delivery,
        version_id=row.version_id,
        taken=taken,
    )


def _clean_tier(session: Session, campaign_id: int, data: TierInput, tier_id: int | None) -> TierInput:
    title = " ".join(data.title.split())
    if not title:
        raise ValidationError(_("L'intitulé de la contrepartie est obligatoire."), field="title")
    if len(title) > 200:
        raise ValidationError(_("L'intitulé de la contrepartie dépasse 200 caractères."), field="title")
    clash = session.scalars(select(Tier.id).where(Tier.campaign_id == campaign_id, Tier.title == title)).first()
    if clash is not None and clash != tier_id:
        raise ValidationError(_("Cette campagne a déjà une contrepartie « {title} ».", title=title), field="title")
    if data.amount_cents < 0:
        raise ValidationError(_("Le montant de la contrepartie ne peut pas être négatif."), field="amount_cents")
    if data.stock_limit is not None and data.stock_limit < 0:
        raise ValidationError(_("Le stock ne peut pas être négatif."), field="stock_limit")
    return TierInput(title, int(data.amount_cents), data.description.strip(), data.stock_limit, data.estimated_delivery)


def list_tiers(store: Store, actor: Actor, campaign_id: int) -> list[TierRecord]:
    """The tiers of a campaign by amount, each with its stock left (None = unlimited)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        return tiers_in(session, campaign_id)


def tiers_in(session: Session, campaign_id: int) -> list[TierRecord]:
    taken = _taken_by_tier(session, campaign_id)
    rows = session.scalars(select(Tier).where(Tier.campaign_id == campaign_id).order_by(Tier.amount_cents, Tier.id))
    return [_tier_record(row, taken.get(row.id, 0)) for row in rows]


def create_tier(db: Database, actor: Actor, campaign_id: int, data: TierInput) -> TierRecord:
    """Add a contrepartie to a campaign."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        _load(session, campaign_id)
        clean = _clean_tier(session, campaign_id, data, None)
        row = Tier(
            campaign_id=campaign_id,
            title=clean.title,
            amount_cents=clean.amount_cents,
            description=clean.description,
            stock_limit=clean.stock_limit,
            estimated_delivery=clean.estimated_delivery,
        )
        session.add(row)
        session.flush()
        return _tier_record(row, 0)


def update_tier(
    db: Database, actor: Actor, tier_id: int, data: TierInput, expected_version: int | None = None
) -> TierRecord:
    """Edit a contrepartie; a stock below what is already taken is refused."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        row = session.get(Tier, tier_id)
        if row is None:
            raise UserError(_("La contrepartie n° {id} n'existe pas (ou plus).", id=tier_id))
        _check_version(_("La contrepartie"), row.title, row.version_id, expected_version)
        clean = _clean_tier(session, row.campaign_id, data, tier_id)
        taken = _taken_by_tier(session, row.campaign_id).get(tier_id, 0)
        if clean.stock_limit is not None and clean.stock_limit < taken:
            raise ValidationError(
                _(
                    "{taken} contributions ont déjà choisi cette contrepartie : le stock ne peut pas être inférieur.",
                    taken=taken,
                ),
                field="stock_limit",
            )
        row.title, row.amount_cents, row.description = clean.title, clean.amount_cents, clean.description
        row.stock_limit, row.estimated_delivery = clean.stock_limit, clean.estimated_delivery
        session.flush()
        return _tier_record(row, taken)


def delete_tier(db: Database, actor: Actor, tier_id: int) -> None:
    """Delete a contrepartie no contribution has chosen."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        row = session.get(Tier, tier_id)
        if row is None:
            return
        used = session.scalar(select(func.count()).where(Contribution.tier_id == tier_id)) or 0
        if used:
            raise UserError(
                ngettext(
                    "La contrepartie « {title} » a été choisie par {count} contribution : "
                    "elle ne peut pas être supprimée.",
                    "La contrepartie « {title} » a été choisie par {count} contributions : "
                    "elle ne peut pas être supprimée.",
                    used,
                    title=row.title,
                    count=used,
                )
            )
        session.delete(row)


# ---------------------------------------------------------------- contributions


def record_contribution_touch(
    session: Session, actor: Actor, contact_id: int, campaign: Campaign, amount_cents: int, when: datetime
) -> None:
    """A contribution is a touch point on the contact's timeline.

    The caller then calls ``touch_points.refresh_last_touch`` for the contacts it touched
    (once per import, not once per row); that keeps last_touch_at right without changing
    the contact's version, so an open contact sheet stays saveable.
    """
    session.add(
        TouchPoint(
            contact_id=contact_id,
            kind=CONTRIBUTION_TOUCH_KIND,
            occurred_at=when,
            summary=_(
                "Contribution de {amount} à la campagne « {name} »",
                amount=formatting.money(amount_cents, campaign.currency),
                name=campaign.name,
            ),
            created_by=actor.name,
        )
    )


def _contribution_record(row: Contribution, contact: Contact | None, tier: Tier | None) -> ContributionRecord:
    return ContributionRecord(
        id=row.id,
        campaign_id=row.campaign_id,
        contact_id=row.contact_id,
        backer=contact.display_name if contact is not None else row.backer_name,
        circle=contact.circle if contact is not None else None,
        tier_id=row.tier_id,
        tier_title=tier.title if tier is not None else "",
        amount_cents=row.amount_cents,
        contributed_at=row.contributed_at,
        platform=row.platform,
        platform_reference=row.platform_reference,
        payment_status=row.payment_status,
        anonymous=row.anonymous,
        version_id=row.version_id,
    )


def add_contribution(db: Database, actor: Actor, campaign_id: int, data: ContributionInput) -> ContributionRecord:
    """Record a contribution by hand (cheque, cash at an event...); adds a touch point to the contact."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with db.transaction() as session:
        campaign = _load(session, campaign_id)
        if data.amount_cents < 0:
            raise ValidationError(_("Le montant ne peut pas être négatif."), field="amount_cents")
        if data.payment_status not in PaymentStatus.__members__.values():
            raise ValidationError(
                _("Statut de paiement inconnu : « {value} ».", value=data.payment_status), field="payment_status"
            )
        tier = None
        if data.tier_id is not None:
            tier = session.get(Tier, data.tier_id)
            if tier is None or tier.campaign_id != campaign_id:
                raise ValidationError(_("Cette contrepartie n'appartient pas à la campagne."), field="tier_id")
            taken = _taken_by_tier(session, campaign_id).get(tier.id, 0)
            if (
                tier.stock_limit is not None
                and taken >= tier.stock_limit
                and data.payment_status in STOCK_HOLDING_STATUSES
            ):
                raise ValidationError(_("La contrepartie « {title} » est épuisée.", title=tier.title), field="tier_id")
        contact = None
        if data.contact_id is not None:
            contact = session.get(Contact, data.contact_id)
            if contact is None:
                raise ValidationError(_("Ce contact n'existe pas (ou plus)."), field="contact_id")
        reference = (data.platform_reference or "").strip() or None
        if reference is not None:
            clash = session.scalars(
                select(Contribution.id).where(
                    Contribution.platform == campaign.platform, Contribution.platform_reference == reference
                )
            ).first()
            if clash is not None:
                raise ValidationError(
                    _("La référence « {ref} » est déjà enregistrée pour cette plateforme.", ref=reference),
                    field="platform_reference",
                )
        when = data.contributed_at or datetime.now(UTC)
        if when.tzinfo is None:
            raise ValidationError(_("La date de la contribution doit avoir un fuseau horaire."), field="contributed_at")
        row = Contribution(
            campaign_id=campaign_id,
            contact_id=data.contact_id,
            tier_id=data.tier_id,
            amount_cents=int(data.amount_cents),
            contributed_at=when,
            platform=campaign.platform,
            platform_reference=reference,
            payment_status=data.payment_status,
            anonymous=data.anonymous,
            backer_name=data.backer_name.strip()[:200],
        )
        session.add(row)
        if contact is not None:
            record_contribution_touch(session, actor, contact.id, campaign, row.amount_cents, when)
            refresh_last_touch(session, [contact.id])
        session.flush()
        return _contribution_record(row, contact, tier)


def set_contribution_status(
    db: Database, actor: Actor, contribution_id: int, status: str, expected_version: int | None = None
) -> ContributionRecord:
    """Mark a contribution valid, refunded, cancelled or pending; totals follow at once."""
    require(actor, Action.EDIT_CAMPAIGNS)
    if status not in PaymentStatus.__members__.values():
        raise ValidationError(_("Statut de paiement inconnu : « {value} ».", value=status), field="payment_status")
    with db.transaction() as session:
        row = session.get(Contribution, contribution_id)
        if row is None:
            raise UserError(_("La contribution n° {id} n'existe pas (ou plus).", id=contribution_id))
        _check_version(_("La contribution"), row.backer_name or str(row.id), row.version_id, expected_version)
        row.payment_status = status
        session.flush()
        return _contribution_record(row, row.contact, row.tier)


def refund_contribution(
    db: Database, actor: Actor, contribution_id: int, expected_version: int | None = None
) -> ContributionRecord:
    """The platform refunded the backer: the amount leaves the totals, the touch point stays."""
    return set_contribution_status(db, actor, contribution_id, PaymentStatus.REFUNDED.value, expected_version)


def cancel_contribution(
    db: Database, actor: Actor, contribution_id: int, expected_version: int | None = None
) -> ContributionRecord:
    """The contribution never went through: it leaves the totals and frees its reward."""
    return set_contribution_status(db, actor, contribution_id, PaymentStatus.CANCELLED.value, expected_version)


def list_contributions(store: Store, actor: Actor, campaign_id: int) -> list[ContributionRecord]:
    """Every contribution of a campaign (any status), newest first."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        query = (
            select(Contribution, Contact, Tier)
            .outerjoin(Contact, Contact.id == Contribution.contact_id)
            .outerjoin(Tier, Tier.id == Contribution.tier_id)
            .where(Contribution.campaign_id == campaign_id)
            .order_by(Contribution.contributed_at.desc(), Contribution.id.desc())
        )
        return amounts_for(
            actor, [_contribution_record(c, contact, tier) for c, contact, tier in session.execute(query)]
        )


def contributions_of_contact(store: Store, actor: Actor, contact_id: int) -> list[ContactContribution]:
    """Every contribution of a contact (any status), newest first, with its campaign and tier."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        query = (
            select(Contribution, Campaign.name, Tier.title)
            .join(Campaign, Campaign.id == Contribution.campaign_id)
            .outerjoin(Tier, Tier.id == Contribution.tier_id)
            .where(Contribution.contact_id == contact_id)
            .order_by(Contribution.contributed_at.desc(), Contribution.id.desc())
        )
        return amounts_for(
            actor,
            [
                ContactContribution(
                    contribution_id=row.id,
                    campaign_id=row.campaign_id,
                    campaign_name=name,
                    contributed_at=row.contributed_at,
                    amount_cents=row.amount_cents,
                    tier_title=title or "",
                    payment_status=row.payment_status,
                )
                for row, name, title in session.execute(query)
            ],
        )


def erase_backer_data(session: Session, contact_ids: Sequence[int]) -> None:
    """RGPD erasure step: the backer's name, the shipping address and the fulfilment notes go;
    amounts, dates and counts stay."""
    contributions = select(Contribution.id).where(Contribution.contact_id.in_(contact_ids)).scalar_subquery()
    blank = dict.fromkeys(("backer_name", *SHIPPING_FIELDS), "")
    session.execute(update(Contribution).where(Contribution.contact_id.in_(contact_ids)).values(**blank))
    session.execute(update(Fulfilment).where(Fulfilment.contribution_id.in_(contributions)).values(note=""))


gdpr.register_erasure_step(erase_backer_data)


# ---------------------------------------------------------------- dashboard


def campaign_dashboard(store: Store, actor: Actor, campaign_id: int, today: date | None = None) -> CampaignDashboard:
    """Everything the campaign dashboard shows, computed from valid contributions only (the PDF's figures)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        campaign = _record(_load(session, campaign_id))
        return campaign_figures.dashboard(session_reader(session), campaign, today or today_in_paris())


# ---------------------------------------------------------------- pre-launch checklist


def preparation_start(campaign: Campaign | CampaignRecord) -> date:
    """Since when telling contacts counts for the checklist."""
    return campaign.preparation_starts_on or local_day(campaign.created_at)


def _told_contact_ids(session: Session, campaign: Campaign, circles: Iterable[str]) -> set[int]:
    since = start_of_local_day(preparation_start(campaign))
    wanted = fold(campaign.name)
    told: set[int] = set()
    query = (
        select(TouchPoint.contact_id, TouchPoint.summary)
        .join(Contact, Contact.id == TouchPoint.contact_id)
        .where(TouchPoint.occurred_at >= since, Contact.circle.in_(list(circles)), ACTIVE)
    )
    for contact_id, summary in session.execute(query):
        if contact_id not in told and wanted in fold(summary or ""):
            told.add(contact_id)
    backers = (
        select(Contribution.contact_id)
        .join(Contact, Contact.id == Contribution.contact_id)
        .where(Contribution.campaign_id == campaign.id, Contact.circle.in_(list(circles)))
    )
    told.update(int(cid) for cid in session.scalars(backers) if cid is not None)
    return told


CLOSE_CIRCLE_VALUES = (Circle.PROCHES.value, Circle.COMMUNAUTE.value)


def prelaunch_checklist(store: Store, actor: Actor, campaign_id: int) -> PrelaunchChecklist:
    """How many proches and communauté contacts were told, against the ~30 % expected from them."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        row = _load(session, campaign_id)
        told = _told_contact_ids(session, row, CLOSE_CIRCLE_VALUES)
        reach = []
        for circle in CLOSE_CIRCLE_VALUES:
            ids = set(session.scalars(select(Contact.id).where(Contact.circle == circle, ACTIVE)))
            reach.append(CircleReach(circle=circle, contacts=len(ids), told=len(ids & told)))
        check = pacing.close_circles_check(campaign_figures.facts(session_reader(session), campaign_id), row.goal_cents)
        has_tiers = bool(session.scalar(select(func.count()).where(Tier.campaign_id == campaign_id)))
        needs_tiers = row.type in (CampaignType.RECOMPENSE.value, CampaignType.PREACHAT.value)
        items = [
            ChecklistItem("goal", _("Objectif de collecte fixé"), row.goal_cents > 0),
            ChecklistItem("dates", _("Dates de début et de fin choisies"), bool(row.starts_on and row.ends_on)),
            ChecklistItem("description", _("Présentation du projet rédigée"), bool(row.description.strip())),
        ]
        if needs_tiers:
            items.append(ChecklistItem("tiers", _("Contreparties définies"), has_tiers))
        for circle_reach in reach:
            label = (
                _("Tous les proches prévenus")
                if circle_reach.circle == Circle.PROCHES.value
                else _("Toute la communauté prévenue")
            )
            items.append(
                ChecklistItem(
                    f"told_{circle_reach.circle}",
                    label,
                    circle_reach.contacts > 0 and circle_reach.told >= circle_reach.contacts,
                )
            )
        return PrelaunchChecklist(
            campaign=_record(row),
            since=preparation_start(row),
            reach=reach,
            close_target_cents=check.target_cents,
            close_cents=check.close_cents,
            items=items,
        )


def untold_close_contacts(store: Store, actor: Actor, campaign_id: int, limit: int = 500) -> list[UntoldContact]:
    """Proches then communauté contacts not yet told about the campaign: whom to call next."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        row = _load(session, campaign_id)
        told = _told_contact_ids(session, row, CLOSE_CIRCLE_VALUES)
        result: list[UntoldContact] = []
        for circle in CLOSE_CIRCLE_VALUES:
            query = (
                select(Contact)
                .where(Contact.circle == circle, ACTIVE)
                .order_by(Contact.sort_name, Contact.id)  # read in order from ix_contacts_active_circle
            )
            for contact in session.scalars(query):
                if contact.id in told:
                    continue
                result.append(UntoldContact(contact.id, contact.display_name, circle, contact.email, contact.phone))
                if len(result) >= limit:
                    return result
        return result


def record_campaign_announcement(
    db: Database,
    actor: Actor,
    campaign_id: int,
    contact_ids: Sequence[int],
    kind: str = "email",
    note: str = "",
    when: datetime | None = None,
) -> int:
    """Note that these contacts were told about the campaign (a touch point each); returns how many."""
    require(actor, Action.EDIT_CONTACTS)
    if kind not in ANNOUNCEMENT_KINDS:
        raise ValidationError(_("Type d'échange inconnu : « {value} ».", value=kind), field="kind")
    with db.transaction() as session:
        campaign = _load(session, campaign_id)
        summary = _("Campagne « {name} » : annonce", name=campaign.name)
        if note.strip():
            summary = f"{summary} — {note.strip()}"
        return add_touch_points(session, actor, contact_ids, kind, summary, when)


# ---------------------------------------------------------------- moving backers inward


def inward_move_proposals(store: Store, actor: Actor, campaign_id: int) -> list[MoveProposal]:
    """Grand-public backers of the campaign (valid contributions) who could join the communauté.

    Erased people are never proposed: their money still counts, but nobody may be moved,
    let alone contacted, after asking to be forgotten."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        _load(session, campaign_id)
        query = (
            select(Contact, func.count(), func.sum(Contribution.amount_cents))
            .join(Contribution, Contribution.contact_id == Contact.id)
            .where(
                Contribution.campaign_id == campaign_id,
                Contribution.payment_status == PaymentStatus.VALID.value,
                Contact.circle == Circle.GRAND_PUBLIC.value,
                ACTIVE,
            )
            .group_by(Contact.id)
            .order_by(func.sum(Contribution.amount_cents).desc(), Contact.last_name, Contact.first_name)
        )
        return amounts_for(
            actor,
            [
                MoveProposal(contact.id, contact.display_name, contact.email, int(count), int(amount or 0))
                for contact, count, amount in session.execute(query)
            ],
        )


def apply_inward_moves(db: Database, actor: Actor, campaign_id: int, contact_ids: Sequence[int]) -> int:
    """Move these grand-public backers to the communauté, with "A soutenu la campagne « X »" as the reason.

    Goes through the contacts' own move service (history kept, versions bumped); contacts
    no longer in grand public are left alone. Returns how many moved.
    """
    require(actor, Action.EDIT_CONTACTS)
    with db.transaction() as session:
        campaign = _load(session, campaign_id)
        still_public = list(
            session.scalars(
                select(Contact.id).where(Contact.id.in_(list(contact_ids)), Contact.circle == Circle.GRAND_PUBLIC.value)
            )
        )
        if not still_public:
            return 0
        reason = _("A soutenu la campagne « {name} »", name=campaign.name)
        return move_contacts(session, actor, still_public, Circle.COMMUNAUTE.value, reason)


# ---------------------------------------------------------------- the page's detail


def campaign_detail(store: Store, actor: Actor, campaign_id: int, *, untold_limit: int = 300) -> CampaignDetail:
    """Dashboard, tiers, contributions, checklist, whom to tell, fulfilment and move proposals of
    a campaign: what the Campagnes page shows, in one call on one snapshot of the base."""
    require(actor, Action.READ_FIGURES)
    people = allowed(actor, Action.READ_CONTACTS)  # Lecture seule: the figures only
    with snapshot(store) as session:
        return CampaignDetail(
            dashboard=campaign_dashboard(session, actor, campaign_id),
            tiers=list_tiers(session, actor, campaign_id),
            contributions=list_contributions(session, actor, campaign_id) if people else [],
            checklist=prelaunch_checklist(session, actor, campaign_id),
            untold=untold_close_contacts(session, actor, campaign_id, limit=untold_limit) if people else [],
            fulfilment=fulfilment_list(session, actor, campaign_id) if people else [],
            proposals=inward_move_proposals(session, actor, campaign_id) if people else [],
        )
