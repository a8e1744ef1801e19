"""The single permission check point."""

from __future__ import annotations

import pytest

from communitydesk.errors import PermissionDenied, UserError
from communitydesk.i18n import set_language
from communitydesk.services.permissions import (
    SYSTEM,
    Action,
    Actor,
    Role,
    action_label,
    allowed,
    default_rights,
    require,
)


def test_system_may_do_everything() -> None:
    assert SYSTEM.role is Role.ADMIN
    for action in Action:
        require(SYSTEM, action)
        assert allowed(SYSTEM, action)


def test_each_role_has_its_default_rights() -> None:
    volunteer = Actor(name="Accueil bénévoles", role=Role.VOLUNTEER, profile_id=2)
    assert allowed(volunteer, Action.ADD_TOUCH_POINTS) and allowed(volunteer, Action.ENTER_SIGN_IN)
    for action in (Action.EXPORT_PERSONAL_DATA, Action.MERGE_CONTACTS, Action.ERASE_PERSONAL_DATA):
        assert not allowed(volunteer, action)
    assert {a for a in Action if allowed(Actor(name="Lecteur", role=Role.READER), a)} == {Action.READ_FIGURES}
    team = Actor(name="Inès", role=Role.TEAM)
    assert not allowed(team, Action.MANAGE_PROFILES) and allowed(team, Action.EXPORT_PERSONAL_DATA)


def test_the_migration_seeds_the_default_rights() -> None:
    import importlib

    migration = importlib.import_module("communitydesk.db.migrations.versions.0011_profiles")
    assert {
        Role(role): frozenset(Action(a) for a in actions) for role, actions in migration.DEFAULT_RIGHTS.items()
    } == {role: default_rights(role) for role in Role}


def test_every_right_has_a_label() -> None:
    assert all(action_label(action) for action in Action)
    assert [role.label for role in Role] == ["Administrateur", "Équipe", "Bénévole", "Lecture seule"]


def test_refusal_names_the_profile() -> None:
    volunteer = Actor(name="Malik", role=Role.VOLUNTEER, rights=frozenset({Action.READ}))
    require(volunteer, Action.READ)
    with pytest.raises(PermissionDenied) as raised:
        require(volunteer, Action.ERASE_PERSONAL_DATA)
    assert isinstance(raised.value, UserError)
    assert str(raised.value) == "Le profil « Malik » n'a pas ce droit : effacer une personne (RGPD)."


def test_refusal_in_english() -> None:
    set_language("en")
    with pytest.raises(PermissionDenied) as raised:
        require(Actor(name="Malik", role=Role.VOLUNTEER, rights=frozenset()), Action.EXPORT)
    assert str(raised.value) == "The profile “Malik” does not have this right: export calendars, plans and reports."
