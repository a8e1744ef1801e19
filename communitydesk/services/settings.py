"""Settings that belong to the database (shared by every profile and computer), typed.

Per-computer preferences (window layout, language) live in QSettings in the UI instead.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from communitydesk.db.backup import DEFAULT_KEEP
from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, DatabaseError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.organisation import AppSetting
from communitydesk.records.identity import DEFAULT_COLOURS
from communitydesk.rules import organisation_identity as identity
from communitydesk.rules.ambassadors import REFERRAL_BASE_URL_KEY
from communitydesk.rules.cadence import DEFAULT_RHYTHM_DAYS, RHYTHM_SETTING_KEY
from communitydesk.services.permissions import Action, Actor, require

ORGANISATION = "organisation"
CIRCLE_RHYTHM_DAYS = RHYTHM_SETTING_KEY
BACKUP_KEEP = "backups.keep"
REFERRAL_BASE_URL = REFERRAL_BASE_URL_KEY


@dataclass
class Organisation:
    """The identity printed on documents (Paramètres › Organisation)."""

    name: str = ""
    legal_id: str = ""  # SIRET or RNA
    website: str = ""
    address: str = ""
    logo_path: str = ""
    primary_colour: str = DEFAULT_COLOURS[0]
    secondary_colour: str = DEFAULT_COLOURS[1]
    extra: dict[str, Any] = field(default_factory=dict)


def _read(session: Session, key: str) -> Any:
    row = session.get(AppSetting, key)
    return None if row is None else json.loads(row.value)


def _write(session: Session, key: str, value: Any) -> None:
    row = session.get(AppSetting, key)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(AppSetting(key=key, value=text))
    else:
        row.value = text


def organisation(session: Session, actor: Actor) -> Organisation:
    require(actor, Action.READ_FIGURES)
    stored = _read(session, ORGANISATION) or {}
    known = {k: v for k, v in stored.items() if k in Organisation.__dataclass_fields__}
    return Organisation(**known)


def save_organisation(session: Session, actor: Actor, value: Organisation) -> None:
    require(actor, Action.EDIT_SETTINGS)
    _write(session, ORGANISATION, asdict(value))


def circle_rhythm_days(session: Session, actor: Actor) -> dict[str, int]:
    require(actor, Action.READ_FIGURES)
    stored = _read(session, CIRCLE_RHYTHM_DAYS) or {}
    return {circle: int(stored.get(circle, days)) for circle, days in DEFAULT_RHYTHM_DAYS.items()}


def save_circle_rhythm_days(session: Session, actor: Actor, rhythm: dict[str, int]) -> None:
    require(actor, Action.EDIT_SETTINGS)
    _write(session, CIRCLE_RHYTHM_DAYS, {c: max(1, int(rhythm[c])) for c in DEFAULT_RHYTHM_DAYS if c in rhythm})


def backup_keep(session: Session, actor: Actor) -> int:
    require(actor, Action.READ_FIGURES)
    value = _read(session, BACKUP_KEEP)
    return DEFAULT_KEEP if value is None else max(1, int(value))


def save_backup_keep(session: Session, actor: Actor, keep: int) -> None:
    require(actor, Action.EDIT_SETTINGS)
    _write(session, BACKUP_KEEP, max(1, int(keep)))


def referral_base_url(session: Session, actor: Actor) -> str:
    """The address an ambassador's referral code is appended to (``{code}`` marks where it goes); "" unset."""
    require(actor, Action.READ_FIGURES)
    value = _read(session, REFERRAL_BASE_URL)
    return value if isinstance(value, str) else ""


def save_referral_base_url(session: Session, actor: Actor, url: str) -> None:
    require(actor, Action.EDIT_SETTINGS)
    _write(session, REFERRAL_BASE_URL, clean_referral_base_url(url))


def clean_referral_base_url(url: str) -> str:
    text = url.strip()
    if text and not text.lower().startswith(("http://", "https://")):
        raise ValidationError(
            _("L'adresse de parrainage doit commencer par http:// ou https://."), field="referral_base_url"
        )
    if len(text) > 400:
        raise ValidationError(
            _("L'adresse de parrainage est trop longue (400 caractères au plus)."), field="referral_base_url"
        )
    return text


@dataclass
class DatabaseSettings:
    """Everything Paramètres edits that belongs to the database, read or saved at once."""

    organisation: Organisation
    rhythm_days: dict[str, int]
    backup_keep: int
    referral_base_url: str = ""


MAX_RHYTHM_DAYS = 3650
MAX_BACKUP_KEEP = 500


def read_database_settings(db: Database, actor: Actor) -> DatabaseSettings:
    """Organisation identity, circle rhythms and number of backups kept, in one session."""
    require(actor, Action.READ_FIGURES)
    with db.snapshot() as session:
        return DatabaseSettings(
            organisation=organisation(session, actor),
            rhythm_days=circle_rhythm_days(session, actor),
            backup_keep=backup_keep(session, actor),
            referral_base_url=referral_base_url(session, actor),
        )


def clean_database_settings(values: DatabaseSettings) -> DatabaseSettings:
    """Check every field; ValidationError (French, with ``field``) on the first bad one."""
    org = values.organisation
    if len(org.name.strip()) > 200:
        raise ValidationError(_("Le nom de l'organisation est trop long (200 caractères au plus)."), field="name")
    cleaned_org = replace(
        org,
        name=org.name.strip(),
        legal_id=identity.clean_legal_id(org.legal_id),
        website=identity.clean_website(org.website),
        address=org.address.strip(),
        logo_path=identity.clean_logo_path(org.logo_path),
        primary_colour=identity.clean_colour(org.primary_colour, "primary_colour"),
        secondary_colour=identity.clean_colour(org.secondary_colour, "secondary_colour"),
    )
    rhythm: dict[str, int] = {}
    for circle in DEFAULT_RHYTHM_DAYS:
        days = int(values.rhythm_days.get(circle, DEFAULT_RHYTHM_DAYS[circle]))
        if not 1 <= days <= MAX_RHYTHM_DAYS:
            raise ValidationError(
                _("Le rythme d'un cercle doit être compris entre 1 et {max} jours.", max=MAX_RHYTHM_DAYS),
                field=f"rhythm.{circle}",
            )
        rhythm[circle] = days
    if not 1 <= values.backup_keep <= MAX_BACKUP_KEEP:
        raise ValidationError(
            _("Le nombre de sauvegardes conservées doit être compris entre 1 et {max}.", max=MAX_BACKUP_KEEP),
            field="backup_keep",
        )
    return DatabaseSettings(
        organisation=cleaned_org,
        rhythm_days=rhythm,
        backup_keep=values.backup_keep,
        referral_base_url=clean_referral_base_url(values.referral_base_url),
    )


def save_database_settings(db: Database, actor: Actor, values: DatabaseSettings) -> DatabaseSettings:
    """Check, then save everything in one transaction (all or nothing); returns what was saved."""
    require(actor, Action.EDIT_SETTINGS)
    cleaned = clean_database_settings(values)
    try:
        with db.transaction() as session:
            save_organisation(session, actor, cleaned.organisation)
            save_circle_rhythm_days(session, actor, cleaned.rhythm_days)
            save_backup_keep(session, actor, cleaned.backup_keep)
            save_referral_base_url(session, actor, cleaned.referral_base_url)
    except StaleDataError as exc:
        raise ConflictError(
            _(
                "Les paramètres ont été modifiés ailleurs entre-temps : rien n'a été enregistré. "
                "Rechargez la page puis recommencez."
            )
        ) from exc
    return cleaned


BASE_ID = "base.id"


def base_identifier(db: Database) -> str:
    """A random id given to this base the first time something asks (the calendar's UIDs),
    then kept: it survives a renamed organisation, a moved file and a restore. A base that
    cannot be written yet (read-only file) is named by its path meanwhile."""
    import uuid

    with db.snapshot() as session:
        found = _read(session, BASE_ID)
    if isinstance(found, str) and found:
        return found
    try:
        with db.transaction() as session:
            found = _read(session, BASE_ID)  # another writer may have given it meanwhile
            if not (isinstance(found, str) and found):
                found = uuid.uuid4().hex
                _write(session, BASE_ID, found)
    except DatabaseError:
        return uuid.uuid5(uuid.NAMESPACE_URL, db.path.resolve().as_uri()).hex
    return str(found)
