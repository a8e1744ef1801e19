"""What the campaign documents show: the campaign report and the fulfilment checklist.

The figures come from the campaign services as they are (the dashboard, the tiers, the
fulfilment list): the PDF and the screens can never disagree. Those services need the
ORM, so these documents open the full ``Database``; the other documents stay on sqlite3.
The records they fill are in ``records.campaign_documents``.
"""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.records.campaign_documents import CampaignReportData, FulfilmentChecklistData
from communitydesk.records.campaigns import CampaignRecord
from communitydesk.rules.contact_keys import fold
from communitydesk.services import campaigns, fulfilment
from communitydesk.services.document_identity import document_identity
from communitydesk.services.document_source import HasPath, full_database
from communitydesk.services.permissions import Action, Actor, require

LISTED_CAMPAIGNS = 10


def campaign_named(source: Path | HasPath, actor: Actor, name_or_id: str | None) -> CampaignRecord:
    """The campaign with this exact name, else this number; a French error naming the known ones."""
    with full_database(source) as database:
        return _campaign_in(database, actor, name_or_id)


def _campaign_in(database: Database, actor: Actor, name_or_id: str | None) -> CampaignRecord:
    require(actor, Action.READ)
    wanted = (name_or_id or "").strip()
    if not wanted:
        raise ValidationError(
            _("Choisissez une campagne : son nom ou son numéro. Aucun fichier n'a été écrit."), "campaign"
        )
    found = campaigns.find_campaign(database, actor, wanted)
    if found is not None:
        return found
    names = [summary.campaign.name for summary in campaigns.list_campaigns(database, actor)]
    if not names:
        known = _("la base n'a encore aucune campagne")
    else:
        known = ", ".join(f"« {name} »" for name in names[:LISTED_CAMPAIGNS])
        if len(names) > LISTED_CAMPAIGNS:
            known += ", …"
    raise UserError(
        _(
            "Aucune campagne ne s'appelle « {name} » ni ne porte ce numéro ({known}). Aucun fichier n'a été écrit.",
            name=wanted,
            known=known,
        )
    )


def campaign_report_data(source: Path | HasPath, actor: Actor, name_or_id: str | None) -> CampaignReportData:
    """Pace, split per circle, tiers and fulfilment of one campaign, as its dashboard shows them."""
    require(actor, Action.EXPORT)
    with full_database(source) as database:
        campaign = _campaign_in(database, actor, name_or_id)
        dashboard = campaigns.campaign_dashboard(database, actor, campaign.id)
        counts = fulfilment.fulfilment_counts(database, actor, campaign.id)
    return CampaignReportData(identity=document_identity(source, actor), dashboard=dashboard, fulfilment=counts)


def fulfilment_checklist_data(source: Path | HasPath, actor: Actor, name_or_id: str | None) -> FulfilmentChecklistData:
    """Every reward owed by one campaign, sorted by backer name, for a printed checklist."""
    require(actor, Action.EXPORT)
    with full_database(source) as database:
        campaign = _campaign_in(database, actor, name_or_id)
        lines = fulfilment.fulfilment_list(database, actor, campaign.id)
    lines.sort(key=lambda line: (fold(line.backer), line.contribution_id))
    return FulfilmentChecklistData(identity=document_identity(source, actor), campaign=campaign, lines=lines)
