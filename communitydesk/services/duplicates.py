"""Duplicates: finding likely pairs, merging them field by field, undoing a merge.

Pairs come from three rules, strongest first:
- same normalised e-mail (``email_key``), score 100;
- same phone in E.164 (``phone_key``, rules/contact_keys), score 95;
- similar name in the same place, scored by rapidfuzz ``token_sort_ratio`` on folded names
  (no case, no accents, word order ignored). Contacts are compared only within a block
  (same folded city, or postcode when there is no city, and same first letter of the folded
  name), which keeps 100 000 contacts to ~1 million comparisons instead of 5 billion; the
  price is that a typo in a name's first letter goes unseen. Threshold 92: "Hélène Martin" /
  "Helene Martin" (100) or "Lefèvre"/"Lefevre" pass, one typo in a 13-letter name (~96)
  passes, "Jean Martin" / "Jeanne Martin" (92- ) does not: those are usually two people.

A merge keeps one contact, takes the fields the user chose from the other, re-points every
row that refers to the absorbed contact (touch points, moves, tags, consents, campaign
contributions... any foreign key to contacts.id) and archives it. No e-mail address or
phone number of either card is dropped: one the kept card does not show goes to its empty
secondary field, and what does not fit there to a line of its notes. The journal
(``contact_merges``) holds both rows as they were and the re-pointed row ids, so that
:func:`undo_merge` puts everything back exactly; it is also what the contact's timeline
shows (who merged, when, with whom), and an erasure purges its snapshots, the name with them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Table, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.base import utcnow
from communitydesk.models.contacts import ACTIVE, CircleMove, Contact
from communitydesk.models.duplicates import ContactMerge, IgnoredDuplicate
from communitydesk.models.registry import metadata
from communitydesk.rules.contact_fields import contact_field_label, is_email
from communitydesk.rules.contact_keys import email_key, name_key, phone_key
from communitydesk.rules.contact_search_text import folded, folded_words
from communitydesk.services.audit import audited
from communitydesk.services.contacts import (
    EDITABLE_FIELDS,
    ContactInput,
    apply_input,
    display_name,
    expire_contacts,
    input_of,
    load_contact,
    validate_contact,
)
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, table_of, unit_of_work
from communitydesk.services.touch_points import refresh_last_touch

NAME_THRESHOLD = 92
EMAIL_SCORE = 100
PHONE_SCORE = 95
# A shared address (contact@asso.fr, a family's e-mail) is not a duplicate signal.
MAX_GROUP = 20
# Tables whose rows about a contact are the merge's own bookkeeping, never re-pointed.
_NOT_REPOINTED = {"contact_merges", "ignored_duplicates"}

Progress = Callable[[int, int], None]


class DuplicateReason(StrEnum):
    SAME_EMAIL = "same_email"
    SAME_PHONE = "same_phone"
    SIMILAR_NAME = "similar_name"


def reason_label(reason: str) -> str:
    labels = {
        DuplicateReason.SAME_EMAIL: _("Même e-mail"),
        DuplicateReason.SAME_PHONE: _("Même téléphone"),
        DuplicateReason.SIMILAR_NAME: _("Nom proche, même ville"),
    }
    return labels.get(DuplicateReason(reason), reason)


@dataclass(frozen=True)
class DuplicateSide:
    id: int
    display_name: str
    email: str
    phone: str
    city: str
    circle: str
    created_at: datetime


@dataclass(frozen=True)
class DuplicatePair:
    """Two contacts that may be one person; ``first.id < second.id``."""

    first: DuplicateSide
    second: DuplicateSide
    reasons: tuple[DuplicateReason, ...]
    score: int  # 0-100, the strongest reason's


@dataclass(frozen=True)
class MergeRecord:
    id: int
    kept_id: int
    absorbed_id: int
    absorbed_name: str  # « Contact effacé » once either person was erased
    merged_at: datetime
    merged_by: str
    undone_at: datetime | None
    undone_by: str
    can_undo: bool
    # What the merge just made set aside (the journal does not keep them: they are personal data).
    as_secondary: tuple[str, ...] = ()  # addresses and numbers now in the secondary fields
    in_notes: tuple[str, ...] = ()  # those that did not fit there, written in the notes


# -- finding pairs --------------------------------------------------------------------


def find_duplicates(
    store: Store, actor: Actor, limit: int = 500, progress: Progress | None = None
) -> list[DuplicatePair]:
    """Likely duplicate pairs among listed contacts, best first, ignored pairs left out."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        found: dict[tuple[int, int], dict[DuplicateReason, int]] = defaultdict(dict)
        for key_column, reason, score in (
            (Contact.email_key, DuplicateReason.SAME_EMAIL, EMAIL_SCORE),
            (Contact.phone_key, DuplicateReason.SAME_PHONE, PHONE_SCORE),
        ):
            for pair in _same_key_pairs(session, key_column):
                found[pair][reason] = score
        for pair, score in _similar_name_pairs(session, progress):
            found[pair][DuplicateReason.SIMILAR_NAME] = score
        for pair in _ignored(session):
            found.pop(pair, None)
        ranked = sorted(found.items(), key=lambda item: (-max(item[1].values()), -len(item[1]), item[0]))[:limit]
        sides = _sides(session, {cid for pair, _r in ranked for cid in pair})
    return [
        DuplicatePair(
            sides[a], sides[b], tuple(sorted(reasons, key=list(DuplicateReason).index)), max(reasons.values())
        )
        for (a, b), reasons in ranked
        if a in sides and b in sides
    ]


def duplicates_of(store: Store, actor: Actor, contact_id: int) -> list[DuplicatePair]:
    """Likely duplicates of one contact (e.g. just after it was created), best first."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        contact = load_contact(session, contact_id)
        found: dict[tuple[int, int], dict[DuplicateReason, int]] = defaultdict(dict)
        checks = (
            (Contact.email_key, contact.email_key, DuplicateReason.SAME_EMAIL, EMAIL_SCORE),
            (Contact.phone_key, contact.phone_key, DuplicateReason.SAME_PHONE, PHONE_SCORE),
        )
        for column, value, reason, score in checks:
            if value:
                for other in session.scalars(
                    select(Contact.id).where(column == value, Contact.id != contact_id, ACTIVE)
                ):
                    found[_ordered(contact_id, other)][reason] = score
        mine = name_key(contact.first_name, contact.last_name, contact.organisation)
        if mine and (contact.city or contact.postcode):
            place = Contact.city == contact.city if contact.city else Contact.postcode == contact.postcode
            for row in session.execute(select(*_NAME_COLUMNS).where(place, Contact.id != contact_id, ACTIVE)):
                ratio = fuzz.token_sort_ratio(mine, name_key(row[2], row[3], row[4]), score_cutoff=NAME_THRESHOLD)
                if ratio:
                    found[_ordered(contact_id, row[0])][DuplicateReason.SIMILAR_NAME] = round(ratio)
        for pair in _ignored(session):
            found.pop(pair, None)
        sides = _sides(session, {cid for pair in found for cid in pair})
    ranked = sorted(found.items(), key=lambda item: -max(item[1].values()))
    return [DuplicatePair(sides[a], sides[b], tuple(r), max(r.values())) for (a, b), r in ranked]


def ignore_pair(store: Store, actor: Actor, first_id: int, second_id: int) -> None:
    """Remember that these two are different people: the pair is never proposed again."""
    require(actor, Action.MERGE_CONTACTS)
    a, b = _ordered(first_id, second_id)
    with unit_of_work(store) as session:
        load_contact(session, a)
        load_contact(session, b)
        exists = session.scalar(
            select(IgnoredDuplicate.id).where(IgnoredDuplicate.first_id == a, IgnoredDuplicate.second_id == b)
        )
        if exists is None:
            session.add(IgnoredDuplicate(first_id=a, second_id=b, ignored_by=actor.name))
            session.flush()


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _same_key_pairs(session: Session, column: Any) -> Iterable[tuple[int, int]]:
    # Repeated keys first, from the key's index alone; then only their contacts are read.
    repeated = list(session.scalars(select(column).where(column != "").group_by(column).having(func.count() > 1)))
    groups: dict[str, list[int]] = defaultdict(list)
    for start in range(0, len(repeated), 500):
        query = select(column, Contact.id).where(column.in_(repeated[start : start + 500]), ACTIVE)
        for key, contact_id in session.execute(query):
            groups[key].append(contact_id)
    for ids in groups.values():
        if 1 < len(ids) <= MAX_GROUP:
            ordered = sorted(ids)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    yield a, b


_NAME_COLUMNS = (
    Contact.id,
    Contact.kind,
    Contact.first_name,
    Contact.last_name,
    Contact.organisation,
    Contact.city,
    Contact.postcode,
)


def _similar_name_pairs(session: Session, progress: Progress | None) -> Iterable[tuple[tuple[int, int], int]]:
    blocks: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for cid, kind, first, last, organisation, city, postcode in session.execute(select(*_NAME_COLUMNS).where(ACTIVE)):
        place = folded(city) or postcode.strip()
        key = (folded_words(first, last) or folded(organisation)) if kind == "person" else folded(organisation)
        if place and key:
            initial = folded(last or organisation)[:1] or key[:1]
            blocks[(place, initial)].append((cid, key))
    total = len(blocks)
    for done, members in enumerate(blocks.values(), start=1):
        for i, (a, name_a) in enumerate(members):
            for b, name_b in members[i + 1 :]:
                score = fuzz.token_sort_ratio(name_a, name_b, score_cutoff=NAME_THRESHOLD)
                if score:
                    yield _ordered(a, b), round(score)
        if progress is not None and done % 500 == 0:
            progress(done, total)


def _ignored(session: Session) -> set[tuple[int, int]]:
    return {(a, b) for a, b in session.execute(select(IgnoredDuplicate.first_id, IgnoredDuplicate.second_id))}


def _sides(session: Session, ids: Collection[int]) -> dict[int, DuplicateSide]:
    sides: dict[int, DuplicateSide] = {}
    id_list = sorted(ids)
    for start in range(0, len(id_list), 500):
        for c in session.scalars(select(Contact).where(Contact.id.in_(id_list[start : start + 500]))):
            sides[c.id] = DuplicateSide(
                id=c.id,
                display_name=display_name(c.kind, c.first_name, c.last_name, c.organisation, c.email),
                email=c.email,
                phone=c.phone,
                city=c.city,
                circle=c.circle,
                created_at=c.created_at,
            )
    return sides


# -- merging --------------------------------------------------------------------------


def suggest_fields(store: Store, actor: Actor, keep_id: int, absorb_id: int) -> list[str]:
    """Fields to take from the absorbed contact by default: those empty on the kept one."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        keep, absorb = input_of(load_contact(session, keep_id)), input_of(load_contact(session, absorb_id))
    return [
        f for f in EDITABLE_FIELDS if isinstance(getattr(keep, f), str) and not getattr(keep, f) and getattr(absorb, f)
    ]


def merge_contacts(
    store: Store, actor: Actor, keep_id: int, absorb_id: int, fields_from_absorbed: Collection[str] = ()
) -> MergeRecord:
    """Merge ``absorb_id`` into ``keep_id``; the fields named are taken from the absorbed one.

    Everything attached to the absorbed contact moves to the kept one; the absorbed
    contact is archived. Addresses and numbers not chosen are kept as secondary or in the
    notes (:func:`keep_every_channel`); the record says which. Undo with :func:`undo_merge`.
    """
    with audited(store, actor, Action.MERGE_CONTACTS, f"contact:{absorb_id}>contact:{keep_id}"):
        require(actor, Action.MERGE_CONTACTS)
        unknown = [f for f in fields_from_absorbed if f not in EDITABLE_FIELDS]
        if unknown:
            raise ValidationError(_("Champ inconnu pour une fusion : {field}.", field=unknown[0]), field=unknown[0])
        if keep_id == absorb_id:
            raise ValidationError(_("Un contact ne peut pas être fusionné avec lui-même."))
        with unit_of_work(store) as session:
            keep, absorb = load_contact(session, keep_id), load_contact(session, absorb_id)
            for contact in (keep, absorb):
                if contact.anonymised_at is not None or contact.archived_at is not None:
                    raise UserError(_("Seuls deux contacts actifs (ni archivés, ni effacés) peuvent être fusionnés."))
            kept_before, absorbed_before = _snapshot(session, keep_id), _snapshot(session, absorb_id)
            created_moves, set_aside = _take_fields(session, actor, keep, absorb, fields_from_absorbed)
            repointed = _repoint(session, absorb_id, keep_id)
            absorb.archived_at = utcnow()
            session.flush()
            refresh_last_touch(session, [keep_id, absorb_id])
            expire_contacts(session, [keep_id, absorb_id], ["touch_points", "moves", "tags"])
            merge = ContactMerge(
                kept_id=keep_id,
                absorbed_id=absorb_id,
                merged_by=actor.name,
                kept_before=_dumps(kept_before),
                absorbed_before=_dumps(absorbed_before),
                repointed=_dumps({"tables": repointed, "created_moves": created_moves}),
                kept_version_after=keep.version_id,
            )
            session.add(merge)
            session.flush()
            return replace(
                _merge_record(merge, absorbed_before), as_secondary=set_aside.as_secondary, in_notes=set_aside.in_notes
            )


def undo_merge(store: Store, actor: Actor, merge_id: int) -> None:
    """Put both contacts back exactly as they were before the merge.

    Refused (ConflictError) if the kept contact was edited or merged again since: undo
    the later merge first, or correct by hand.
    """
    with audited(store, actor, Action.MERGE_CONTACTS, f"merge:{merge_id}"):
        require(actor, Action.MERGE_CONTACTS)
        with unit_of_work(store) as session:
            merge = session.get(ContactMerge, merge_id)
            if merge is None:
                raise UserError(_("Cette fusion n'existe pas."))
            if merge.undone_at is not None:
                raise UserError(_("Cette fusion a déjà été annulée."))
            if merge.purged_at is not None:
                raise UserError(_("Cette fusion ne peut plus être annulée : la personne a été effacée (RGPD)."))
            keep, absorbed = load_contact(session, merge.kept_id), load_contact(session, merge.absorbed_id)
            if keep.version_id != merge.kept_version_after or absorbed.archived_at is None:
                raise ConflictError(
                    _(
                        "Un des deux contacts a été modifié depuis la fusion : l'annuler effacerait ces changements. "
                        "Rien n'a été modifié."
                    )
                )
            journal = json.loads(merge.repointed)
            _repoint_back(session, journal["tables"], merge.absorbed_id)
            if journal["created_moves"]:
                session.execute(delete(CircleMove).where(CircleMove.id.in_(journal["created_moves"])))
            for contact_id, snapshot in (
                (merge.kept_id, merge.kept_before),
                (merge.absorbed_id, merge.absorbed_before),
            ):
                _restore(session, contact_id, json.loads(snapshot))
            merge.undone_at, merge.undone_by = utcnow(), actor.name
            session.flush()
            expire_contacts(
                session, [merge.kept_id, merge.absorbed_id], [*_contact_columns(), "touch_points", "moves", "tags"]
            )


def list_merges(store: Store, actor: Actor, contact_id: int | None = None, limit: int = 100) -> list[MergeRecord]:
    """Recent merges (of one contact, if given), most recent first."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        query = select(ContactMerge).order_by(ContactMerge.merged_at.desc(), ContactMerge.id.desc()).limit(limit)
        if contact_id is not None:
            query = query.where(or_(ContactMerge.kept_id == contact_id, ContactMerge.absorbed_id == contact_id))
        return [_merge_record(m, json.loads(m.absorbed_before or "{}")) for m in session.scalars(query)]


def _take_fields(
    session: Session, actor: Actor, keep: Contact, absorb: Contact, fields: Collection[str]
) -> tuple[list[int], SetAside]:
    """Apply the chosen fields to the kept contact, keeping every address and number of both
    cards; returns the id of the move it caused, if any, and what was set aside."""
    chosen = {f: getattr(absorb, f) for f in fields}
    absorbed_name = display_name(absorb.kind, absorb.first_name, absorb.last_name, absorb.organisation, absorb.email)
    kept_input = input_of(keep)
    merged = validate_contact(replace(kept_input, **chosen))
    merged, set_aside = keep_every_channel(merged, (kept_input, input_of(absorb)), absorbed_name)
    moves: list[int] = []
    if merged.circle != keep.circle:
        move = CircleMove(
            contact_id=keep.id,
            from_circle=keep.circle,
            to_circle=merged.circle,
            moved_by=actor.name,
            reason=_("Fusion avec « {name} »", name=absorbed_name),
        )
        session.add(move)
        session.flush()
        moves.append(move.id)
    apply_input(keep, validate_contact(merged))
    keep.updated_at = utcnow()  # always a new version: an undo can tell whether it was edited since
    session.flush()
    return moves, set_aside


@dataclass(frozen=True)
class SetAside:
    as_secondary: tuple[str, ...] = ()
    in_notes: tuple[str, ...] = ()


# (main field, its secondary field), for e-mail and phone
_CHANNELS = (("email", "email_secondary"), ("phone", "phone_secondary"))


def keep_every_channel(
    merged: ContactInput, cards: Sequence[ContactInput], absorbed_name: str
) -> tuple[ContactInput, SetAside]:
    """``merged`` with every e-mail address and phone number of ``cards`` (the kept card as it
    was, then the absorbed one) that it does not show: the first into its secondary field if
    empty, the rest on one line of its notes. Values are compared by their normalised keys
    (``Jean@X.fr`` is ``jean@x.fr``, ``06 12…`` is ``+33 6 12…``)."""
    filled: dict[str, str] = {}  # secondary field → the value it receives
    overflow: list[tuple[str, str]] = []  # (main field, value) written in the notes
    for main, secondary in _CHANNELS:
        shown = {_channel_key(main, getattr(merged, name), merged.country) for name in (main, secondary)}
        left: list[str] = []
        for card in cards:
            for name in (main, secondary):
                value = getattr(card, name).strip()
                key = _channel_key(main, value, card.country)
                if value and key not in shown:
                    shown.add(key)
                    left.append(value)
        fitting = next((value for value in left if _fits(main, value, merged.country)), None)
        if fitting is not None and not getattr(merged, secondary):
            filled[secondary] = fitting
            left.remove(fitting)
        overflow.extend((main, value) for value in left)
    notes = merged.notes
    if overflow:
        line = _(
            "Coordonnées reprises de « {name} » lors d'une fusion : {values}",
            name=absorbed_name,
            values=" ; ".join(f"{contact_field_label(field)} {value}" for field, value in overflow),
        )
        notes = f"{notes}\n{line}" if notes else line
    result = replace(
        merged,
        email_secondary=filled.get("email_secondary", merged.email_secondary),
        phone_secondary=filled.get("phone_secondary", merged.phone_secondary),
        notes=notes,
    )
    return result, SetAside(tuple(filled.values()), tuple(value for _field, value in overflow))


def _channel_key(kind: str, value: str, country: str) -> str:
    if not value:
        return ""
    key = email_key(value) if kind == "email" else phone_key(value, country or "FR")
    return key or folded(value) or value  # a value stored before today's checks is compared as text


def _fits(kind: str, value: str, country: str) -> bool:
    """Whether the secondary field accepts the value as the sheet would (a phone is read in
    the kept card's country)."""
    return is_email(value) if kind == "email" else bool(phone_key(value, country or "FR"))


def tables_referring_to_contacts() -> list[tuple[Table, str]]:
    """Every (table, column) with a foreign key to contacts.id, as the models declare them."""
    found = []
    for table in metadata.sorted_tables:
        if table.name in _NOT_REPOINTED:
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "contacts" and fk.column.name == "id":
                found.append((table, fk.parent.name))
    return found


def _repoint(session: Session, absorb_id: int, keep_id: int) -> list[dict[str, Any]]:
    journal: list[dict[str, Any]] = []
    for table, column in tables_referring_to_contacts():
        col = table.c[column]
        keys = list(table.primary_key.columns)
        try:
            if len(keys) == 1 and keys[0].name != column:
                ids = list(session.scalars(select(keys[0]).where(col == absorb_id)))
                if ids:
                    session.execute(update(table).where(keys[0].in_(ids)).values({column: keep_id}))
                    journal.append({"table": table.name, "column": column, "key": keys[0].name, "ids": ids})
            else:
                journal_entry = _repoint_link_rows(session, table, column, absorb_id, keep_id)
                if journal_entry:
                    journal.append(journal_entry)
        except IntegrityError as exc:
            raise UserError(
                _(
                    "Fusion impossible : les deux contacts ont chacun des données « {table} » qui ne peuvent "
                    "pas être réunies. Rien n'a été modifié.",
                    table=table.name,
                )
            ) from exc
    return journal


def _repoint_link_rows(session: Session, table: Table, column: str, absorb_id: int, keep_id: int) -> dict[str, Any]:
    """Link rows (composite keys, e.g. contact_tags): copy them to the kept contact unless it
    already has the same link, then drop the absorbed contact's."""
    col = table.c[column]
    rows = [dict(r._mapping) for r in session.execute(select(table).where(col == absorb_id))]
    if not rows:
        return {}
    have = {_row_key(table, dict(r._mapping), column) for r in session.execute(select(table).where(col == keep_id))}
    inserted = [{**row, column: keep_id} for row in rows if _row_key(table, row, column) not in have]
    session.execute(delete(table).where(col == absorb_id))
    if inserted:
        session.execute(insert(table), inserted)
    return {
        "table": table.name,
        "column": column,
        "rows": [_jsonable_row(r) for r in rows],
        "inserted": [_jsonable_row(r) for r in inserted],
    }


def _row_key(table: Table, row: dict[str, Any], column: str) -> tuple[Any, ...]:
    return tuple(row[k.name] for k in table.primary_key.columns if k.name != column)


def _repoint_back(session: Session, entries: list[dict[str, Any]], absorb_id: int) -> None:
    for entry in entries:
        table = metadata.tables[entry["table"]]
        column = entry["column"]
        if "ids" in entry:
            key = table.c[entry["key"]]
            session.execute(update(table).where(key.in_(entry["ids"])).values({column: absorb_id}))
            continue
        for row in entry["inserted"]:
            values = _restore_values(table, row)
            session.execute(delete(table).where(*[table.c[k] == v for k, v in values.items()]))
        originals = [_restore_values(table, r) for r in entry["rows"]]
        if originals:
            session.execute(insert(table).prefix_with("OR IGNORE"), originals)


# -- snapshots --------------------------------------------------------------------------


def _contact_columns() -> list[str]:
    return [c.name for c in table_of(Contact).columns]


def _snapshot(session: Session, contact_id: int) -> dict[str, Any]:
    session.flush()
    row = session.execute(select(table_of(Contact)).where(table_of(Contact).c.id == contact_id)).one()
    return _jsonable_row(dict(row._mapping))


def _restore(session: Session, contact_id: int, snapshot: dict[str, Any]) -> None:
    table = table_of(Contact)
    values = _restore_values(table, snapshot)
    values.pop("id", None)
    # The version too: the row is again exactly what a sheet read at that version, and a
    # sheet opened after the merge (a later version) is refused, as it should be.
    session.execute(update(table).where(table.c.id == contact_id).values(**values))


def _jsonable_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime | date) else v) for k, v in row.items()}


def _restore_values(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in row.items():
        if name not in table.c:
            continue
        python_type = _python_type(table, name)
        if isinstance(value, str) and python_type is datetime:
            values[name] = datetime.fromisoformat(value)
        elif isinstance(value, str) and python_type is date:
            values[name] = date.fromisoformat(value)
        else:
            values[name] = value
    return values


def _python_type(table: Table, name: str) -> type | None:
    column_type = table.c[name].type
    # A TypeDecorator (UTCDateTime) says "object": its stored type is the one that counts.
    column_type = getattr(column_type, "impl_instance", column_type)
    try:
        return column_type.python_type
    except NotImplementedError:
        return None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _merge_record(merge: ContactMerge, absorbed: dict[str, Any]) -> MergeRecord:
    name = (
        display_name(
            absorbed.get("kind", "person"),
            absorbed.get("first_name", ""),
            absorbed.get("last_name", ""),
            absorbed.get("organisation", ""),
            absorbed.get("email", ""),
        )
        if absorbed
        else _("Contact effacé")
    )
    return MergeRecord(
        id=merge.id,
        kept_id=merge.kept_id,
        absorbed_id=merge.absorbed_id,
        absorbed_name=name,
        merged_at=merge.merged_at,
        merged_by=merge.merged_by,
        undone_at=merge.undone_at,
        undone_by=merge.undone_by,
        can_undo=merge.undone_at is None and merge.purged_at is None,
    )


def describe_fields(fields: Sequence[str]) -> str:
    """French list of field labels ("Prénom, E-mail") for a confirmation message."""
    return ", ".join(contact_field_label(f) for f in fields)
