"""What the campaign documents show: the campaign report and the fulfilment checklist.

Read on the quick path (db.campaign_reads on a read-only sqlite3 connection): ``export pdf``
never loads SQLAlchemy. The figures are assembled by services.campaign_figures, as the
campaign page's are: the PDF and the screens can never disagree. The records they fill
are in ``records.campaign_documents``.
"""

from __future__ import annotations

from pathlib import Path

from communitydesk import formatting
from communitydesk.db import campaign_reads
from communitydesk.db.quick_reads import QuickReader
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.records.campaign_documents import CampaignReportData, FulfilmentChecklistData
from communitydesk.records.campaigns import CampaignRecord
from communitydesk.rules.contact_keys import fold
from communitydesk.services import campaign_figures
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import HasPath, reading
from communitydesk.services.permissions import Action, Actor, require

LISTED_CAMPAIGNS = 10


def campaign_named(source: Path | HasPath, actor: Actor, name_or_id: str | None) -> CampaignRecord:
    """The campaign with this exact name, else this number; a French error naming the known ones."""
    require(actor, Action.READ_FIGURES)
    with reading(source) as reader:
        return _campaign_in(reader, name_or_id)


def _campaign_in(reader: QuickReader, name_or_id: str | None) -> CampaignRecord:
    wanted = (name_or_id or "").strip()
    if not wanted:
        raise ValidationError(
            _("Choisissez une campagne : son nom ou son numéro. Aucun fichier n'a été écrit."), "campaign"
        )
    found = campaign_reads.find_campaign(reader, wanted)
    if found is not None:
        return found
    names = campaign_reads.campaign_names(reader)
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
    require(actor, Action.READ_FIGURES)
    with reading(source) as reader:
        campaign = _campaign_in(reader, name_or_id)
        dashboard = campaign_figures.dashboard(reader, campaign, formatting.local_today())
        counts = campaign_figures.reward_counts(campaign_figures.reward_lines(reader, campaign.id))
        return CampaignReportData(identity=identity_in(reader), dashboard=dashboard, fulfilment=counts)


def fulfilment_checklist_data(source: Path | HasPath, actor: Actor, name_or_id: str | None) -> FulfilmentChecklistData:
    """Every reward owed by one campaign, sorted by backer name, for a printed checklist."""
    require(actor, Action.EXPORT_PERSONAL_DATA)
    with reading(source) as reader:
        campaign = _campaign_in(reader, name_or_id)
        lines = campaign_figures.reward_lines(reader, campaign.id)
        identity = identity_in(reader)
    lines.sort(key=lambda line: (fold(line.backer_label), line.contribution_id))
    return FulfilmentChecklistData(identity=identity, campaign=campaign, lines=lines)
