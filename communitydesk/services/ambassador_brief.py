"""The ambassadors' brief: what to share in the coming fortnight, from the editorial calendar, and the open missions.

Exported as HTML or plain text (exporters.ambassador_brief) to paste into a mail tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import or_, select

from communitydesk.errors import ValidationError
from communitydesk.exporters.ambassador_brief import FORMATS, brief_html, brief_text
from communitydesk.formatting import local_today
from communitydesk.i18n import _
from communitydesk.models.ambassadors import Ambassador, Mission
from communitydesk.models.contacts import Contact
from communitydesk.records.ambassador_kit import AmbassadorBrief, BriefMission, BriefPost
from communitydesk.rules.ambassadors import MissionKind, MissionStatus
from communitydesk.rules.editorial import Network, PublicationStatus
from communitydesk.services import settings
from communitydesk.services.atomic_files import write_atomically
from communitydesk.services.editorial import publications_between
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot

DEFAULT_DAYS = 15
# Dated posts worth relaying: being written, ready or out (not ideas nor abandoned ones).
_SHARED = (
    PublicationStatus.A_REDIGER,
    PublicationStatus.A_VALIDER,
    PublicationStatus.PRETE,
    PublicationStatus.PUBLIEE,
)


def ambassador_brief(
    store: Store, actor: Actor, start: date | None = None, days: int = DEFAULT_DAYS
) -> AmbassadorBrief:
    """The posts planned from ``start`` (today) for ``days`` days, and the missions still to do."""
    require(actor, Action.READ_CONTACTS)
    if days < 1:
        raise ValidationError(_("La période du brief compte au moins un jour."), "days")
    start = start or local_today()
    end = start + timedelta(days=days - 1)
    shared = {status.value for status in _SHARED}
    posts = tuple(
        BriefPost(
            day=record.planned_on,
            title=record.title,
            body=record.body,
            networks=tuple(Network(network).label() for network in record.networks),
            status_label=record.status_label,
            link=record.link,
            published=record.status == PublicationStatus.PUBLIEE.value,
        )
        for record in publications_between(store, actor, start, end)
        if record.status in shared and record.planned_on is not None
    )
    with snapshot(store) as session:
        organisation = settings.organisation(session, actor).name
        query = (
            select(Mission, Contact)
            .outerjoin(Ambassador, Ambassador.id == Mission.ambassador_id)
            .outerjoin(Contact, Contact.id == Ambassador.contact_id)
            .where(Mission.status == MissionStatus.A_FAIRE.value)
            .where(or_(Mission.due_on.is_(None), Mission.due_on >= start))
            .order_by(Mission.due_on.is_(None), Mission.due_on, Mission.id)
        )
        missions = tuple(
            BriefMission(
                title=mission.title,
                description=mission.description,
                kind_label=MissionKind(mission.kind).label(),
                points=mission.points,
                due_on=mission.due_on,
                assignee=contact.display_name if contact is not None else "",
            )
            for mission, contact in session.execute(query)
        )
    return AmbassadorBrief(organisation=organisation, start=start, end=end, posts=posts, missions=missions)


@dataclass(frozen=True)
class BriefExport:
    path: Path
    posts: int
    missions: int


def export_ambassador_brief(
    store: Store, actor: Actor, out: Path, out_format: str = "html", start: date | None = None, days: int = DEFAULT_DAYS
) -> BriefExport:
    """Write the brief to ``out`` as HTML or plain text (UTF-8)."""
    require(actor, Action.EXPORT)
    if out_format not in FORMATS:
        raise ValidationError(
            _(
                "Format inconnu : « {format} ». Formats possibles : {known}.",
                format=out_format,
                known=", ".join(FORMATS),
            ),
            "format",
        )
    brief = ambassador_brief(store, actor, start, days)
    text = brief_html(brief) if out_format == "html" else brief_text(brief)
    write_atomically(Path(out), "utf-8", lambda stream: stream.write(text))
    return BriefExport(Path(out), len(brief.posts), len(brief.missions))
