"""The ambassadors' charter: versions published over time, and who signed which.

A new version never changes an older one: ambassadors who signed an older version (or
none) while welcomed or active must sign again (``must_resign``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from communitydesk import formatting
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.ambassadors import Ambassador, AmbassadorCharter, CharterSignature
from communitydesk.models.contacts import Contact
from communitydesk.models.organisation import AppSetting
from communitydesk.records.ambassadors import AmbassadorRow, CharterRecord
from communitydesk.rules.ambassadors import SignatureMethod, Stage, default_charter
from communitydesk.services.ambassadors import DEFAULTS_KEY, ambassador_rows, ensure_defaults
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work

MAX_TITLE = 200


def charters(store: Store, actor: Actor) -> list[CharterRecord]:
    """Every version, the latest first (version 1 unsaved on a base whose programme has not started)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        rows = session.scalars(select(AmbassadorCharter).order_by(AmbassadorCharter.version.desc())).all()
        if not rows and session.get(AppSetting, DEFAULTS_KEY) is None:
            title, ours, theirs = default_charter()
            return [CharterRecord(0, 1, title, ours, theirs, formatting.local_today())]
        return [_record(r) for r in rows]


def publish_charter_version(
    store: Store,
    actor: Actor,
    title: str,
    ambassador_commitments: str | list[str] | tuple[str, ...],
    organisation_commitments: str | list[str] | tuple[str, ...],
) -> int:
    """Publish the next version today (commitments one per line); its id."""
    require(actor, Action.MANAGE_AMBASSADORS)
    name = " ".join(title.split())
    if not name:
        raise ValidationError(_("Donnez un titre à la charte."), field="title")
    if len(name) > MAX_TITLE:
        raise ValidationError(_("Le titre est trop long ({max} caractères au plus).", max=MAX_TITLE), field="title")
    ours, theirs = _lines(ambassador_commitments), _lines(organisation_commitments)
    if not ours or not theirs:
        raise ValidationError(
            _("Une charte engage les deux côtés : écrivez au moins un engagement de chaque côté."),
            field="ambassador_commitments" if not ours else "organisation_commitments",
        )
    with unit_of_work(store, _("la publication d'une charte")) as session:
        ensure_defaults(session)
        version = (session.scalar(select(func.max(AmbassadorCharter.version))) or 0) + 1
        row = AmbassadorCharter(
            version=version,
            title=name,
            ambassador_commitments="\n".join(ours),
            organisation_commitments="\n".join(theirs),
            published_on=formatting.local_today(),
        )
        session.add(row)
        session.flush()
        return row.id


def sign_charter(
    store: Store,
    actor: Actor,
    ambassador_id: int,
    charter_id: int,
    signed_on: date | None = None,
    method: str = SignatureMethod.PAPIER.value,
) -> None:
    """Keep that the ambassador signed this version, on which day and how."""
    require(actor, Action.MANAGE_AMBASSADORS)
    try:
        how = SignatureMethod(method).value
    except ValueError:
        raise ValidationError(_("Mode de signature inconnu : « {method} ».", method=method), field="method") from None
    today = formatting.local_today()
    day = signed_on or today
    if day > today:
        raise ValidationError(_("Une signature ne peut pas être datée du futur."), field="signed_on")
    with unit_of_work(store) as session:
        if session.get(Ambassador, ambassador_id) is None:
            raise UserError(_("L'ambassadeur n° {id} n'existe pas (ou plus).", id=ambassador_id))
        charter = session.get(AmbassadorCharter, charter_id)
        if charter is None:
            raise UserError(_("La charte n° {id} n'existe pas (ou plus).", id=charter_id))
        if day < charter.published_on:
            raise ValidationError(
                _(
                    "La version {version} de la charte date du {day} : elle ne peut pas avoir été signée avant.",
                    version=charter.version,
                    day=formatting.day(charter.published_on),
                ),
                field="signed_on",
            )
        taken = select(CharterSignature.id).where(
            CharterSignature.ambassador_id == ambassador_id, CharterSignature.charter_id == charter_id
        )
        if session.scalar(taken) is not None:
            raise ValidationError(
                _("Cet ambassadeur a déjà signé la version {version} de la charte.", version=charter.version),
                field="charter_id",
            )
        session.add(CharterSignature(ambassador_id=ambassador_id, charter_id=charter_id, signed_on=day, method=how))
        session.flush()


def must_resign(store: Store, actor: Actor) -> list[AmbassadorRow]:
    """Welcomed and active ambassadors who have not signed the latest version (or nothing at all)."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        latest = _latest_id(session)
        if latest is None:
            return []
        signed = select(CharterSignature.ambassador_id).where(CharterSignature.charter_id == latest)
        query = (
            select(Ambassador, Contact)
            .join(Contact, Contact.id == Ambassador.contact_id)
            .where(Ambassador.stage.in_([Stage.ACCUEILLI.value, Stage.ACTIF.value]), Ambassador.id.not_in(signed))
            .order_by(Contact.sort_name, Ambassador.id)
        )
        return ambassador_rows(session, session.execute(query).all())


def _latest_id(session: Session) -> int | None:
    return session.scalar(select(AmbassadorCharter.id).order_by(AmbassadorCharter.version.desc()).limit(1))


def _lines(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    parts = value.splitlines() if isinstance(value, str) else list(value)
    return tuple(" ".join(p.split()) for p in parts if p.strip())


def _record(row: AmbassadorCharter) -> CharterRecord:
    return CharterRecord(
        id=row.id,
        version=row.version,
        title=row.title,
        ambassador_commitments=_lines(row.ambassador_commitments),
        organisation_commitments=_lines(row.organisation_commitments),
        published_on=row.published_on,
    )
