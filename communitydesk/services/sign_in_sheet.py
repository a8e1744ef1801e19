"""A paper sign-in sheet (feuille d'émargement) typed back, line by line, as it was printed.

Each line is saved in its own transaction as soon as it is typed (a crash loses at most the
line being typed; ``lines`` gives back what was saved, to resume). Saving a line:

- finds its contact: the one the user chose, a new one (``CREATE``, in grand public, the
  event as its source), or when ``contact_id`` is None the rule's own choice: e-mail, then
  phone, then name (accent- and case-blind, both orders) when exactly one contact has it,
  otherwise a new contact and a warning;
- marks that contact present (once), adds one « événement » touch point (never twice for
  the same event and contact) and one consent per purpose ticked, citing the wording the
  event's sheet printed, the event itself (``Consent.event_id``: what finds it again, whatever
  the event is later called) and the sheet's name as its source, the provenance a person reads
  (a consent already recorded from that event is not recorded again). The touch point, too,
  points at the event (``TouchPoint.event_id``); its summary names the event as it was then.

Typing a line again updates it: a line that now names someone else gives back what it had
given the first person (attendance, touch point, consents from this sheet), unless another
line of the sheet names them too. An empty numbered line is skipped, never an error.
Needs ``Action.ENTER_SIGN_IN`` (a volunteer may type a sheet back).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time
from enum import Enum
from typing import Any, Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from communitydesk import formatting
from communitydesk.db import search_index
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.base import utcnow
from communitydesk.models.consent import Consent
from communitydesk.models.contacts import ACTIVE, CircleMove, Contact, ContactSearchQueue, TouchPoint
from communitydesk.models.events import Event, EventParticipant, SignInLine
from communitydesk.records.events import MatchCandidate, SignInLineDraft, SignInLineRecord
from communitydesk.rules import events as rules
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_fields import is_email
from communitydesk.rules.contact_keys import phone_key
from communitydesk.rules.contact_names import display_name
from communitydesk.rules.events import (
    MATCH_ORDER,
    ConsentPurpose,
    LineOutcome,
    MatchKeys,
    MatchReason,
    ParticipantStatus,
    is_blank_line,
    match_keys,
    name_keys_of,
)
from communitydesk.rules.touch_kinds import TouchKind
from communitydesk.services.contacts import ContactInput, apply_input, validate_contact
from communitydesk.services.events import event_label, load_event, set_participant, wordings_at
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work
from communitydesk.services.touch_points import refresh_last_touch

MAX_LINE_NO = 10_000
_LIMITS = {"last_name": 100, "first_name": 100, "email": 254, "phone": 40}
_CANDIDATES = 10


class _Create(Enum):
    CREATE = "create"


CREATE: Final = _Create.CREATE  # save_line: make a new contact of this line


Outcome = LineOutcome


# ---------------------------------------------------------------- reading


def candidates(store: Store, actor: Actor, event_id: int, draft: SignInLineDraft) -> list[MatchCandidate]:
    """Contacts this line may be, best first: same e-mail, then same phone, then same name."""
    require(actor, Action.READ)
    clean = clean_draft(draft)
    with snapshot(store) as session:
        load_event(session, event_id)
        return find_candidates(session, match_keys(clean))


def lines(store: Store, actor: Actor, event_id: int) -> list[SignInLineRecord]:
    """The lines saved so far for this event's sheet, by line number (to resume typing)."""
    require(actor, Action.READ)
    with snapshot(store) as session:
        load_event(session, event_id)
        rows = session.execute(
            select(SignInLine, Contact)
            .outerjoin(Contact, Contact.id == SignInLine.contact_id)
            .where(SignInLine.event_id == event_id)
            .order_by(SignInLine.line_no)
        ).all()
        return [_record(row, contact) for row, contact in rows]


# ---------------------------------------------------------------- writing


def save_line(
    store: Store,
    actor: Actor,
    event_id: int,
    line_no: int,
    draft: SignInLineDraft,
    contact_id: int | _Create | None = None,
) -> SignInLineRecord:
    """Save one typed line and what it means (see the module's docstring); one transaction."""
    require(actor, Action.ENTER_SIGN_IN)
    if not 1 <= line_no <= MAX_LINE_NO:
        raise ValidationError(_("Le numéro de ligne doit aller de 1 à {max}.", max=MAX_LINE_NO), field="line_no")
    clean = clean_draft(draft)
    with unit_of_work(store, _("l'enregistrement de la feuille d'émargement")) as session:
        event = load_event(session, event_id)
        row = session.scalar(select(SignInLine).where(SignInLine.event_id == event_id, SignInLine.line_no == line_no))
        before = (row.contact_id, _draft_of(row)) if row is not None else (None, None)
        if row is None:
            row = SignInLine(event_id=event_id, line_no=line_no)
            session.add(row)
        warning, reason = "", ""
        outcome: str
        if is_blank_line(clean):
            target, outcome = None, Outcome.SKIPPED
        else:
            target, outcome, reason, warning = _choose(session, actor, event, clean, contact_id, before)
        if before[0] is not None and before[0] != target:
            _give_back(session, event, before[0], line_no)
        _write_row(row, clean, target, outcome, actor)
        session.flush()
        attended, consents = False, 0
        if target is not None:
            attended = _attend(session, event, target, line_no, actor)
            if before[0] == target and before[1] is not None:
                _drop_unticked(session, event, target, line_no, set(before[1].consents) - set(clean.consents))
            consents = _record_consents(session, event, target, clean.consents, actor)
        session.flush()
        contact = session.get(Contact, target) if target is not None else None
        return replace(
            _record(row, contact), reason=reason, added_attendance=attended, added_consents=consents, warning=warning
        )


def clean_draft(draft: SignInLineDraft) -> SignInLineDraft:
    """Trimmed fields, known purposes only (in their order); ValidationError naming the field."""
    clean = SignInLineDraft(
        last_name=" ".join(draft.last_name.split()),
        first_name=" ".join(draft.first_name.split()),
        email=draft.email.strip(),
        phone=draft.phone.strip(),
        consents=tuple(p.value for p in ConsentPurpose if p.value in {c.strip() for c in draft.consents}),
    )
    unknown = {c.strip() for c in draft.consents} - {p.value for p in ConsentPurpose} - {""}
    if unknown:
        raise ValidationError(
            _("La finalité « {purpose} » est inconnue.", purpose=", ".join(sorted(unknown))), field="consents"
        )
    for field, limit in _LIMITS.items():
        if len(getattr(clean, field)) > limit:
            raise ValidationError(_("Ce champ ne peut dépasser {limit} caractères.", limit=limit), field=field)
    if clean.email and not is_email(clean.email):
        raise ValidationError(_("L'adresse e-mail « {value} » n'est pas valide.", value=clean.email), field="email")
    if clean.phone and not phone_key(clean.phone):
        raise ValidationError(
            _("Le numéro de téléphone « {value} » n'est pas valide.", value=clean.phone), field="phone"
        )
    return clean


def find_candidates(session: Session, keys: MatchKeys, *, first_reason_only: bool = False) -> list[MatchCandidate]:
    """Active contacts matching ``keys``, by reason in MATCH_ORDER, oldest first within a reason
    (``first_reason_only``: stop at the first reason that finds someone, as the rule does)."""
    if keys.empty:
        return []
    found: dict[int, MatchCandidate] = {}
    for reason in MATCH_ORDER:
        for row in _matching(session, keys, reason):
            if row.id not in found and len(found) < _CANDIDATES:
                name = display_name(row.kind, row.first_name, row.last_name, row.organisation, row.email)
                found[row.id] = MatchCandidate(row.id, name, row.circle, reason.value)
        if found and first_reason_only:
            break
    return list(found.values())


_SHOWN = (Contact.id, Contact.kind, Contact.first_name, Contact.last_name, Contact.organisation, Contact.email)


def _matching(session: Session, keys: MatchKeys, reason: MatchReason) -> list[Any]:
    """Rows of ``_SHOWN`` and the circle."""
    query = select(*_SHOWN, Contact.circle).where(ACTIVE).order_by(Contact.id)
    if reason is MatchReason.EMAIL:
        return (
            list(session.execute(query.where(Contact.email_key == keys.email).limit(_CANDIDATES))) if keys.email else []
        )
    if reason is MatchReason.PHONE:
        return (
            list(session.execute(query.where(Contact.phone_key == keys.phone).limit(_CANDIDATES))) if keys.phone else []
        )
    if not keys.names:
        return []
    found: dict[int, Any] = {row.id: row for row in session.execute(query.where(Contact.sort_name.in_(keys.names)))}
    # Contacts written since the search data was last refreshed may have no sort_name yet.
    pending = query.where(Contact.id.in_(select(ContactSearchQueue.contact_id)))
    for row in session.execute(pending):
        if set(name_keys_of(row.first_name, row.last_name)) & set(keys.names):
            found.setdefault(row.id, row)
    return sorted(found.values(), key=lambda row: row.id)


def _choose(
    session: Session,
    actor: Actor,
    event: Event,
    line: SignInLineDraft,
    chosen: int | _Create | None,
    before: tuple[int | None, SignInLineDraft | None],
) -> tuple[int, str, str, str]:
    """(contact id, outcome, match reason, warning) of a non-empty line."""
    if isinstance(chosen, int):
        contact = session.get(Contact, chosen)
        if contact is None or contact.anonymised_at is not None:
            raise UserError(_("Le contact n° {id} n'existe pas (ou plus).", id=chosen))
        reasons = {c.contact_id: c.reason for c in find_candidates(session, match_keys(line))}
        return chosen, Outcome.MATCHED, reasons.get(chosen, ""), ""
    if chosen is None:
        previous, typed = before
        # The same line typed again names the same person: keep whom it named (a re-import
        # would otherwise find one more namesake, the contact it created, and create again).
        if previous is not None and typed is not None and _same_person(typed, line):
            contact = session.get(Contact, previous)
            if contact is not None and contact.anonymised_at is None:
                return previous, Outcome.MATCHED, "", ""
        found = find_candidates(session, match_keys(line), first_reason_only=True)
        if found:
            best = [c for c in found if c.reason == found[0].reason]
            if found[0].reason != MatchReason.NAME.value or len(best) == 1:
                return found[0].contact_id, Outcome.MATCHED, found[0].reason, ""
            warning = _(
                "{count} contacts s'appellent « {name} » : un nouveau contact a été créé ; fusionnez-le s'il fait "
                "double emploi.",
                count=len(best),
                name=f"{line.first_name} {line.last_name}".strip(),
            )
            return _create(session, actor, event, line), Outcome.CREATED, "", warning
        if not (line.email or line.phone):
            warning = _(
                "Aucun contact ne s'appelle « {name} » et la ligne ne donne ni e-mail ni téléphone : un nouveau "
                "contact a été créé.",
                name=f"{line.first_name} {line.last_name}".strip(),
            )
            return _create(session, actor, event, line), Outcome.CREATED, "", warning
    return _create(session, actor, event, line), Outcome.CREATED, "", ""


def _same_person(old: SignInLineDraft, new: SignInLineDraft) -> bool:
    return match_keys(old) == match_keys(new)


def _create(session: Session, actor: Actor, event: Event, line: SignInLineDraft) -> int:
    label = event_label(event)
    data = validate_contact(
        ContactInput(
            first_name=line.first_name,
            last_name=line.last_name,
            email=line.email,
            phone=line.phone,
            circle=Circle.GRAND_PUBLIC.value,
            source=_("Événement : {event}", event=label)[:100],
        )
    )
    contact = Contact()
    apply_input(contact, data)
    contact.moves.append(
        CircleMove(
            from_circle=None,
            to_circle=data.circle,
            moved_by=actor.name,
            reason=_("Présence à l'événement {event}", event=label),
        )
    )
    session.add(contact)
    session.flush()
    search_index.refresh_contacts(session.connection(), [contact.id])  # found by name on the next line
    return contact.id


def _write_row(row: SignInLine, line: SignInLineDraft, contact_id: int | None, outcome: str, actor: Actor) -> None:
    row.last_name, row.first_name, row.email, row.phone = line.last_name, line.first_name, line.email, line.phone
    row.consents = ",".join(line.consents)
    row.contact_id = contact_id
    row.outcome = outcome
    row.saved_at = utcnow()
    row.saved_by = actor.name


def _attend(session: Session, event: Event, contact_id: int, line_no: int, actor: Actor) -> bool:
    """Mark present and add the touch point, once; True when the attendance is new."""
    participant = session.scalar(
        select(EventParticipant).where(EventParticipant.event_id == event.id, EventParticipant.contact_id == contact_id)
    )
    new = participant is None or participant.status != ParticipantStatus.PRESENT.value
    set_participant(session, event.id, contact_id, ParticipantStatus.PRESENT, sheet_line=line_no)
    if _touch_point(session, contact_id, event.id) is None:
        session.add(
            TouchPoint(
                contact_id=contact_id,
                kind=TouchKind.EVENT.value,
                occurred_at=event_moment(event),
                summary=event_label(event),
                event_id=event.id,
                created_by=actor.name,
            )
        )
        refresh_last_touch(session, [contact_id])
    return new


def _record_consents(session: Session, event: Event, contact_id: int, purposes: tuple[str, ...], actor: Actor) -> int:
    if not purposes:
        return 0
    source = sheet_source(event)
    texts = {w.purpose: w.wording for w in wordings_at(session, event.wording_version)}
    known = set(
        session.scalars(select(Consent.purpose).where(Consent.contact_id == contact_id, Consent.event_id == event.id))
    )
    added = 0
    for purpose in purposes:
        if purpose not in known:
            session.add(
                Consent(
                    contact_id=contact_id,
                    purpose=purpose,
                    wording=texts[purpose],
                    source=source,
                    event_id=event.id,
                    given_at=event_moment(event),
                    recorded_by=actor.name,
                )
            )
            added += 1
    return added


def _drop_unticked(session: Session, event: Event, contact_id: int, line_no: int, purposes: set[str]) -> None:
    """A box typed by mistake and now unticked: its consent from this sheet goes (never given)."""
    purposes -= _ticked_elsewhere(session, event.id, contact_id, line_no)
    if purposes:
        session.execute(
            delete(Consent).where(
                Consent.contact_id == contact_id, Consent.event_id == event.id, Consent.purpose.in_(purposes)
            )
        )


def _give_back(session: Session, event: Event, contact_id: int, line_no: int) -> None:
    """The line named someone else before: undo what it had given them, unless another line names them."""
    others = session.scalar(
        select(SignInLine.id).where(
            SignInLine.event_id == event.id, SignInLine.contact_id == contact_id, SignInLine.line_no != line_no
        )
    )
    if others is not None:
        return
    participant = session.scalar(
        select(EventParticipant).where(EventParticipant.event_id == event.id, EventParticipant.contact_id == contact_id)
    )
    if participant is not None:
        if participant.registered_on is not None:
            participant.status, participant.sheet_line = ParticipantStatus.INSCRIT.value, None
        elif participant.invited_from:
            participant.status, participant.sheet_line = ParticipantStatus.INVITE.value, None
        else:
            session.delete(participant)
    point = _touch_point(session, contact_id, event.id)
    if point is not None:
        session.delete(point)
        refresh_last_touch(session, [contact_id])
    session.execute(delete(Consent).where(Consent.contact_id == contact_id, Consent.event_id == event.id))


def _ticked_elsewhere(session: Session, event_id: int, contact_id: int, line_no: int) -> set[str]:
    ticked = session.scalars(
        select(SignInLine.consents).where(
            SignInLine.event_id == event_id, SignInLine.contact_id == contact_id, SignInLine.line_no != line_no
        )
    )
    return {p for text in ticked for p in text.split(",") if p}


def _touch_point(session: Session, contact_id: int, event_id: int) -> TouchPoint | None:
    return session.scalar(
        select(TouchPoint)
        .where(
            TouchPoint.contact_id == contact_id,
            TouchPoint.event_id == event_id,
            TouchPoint.kind == TouchKind.EVENT.value,
        )
        .limit(1)
    )


def sheet_source(event: Event) -> str:
    """« Feuille d'émargement — Réunion de rentrée (12/09/2026) »: the source its consents show (as
    the event was named when they were typed; ``Consent.event_id`` is what links them to it)."""
    return rules.sheet_source(event.name, event.starts_on)


def event_moment(event: Event) -> datetime:
    """When the event began, in UTC (noon when no time was said), never later than now."""
    local = datetime.combine(event.starts_on, event.starts_time or time(12, 0), formatting.PARIS)
    return min(local.astimezone(UTC), datetime.now(UTC))


def _draft_of(row: SignInLine) -> SignInLineDraft:
    return SignInLineDraft(
        last_name=row.last_name,
        first_name=row.first_name,
        email=row.email,
        phone=row.phone,
        consents=tuple(p for p in row.consents.split(",") if p),
    )


def _record(row: SignInLine, contact: Contact | None) -> SignInLineRecord:
    return SignInLineRecord(
        event_id=row.event_id,
        line_no=row.line_no,
        draft=_draft_of(row),
        contact_id=row.contact_id,
        contact_name=_name(contact) if contact is not None else "",
        outcome=row.outcome,
        saved_at=row.saved_at,
        saved_by=row.saved_by,
    )


def _name(contact: Contact) -> str:
    return display_name(contact.kind, contact.first_name, contact.last_name, contact.organisation, contact.email)
