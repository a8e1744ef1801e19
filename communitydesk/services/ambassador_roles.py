"""The editable list of roles an ambassador may take (dénicheur, reporter, berger, paparazzi…).

The Rôles dialog saves the whole list at once: a role keeps its id when renamed (memberships
hold role ids), a new one is added, a removed one leaves the memberships that had it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.models.ambassadors import Ambassador, AmbassadorRole
from communitydesk.records.ambassadors import RoleRecord
from communitydesk.rules.contact_keys import fold
from communitydesk.services.ambassadors import ensure_defaults
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, unit_of_work

NAME_LIMIT = 100


def save_roles(store: Store, actor: Actor, roles: Sequence[RoleRecord]) -> list[RoleRecord]:
    """Replace the list by ``roles`` in their order; the saved list (with the new ids)."""
    require(actor, Action.MANAGE_AMBASSADORS)
    wanted = _checked(roles)
    with unit_of_work(store, _("l'enregistrement des rôles des ambassadeurs")) as session:
        ensure_defaults(session)  # the four defaults the dialog showed unsaved are rows from now on
        rows = {row.id: row for row in session.scalars(select(AmbassadorRole))}
        unclaimed = {fold(row.name): row for row in rows.values()}
        kept: list[tuple[AmbassadorRole | None, RoleRecord]] = []
        for role in wanted:
            row = rows.get(role.id) if role.id is not None else None
            if role.id is not None and row is None:
                raise ValidationError(_("Ce rôle n'existe plus : rouvrez la liste des rôles."), field="roles")
            if row is None:  # a role shown before the defaults were written is known by its name
                row = unclaimed.get(fold(role.name))
            if row is not None:
                unclaimed.pop(fold(row.name), None)
            kept.append((row, role))
        kept_ids = {row.id for row, _role in kept if row is not None}
        removed = [row for row_id, row in rows.items() if row_id not in kept_ids]
        _forget_roles(session, {row.id for row in removed})
        for row in removed:
            session.delete(row)
        # Names are unique: park the kept ones under their id first, so that two roles may swap names.
        for row, _role in kept:
            if row is not None:
                row.name = f"#{row.id}"
        session.flush()
        saved = []
        for position, (row, role) in enumerate(kept):
            target = row or AmbassadorRole()
            target.name, target.description, target.position = role.name, role.description, position
            session.add(target)
            saved.append(target)
        session.flush()
        return [RoleRecord(row.id, row.name, row.description, row.position) for row in saved]


def _checked(roles: Sequence[RoleRecord]) -> list[RoleRecord]:
    seen: set[str] = set()
    clean = []
    for role in roles:
        name, description = " ".join(role.name.split()), role.description.strip()
        if not name:
            raise ValidationError(_("Chaque rôle a besoin d'un nom."), field="roles")
        if len(name) > NAME_LIMIT:
            raise ValidationError(
                _("Le nom d'un rôle compte {limit} caractères au plus.", limit=NAME_LIMIT), field="roles"
            )
        if fold(name) in seen:
            raise ValidationError(_("Deux rôles portent le nom « {name} ».", name=name), field="roles")
        seen.add(fold(name))
        clean.append(RoleRecord(role.id, name, description, role.position))
    return clean


def _forget_roles(session: Session, removed: set[int]) -> None:
    """Take removed roles off the memberships that had them (ids, comma-separated)."""
    if not removed:
        return
    for ambassador in session.scalars(select(Ambassador).where(Ambassador.roles != "")):
        ids = [part for part in ambassador.roles.split(",") if part.strip().isdigit()]
        left = [part for part in ids if int(part) not in removed]
        if len(left) != len(ids):
            ambassador.roles = ",".join(left)
