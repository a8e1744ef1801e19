"""The single permission check point."""

from __future__ import annotations

import pytest

from communitydesk.errors import PermissionDenied, UserError
from communitydesk.i18n import set_language
from communitydesk.services.permissions import SYSTEM, Action, Actor, Role, allowed, require


def test_system_may_do_everything() -> None:
    assert SYSTEM.role is Role.ADMIN
    for action in Action:
        require(SYSTEM, action)
        assert allowed(SYSTEM, action)


def test_every_role_may_do_everything_until_rights_are_built() -> None:
    volunteer = Actor(name="Accueil bénévoles", role=Role.VOLUNTEER, profile_id=2)
    assert all(allowed(volunteer, action) for action in Action)


def test_refusal_names_the_profile() -> None:
    volunteer = Actor(name="Malik", role=Role.VOLUNTEER, rights=frozenset({Action.READ}))
    require(volunteer, Action.READ)
    with pytest.raises(PermissionDenied) as raised:
        require(volunteer, Action.ERASE_PERSONAL_DATA)
    assert isinstance(raised.value, UserError)
    assert str(raised.value) == "Le profil « Malik » n'a pas le droit de faire cela (gdpr.erase)."


def test_refusal_in_english() -> None:
    set_language("en")
    with pytest.raises(PermissionDenied) as raised:
        require(Actor(name="Malik", role=Role.VOLUNTEER, rights=frozenset()), Action.EXPORT)
    assert str(raised.value) == "The profile “Malik” is not allowed to do this (export)."
