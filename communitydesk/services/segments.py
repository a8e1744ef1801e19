"""Segments: saved contact filters ("Proches à relancer", "Bénévoles Lyon"...).

A segment resolves to a :class:`ContactFilter`, which ``contact_search.count/page/ids_for``
take as they are: the contacts list, campaigns, the editorial calendar and PDF exports all
read the same people.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError(_("Donnez un nom au segment."), field="name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(
            _("Le nom d'un segment ne peut dépasser {limit} caractères.", limit=MAX_NAME_LENGTH), field="name"
        )
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


def delete_segment(store: Store, actor: Actor, segment_id: int) -> None:
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        session.delete(_load(session, segment_id))


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
