"""Editorial calendar: the ligne éditoriale, and publications from idée to publiée.

Each public function takes the open ``Database`` (or the caller's ``Session``, to fold
several calls into one transaction, as an import does) and the acting ``Actor``, checks
the right first, runs in one transaction and hands back plain records.

A publication's status moves only along ``rules.editorial.TRANSITIONS``; every move is
kept (who, when) in ``publication_status_changes``. Leaving « à valider » is the
approver's decision (``Action.APPROVE_PUBLICATIONS``), and reaching « prête » from there
records who approved and when. A publication without a day is an idea in the backlog.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from datetime import time as clock
from enum import Enum
from typing import Final

from sqlalchemy import Select, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from communitydesk import formatting
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _, current_language
from communitydesk.models.base import utcnow
from communitydesk.models.campaigns import Campaign
from communitydesk.models.contacts import Contact
from communitydesk.models.editorial import (
    EditorialLine,
    EditorialNetwork,
    EditorialPillar,
    FollowerCount,
    Publication,
    PublicationNetwork,
    PublicationStatusChange,
)
from communitydesk.models.segments import Segment
from communitydesk.records.editorial import (
    CalendarContext,
    EditorialLineRecord,
    FollowerCountRecord,
    NetworkResult,
    NetworkTarget,
    PillarRecord,
    PublicationDraft,
    PublicationFilter,
    PublicationRecord,
    StatusChangeRecord,
)
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.editorial import TRANSITIONS, Network, PublicationStatus, can_move, needs_approval
from communitydesk.services.ambassadors import commercially_tied_contact_ids
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work

LINE_ID = 1  # the one row of editorial_line
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LIMITS = {"title": 300, "author": 100, "link": 500}
MAX_PILLAR_NAME = 100
MAX_TARGET_WEEKS = 52
_Status = PublicationStatus


class _Keep(Enum):
    TIME = "keep"


KEEP_TIME: Final = _Keep.TIME  # reschedule: the post keeps its hour on the new day


# ---------------------------------------------------------------- ligne éditoriale


def editorial_line(store: Store, actor: Actor) -> EditorialLineRecord:
    """The ligne éditoriale; on a new base, empty defaults (no pillar, every network inactive), nothing written."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        return _line_record(session)


def save_editorial_line(store: Store, actor: Actor, record: EditorialLineRecord) -> EditorialLineRecord:
    """Save the line's own fields and every network target it holds, in one transaction.

    Pillars are not written here (``save_pillar``, ``archive_pillar``). A ``version_id`` other
    than the stored line's is refused with a ConflictError (None: read before any line was saved,
    no check).
    """
    require(actor, Action.EDIT_PUBLICATIONS)
    circles = _clean_circles(record.target_circles)
    targets = [_clean_target(target) for target in record.networks]
    with unit_of_work(store, _("l'enregistrement de la ligne éditoriale")) as session:
        _check_segment(session, record.target_segment_id)
        line = session.get(EditorialLine, LINE_ID)
        if line is None:
            line = EditorialLine(id=LINE_ID)
            session.add(line)
        elif record.version_id is not None and line.version_id != record.version_id:
            raise ConflictError(
                _(
                    "La ligne éditoriale a été modifiée par ailleurs depuis que vous l'avez ouverte ; "
                    "rouvrez-la pour voir ses nouvelles valeurs. Rien n'a été enregistré."
                )
            )
        line.tone = record.tone.strip()
        line.target_circles = ",".join(circles)
        line.target_segment_id = record.target_segment_id
        line.visual_identity = record.visual_identity.strip()
        line.notes = record.notes.strip()
        line.updated_at = utcnow()  # a change of targets alone still bumps the line's version
        for target in targets:
            _write_target(session, target)
        _flush_or_conflict(
            session,
            _("La ligne éditoriale a été modifiée par ailleurs pendant l'enregistrement. Rien n'a été enregistré."),
        )
        return _line_record(session)


def save_network_target(store: Store, actor: Actor, target: NetworkTarget) -> NetworkTarget:
    """Whether a network is used, and its regularity target (``target_count`` every ``target_weeks`` weeks)."""
    require(actor, Action.EDIT_PUBLICATIONS)
    clean = _clean_target(target)
    with unit_of_work(store) as session:
        _write_target(session, clean)
        session.flush()
    return clean


def save_pillar(store: Store, actor: Actor, pillar: PillarRecord) -> int:
    """Create (``id=None``) or update a pillar; its id. A name already taken (accents and case ignored) is refused."""
    require(actor, Action.EDIT_PUBLICATIONS)
    name = " ".join(pillar.name.split())
    if not name:
        raise ValidationError(_("Donnez un nom au pilier."), field="name")
    if len(name) > MAX_PILLAR_NAME:
        raise ValidationError(
            _("Le nom d'un pilier ne peut dépasser {limit} caractères.", limit=MAX_PILLAR_NAME), field="name"
        )
    if not _COLOUR.match(pillar.colour):
        raise ValidationError(
            _("La couleur « {value} » doit s'écrire #rrvvbb (par exemple #4c72b0).", value=pillar.colour),
            field="colour",
        )
    circles = _clean_circles(pillar.target_circles)
    with unit_of_work(store) as session:
        for other_id, other_name, other_archived in session.execute(
            select(EditorialPillar.id, EditorialPillar.name, EditorialPillar.archived)
        ):
            if other_id != pillar.id and fold(other_name) == fold(name):
                if other_archived:
                    raise ValidationError(
                        _("Un pilier archivé s'appelle déjà « {name} » : rétablissez-le plutôt.", name=other_name),
                        field="name",
                    )
                raise ValidationError(_("Un pilier s'appelle déjà « {name} ».", name=other_name), field="name")
        if pillar.id is None:
            last = session.scalar(select(func.max(EditorialPillar.position)))
            row = EditorialPillar(position=(last or 0) + 1)
            session.add(row)
        else:
            row = _load_pillar(session, pillar.id)
        row.name = name
        row.colour = pillar.colour.lower()
        row.description = pillar.description.strip()
        row.target_circles = ",".join(circles)
        row.archived = pillar.archived
        try:
            session.flush()
        except IntegrityError as exc:  # the same name saved meanwhile by another program
            raise ValidationError(_("Un pilier s'appelle déjà « {name} ».", name=name), field="name") from exc
        return row.id


def archive_pillar(store: Store, actor: Actor, pillar_id: int, archived: bool = True) -> None:
    """Archive a pillar (its posts keep their colour; new posts no longer offer it), or bring it back."""
    require(actor, Action.EDIT_PUBLICATIONS)
    with unit_of_work(store) as session:
        _load_pillar(session, pillar_id).archived = archived


def save_follower_count(store: Store, actor: Actor, network: str, day: date, followers: int) -> None:
    """How many follow the organisation on ``network`` on ``day``; a second count that day replaces the first."""
    require(actor, Action.EDIT_PUBLICATIONS)
    slug = _network(network)
    if followers < 0:
        raise ValidationError(_("Le nombre d'abonnés ne peut pas être négatif."), field="followers")
    if day > formatting.local_today():
        raise ValidationError(_("Un nombre d'abonnés se relève au plus tard aujourd'hui."), field="measured_on")
    with unit_of_work(store) as session:
        row = session.scalars(
            select(FollowerCount).where(FollowerCount.network == slug, FollowerCount.measured_on == day)
        ).first()
        if row is None:
            session.add(FollowerCount(network=slug, measured_on=day, followers=followers))
        else:
            row.followers = followers


def follower_counts(store: Store, actor: Actor, network: str | None = None) -> list[FollowerCountRecord]:
    """The follower counts kept, by network then day."""
    require(actor, Action.READ_FIGURES)
    query = select(FollowerCount).order_by(FollowerCount.network, FollowerCount.measured_on)
    if network is not None:
        query = query.where(FollowerCount.network == _network(network))
    with snapshot(store) as session:
        return [FollowerCountRecord(r.network, r.measured_on, r.followers) for r in session.scalars(query)]


# ---------------------------------------------------------------- publications: writes


def create_publication(store: Store, actor: Actor, draft: PublicationDraft) -> int:
    """A new publication (an idea when it has no day); its id. Its first status is recorded too.

    Creating one already « prête » or « publiée » (an import of a team's plan) takes the
    right to approve.
    """
    require(actor, Action.EDIT_PUBLICATIONS)
    with unit_of_work(store, _("l'enregistrement d'une publication")) as session:
        clean = _clean_draft(session, draft)
        status = _Status(clean.status)
        if status in (_Status.PRETE, _Status.PUBLIEE):
            require(actor, Action.APPROVE_PUBLICATIONS)
        row = Publication()
        _apply(row, clean)
        row.status = status.value
        if status is _Status.PUBLIEE:
            row.published_at = _publication_moment(clean.planned_on, clean.planned_time)
        _dated_if_published(row)
        row.status_changes.append(PublicationStatusChange(from_status=None, to_status=status, changed_by=actor.name))
        session.add(row)
        session.flush()
        return row.id


def update_publication(
    store: Store, actor: Actor, publication_id: int, draft: PublicationDraft, expected_version: int | None = None
) -> PublicationRecord:
    """Save edited fields if nobody saved the post since ``expected_version`` was read (else ConflictError).

    A different ``draft.status`` is a move, checked and recorded as ``move_status`` does.
    """
    require(actor, Action.EDIT_PUBLICATIONS)
    with unit_of_work(store, _("l'enregistrement d'une publication")) as session:
        row = _load(session, publication_id)
        _check_version(row, expected_version)
        clean = _clean_draft(session, draft)
        _apply(row, clean)
        _move(actor, row, clean.status)
        _dated_if_published(row)
        row.updated_at = utcnow()  # a change of networks alone still bumps the version
        return _saved_record(session, row)


def move_status(
    store: Store, actor: Actor, publication_id: int, new_status: str, expected_version: int | None = None
) -> PublicationRecord:
    """Move a post to another status; ValidationError naming both statuses when the move is not allowed."""
    require(actor, Action.EDIT_PUBLICATIONS)
    with unit_of_work(store, _("l'enregistrement d'une publication")) as session:
        row = _load(session, publication_id)
        _check_version(row, expected_version)
        _move(actor, row, new_status)
        return _saved_record(session, row)


def reschedule(
    store: Store,
    actor: Actor,
    publication_id: int,
    day: date | None,
    time: clock | _Keep | None = KEEP_TIME,
    expected_version: int | None = None,
) -> PublicationRecord:
    """Put a post on ``day`` (keeping its hour unless ``time`` is given), or back in the ideas backlog (None).

    A published post keeps its day: drag and drop must not rewrite history.
    """
    require(actor, Action.EDIT_PUBLICATIONS)
    with unit_of_work(store, _("l'enregistrement d'une publication")) as session:
        row = _load(session, publication_id)
        _check_version(row, expected_version)
        if row.status == _Status.PUBLIEE.value and day != row.planned_on:
            raise ValidationError(
                _("« {title} » est déjà publiée : sa date ne change plus.", title=_title(row)), field="planned_on"
            )
        row.planned_on = day
        if day is None:
            row.planned_time = None
        elif not isinstance(time, _Keep):
            row.planned_time = time
        return _saved_record(session, row)


def delete_publication(store: Store, actor: Actor, publication_id: int) -> None:
    """Delete a post with its results and history; an unknown id is already gone."""
    require(actor, Action.EDIT_PUBLICATIONS)
    with unit_of_work(store) as session:
        row = session.get(Publication, publication_id)
        if row is not None:
            session.delete(row)


def save_results(
    store: Store,
    actor: Actor,
    publication_id: int,
    network: str,
    views: int | None,
    reactions: int | None,
    comments: int | None,
    shares: int | None,
    measured_on: date | None = None,
) -> PublicationRecord:
    """What a published post gathered on one of its networks (None: not measured), read on ``measured_on`` (today)."""
    require(actor, Action.EDIT_PUBLICATIONS)
    slug = _network(network)
    figures = {"views": views, "reactions": reactions, "comments": comments, "shares": shares}
    for field, value in figures.items():
        if value is not None and value < 0:
            raise ValidationError(_("Les résultats ne peuvent pas être négatifs."), field=field)
    today = formatting.local_today()
    day = measured_on or today
    if day > today:
        raise ValidationError(_("Des résultats se relèvent au plus tard aujourd'hui."), field="measured_on")
    with unit_of_work(store, _("l'enregistrement d'une publication")) as session:
        row = _load(session, publication_id)
        if row.status != _Status.PUBLIEE.value:
            raise ValidationError(
                _(
                    "« {title} » n'est pas encore publiée : ses résultats se saisissent après publication.",
                    title=_title(row),
                ),
                field="status",
            )
        link = next((n for n in row.networks if n.network == slug), None)
        if link is None:
            raise ValidationError(
                _("« {title} » n'est pas prévue sur {network}.", title=_title(row), network=Network(slug).label()),
                field="network",
            )
        link.views, link.reactions, link.comments, link.shares = views, reactions, comments, shares
        link.measured_on = day
        return _saved_record(session, row)


# ---------------------------------------------------------------- publications: reads


def publication(store: Store, actor: Actor, publication_id: int) -> PublicationRecord:
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        row = _load(session, publication_id)
        return _record(row, _pillars(session))


def status_history(store: Store, actor: Actor, publication_id: int) -> list[StatusChangeRecord]:
    """Every move of a post, oldest first: who approved it, who published it, and when."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        return [
            StatusChangeRecord(c.from_status, c.to_status, c.changed_at, c.changed_by)
            for c in _load(session, publication_id).status_changes
        ]


def publications_between(
    store: Store, actor: Actor, start: date, end: date, filter: PublicationFilter | None = None
) -> list[PublicationRecord]:
    """The dated posts from ``start`` to ``end`` included, by day then hour (whole-day ones first)."""
    require(actor, Action.READ_FIGURES)
    query = _publications().where(Publication.planned_on.between(start, end))
    query = query.order_by(Publication.planned_on, Publication.planned_time.nulls_first(), Publication.id)
    with snapshot(store) as session:
        return _matching(session, query, filter)


def ideas_backlog(store: Store, actor: Actor, filter: PublicationFilter | None = None) -> list[PublicationRecord]:
    """The posts without a day still to be done (neither abandoned nor published), oldest first."""
    require(actor, Action.READ_FIGURES)
    done = (_Status.ABANDONNEE.value, _Status.PUBLIEE.value)
    query = _publications().where(Publication.planned_on.is_(None), Publication.status.not_in(done))
    with snapshot(store) as session:
        return _matching(session, query.order_by(Publication.id), filter)


def authors(store: Store, actor: Actor) -> list[str]:
    """Every author named on a post, in alphabetical order (for the filter)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        names = session.scalars(select(Publication.author).where(Publication.author != "").distinct())
        return sorted(names, key=fold)


def calendar_context(store: Store, actor: Actor, start: date, end: date) -> list[CalendarContext]:
    """French public holidays and campaign days (preparation, launch, end) from ``start`` to ``end``, by day."""
    require(actor, Action.READ_FIGURES)
    if end < start:
        return []
    found = _public_holidays(start, end)
    with snapshot(store) as session:
        rows = session.execute(
            select(Campaign.name, Campaign.preparation_starts_on, Campaign.starts_on, Campaign.ends_on)
        ).all()
    for name, preparing, starting, ending in rows:
        for day, label in (
            (preparing, _("Préparation de la campagne « {name} »", name=name)),
            (starting, _("Lancement de la campagne « {name} »", name=name)),
            (ending, _("Fin de la campagne « {name} »", name=name)),
        ):
            if day is not None and start <= day <= end:
                found.append(CalendarContext(day, "campaign", label))
    order = {"holiday": 0, "campaign": 1, "event": 2}
    return sorted(found, key=lambda item: (item.day, order[item.kind]))


# ---------------------------------------------------------------- helpers


def _public_holidays(start: date, end: date) -> list[CalendarContext]:
    from holidays.countries.france import France  # ~0.5 s to import: only when a calendar is shown

    language = "fr" if current_language() == "fr" else "en_US"
    days = France(years=range(start.year, end.year + 1), language=language)  # type: ignore[no-untyped-call]
    return [CalendarContext(day, "holiday", str(name)) for day, name in sorted(days.items()) if start <= day <= end]


def _publications() -> Select[Publication]:
    return select(Publication).options(selectinload(Publication.networks))


def _matching(
    session: Session, query: Select[Publication], filter: PublicationFilter | None
) -> list[PublicationRecord]:
    if filter is not None:
        if filter.networks:
            query = query.where(
                exists().where(
                    PublicationNetwork.publication_id == Publication.id,
                    PublicationNetwork.network.in_(filter.networks),
                )
            )
        if filter.statuses:
            query = query.where(Publication.status.in_(filter.statuses))
        if filter.pillar_ids:
            query = query.where(Publication.pillar_id.in_(filter.pillar_ids))
        if filter.authors:
            query = query.where(Publication.author.in_(filter.authors))
    words = fold(filter.text).split() if filter is not None else []
    pillars = _pillars(session)
    records = []
    for row in session.scalars(query):
        if words:
            # Accents and case ignored, which SQLite's LIKE cannot do; a range holds a few hundred posts.
            haystack = fold(f"{row.title} {row.body}")
            if not all(word in haystack for word in words):
                continue
        records.append(_record(row, pillars))
    return records


def _pillars(session: Session) -> dict[int, tuple[str, str]]:
    return {
        pid: (name, colour)
        for pid, name, colour in session.execute(
            select(EditorialPillar.id, EditorialPillar.name, EditorialPillar.colour)
        )
    }


def _record(row: Publication, pillars: dict[int, tuple[str, str]]) -> PublicationRecord:
    pillar_name, pillar_colour = pillars.get(row.pillar_id, ("", "")) if row.pillar_id is not None else ("", "")
    return PublicationRecord(
        id=row.id,
        title=row.title,
        body=row.body,
        networks=_in_network_order(n.network for n in row.networks),
        pillar_id=row.pillar_id,
        pillar_name=pillar_name,
        pillar_colour=pillar_colour,
        target_circle=row.target_circle,
        target_segment_id=row.target_segment_id,
        planned_on=row.planned_on,
        planned_time=row.planned_time,
        author=row.author,
        status=row.status,
        link=row.link,
        attachments=tuple(line for line in row.attachments.splitlines() if line),
        sponsored=row.sponsored,
        commercial_mention=row.commercial_mention,
        partner_contact_id=row.partner_contact_id,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        published_at=row.published_at,
        version_id=row.version_id,
        results=tuple(
            NetworkResult(n.network, n.views, n.reactions, n.comments, n.shares, n.measured_on)
            for n in sorted(row.networks, key=lambda n: _network_rank(n.network))
        ),
        warnings=_warnings(row),
    )


def _warnings(row: Publication) -> tuple[str, ...]:
    if (row.sponsored or _tied_partner(row)) and not row.commercial_mention:
        return (
            _(
                "Publication rémunérée ou offerte sans la mention « collaboration commerciale » : "
                "la loi du 9 juin 2023 l'impose."
            ),
        )
    return ()


def _tied_partner(row: Publication) -> bool:
    """Published by a paid or employed ambassador, or one who received a reward."""
    session = object_session(row)
    return bool(row.partner_contact_id and session and row.partner_contact_id in commercially_tied_contact_ids(session))


def _saved_record(session: Session, row: Publication) -> PublicationRecord:
    _flush_or_conflict(
        session, _("Cette publication a été modifiée par ailleurs pendant l'enregistrement. Rien n'a été enregistré.")
    )
    return _record(row, _pillars(session))


def _flush_or_conflict(session: Session, message: str) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(message) from exc


def _load(session: Session, publication_id: int) -> Publication:
    row = session.get(Publication, publication_id)
    if row is None:
        raise UserError(_("La publication n° {id} n'existe pas (ou plus).", id=publication_id))
    return row


def _load_pillar(session: Session, pillar_id: int) -> EditorialPillar:
    row = session.get(EditorialPillar, pillar_id)
    if row is None:
        raise UserError(_("Le pilier n° {id} n'existe pas (ou plus).", id=pillar_id))
    return row


def _check_version(row: Publication, expected_version: int | None) -> None:
    if expected_version is not None and row.version_id != expected_version:
        raise ConflictError(
            _(
                "« {title} » a été modifiée par ailleurs depuis que vous l'avez ouverte ; "
                "rouvrez-la pour voir ses nouvelles valeurs. Rien n'a été enregistré.",
                title=_title(row),
            )
        )


def _title(row: Publication) -> str:
    if row.title:
        return row.title
    first_line = row.body.strip().splitlines()[0] if row.body.strip() else ""
    return first_line[:60] or _("Publication n° {id}", id=row.id)


def _move(actor: Actor, row: Publication, new_status: str) -> None:
    """Check and apply a status move, with its history line; the same status is no move."""
    new = _status(new_status)
    old = _Status(row.status)
    if new is old:
        return
    if not can_move(old, new):
        allowed = [_("« {status} »", status=status.label()) for status in _Status if status in TRANSITIONS[old]]
        raise ValidationError(
            _(
                "Une publication « {old} » ne peut pas passer à « {new} ». "
                "Depuis « {old} », elle peut passer à : {allowed}.",
                old=old.label(),
                new=new.label(),
                allowed=", ".join(allowed),
            ),
            field="status",
        )
    if needs_approval(old, new):
        require(actor, Action.APPROVE_PUBLICATIONS)
    now = utcnow()
    if old is _Status.A_VALIDER and new is _Status.PRETE:
        row.approved_by, row.approved_at = actor.name, now
    elif new in (_Status.IDEE, _Status.A_REDIGER, _Status.A_VALIDER):
        # Back to writing: what was approved is no longer what will be published.
        row.approved_by, row.approved_at = None, None
    if new is _Status.PUBLIEE:
        row.published_at = now
    elif old is _Status.PUBLIEE:
        row.published_at = None
    row.status = new.value
    _dated_if_published(row)
    row.status_changes.append(
        PublicationStatusChange(from_status=old.value, to_status=new.value, changed_by=actor.name)
    )


def _dated_if_published(row: Publication) -> None:
    """A published post stays on the calendar: undated, it is put on the day it went out."""
    if row.status == _Status.PUBLIEE.value and row.planned_on is None:
        went_out = row.published_at or utcnow()
        row.planned_on = formatting.to_local(went_out).date()


def _publication_moment(day: date | None, hour: clock | None) -> datetime:
    """When a post created as published went out: its planned moment (noon for a whole day), never after now."""
    now = utcnow()
    if day is None:
        return now
    local = datetime.combine(day, hour or clock(12, 0), tzinfo=formatting.PARIS)
    return min(local.astimezone(UTC), now)


def _status(value: str) -> PublicationStatus:
    try:
        return _Status(value)
    except ValueError:
        raise ValidationError(_("Statut de publication inconnu : « {value} ».", value=value), field="status") from None


def _network(value: str) -> str:
    try:
        return Network(value).value
    except ValueError:
        raise ValidationError(_("Réseau inconnu : « {value} ».", value=value), field="network") from None


def _network_rank(slug: str) -> int:
    order = [n.value for n in Network]
    return order.index(slug) if slug in order else len(order)


def _in_network_order(slugs: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(slugs), key=_network_rank))


def _clean_circles(values: Sequence[str]) -> tuple[str, ...]:
    known = [c.value for c in Circle]
    for value in values:
        if value not in known:
            raise ValidationError(_("Le cercle « {circle} » est inconnu.", circle=value), field="target_circles")
    return tuple(c for c in known if c in values)


def _check_segment(session: Session, segment_id: int | None) -> None:
    if segment_id is not None and session.get(Segment, segment_id) is None:
        raise ValidationError(_("Ce segment n'existe pas (ou plus)."), field="target_segment_id")


def _clean_draft(session: Session, draft: PublicationDraft) -> PublicationDraft:
    clean = replace(
        draft,
        title=" ".join(draft.title.split()),
        body=draft.body.strip(),
        author=" ".join(draft.author.split()),
        link=draft.link.strip(),
        networks=_in_network_order(_network(n) for n in draft.networks),
        attachments=tuple(a.strip() for a in draft.attachments if a.strip()),
    )
    if not clean.title and not clean.body:
        raise ValidationError(_("Donnez un titre ou un texte à la publication."), field="title")
    for field, limit in _LIMITS.items():
        if len(getattr(clean, field)) > limit:
            raise ValidationError(
                _("Ce champ ne peut dépasser {limit} caractères.", limit=limit),
                field=field,
            )
    _status(clean.status)
    if clean.planned_time is not None and clean.planned_on is None:
        raise ValidationError(_("Une heure de publication demande aussi un jour."), field="planned_time")
    if clean.target_circle is not None and clean.target_circle not in {c.value for c in Circle}:
        raise ValidationError(
            _("Le cercle « {circle} » est inconnu.", circle=clean.target_circle), field="target_circle"
        )
    if clean.pillar_id is not None and session.get(EditorialPillar, clean.pillar_id) is None:
        raise ValidationError(_("Ce pilier n'existe pas (ou plus)."), field="pillar_id")
    _check_segment(session, clean.target_segment_id)
    if clean.partner_contact_id is not None and session.get(Contact, clean.partner_contact_id) is None:
        raise ValidationError(_("Ce contact n'existe pas (ou plus)."), field="partner_contact_id")
    return clean


def _apply(row: Publication, draft: PublicationDraft) -> None:
    """Write the edited fields (not the status: see ``_move``); a network kept keeps its results."""
    row.title, row.body, row.author, row.link = draft.title, draft.body, draft.author, draft.link
    row.pillar_id, row.target_circle, row.target_segment_id = (
        draft.pillar_id,
        draft.target_circle,
        draft.target_segment_id,
    )
    row.planned_on, row.planned_time = draft.planned_on, draft.planned_time
    row.attachments = "\n".join(draft.attachments)
    row.sponsored, row.commercial_mention = draft.sponsored, draft.commercial_mention
    row.partner_contact_id = draft.partner_contact_id
    kept = [n for n in row.networks if n.network in draft.networks]
    present = {n.network for n in kept}
    row.networks = kept + [PublicationNetwork(network=slug) for slug in draft.networks if slug not in present]


def _clean_target(target: NetworkTarget) -> NetworkTarget:
    slug = _network(target.network)
    if target.target_count < 0:
        raise ValidationError(_("L'objectif de publications ne peut pas être négatif."), field="target_count")
    if not 1 <= target.target_weeks <= MAX_TARGET_WEEKS:
        raise ValidationError(
            _("La période de l'objectif va de 1 à {limit} semaines.", limit=MAX_TARGET_WEEKS), field="target_weeks"
        )
    url = target.account_url.strip()
    if len(url) > 500:
        raise ValidationError(_("Ce champ ne peut dépasser {limit} caractères.", limit=500), field="account_url")
    return NetworkTarget(slug, bool(target.active), int(target.target_count), int(target.target_weeks), url)


def _write_target(session: Session, target: NetworkTarget) -> None:
    row = session.get(EditorialNetwork, target.network)
    if row is None:
        row = EditorialNetwork(network=target.network)
        session.add(row)
    row.active, row.target_count, row.target_weeks = target.active, target.target_count, target.target_weeks
    row.account_url = target.account_url


def _line_record(session: Session) -> EditorialLineRecord:
    line = session.get(EditorialLine, LINE_ID)
    pillars = session.scalars(
        select(EditorialPillar).order_by(EditorialPillar.archived, EditorialPillar.position, EditorialPillar.id)
    )
    stored = {row.network: row for row in session.scalars(select(EditorialNetwork))}
    networks = []
    for network in Network:
        row = stored.get(network.value)
        networks.append(
            NetworkTarget(network.value)
            if row is None
            else NetworkTarget(network.value, row.active, row.target_count, row.target_weeks, row.account_url)
        )
    return EditorialLineRecord(
        tone=line.tone if line else "",
        target_circles=_split(line.target_circles) if line else (),
        target_segment_id=line.target_segment_id if line else None,
        visual_identity=line.visual_identity if line else "",
        notes=line.notes if line else "",
        pillars=tuple(
            PillarRecord(p.id, p.name, p.colour, p.description, _split(p.target_circles), p.archived) for p in pillars
        ),
        networks=tuple(networks),
        version_id=line.version_id if line else None,
    )


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(",") if part)
