"""Events: create, edit, list, invite, register, attendance, and the consent wordings their sheets print.

Each public function takes the open ``Database`` (or the caller's ``Session``) and the acting
``Actor``, checks the right first and runs in one transaction. Creating, editing, deleting
events, inviting and changing the wordings need ``Action.EDIT_EVENTS``; registering someone
and marking attendance need only ``Action.ENTER_SIGN_IN`` (a volunteer at the door does it).
Sign-in sheets typed back are in ``services.sign_in_sheet``; the report's figures in
``services.event_figures``.

Consent wordings carry one version number across the three purposes: editing one purpose's
sentence adds a row with the next number, and the wording of a purpose at version V is its
row with the highest version ≤ V. An event keeps the number current when it was created,
so the sheet printed for it and the consents typed back from it cite the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from communitydesk import formatting
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.campaigns import Campaign
from communitydesk.models.contacts import Contact
from communitydesk.models.events import ConsentWording, Event, EventParticipant, SignInLine
from communitydesk.records.events import (
    EventDraft,
    EventFilter,
    EventRecord,
    EventRow,
    ParticipantRow,
    WordingRecord,
)
from communitydesk.rules import events as rules
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_names import display_name
from communitydesk.rules.events import (
    REGISTERED_STATUSES,
    ConsentPurpose,
    ParticipantStatus,
    event_named,
    kind_from_text,
)
from communitydesk.services import gdpr, settings
from communitydesk.services.permissions import SYSTEM, Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work

MAX_NAME = 200
_LIMITS = {"place": 200, "url": 500}
_REGISTERED = [s.value for s in REGISTERED_STATUSES]


# ---------------------------------------------------------------- events


def create_event(store: Store, actor: Actor, draft: EventDraft) -> int:
    """Save a new event; it prints the consent wordings current today. Returns its id."""
    require(actor, Action.EDIT_EVENTS)
    with unit_of_work(store, _("l'enregistrement de l'événement")) as session:
        clean = _clean_draft(session, draft)
        ensure_wordings(session)
        row = Event(wording_version=current_wording_version(session))
        _apply(row, clean)
        session.add(row)
        session.flush()
        return row.id


def update_event(
    store: Store, actor: Actor, event_id: int, draft: EventDraft, expected_version: int | None = None
) -> None:
    """Save an event's fields (its wording version stays: sheets may be printed already)."""
    require(actor, Action.EDIT_EVENTS)
    with unit_of_work(store, _("l'enregistrement de l'événement")) as session:
        row = load_event(session, event_id)
        if expected_version is not None and row.version_id != expected_version:
            raise ConflictError(
                _(
                    "Cet événement a été modifié par ailleurs depuis que vous l'avez ouvert ; rouvrez-le pour voir "
                    "ses nouvelles valeurs. Rien n'a été enregistré."
                )
            )
        _apply(row, _clean_draft(session, draft))
        session.flush()


def delete_event(store: Store, actor: Actor, event_id: int) -> None:
    """Delete an event with its participants and typed sheet; the touch points and consents it left stay."""
    require(actor, Action.EDIT_EVENTS)
    with unit_of_work(store, _("la suppression de l'événement")) as session:
        session.delete(load_event(session, event_id))
        session.flush()


def event(store: Store, actor: Actor, event_id: int) -> EventRecord:
    require(actor, Action.READ)
    with snapshot(store) as session:
        return event_record(session, load_event(session, event_id))


def events(store: Store, actor: Actor, wanted: EventFilter | None = None) -> list[EventRow]:
    """Events by date (then time, then name), with how many registered and came."""
    require(actor, Action.READ)
    wanted = wanted or EventFilter()
    counts = (
        select(
            EventParticipant.event_id.label("event_id"),
            func.sum(case((EventParticipant.status.in_(_REGISTERED), 1), else_=0)).label("registered"),
            func.sum(case((EventParticipant.status == ParticipantStatus.PRESENT.value, 1), else_=0)).label("present"),
        )
        .group_by(EventParticipant.event_id)
        .subquery()
    )
    query = (
        select(Event, func.coalesce(counts.c.registered, 0), func.coalesce(counts.c.present, 0))
        .outerjoin(counts, counts.c.event_id == Event.id)
        .order_by(Event.starts_on, Event.starts_time, Event.name, Event.id)
    )
    today = formatting.local_today()
    if wanted.after is not None:
        query = query.where(Event.starts_on >= wanted.after)
    if wanted.before is not None:
        query = query.where(Event.starts_on <= wanted.before)
    if wanted.kind:
        query = query.where(Event.kind == wanted.kind)
    if wanted.upcoming is True:
        query = query.where(Event.starts_on >= today)
    elif wanted.upcoming is False:
        query = query.where(Event.starts_on < today)
    with snapshot(store) as session:
        return [
            EventRow(
                id=row.id,
                name=row.name,
                kind=row.kind,
                kind_label=rules.event_kind_label(row.kind),
                starts_on=row.starts_on,
                starts_time=row.starts_time,
                place=row.place,
                registered=int(registered),
                present=int(present),
                capacity=row.capacity,
            )
            for row, registered, present in session.execute(query)
        ]


def events_between(store: Store, actor: Actor, start: date, end: date) -> list[EventRecord]:
    """Events from ``start`` to ``end`` (both included), by date, without their participants:
    what a calendar shows (the editorial calendar's context, the ICS export)."""
    require(actor, Action.READ)
    query = (
        select(Event)
        .where(Event.starts_on >= start, Event.starts_on <= end)
        .order_by(Event.starts_on, Event.starts_time, Event.id)
    )
    with snapshot(store) as session:
        return [
            EventRecord(row.id, row.version_id, _draft_of(row), row.wording_version) for row in session.scalars(query)
        ]


def find_event(store: Store, actor: Actor, name_or_id: str) -> int:
    """The id of the event a user names: its number, or its name (accent- and case-blind, whole
    or a unique part). A clear French error when none or several match."""
    require(actor, Action.READ)
    with snapshot(store) as session:
        rows = session.execute(select(Event.id, Event.name, Event.starts_on).order_by(Event.starts_on)).all()
    return event_named([(int(r.id), r.name, r.starts_on) for r in rows], name_or_id)


# ---------------------------------------------------------------- participants


def invite(store: Store, actor: Actor, event_id: int, contact_ids: Sequence[int], from_segment: str = "") -> int:
    """Invite contacts (those already on the list keep their status); returns how many were added."""
    require(actor, Action.EDIT_EVENTS)
    with unit_of_work(store, _("l'envoi des invitations")) as session:
        load_event(session, event_id)
        known = set(session.scalars(select(EventParticipant.contact_id).where(EventParticipant.event_id == event_id)))
        wanted = [cid for cid in dict.fromkeys(contact_ids) if cid not in known]
        existing = set(
            session.scalars(select(Contact.id).where(Contact.id.in_(wanted), Contact.anonymised_at.is_(None)))
        )
        added = 0
        for contact_id in wanted:
            if contact_id in existing:
                session.add(
                    EventParticipant(
                        event_id=event_id,
                        contact_id=contact_id,
                        status=ParticipantStatus.INVITE.value,
                        invited_from=from_segment.strip()[:100],
                    )
                )
                added += 1
        session.flush()
        return added


def set_status(
    store: Store, actor: Actor, event_id: int, contact_id: int, status: str, *, on: date | None = None
) -> None:
    """Register someone (« inscrit »), mark them present, absent or excused; adds them if needed."""
    require(actor, Action.ENTER_SIGN_IN)
    wanted = _status(status)
    with unit_of_work(store, _("l'enregistrement de la présence")) as session:
        load_event(session, event_id)
        if session.get(Contact, contact_id) is None:
            raise UserError(_("Le contact n° {id} n'existe pas (ou plus).", id=contact_id))
        set_participant(session, event_id, contact_id, wanted, on=on)
        session.flush()


def set_participant(
    session: Session,
    event_id: int,
    contact_id: int,
    status: ParticipantStatus,
    *,
    on: date | None = None,
    sheet_line: int | None = None,
) -> EventParticipant:
    """The participant row of ``contact_id`` at ``event_id`` with ``status`` (created when missing)."""
    row = session.scalar(
        select(EventParticipant).where(EventParticipant.event_id == event_id, EventParticipant.contact_id == contact_id)
    )
    if row is None:
        row = EventParticipant(event_id=event_id, contact_id=contact_id, invited_from="")
        session.add(row)
    row.status = status.value
    if status is ParticipantStatus.INSCRIT and row.registered_on is None:
        row.registered_on = on or formatting.local_today()
    if sheet_line is not None:
        row.sheet_line = sheet_line
    return row


# ---------------------------------------------------------------- consent wordings


def wordings(store: Store, actor: Actor, version: int | None = None) -> list[WordingRecord]:
    """The wording of each purpose at ``version`` (the latest when None), in ConsentPurpose order.

    On a base where none was written yet, version 1's default sentences (nothing written)."""
    require(actor, Action.READ)
    with snapshot(store) as session:
        return wordings_at(session, version)


def update_wording(store: Store, actor: Actor, purpose: str, text: str) -> WordingRecord:
    """A new version of one purpose's sentence (sheets printed before keep theirs)."""
    require(actor, Action.EDIT_EVENTS)
    wanted = _purpose(purpose)
    clean = " ".join(text.split())
    if not clean:
        raise ValidationError(_("Indiquez le texte exact imprimé sur la feuille."), field="wording")
    with unit_of_work(store, _("l'enregistrement du texte de consentement")) as session:
        ensure_wordings(session)
        current = {w.purpose: w for w in wordings_at(session, None)}
        if current[wanted.value].wording == clean:
            return current[wanted.value]
        row = ConsentWording(
            purpose=wanted.value,
            version=current_wording_version(session) + 1,
            wording=clean,
            published_on=formatting.local_today(),
        )
        session.add(row)
        session.flush()
        return _wording_record(row)


def ensure_wordings(session: Session) -> None:
    """Write version 1 of the three wordings once per base, naming the organisation."""
    if session.scalar(select(func.count()).select_from(ConsentWording)):
        return
    name = settings.organisation(session, SYSTEM).name
    for purpose in ConsentPurpose:
        session.add(
            ConsentWording(
                purpose=purpose.value,
                version=1,
                wording=purpose.default_wording(name),
                published_on=formatting.local_today(),
            )
        )
    session.flush()


def current_wording_version(session: Session) -> int:
    return int(session.scalar(select(func.max(ConsentWording.version))) or 1)


def wordings_at(session: Session, version: int | None) -> list[WordingRecord]:
    query = select(ConsentWording).order_by(ConsentWording.version)
    if version is not None:
        query = query.where(ConsentWording.version <= version)
    latest: dict[str, WordingRecord] = {}
    for row in session.scalars(query):
        latest[row.purpose] = _wording_record(row)
    if len(latest) < len(ConsentPurpose):  # a new base: the defaults it will write
        name = settings.organisation(session, SYSTEM).name
        today = formatting.local_today()
        for purpose in ConsentPurpose:
            latest.setdefault(purpose.value, WordingRecord(purpose.value, 1, purpose.default_wording(name), today))
    return [latest[p.value] for p in ConsentPurpose]


# ---------------------------------------------------------------- RGPD


def erase_sign_in_lines(session: Session, contact_ids: Sequence[int]) -> None:
    """RGPD erasure step: the sheet lines the person wrote lose their name, e-mail and phone;
    attendance stays (anonymous, it still counts)."""
    session.execute(
        update(SignInLine)
        .where(SignInLine.contact_id.in_(contact_ids))
        .values(last_name="", first_name="", email="", phone="")
    )


gdpr.register_erasure_step(erase_sign_in_lines)


# ---------------------------------------------------------------- shared with sign_in_sheet, figures


def load_event(session: Session, event_id: int) -> Event:
    row = session.get(Event, event_id)
    if row is None:
        raise UserError(_("L'événement n° {id} n'existe pas (ou plus).", id=event_id))
    return row


def event_label(row: Event) -> str:
    """« Réunion de rentrée (12/09/2026) »: how a touch point and a contact's source name the event."""
    return rules.event_label(row.name, row.starts_on)


def event_record(session: Session, row: Event) -> EventRecord:
    participants = session.execute(
        select(EventParticipant, Contact)
        .join(Contact, Contact.id == EventParticipant.contact_id)
        .where(EventParticipant.event_id == row.id)
        .order_by(Contact.sort_name, Contact.id)
    ).all()
    organiser = session.get(Contact, row.organiser_contact_id) if row.organiser_contact_id else None
    campaign = session.get(Campaign, row.campaign_id) if row.campaign_id else None
    return EventRecord(
        id=row.id,
        version_id=row.version_id,
        draft=_draft_of(row),
        wording_version=row.wording_version,
        participants=tuple(
            ParticipantRow(
                contact_id=c.id,
                name=_name(c),
                circle=c.circle,
                status=p.status,
                invited_from=p.invited_from,
                registered_on=p.registered_on,
                sheet_line=p.sheet_line,
                email=c.email,
                phone=c.phone,
            )
            for p, c in participants
        ),
        wordings=tuple(wordings_at(session, row.wording_version)),
        organiser_name=_name(organiser) if organiser is not None else "",
        campaign_name=campaign.name if campaign is not None else "",
    )


def _name(contact: Contact) -> str:
    return display_name(contact.kind, contact.first_name, contact.last_name, contact.organisation, contact.email)


def _draft_of(row: Event) -> EventDraft:
    return EventDraft(
        name=row.name,
        starts_on=row.starts_on,
        kind=row.kind,
        starts_time=row.starts_time,
        ends_time=row.ends_time,
        place=row.place,
        address=row.address,
        url=row.url,
        organiser_contact_id=row.organiser_contact_id,
        campaign_id=row.campaign_id,
        expected_circles=tuple(c for c in row.expected_circles.split(",") if c),
        capacity=row.capacity,
        description=row.description,
    )


def _apply(row: Event, draft: EventDraft) -> None:
    assert draft.starts_on is not None  # checked by _clean_draft
    row.name = draft.name
    row.kind = draft.kind
    row.starts_on = draft.starts_on
    row.starts_time = draft.starts_time
    row.ends_time = draft.ends_time
    row.place = draft.place
    row.address = draft.address
    row.url = draft.url
    row.organiser_contact_id = draft.organiser_contact_id
    row.campaign_id = draft.campaign_id
    row.expected_circles = ",".join(draft.expected_circles)
    row.capacity = draft.capacity
    row.description = draft.description


def _clean_draft(session: Session, draft: EventDraft) -> EventDraft:
    clean = replace(
        draft,
        name=" ".join(draft.name.split()),
        place=" ".join(draft.place.split()),
        address=draft.address.strip(),
        url=draft.url.strip(),
        description=draft.description.strip(),
        kind=_kind(draft.kind),
        expected_circles=_circles(draft.expected_circles),
    )
    if not clean.name:
        raise ValidationError(_("Indiquez le nom de l'événement."), field="name")
    if len(clean.name) > MAX_NAME:
        raise ValidationError(
            _("Le nom de l'événement ne peut dépasser {limit} caractères.", limit=MAX_NAME), field="name"
        )
    for field, limit in _LIMITS.items():
        if len(getattr(clean, field)) > limit:
            raise ValidationError(_("Ce champ ne peut dépasser {limit} caractères.", limit=limit), field=field)
    if clean.starts_on is None:
        raise ValidationError(_("Indiquez la date de l'événement."), field="starts_on")
    if clean.starts_time and clean.ends_time and clean.ends_time < clean.starts_time:
        raise ValidationError(_("L'heure de fin précède l'heure de début."), field="ends_time")
    if clean.capacity is not None and clean.capacity < 0:
        raise ValidationError(_("La capacité ne peut pas être négative."), field="capacity")
    if clean.url and not clean.url.lower().startswith(("http://", "https://")):
        raise ValidationError(_("L'adresse web doit commencer par https:// (ou http://)."), field="url")
    if clean.organiser_contact_id is not None and session.get(Contact, clean.organiser_contact_id) is None:
        raise ValidationError(_("L'organisateur choisi n'existe pas (ou plus)."), field="organiser_contact_id")
    if clean.campaign_id is not None and session.get(Campaign, clean.campaign_id) is None:
        raise ValidationError(_("Cette campagne n'existe pas (ou plus)."), field="campaign_id")
    return clean


def _kind(value: str) -> str:
    found = kind_from_text(value)
    if found is None:
        raise ValidationError(_("Le type d'événement « {kind} » est inconnu.", kind=value), field="kind")
    return found.value


def _circles(values: Iterable[str]) -> tuple[str, ...]:
    known = [c.value for c in Circle]
    given = [v.strip() for v in values if v.strip()]
    for value in given:
        if value not in known:
            raise ValidationError(_("Le cercle « {circle} » est inconnu.", circle=value), field="expected_circles")
    return tuple(c for c in known if c in given)


def _status(value: str) -> ParticipantStatus:
    try:
        return ParticipantStatus(value)
    except ValueError:
        raise ValidationError(_("Le statut « {status} » est inconnu.", status=value), field="status") from None


def _purpose(value: str) -> ConsentPurpose:
    try:
        return ConsentPurpose(value)
    except ValueError:
        raise ValidationError(_("La finalité « {purpose} » est inconnue.", purpose=value), field="purpose") from None


def _wording_record(row: ConsentWording) -> WordingRecord:
    return WordingRecord(row.purpose, row.version, row.wording, row.published_on)
