"""Segments: saved contact filters ("Proches à relancer", "Bénévoles Lyon"...).

A segment resolves to a :class:`ContactFilter`, which ``contact_search.count/page/ids_for``
take as they are: the contacts list, campaigns, the editorial calendar and PDF exports all
read the same people.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.segments import Segment
from communitydesk.rules.contact_keys import fold
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work
from communitydesk.services.tags import tag_contacts

MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class SegmentRecord:
    id: int
    name: str
    description: str
    filter: ContactFilter
    version_id: int
    updated_at: datetime


def list_segments(store: Store, actor: Actor) -> list[SegmentRecord]:
    """Every saved segment, in alphabetical order."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        segments = [_record(s) for s in session.scalars(select(Segment))]
    return sorted(segments, key=lambda s: fold(s.name))


def get_segment(store: Store, actor: Actor, segment_id: int) -> SegmentRecord:
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        return _record(_load(session, segment_id))


def segment_by_name(store: Store, actor: Actor, name: str) -> SegmentRecord:
    """The segment called ``name`` (case and accents ignored), e.g. for ``--segment`` in the CLI."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        for segment in session.scalars(select(Segment)):
            if fold(segment.name) == fold(name):
                return _record(segment)
    raise UserError(_("Aucun segment ne s'appelle « {name} ».", name=name))


def segment_filter(store: Store, actor: Actor, segment_id: int) -> ContactFilter:
    """The filter a segment stands for, to give to contact_search (or an export, a PDF)."""
    return get_segment(store, actor, segment_id).filter


def save_segment(
    store: Store,
    actor: Actor,
    name: str,
    filters: ContactFilter,
    description: str = "",
    segment_id: int | None = None,
    expected_version: int | None = None,
) -> SegmentRecord:
    """Create a segment, or update ``segment_id`` (refused if changed since ``expected_version``)."""
    require(actor, Action.EDIT_CONTACTS)
    cleaned = _valid_name(name)
    with unit_of_work(store) as session:
        _check_unique(session, cleaned, segment_id)
        if segment_id is None:
            segment = Segment(name=cleaned)
            session.add(segment)
        else:
            segment = _load(session, segment_id)
            if expected_version is not None and segment.version_id != expected_version:
                raise ConflictError(_("Ce segment a été modifié par ailleurs. Rien n'a été enregistré."))
        segment.name = cleaned
        segment.description = description.strip()
        segment.criteria = json.dumps(filters.to_json(), ensure_ascii=False)
        try:
            session.flush()
        except IntegrityError as exc:  # a same-named segment saved meanwhile
            raise ValidationError(_("Un segment s'appelle déjà « {name} ».", name=cleaned), field="name") from exc
        return _record(segment)


def rename_segment(store: Store, actor: Actor, segment_id: int, new_name: str) -> SegmentRecord:
    """Give a segment another name; its filter is unchanged."""
    require(actor, Action.EDIT_CONTACTS)
    cleaned = _valid_name(new_name)
    with unit_of_work(store) as session:
        _check_unique(session, cleaned, segment_id)
        segment = _load(session, segment_id)
        segment.name = cleaned
        session.flush()
        return _record(segment)


def merge_segments(store: Store, actor: Actor, segment_ids: Sequence[int], into_id: int) -> SegmentRecord:
    """Fold segments into ``into_id``: it then keeps the contacts of each (one filter).

    A filter keeps a contact when every criterion holds, circles and tags matching any of
    their values: segments that differ only by their circles, or only by their tags, merge
    into the union of those; others cannot be written as one filter and are refused.
    """
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        into = _load(session, into_id)
        merged = _record(into).filter
        others = [_load(session, i) for i in dict.fromkeys(segment_ids) if i != into_id]
        for other in others:
            merged = _union(merged, _record(other).filter, other.name, into.name)
        into.criteria = json.dumps(merged.to_json(), ensure_ascii=False)
        for other in others:
            session.delete(other)
        session.flush()
        return _record(into)


def add_contacts_to_segment(store: Store, actor: Actor, segment_id: int, contact_ids: Sequence[int]) -> int:
    """Add hand-picked contacts to a segment through its tag: a segment is a saved filter, so a
    hand-made list is a segment on one tag (« Invités du 12 mai » keeps the tag « Invités du
    12 mai »). Returns how many contacts got the tag; a segment defined by anything but
    tags is refused (the contacts would not show in it)."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        segment = _record(_load(session, segment_id))
        tags_only = ContactFilter(tags=segment.filter.tags)
        if not segment.filter.tags or segment.filter != tags_only:
            raise UserError(
                _(
                    "Le segment « {name} » garde les contacts selon d'autres critères que leurs tags "
                    "({criteria}) : on ne peut pas y ajouter des contacts choisis un à un. Créez plutôt "
                    "un nouveau segment pour cette sélection.",
                    name=segment.name,
                    criteria=segment.filter.describe(),
                )
            )
        return tag_contacts(session, actor, contact_ids, segment.filter.tags[0])


def segment_of_contacts(store: Store, actor: Actor, name: str, contact_ids: Sequence[int]) -> SegmentRecord:
    """A new segment holding hand-picked contacts: a tag of the same name on them, and the
    segment keeping that tag. One transaction."""
    require(actor, Action.EDIT_CONTACTS)
    cleaned = _valid_name(name)
    with unit_of_work(store) as session:
        _check_unique(session, cleaned, None)
        tag_contacts(session, actor, contact_ids, cleaned)
        return save_segment(session, actor, cleaned, ContactFilter(tags=(cleaned,)))


def delete_segment(store: Store, actor: Actor, segment_id: int) -> None:
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        session.delete(_load(session, segment_id))


def _valid_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError(_("Donnez un nom au segment."), field="name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(
            _("Le nom d'un segment ne peut dépasser {limit} caractères.", limit=MAX_NAME_LENGTH), field="name"
        )
    return cleaned


def _union(kept: ContactFilter, other: ContactFilter, other_name: str, kept_name: str) -> ContactFilter:
    """One filter keeping the contacts of both, or a ValidationError saying why there is none."""
    if kept == other:
        return kept
    # An empty list of circles or tags does not filter: the union of it with any is empty too.
    if replace(kept, circles=()) == replace(other, circles=()):
        both = kept.circles and other.circles
        return replace(kept, circles=tuple(dict.fromkeys((*kept.circles, *other.circles))) if both else ())
    if replace(kept, tags=()) == replace(other, tags=()):
        if not (kept.tags and other.tags):
            return replace(kept, tags=())
        names: dict[str, str] = {}
        for tag in (*kept.tags, *other.tags):
            names.setdefault(fold(tag), tag)
        return replace(kept, tags=tuple(names.values()))
    raise ValidationError(
        _(
            "« {other} » et « {kept} » ne peuvent pas être fusionnés : un segment est un seul filtre, "
            "et les leurs diffèrent par autre chose que leurs cercles ou leurs tags.",
            other=other_name,
            kept=kept_name,
        ),
        field="segment",
    )


def _check_unique(session: Session, name: str, segment_id: int | None) -> None:
    for other_id, other in session.execute(select(Segment.id, Segment.name)):
        if other_id != segment_id and fold(other) == fold(name):
            raise ValidationError(_("Un segment s'appelle déjà « {name} ».", name=other), field="name")


def _load(session: Session, segment_id: int) -> Segment:
    segment = session.get(Segment, segment_id)
    if segment is None:
        raise UserError(_("Ce segment n'existe pas (ou plus)."))
    return segment


def _record(segment: Segment) -> SegmentRecord:
    try:
        criteria = json.loads(segment.criteria or "{}")
    except ValueError:
        criteria = {}
    return SegmentRecord(
        id=segment.id,
        name=segment.name,
        description=segment.description,
        filter=ContactFilter.from_json(criteria if isinstance(criteria, dict) else {}),
        version_id=segment.version_id,
        updated_at=segment.updated_at,
    )
