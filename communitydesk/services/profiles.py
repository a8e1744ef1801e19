"""Profiles of a base: passwords and PINs (argon2id), login with a growing delay, roles and rights.

A base where no profile has a password needs no login (a founder alone on a laptop):
``needs_login`` says so, and the app acts as the computer's user with an
Administrateur's rights. Once one has, every session starts with ``login``, which hands
back the ``Actor`` every service call takes, its role's rights read from ``role_rights``.

For screens (PR2), the login functions come from ``services.logins`` (re-exported here):
- chooser: ``needs_login(db)``, ``login_choices(db)`` (names, roles, whether a PIN is set,
  readable before anyone logs in), then ``login(db, name, password)``; a ``LoginRefused``
  carries the sentence to show (wrong password, or how long to wait);
- lock: ``unlock(db, actor, pin_or_password)`` → the profile as it is now (its rights read
  again), ``audit.record(db, actor, SessionEvent.LOCK)``;
- profiles screen: ``profiles``, ``add_profile``, ``rename_profile``, ``change_role``,
  ``delete_profile``, ``set_password``, ``set_pin`` (one's own), ``role_rights`` and
  ``set_role_rights`` (the grid of rights per role; the Administrateur's row is fixed).

Hashing takes a ``PasswordHasher``: tests pass cheap parameters (``FAST_HASHER`` in
tests), the app the library's defaults (argon2id, 64 MiB). Neither a password nor a PIN
is ever stored or logged: only its hash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from argon2 import PasswordHasher
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.models.organisation import Profile
from communitydesk.models.profiles import RoleRight
from communitydesk.records.profiles import ProfileRecord
from communitydesk.services.audit import audited

# Logging in lives on the quick path (services.logins); re-exported here beside the profiles.
from communitydesk.services.logins import DEFAULT_HASHER as DEFAULT_HASHER
from communitydesk.services.logins import MIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH
from communitydesk.services.logins import login as login
from communitydesk.services.logins import login_choices as login_choices
from communitydesk.services.logins import needs_login as needs_login
from communitydesk.services.logins import unlock as unlock
from communitydesk.services.logins import verify_pin as verify_pin
from communitydesk.services.permissions import Action, Actor, Role, require
from communitydesk.services.store import Store, snapshot, unit_of_work

_PIN = re.compile(r"[0-9]{4,8}")


def _rights_of(session: Session, role: Role) -> frozenset[Action]:
    if role is Role.ADMIN:
        return frozenset(Action)  # someone must always be able to manage profiles
    known = {action.value for action in Action}
    values = session.scalars(select(RoleRight.action).where(RoleRight.role == role.value))
    return frozenset(Action(value) for value in values if value in known)


def profiles(store: Store, actor: Actor) -> list[ProfileRecord]:
    require(actor, Action.MANAGE_PROFILES)
    with snapshot(store) as session:
        return [_record_of(row) for row in session.scalars(select(Profile).order_by(Profile.name))]


def _record_of(profile: Profile) -> ProfileRecord:
    return ProfileRecord(
        id=profile.id,
        name=profile.name,
        role=profile.role,
        has_password=profile.password_hash is not None,
        has_pin=profile.pin_hash is not None,
        last_login_at=profile.last_login_at,
    )


def add_profile(
    store: Store,
    actor: Actor,
    name: str,
    role: Role,
    password: str | None = None,
    *,
    hasher: PasswordHasher = DEFAULT_HASHER,
) -> ProfileRecord:
    """A new profile; the first one given a password must be an Administrateur."""
    with audited(store, actor, Action.MANAGE_PROFILES, "profile:new"):
        require(actor, Action.MANAGE_PROFILES)
        name = _valid_name(name)
        with unit_of_work(store, _("ajout d'un profil")) as session:
            if session.scalar(select(Profile.id).where(Profile.name == name)) is not None:
                raise ValidationError(_("Un profil s'appelle déjà « {name} ».", name=name), "name")
            if password is not None and role is not Role.ADMIN and not _any_password(session):
                raise ValidationError(
                    _("Le premier profil protégé par un mot de passe doit être un administrateur."), "role"
                )
            profile = Profile(name=name, role=role.value)
            if password is not None:
                profile.password_hash = hasher.hash(_valid_password(password))
            session.add(profile)
            session.flush()
            return _record_of(profile)


def set_password(
    store: Store, actor: Actor, name: str, password: str, *, hasher: PasswordHasher = DEFAULT_HASHER
) -> None:
    """Give ``name`` a new password: one's own, or anyone's with MANAGE_PROFILES."""
    with (
        audited(store, actor, Action.MANAGE_PROFILES, f"password:{name}"),
        unit_of_work(store, _("mot de passe")) as session,
    ):
        profile = _profile_named(session, name)
        if profile.id != actor.profile_id:
            require(actor, Action.MANAGE_PROFILES)
        if profile.role != Role.ADMIN.value and not _any_password(session):
            raise ValidationError(
                _("Le premier profil protégé par un mot de passe doit être un administrateur."), "role"
            )
        profile.password_hash = hasher.hash(_valid_password(password))
        profile.failed_logins = 0
        profile.last_failed_at = None


def set_pin(store: Store, actor: Actor, pin: str | None, *, hasher: PasswordHasher = DEFAULT_HASHER) -> None:
    """Set (4 to 8 digits) or remove (None) the PIN that unlocks one's own session."""
    if actor.profile_id is None:
        raise ValidationError(_("Seul un profil connecté peut choisir son code PIN."))
    if pin is not None and not _PIN.fullmatch(pin):
        raise ValidationError(_("Le code PIN compte de 4 à 8 chiffres."), "pin")
    with unit_of_work(store, _("code PIN")) as session:
        profile = session.get(Profile, actor.profile_id)
        if profile is None:
            raise ValidationError(_("Ce profil n'existe plus."))
        profile.pin_hash = None if pin is None else hasher.hash(pin)


def rename_profile(store: Store, actor: Actor, name: str, new_name: str) -> None:
    with audited(store, actor, Action.MANAGE_PROFILES, f"rename:{name}"):
        require(actor, Action.MANAGE_PROFILES)
        new_name = _valid_name(new_name)
        with unit_of_work(store, _("profil renommé")) as session:
            profile = _profile_named(session, name)
            if new_name != name and session.scalar(select(Profile.id).where(Profile.name == new_name)) is not None:
                raise ValidationError(_("Un profil s'appelle déjà « {name} ».", name=new_name), "name")
            profile.name = new_name


def change_role(store: Store, actor: Actor, name: str, role: Role) -> None:
    """Give a profile another role; the last Administrateur keeps theirs."""
    with audited(store, actor, Action.MANAGE_PROFILES, f"role:{name}:{role.value}"):
        require(actor, Action.MANAGE_PROFILES)
        with unit_of_work(store, _("rôle d'un profil")) as session:
            profile = _profile_named(session, name)
            if profile.role == Role.ADMIN.value and role is not Role.ADMIN:
                _keep_an_administrator(session, profile)
            profile.role = role.value


def delete_profile(store: Store, actor: Actor, name: str) -> None:
    """Remove a profile (its audit entries stay); never the last Administrateur."""
    with audited(store, actor, Action.MANAGE_PROFILES, f"delete:{name}"):
        require(actor, Action.MANAGE_PROFILES)
        with unit_of_work(store, _("profil supprimé")) as session:
            profile = _profile_named(session, name)
            if profile.role == Role.ADMIN.value:
                _keep_an_administrator(session, profile)
            session.delete(profile)


def role_rights(store: Store, actor: Actor) -> dict[Role, frozenset[Action]]:
    """The rights of each role as this base defines them."""
    require(actor, Action.MANAGE_PROFILES)
    with snapshot(store) as session:
        return {role: _rights_of(session, role) for role in Role}


def set_role_rights(store: Store, actor: Actor, role: Role, rights: Iterable[Action]) -> None:
    """Replace a role's rights; the Administrateur's are fixed (every right)."""
    with audited(store, actor, Action.MANAGE_PROFILES, f"rights:{role.value}"):
        require(actor, Action.MANAGE_PROFILES)
        if role is Role.ADMIN:
            raise ValidationError(_("Un administrateur a tous les droits : ils ne se modifient pas."), "role")
        with unit_of_work(store, _("droits d'un rôle")) as session:
            session.execute(delete(RoleRight).where(RoleRight.role == role.value))
            session.add_all(RoleRight(role=role.value, action=action.value) for action in set(rights))


def _any_password(session: Session) -> bool:
    return session.scalar(select(Profile.id).where(Profile.password_hash.is_not(None)).limit(1)) is not None


def _keep_an_administrator(session: Session, leaving: Profile) -> None:
    others = session.scalar(
        select(func.count()).select_from(Profile).where(Profile.role == Role.ADMIN.value, Profile.id != leaving.id)
    )
    if not others:
        raise ValidationError(_("« {name} » est le dernier administrateur : il doit le rester.", name=leaving.name))


def _profile_named(session: Session, name: str) -> Profile:
    profile = session.scalar(select(Profile).where(Profile.name == name))
    if profile is None:
        raise ValidationError(_("Aucun profil ne s'appelle « {name} ».", name=name), "name")
    return profile


def _valid_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Donnez un nom au profil."), "name")
    if len(name) > 100:
        raise ValidationError(_("Le nom d'un profil tient en 100 caractères."), "name")
    return name


def _valid_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            _("Le mot de passe compte au moins {count} caractères.", count=MIN_PASSWORD_LENGTH), "password"
        )
    return password
