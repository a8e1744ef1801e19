"""Every document the app can print, by kind.

``generate_document(kind, database, actor, options, out)`` gathers the data through the
Qt-free services, then hands it to the document's renderer. The CLI and the UI reach it
through ``services.documents.generate_pdf`` (which imports ReportLab only when needed).
Later areas (campaign report, editorial report, ambassador kit, event kit) add one line
to ``DOCUMENTS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.reports.base import (
    Cancelled,
    DocumentRenderer,
    Progress,
    RenderResult,
)
from communitydesk.services import documents
from communitydesk.services.documents import DocumentOptions, HasPath, Period
from communitydesk.services.permissions import Actor

Builder = Callable[[Path | HasPath, Actor, DocumentOptions], DocumentRenderer]


def _charter(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.charter import CharterRenderer

    data = documents.charter_data(
        source, actor, options.template, member_name=options.member_name, signatory_name=options.signatory_name
    )
    if options.template_text is not None:
        draft = documents.CharterSource(
            data.template.kind, data.template.language, options.template_text, None, customised=True
        )
        data = replace(data, template=draft)
    return CharterRenderer(data)


def _community_report(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.community_report import CommunityReportRenderer

    return CommunityReportRenderer(documents.community_report_data(source, actor, options.period or Period.default()))


def _contact_list(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.contact_list import ContactListRenderer

    return ContactListRenderer(documents.contact_listing(source, actor, options.contact_filter, options.columns))


def _directory(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.directory import DIRECTORY_KEYS, DirectoryRenderer

    return DirectoryRenderer(documents.contact_listing(source, actor, options.contact_filter, DIRECTORY_KEYS))


def _campaign_report(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.campaign_report import CampaignReportRenderer
    from communitydesk.services.campaign_documents import campaign_report_data

    return CampaignReportRenderer(campaign_report_data(source, actor, options.campaign))


def _fulfilment_checklist(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.fulfilment_checklist import FulfilmentChecklistRenderer
    from communitydesk.services.campaign_documents import fulfilment_checklist_data

    return FulfilmentChecklistRenderer(fulfilment_checklist_data(source, actor, options.campaign))


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    build: Builder
    uses_period: bool = False
    uses_filter: bool = False
    uses_template: bool = False
    uses_campaign: bool = False

    @property
    def label(self) -> str:
        return document_label(self.kind)


DOCUMENTS: dict[str, DocumentKind] = {
    kind.kind: kind
    for kind in (
        DocumentKind("charter", _charter, uses_template=True),
        DocumentKind("community-report", _community_report, uses_period=True),
        DocumentKind("contact-list", _contact_list, uses_filter=True),
        DocumentKind("directory", _directory, uses_filter=True),
        DocumentKind("campaign-report", _campaign_report, uses_campaign=True),
        DocumentKind("fulfilment-checklist", _fulfilment_checklist, uses_campaign=True),
    )
}


def document_label(kind: str) -> str:
    labels = {
        "charter": _("Charte (ambassadeurs ou collaborateurs)"),
        "community-report": _("Rapport de communauté"),
        "contact-list": _("Liste de contacts"),
        "directory": _("Annuaire pour un événement"),
        "campaign-report": _("Rapport de campagne"),
        "fulfilment-checklist": _("Suivi des contreparties (liste à cocher)"),
    }
    return labels.get(kind, kind)


def renderer_for(kind: str, source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    """The renderer of ``kind`` with its data gathered (permissions checked by the services)."""
    if kind not in DOCUMENTS:
        raise ValidationError(
            _("Document inconnu : « {kind} ». Documents possibles : {known}.", kind=kind, known=", ".join(DOCUMENTS)),
            "kind",
        )
    return DOCUMENTS[kind].build(source, actor, options)


def generate_document(
    kind: str,
    source: Path | HasPath,
    actor: Actor,
    options: DocumentOptions,
    out: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderResult:
    """Gather the data of document ``kind`` and write it as a PDF to ``out``."""
    renderer = renderer_for(kind, source, actor, options)
    return renderer.render(out, progress=progress, cancelled=cancelled)
