"""Every document the app can print, by kind, and the one way to generate it.

Above both services and reports (docs/ARCHITECTURE.md): ``generate_pdf`` has the data
gathered by the Qt-free services (permissions checked there), then hands the records to
the document's renderer. The CLI (``export pdf``) and the Documents PDF page both call
it. Renderers are imported only inside the builders: ReportLab costs ~0.5 s to import,
and the Documents page imports this module on the UI thread. So are the records and rules only
one document reads (a charter does not pay for the editorial figures' dataclasses).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.records.contact_listing import ListingFilter
from communitydesk.rules.document_kinds import document_label
from communitydesk.rules.periods import Period
from communitydesk.services.document_source import HasPath, database_path
from communitydesk.services.permissions import Action, Actor, require

if TYPE_CHECKING:
    from communitydesk.reports.base import DocumentRenderer, RenderResult

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class DocumentOptions:
    """What the user chose for a document; each document reads the options it understands."""

    period: Period | None = None
    contact_filter: ListingFilter = field(default_factory=ListingFilter)
    columns: tuple[str, ...] | None = None
    template: str = "ambassador"
    member_name: str = ""
    signatory_name: str = ""
    # A charter text being edited, printed instead of the saved template (preview before saving).
    template_text: str | None = None
    # Campaign documents: the campaign's exact name or its number.
    campaign: str | None = None
    # The person of a personal-data export (right of access): the contact's number.
    contact: int | None = None
    # The ambassador kit: an ambassador's name or number; None prints every active ambassador's kit.
    ambassador: str | None = None
    # Event documents: the event's name (or a unique part of it) or its number.
    event: str | None = None


Builder = Callable[[Path | HasPath, Actor, DocumentOptions], "DocumentRenderer"]


def _charter(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.records.charters import CharterSource
    from communitydesk.reports.charter import CharterRenderer
    from communitydesk.services.charter_printing import charter_data

    data = charter_data(
        source, actor, options.template, member_name=options.member_name, signatory_name=options.signatory_name
    )
    if options.template_text is not None:
        draft = CharterSource(data.template.kind, data.template.language, options.template_text, None, customised=True)
        data = replace(data, template=draft)
    return CharterRenderer(data)


def _community_report(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.community_report import CommunityReportRenderer
    from communitydesk.services.community_report import community_report_data

    return CommunityReportRenderer(community_report_data(source, actor, options.period or Period.default()))


def _editorial_report(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.editorial_report import EditorialReportRenderer
    from communitydesk.services.editorial_figures import editorial_report_data

    return EditorialReportRenderer(editorial_report_data(source, actor, options.period))


def _contact_list(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.contact_list import ContactListRenderer
    from communitydesk.services.contact_listing import contact_listing

    return ContactListRenderer(contact_listing(source, actor, options.contact_filter, options.columns))


def _directory(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.directory import DIRECTORY_KEYS, DirectoryRenderer
    from communitydesk.services.contact_listing import contact_listing

    return DirectoryRenderer(contact_listing(source, actor, options.contact_filter, DIRECTORY_KEYS))


def _campaign_report(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.campaign_report import CampaignReportRenderer
    from communitydesk.services.campaign_documents import campaign_report_data

    return CampaignReportRenderer(campaign_report_data(source, actor, options.campaign))


def _fulfilment_checklist(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.fulfilment_checklist import FulfilmentChecklistRenderer
    from communitydesk.services.campaign_documents import fulfilment_checklist_data

    return FulfilmentChecklistRenderer(fulfilment_checklist_data(source, actor, options.campaign))


def _personal_data(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.personal_data import PersonalDataRenderer
    from communitydesk.services.personal_data import personal_data_document

    if options.contact is None:
        raise ValidationError(_("Indiquez le numéro du contact (--contact)."), "contact")
    return PersonalDataRenderer(personal_data_document(source, actor, options.contact))


def _ambassador_kit(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.ambassador_kit import AmbassadorKitRenderer
    from communitydesk.services.ambassador_kit import ambassador_kit_data

    return AmbassadorKitRenderer(ambassador_kit_data(source, actor, options.ambassador))


def _event_kit(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.event_kit import EventKitRenderer
    from communitydesk.services.event_kit import event_kit_data

    return EventKitRenderer(event_kit_data(source, actor, options.event))


def _event_report(source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    from communitydesk.reports.event_report import EventReportRenderer
    from communitydesk.services.event_kit import event_report_data

    return EventReportRenderer(event_report_data(source, actor, options.event))


def _editorial_period(today: date | None) -> Period:
    from communitydesk.rules.editorial_figures import default_period

    return default_period(today)


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    build: Builder
    uses_period: bool = False
    uses_filter: bool = False
    uses_template: bool = False
    uses_campaign: bool = False
    uses_contact: bool = False
    uses_ambassador: bool = False
    uses_event: bool = False
    # The period when none is chosen (today given): the last twelve months unless said otherwise.
    default_period: Callable[[date | None], Period] = Period.default
    # The right it takes: a document naming people takes EXPORT_PERSONAL_DATA and is audited
    # (sign-in sheets too); a report of figures READ_FIGURES (Lecture seule prints it).
    right: Action = Action.EXPORT

    @property
    def label(self) -> str:
        return document_label(self.kind)


DOCUMENTS: dict[str, DocumentKind] = {
    kind.kind: kind
    for kind in (
        DocumentKind("charter", _charter, uses_template=True),
        DocumentKind("community-report", _community_report, uses_period=True, right=Action.READ_FIGURES),
        DocumentKind(
            "editorial-report",
            _editorial_report,
            uses_period=True,
            default_period=_editorial_period,
            right=Action.READ_FIGURES,
        ),
        DocumentKind("contact-list", _contact_list, uses_filter=True, right=Action.EXPORT_PERSONAL_DATA),
        DocumentKind("directory", _directory, uses_filter=True, right=Action.EXPORT_PERSONAL_DATA),
        DocumentKind("campaign-report", _campaign_report, uses_campaign=True, right=Action.READ_FIGURES),
        DocumentKind(
            "fulfilment-checklist", _fulfilment_checklist, uses_campaign=True, right=Action.EXPORT_PERSONAL_DATA
        ),
        DocumentKind("personal-data", _personal_data, uses_contact=True, right=Action.EXPORT_PERSONAL_DATA),
        DocumentKind("ambassador-kit", _ambassador_kit, uses_ambassador=True, right=Action.EXPORT_PERSONAL_DATA),
        DocumentKind("event-kit", _event_kit, uses_event=True, right=Action.EXPORT_PERSONAL_DATA),
        DocumentKind("event-report", _event_report, uses_event=True, right=Action.EXPORT_PERSONAL_DATA),
    )
}


def renderer_for(kind: str, source: Path | HasPath, actor: Actor, options: DocumentOptions) -> DocumentRenderer:
    """The renderer of ``kind`` with its data gathered (permissions checked by the services)."""
    if kind not in DOCUMENTS:
        raise ValidationError(
            _("Document inconnu : « {kind} ». Documents possibles : {known}.", kind=kind, known=", ".join(DOCUMENTS)),
            "kind",
        )
    return DOCUMENTS[kind].build(source, actor, options)


def generate_pdf(
    kind: str,
    source: Path | HasPath,
    actor: Actor,
    options: DocumentOptions,
    out: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderResult:
    """Write document ``kind`` (charter, community-report, editorial-report, contact-list, directory, campaign-report,
    fulfilment-checklist, personal-data, ambassador-kit, event-kit, event-report) as a PDF to ``out``.

    ``progress(done, total)`` may raise to stop; ``cancelled()`` is polled between blocks.
    The kind's right is checked before anything is read or the file opened; a document
    naming people is audited (refused ones too).
    """
    document = DOCUMENTS.get(kind)
    if document is None or document.right is not Action.EXPORT_PERSONAL_DATA:
        require(actor, document.right if document else Action.EXPORT)
        return renderer_for(kind, source, actor, options).render(out, progress=progress, cancelled=cancelled)
    from communitydesk.services.audit import audited  # only documents naming people pay for the audit

    target = f"pdf:{kind}" + (f":contact:{options.contact}" if options.contact is not None else "")
    with audited(database_path(source), actor, document.right, target):
        require(actor, document.right)
        renderer = renderer_for(kind, source, actor, options)
        return renderer.render(out, progress=progress, cancelled=cancelled)
