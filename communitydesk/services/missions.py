"""Missions of the ambassador programme: created, assigned, handed in with a proof, validated or refused.

A mission is « à faire » until its ambassador hands it in (« réalisée », with a link or a
file as proof); someone with ``Action.VALIDATE_MISSIONS`` then validates or refuses it, and
who did so and when is kept. Only validated missions earn their points.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from communitydesk import formatting
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.ambassadors import Ambassador, Mission
from communitydesk.models.base import utcnow
from communitydesk.models.contacts import Contact
from communitydesk.records.ambassadors import MissionDraft, MissionFilter, MissionRecord
from communitydesk.rules.ambassadors import MissionKind, MissionStatus
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work

MAX_TITLE = 300
MAX_POINTS = 10_000
_Status = MissionStatus


def create_mission(store: Store, actor: Actor, draft: MissionDraft) -> int:
    """A new mission « à faire », assigned to ``draft.ambassador_id`` or to nobody yet; its id."""
    require(actor, Action.MANAGE_AMBASSADORS)
    with unit_of_work(store, _("la création d'une mission")) as session:
        _check_ambassador(session, draft.ambassador_id)
        row = Mission(status=_Status.A_FAIRE.value)
        _apply(row, _clean(draft))
        session.add(row)
        session.flush()
        return row.id


def update_mission(
    store: Store, actor: Actor, mission_id: int, draft: MissionDraft, expected_version: int | None = None
) -> MissionRecord:
    """Save title, kind, description, points, due day and ambassador (the status moves on its own calls)."""
    require(actor, Action.MANAGE_AMBASSADORS)
    clean = _clean(draft)
    with unit_of_work(store, _("l'enregistrement d'une mission")) as session:
        row = _load(session, mission_id)
        _check_version(row, expected_version)
        _check_ambassador(session, clean.ambassador_id)
        _apply(row, clean)
        return _saved(session, row)


def assign_mission(store: Store, actor: Actor, mission_id: int, ambassador_id: int | None) -> MissionRecord:
    """Give the mission to an ambassador (None: back to nobody). A mission handed in keeps its ambassador."""
    require(actor, Action.MANAGE_AMBASSADORS)
    with unit_of_work(store) as session:
        row = _load(session, mission_id)
        if row.status != _Status.A_FAIRE.value and ambassador_id != row.ambassador_id:
            raise ValidationError(
                _("« {title} » a déjà été réalisée : elle reste à son ambassadeur.", title=row.title),
                field="ambassador_id",
            )
        _check_ambassador(session, ambassador_id)
        row.ambassador_id = ambassador_id
        return _saved(session, row)


def complete_mission(
    store: Store,
    actor: Actor,
    mission_id: int,
    proof_link: str = "",
    proof_file: str = "",
    completed_on: date | None = None,
) -> MissionRecord:
    """The ambassador did it: « réalisée » on ``completed_on`` (today), with a link or a file as proof.

    A refused mission may be handed in again (a better proof)."""
    require(actor, Action.MANAGE_AMBASSADORS)
    link, path = proof_link.strip(), proof_file.strip()
    if len(link) > 500 or len(path) > 500:
        raise ValidationError(_("La preuve est trop longue (500 caractères au plus)."), field="proof_link")
    today = formatting.local_today()
    day = completed_on or today
    if day > today:
        raise ValidationError(_("Une mission ne peut pas être réalisée dans le futur."), field="completed_on")
    with unit_of_work(store, _("l'enregistrement d'une mission réalisée")) as session:
        row = _load(session, mission_id)
        if row.ambassador_id is None:
            raise ValidationError(
                _("Confiez d'abord « {title} » à un ambassadeur.", title=row.title), field="ambassador_id"
            )
        if row.status == _Status.VALIDEE.value:
            raise ValidationError(_("« {title} » est déjà validée.", title=row.title), field="status")
        row.status = _Status.REALISEE.value
        row.completed_on, row.proof_link, row.proof_file = day, link, path
        row.validated_by, row.validated_at = None, None
        return _saved(session, row)


def validate_mission(store: Store, actor: Actor, mission_id: int, accepted: bool) -> MissionRecord:
    """Accept (« validée », its points count) or refuse (« refusée ») a mission handed in; who and when are kept."""
    require(actor, Action.VALIDATE_MISSIONS)
    with unit_of_work(store, _("la validation d'une mission")) as session:
        row = _load(session, mission_id)
        if row.status != _Status.REALISEE.value:
            raise ValidationError(
                _(
                    "« {title} » est « {status} » : seule une mission réalisée peut être validée ou refusée.",
                    title=row.title,
                    status=_Status(row.status).label(),
                ),
                field="status",
            )
        row.status = (_Status.VALIDEE if accepted else _Status.REFUSEE).value
        row.validated_by, row.validated_at = actor.name, utcnow()
        return _saved(session, row)


def reopen_mission(store: Store, actor: Actor, mission_id: int) -> MissionRecord:
    """Back to « à faire » (a proof entered by mistake); its proof and validation are forgotten."""
    require(actor, Action.VALIDATE_MISSIONS)
    with unit_of_work(store) as session:
        row = _load(session, mission_id)
        row.status = _Status.A_FAIRE.value
        row.completed_on, row.proof_link, row.proof_file = None, "", ""
        row.validated_by, row.validated_at = None, None
        return _saved(session, row)


def delete_mission(store: Store, actor: Actor, mission_id: int) -> None:
    require(actor, Action.MANAGE_AMBASSADORS)
    with unit_of_work(store) as session:
        session.delete(_load(session, mission_id))
        session.flush()


def mission(store: Store, actor: Actor, mission_id: int) -> MissionRecord:
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        return mission_records(session, select(Mission).where(Mission.id == _load(session, mission_id).id))[0]


def missions(store: Store, actor: Actor, filter: MissionFilter | None = None) -> list[MissionRecord]:
    """Missions matching ``filter``: those due first (no due day last), then the newest."""
    require(actor, Action.READ_CONTACTS)
    wanted = filter or MissionFilter()
    query = select(Mission)
    if wanted.ambassador_id is not None:
        query = query.where(Mission.ambassador_id == wanted.ambassador_id)
    if wanted.unassigned:
        query = query.where(Mission.ambassador_id.is_(None))
    if wanted.status:
        query = query.where(Mission.status == _status(wanted.status))
    if wanted.kind:
        query = query.where(Mission.kind == _kind(wanted.kind))
    with snapshot(store) as session:
        return mission_records(session, query)


def mission_records(session: Session, query: Select[Mission]) -> list[MissionRecord]:
    """The records of the missions ``query`` selects, with their ambassador's name."""
    ordered = query.order_by(Mission.due_on.is_(None), Mission.due_on, Mission.id.desc())
    rows = session.scalars(ordered).all()
    ids = {r.ambassador_id for r in rows if r.ambassador_id is not None}
    names: dict[int, str] = {}
    if ids:
        pairs = session.execute(
            select(Ambassador.id, Contact)
            .join(Contact, Contact.id == Ambassador.contact_id)
            .where(Ambassador.id.in_(ids))
        )
        names = {i: c.display_name for i, c in pairs}
    return [
        MissionRecord(
            id=r.id,
            title=r.title,
            kind=r.kind,
            description=r.description,
            points=r.points,
            due_on=r.due_on,
            ambassador_id=r.ambassador_id,
            ambassador_name=names.get(r.ambassador_id, "") if r.ambassador_id is not None else "",
            status=r.status,
            completed_on=r.completed_on,
            proof_link=r.proof_link,
            proof_file=r.proof_file,
            validated_by=r.validated_by,
            validated_at=r.validated_at,
            version_id=r.version_id,
        )
        for r in rows
    ]


def _clean(draft: MissionDraft) -> MissionDraft:
    title = " ".join(draft.title.split())
    if not title:
        raise ValidationError(_("Donnez un titre à la mission."), field="title")
    if len(title) > MAX_TITLE:
        raise ValidationError(_("Le titre est trop long ({max} caractères au plus).", max=MAX_TITLE), field="title")
    if not 0 <= draft.points <= MAX_POINTS:
        raise ValidationError(
            _("Les points d'une mission vont de 0 à {max}.", max=formatting.number(MAX_POINTS)), field="points"
        )
    return MissionDraft(
        title=title,
        kind=_kind(draft.kind),
        description=draft.description.strip(),
        points=int(draft.points),
        due_on=draft.due_on,
        ambassador_id=draft.ambassador_id,
    )


def _apply(row: Mission, draft: MissionDraft) -> None:
    row.title, row.kind, row.description = draft.title, draft.kind, draft.description
    row.points, row.due_on, row.ambassador_id = draft.points, draft.due_on, draft.ambassador_id


def _check_ambassador(session: Session, ambassador_id: int | None) -> None:
    if ambassador_id is not None and session.get(Ambassador, ambassador_id) is None:
        raise UserError(_("L'ambassadeur n° {id} n'existe pas (ou plus).", id=ambassador_id))


def _check_version(row: Mission, expected_version: int | None) -> None:
    if expected_version is not None and row.version_id != expected_version:
        raise ConflictError(
            _(
                "« {title} » a été modifiée par ailleurs depuis que vous l'avez ouverte ; "
                "rouvrez-la pour voir ses nouvelles valeurs. Rien n'a été enregistré.",
                title=row.title,
            )
        )


def _saved(session: Session, row: Mission) -> MissionRecord:
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(
            _("Cette mission a été modifiée par ailleurs pendant l'enregistrement. Rien n'a été enregistré.")
        ) from exc
    return mission_records(session, select(Mission).where(Mission.id == row.id))[0]


def _load(session: Session, mission_id: int) -> Mission:
    row = session.get(Mission, mission_id)
    if row is None:
        raise UserError(_("La mission n° {id} n'existe pas (ou plus).", id=mission_id))
    return row


def _kind(value: str) -> str:
    try:
        return MissionKind(value).value
    except ValueError:
        raise ValidationError(_("Sorte de mission inconnue : « {kind} ».", kind=value), field="kind") from None


def _status(value: str) -> str:
    try:
        return MissionStatus(value).value
    except ValueError:
        raise ValidationError(_("Statut de mission inconnu : « {status} ».", status=value), field="status") from None
