"""Moving contacts between circles, and the history of those moves (docs/DOMAIN.md §1).

"Rapprocher" moves a contact one circle inward, "éloigner" one circle outward. Every move
is kept: date, from, to, who (the acting profile) and why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

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
    return move_selection(store, actor, contact_ids, reason, to_circle=to_circle).moved


@dataclass(frozen=True)
class MoveBatch:
    """What a move of a selection did: one move per contact that changed circle."""

    moves: tuple[CircleMoveRecord, ...]
    unchanged: int  # already in the target circle, or already at the end of the circles
    missing: int = 0  # erased, or gone meanwhile

    @property
    def moved(self) -> int:
        return len(self.moves)


def move_selection(
    store: Store,
    actor: Actor,
    contact_ids: Sequence[int],
    reason: str,
    *,
    to_circle: str | None = None,
    step: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> MoveBatch:
    """Move several contacts in one write turn, one move each with the same reason: into
    ``to_circle``, or one circle inward (``step=-1``) or outward (``step=+1``) from where each is.

    Contacts already there, or already innermost/outermost, are counted in ``unchanged``;
    erased contacts are left alone. ``progress(done, total)`` may raise to cancel: nothing is
    written then. Each moved contact's version changes (an open sheet refuses a stale save).
    """
    require(actor, Action.EDIT_CONTACTS)
    if (to_circle is None) == (step == 0):
        raise ValueError("give either to_circle or a step of -1 or +1")
    target = _circle(to_circle) if to_circle is not None else None
    why = _reason(reason)
    ids = list(dict.fromkeys(contact_ids))
    moves: list[CircleMoveRecord] = []
    unchanged = missing = 0
    with unit_of_work(store) as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found = dict(
                session.execute(select(Contact.id, Contact.circle).where(Contact.id.in_(chunk), NOT_ERASED)).all()
            )
            missing += len(chunk) - len(found)
            now = utcnow()
            wanted: list[tuple[int, str, str]] = []
            for contact_id in chunk:
                old = found.get(contact_id)
                if old is None:
                    continue
                new = target if target is not None else _step_from(old, step)
                if new is None or new == old:
                    unchanged += 1
                else:
                    wanted.append((contact_id, old, new))
            moves += _write_moves(session, wanted, why, actor.name, now)
            if progress is not None:
                progress(min(start + 500, len(ids)), len(ids))
    return MoveBatch(tuple(moves), unchanged, missing)


def undo_moves(store: Store, actor: Actor, moves: Sequence[CircleMoveRecord]) -> MoveBatch:
    """Take contacts back where ``moves`` took them from, in one write turn.

    Moves are kept forever (docs/DOMAIN.md §1): the undo is a move back, its reason naming
    the one undone. A contact moved again since (or erased) is left where it is.
    """
    require(actor, Action.EDIT_CONTACTS)
    unchanged = 0
    reasons: dict[int, str] = {}
    with unit_of_work(store) as session:
        current = dict(
            session.execute(
                select(Contact.id, Contact.circle).where(Contact.id.in_([m.contact_id for m in moves]), NOT_ERASED)
            ).all()
        )
        wanted: list[tuple[int, str, str]] = []
        for done in moves:
            if done.from_circle is None or current.get(done.contact_id) != done.to_circle:
                unchanged += 1
                continue
            current[done.contact_id] = done.from_circle
            wanted.append((done.contact_id, done.to_circle, done.from_circle))
            reasons[done.contact_id] = done.reason
        back = _write_moves(session, wanted, "", actor.name, utcnow(), reasons)
    return MoveBatch(tuple(back), unchanged)


def _write_moves(
    session: Session,
    wanted: Sequence[tuple[int, str, str]],
    reason: str,
    by: str,
    now: datetime,
    undone: dict[int, str] | None = None,
) -> list[CircleMoveRecord]:
    """One move row per (contact, from, to) and the contacts' new circles, set-based; with
    ``undone`` (contact → reason of the move taken back) each reason names what is undone."""
    if not wanted:
        return []

    def why(contact_id: int) -> str:
        if undone is None:
            return reason
        before = undone.get(contact_id, "")
        return _("Annulation du déplacement ({reason})", reason=before) if before else _("Annulation du déplacement")

    rows = [
        {"contact_id": cid, "moved_at": now, "from_circle": old, "to_circle": new, "moved_by": by, "reason": why(cid)}
        for cid, old, new in wanted
    ]
    written = session.scalars(insert(CircleMove).returning(CircleMove, sort_by_parameter_order=True), rows).all()
    contacts = table_of(Contact)
    by_target: dict[str, list[int]] = {}
    for cid, _old, new in wanted:
        by_target.setdefault(new, []).append(cid)
    for target, ids in by_target.items():
        session.execute(
            update(contacts)
            .where(contacts.c.id.in_(ids))
            .values(circle=target, version_id=contacts.c.version_id + 1, updated_at=now)
        )
    expire_contacts(session, [cid for cid, _old, _new in wanted], ["circle", "version_id", "updated_at", "moves"])
    return [_record(move) for move in written]


def _step_from(circle: str, step: int) -> str | None:
    rank = Circle(circle).rank + step
    return CIRCLE_ORDER[rank].value if 0 <= rank < len(CIRCLE_ORDER) else None


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
