"""Settings that belong to the database (shared by every profile and computer), typed.

Per-computer preferences (window layout, language) live in QSettings in the UI instead.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from communitydesk.db.backup import DEFAULT_KEEP
from communitydesk.models.organisation import AppSetting
from communitydesk.rules.cadence import DEFAULT_RHYTHM_DAYS, RHYTHM_SETTING_KEY
from communitydesk.services.permissions import Action, Actor, require

ORGANISATION = "organisation"
CIRCLE_RHYTHM_DAYS = RHYTHM_SETTING_KEY
BACKUP_KEEP = "backups.keep"


@dataclass
class Organisation:
    """The identity printed on documents (Paramètres › Organisation)."""

    name: str = ""
    legal_id: str = ""  # SIRET or RNA
    website: str = ""
    address: str = ""
    logo_path: str = ""
    primary_colour: str = "#2E6B5E"
    secondary_colour: str = "#E3A33B"
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
    require(actor, Action.READ)
    stored = _read(session, ORGANISATION) or {}
    known = {k: v for k, v in stored.items() if k in Organisation.__dataclass_fields__}
    return Organisation(**known)


def save_organisation(session: Session, actor: Actor, value: Organisation) -> None:
    require(actor, Action.EDIT_SETTINGS)
    _write(session, ORGANISATION, asdict(value))


def circle_rhythm_days(session: Session, actor: Actor) -> dict[str, int]:
    require(actor, Action.READ)
    stored = _read(session, CIRCLE_RHYTHM_DAYS) or {}
    return {circle: int(stored.get(circle, days)) for circle, days in DEFAULT_RHYTHM_DAYS.items()}


def save_circle_rhythm_days(session: Session, actor: Actor, rhythm: dict[str, int]) -> None:
    require(actor, Action.EDIT_SETTINGS)
    _write(session, CIRCLE_RHYTHM_DAYS, {c: max(1, int(rhythm[c])) for c in DEFAULT_RHYTHM_DAYS if c in rhythm})


def backup_keep(session: Session, actor: Actor) -> int:
    require(actor, Action.READ)
    value = _read(session, BACKUP_KEEP)
    return DEFAULT_KEEP if value is None else max(1, int(value))


def save_backup_keep(session: Session, actor: Actor, keep: int) -> None:
    require(actor, Action.EDIT_SETTINGS)
    _write(session, BACKUP_KEEP, max(1, int(keep)))
