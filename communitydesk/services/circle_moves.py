"""Moving contacts between circles, and the history of those moves (docs/DOMAIN.md §1).

"Rapprocher" moves a contact one circle inward, "éloigner" one circle outward. Every move
is kept: date, from, to, who (the acting profile) and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.models.base import utcnow
from communitydesk.models.contacts import NOT_ERASED, CircleMove, Contact
from communitydesk.rules.circles import CIRCLE_ORDER, Circle, circle_label
from communitydesk.services.contacts import check_editable, expire_contacts, flush_or_conflict, load_contact
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, table_of, unit_of_work


@dataclass(frozen=True)
class CircleMoveRecord:
    id: int
    contact_id: int
    moved_at: datetime
    from_circle: str | None  # None: arrival in the community
    to_circle: str
    moved_by: str
    reason: str


def move_contact(
    store: Store, actor: Actor, contact_id: int, to_circle: str, reason: str, expected_version: int | None = None
) -> CircleMoveRecord:
    """Move one contact to ``to_circle``, saying why; the move is added to its history.

    ``expected_version`` (from the open contact sheet) makes a stale move a ConflictError.
    """
    require(actor, Action.EDIT_CONTACTS)
    target = _circle(to_circle)
    why = _reason(reason)
    with unit_of_work(store) as session:
        contact = load_contact(session, contact_id)
        check_editable(contact, expected_version)
        if contact.circle == target:
            raise ValidationError(
                _("Ce contact est déjà dans le cercle « {circle} ».", circle=circle_label(target)), field="circle"
            )
        move = CircleMove(from_circle=contact.circle, to_circle=target, moved_by=actor.name, reason=why)
        contact.moves.append(move)
        contact.circle = target
        flush_or_conflict(session)
        return _record(move)


def move_inward(
    store: Store, actor: Actor, contact_id: int, reason: str, expected_version: int | None = None
) -> CircleMoveRecord:
    """Rapprocher: one circle closer (grand public → communauté → proches)."""
    return _move_by(store, actor, contact_id, -1, reason, expected_version)


def move_outward(
    store: Store, actor: Actor, contact_id: int, reason: str, expected_version: int | None = None
) -> CircleMoveRecord:
    """Éloigner: one circle further out (proches → communauté → grand public)."""
    return _move_by(store, actor, contact_id, +1, reason, expected_version)


def _move_by(
    store: Store, actor: Actor, contact_id: int, step: int, reason: str, expected_version: int | None
) -> CircleMoveRecord:
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        current = Circle(load_contact(session, contact_id).circle)
        rank = current.rank + step
        if not 0 <= rank < len(CIRCLE_ORDER):
            message = (
                _("Ce contact est déjà dans le cercle le plus proche.")
                if step < 0
                else _("Ce contact est déjà dans le cercle le plus large.")
            )
            raise ValidationError(message, field="circle")
        return move_contact(session, actor, contact_id, CIRCLE_ORDER[rank].value, reason, expected_version)


def move_contacts(store: Store, actor: Actor, contact_ids: Sequence[int], to_circle: str, reason: str) -> int:
    """Move a selection (a drag onto a ring); contacts already there or erased are left alone.

    Returns how many moved. Each moved contact's version changes, so an open sheet of one of
    them will refuse a stale save rather than silently move it back.
    """
    require(actor, Action.EDIT_CONTACTS)
    target = _circle(to_circle)
    why = _reason(reason)
    moved = 0
    contacts = table_of(Contact)
    with unit_of_work(store) as session:
        for start in range(0, len(contact_ids), 500):
            chunk = list(contact_ids[start : start + 500])
            found = session.execute(
                select(Contact.id, Contact.circle).where(Contact.id.in_(chunk), Contact.circle != target, NOT_ERASED)
            ).all()
            if not found:
                continue
            now = utcnow()
            session.execute(
                insert(CircleMove),
                [
                    {
                        "contact_id": cid,
                        "moved_at": now,
                        "from_circle": old,
                        "to_circle": target,
                        "moved_by": actor.name,
                        "reason": why,
                    }
                    for cid, old in found
                ],
            )
            session.execute(
                update(contacts)
                .where(contacts.c.id.in_([cid for cid, _old in found]))
                .values(circle=target, version_id=contacts.c.version_id + 1, updated_at=now)
            )
            moved += len(found)
            expire_contacts(session, [cid for cid, _old in found], ["circle", "version_id", "updated_at"])
    return moved


def history(store: Store, actor: Actor, contact_id: int) -> list[CircleMoveRecord]:
    """Every move of a contact, oldest first (the first one is its arrival)."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        moves = session.scalars(
            select(CircleMove).where(CircleMove.contact_id == contact_id).order_by(CircleMove.moved_at, CircleMove.id)
        )
        return [_record(m) for m in moves]


def _circle(value: str) -> str:
    try:
        return Circle(value).value
    except ValueError:
        raise ValidationError(_("Le cercle « {circle} » est inconnu.", circle=value), field="circle") from None


def _reason(reason: str) -> str:
    cleaned = reason.strip()
    if not cleaned:
        raise ValidationError(_("Indiquez pourquoi ce contact change de cercle."), field="reason")
    return cleaned


def _record(move: CircleMove) -> CircleMoveRecord:
    return CircleMoveRecord(
        id=move.id,
        contact_id=move.contact_id,
        moved_at=move.moved_at,
        from_circle=move.from_circle,
        to_circle=move.to_circle,
        moved_by=move.moved_by,
        reason=move.reason,
    )
