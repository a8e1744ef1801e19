"""Touch points: every interaction with a contact, and the contact's ``last_touch_at``.

``contacts.last_touch_at`` is derived data (the latest touch point), kept right on every
add, edit and delete so that "à relancer" is one indexed query. Changing it does not
change the contact's version: an open contact sheet stays saveable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.contacts import NOT_ERASED, Contact, TouchPoint
from communitydesk.models.events import Event
from communitydesk.rules.touch_kinds import TouchKind, touch_kind_label
from communitydesk.services.contacts import expire_contacts, load_contact
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, table_of, unit_of_work

# A touch point dated a little ahead is a clock difference; further ahead, a typo.
_FUTURE_TOLERANCE = timedelta(hours=12)


@dataclass(frozen=True)
class TouchPointRecord:
    id: int
    contact_id: int
    kind: str
    label: str  # French label of the kind
    occurred_at: datetime
    summary: str
    created_by: str
    event_id: int | None = None  # the event whose sign-in sheet gave it


def touch_kinds() -> list[tuple[str, str]]:
    """(kind, label) pairs, in the order a picker shows them."""
    return [(kind.value, touch_kind_label(kind)) for kind in TouchKind]


def add_touch_point(
    store: Store, actor: Actor, contact_id: int, kind: str, summary: str = "", occurred_at: datetime | None = None
) -> TouchPointRecord:
    """Record an interaction (now, unless ``occurred_at`` says when) and update last_touch_at."""
    require(actor, Action.ADD_TOUCH_POINTS)
    when = _when(occurred_at)
    with unit_of_work(store) as session:
        _check_not_erased(session, contact_id)
        point = TouchPoint(
            contact_id=contact_id, kind=_kind(kind), occurred_at=when, summary=summary.strip(), created_by=actor.name
        )
        session.add(point)
        session.flush()
        refresh_last_touch(session, [contact_id])
        return _record(point)


def add_touch_points(
    store: Store,
    actor: Actor,
    contact_ids: Sequence[int],
    kind: str,
    summary: str = "",
    occurred_at: datetime | None = None,
) -> int:
    """The same interaction with many contacts (everyone at an event); returns how many."""
    require(actor, Action.ADD_TOUCH_POINTS)
    when = _when(occurred_at)
    checked = _kind(kind)
    with unit_of_work(store) as session:
        ids = list(session.scalars(select(Contact.id).where(Contact.id.in_(list(contact_ids)), NOT_ERASED)))
        if ids:
            session.execute(
                insert(TouchPoint),
                [
                    {
                        "contact_id": cid,
                        "kind": checked,
                        "occurred_at": when,
                        "summary": summary.strip(),
                        "created_by": actor.name,
                        "created_at": datetime.now(UTC),
                    }
                    for cid in ids
                ],
            )
            refresh_last_touch(session, ids)
        return len(ids)


def update_touch_point(
    store: Store, actor: Actor, touch_point_id: int, kind: str, summary: str, occurred_at: datetime
) -> TouchPointRecord:
    """Correct a touch point (kind, summary, date)."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        point = _load(session, touch_point_id)
        _check_not_erased(session, point.contact_id)
        point.kind, point.summary, point.occurred_at = _kind(kind), summary.strip(), _when(occurred_at)
        session.flush()
        refresh_last_touch(session, [point.contact_id])
        return _record(point)


def delete_touch_point(store: Store, actor: Actor, touch_point_id: int) -> TouchPointRecord:
    """Delete a touch point; the contact's last_touch_at falls back to the previous one.
    Returns what was deleted, which :func:`restore_touch_point` puts back."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        point = _load(session, touch_point_id)
        _check_not_erased(session, point.contact_id)
        deleted = _record(point)
        session.delete(point)
        session.flush()
        refresh_last_touch(session, [deleted.contact_id])
        return deleted


def restore_touch_point(store: Store, actor: Actor, record: TouchPointRecord) -> TouchPointRecord:
    """Put back a touch point just deleted (the sheet's « Annuler »): same id, author and date."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        _check_not_erased(session, record.contact_id)
        if session.get(TouchPoint, record.id) is not None:
            raise UserError(_("Ce point de contact existe déjà."))
        point = TouchPoint(
            id=record.id,
            contact_id=record.contact_id,
            kind=_kind(record.kind),
            occurred_at=record.occurred_at,
            summary=record.summary,
            event_id=_still_there(session, record.event_id),
            created_by=record.created_by,
        )
        session.add(point)
        session.flush()
        refresh_last_touch(session, [record.contact_id])
        return _record(point)


def timeline(store: Store, actor: Actor, contact_id: int, limit: int | None = None) -> list[TouchPointRecord]:
    """A contact's touch points, most recent first."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        query = (
            select(TouchPoint)
            .where(TouchPoint.contact_id == contact_id)
            .order_by(TouchPoint.occurred_at.desc(), TouchPoint.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        return [_record(p) for p in session.scalars(query)]


def refresh_last_touch(session: Session, contact_ids: Sequence[int]) -> None:
    """Set last_touch_at to the latest touch point of each contact (NULL if none)."""
    session.flush()
    contacts = table_of(Contact)
    points = table_of(TouchPoint)
    latest = select(func.max(points.c.occurred_at)).where(points.c.contact_id == contacts.c.id).scalar_subquery()
    for start in range(0, len(contact_ids), 500):
        chunk = list(contact_ids[start : start + 500])
        session.execute(update(contacts).where(contacts.c.id.in_(chunk)).values(last_touch_at=latest))
    expire_contacts(session, contact_ids, ["last_touch_at"])


def _check_not_erased(session: Session, contact_id: int) -> None:
    # An erased contact's touch points stay, without their text, for the counts.
    if load_contact(session, contact_id).anonymised_at is not None:
        raise UserError(_("Ce contact a été effacé (RGPD) : il ne peut plus être modifié."))


def _still_there(session: Session, event_id: int | None) -> int | None:
    """The event of a touch point put back, unless it was deleted meanwhile (a sheet finds its
    touch point by event, so it must come back with it)."""
    return event_id if event_id is not None and session.get(Event, event_id) is not None else None


def _load(session: Session, touch_point_id: int) -> TouchPoint:
    point = session.get(TouchPoint, touch_point_id)
    if point is None:
        raise UserError(_("Ce point de contact n'existe pas (ou plus)."))
    return point


def _kind(kind: str) -> str:
    try:
        return TouchKind(kind).value
    except ValueError:
        raise ValidationError(
            _("Le type de point de contact « {kind} » est inconnu.", kind=kind), field="kind"
        ) from None


def _when(occurred_at: datetime | None) -> datetime:
    now = datetime.now(UTC)
    if occurred_at is None:
        return now
    if occurred_at.tzinfo is None:
        raise ValueError("naive datetime given; use an aware datetime")
    if occurred_at > now + _FUTURE_TOLERANCE:
        raise ValidationError(_("Un point de contact ne peut pas être daté dans le futur."), field="occurred_at")
    return occurred_at


def _record(point: TouchPoint) -> TouchPointRecord:
    return TouchPointRecord(
        id=point.id,
        contact_id=point.contact_id,
        kind=point.kind,
        label=touch_kind_label(point.kind),
        occurred_at=point.occurred_at,
        summary=point.summary,
        created_by=point.created_by,
        event_id=point.event_id,
    )
