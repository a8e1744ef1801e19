"""The editable list of ambassador roles: rename, add, remove (off the memberships too), refusals."""

from __future__ import annotations

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied, ValidationError
from communitydesk.records.ambassadors import AmbassadorDraft, RoleRecord
from communitydesk.services import ambassadors
from communitydesk.services.ambassador_roles import save_roles
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Action, Actor, Role


def test_a_fresh_base_saves_the_defaults_it_showed_without_doubling_them(db: Database, actor: Actor) -> None:
    shown = ambassadors.roles(db, actor)
    assert [role.name for role in shown] == ["dénicheur", "reporter", "berger", "paparazzi"]
    assert all(role.id is None for role in shown)  # not written yet
    saved = save_roles(db, actor, [*shown, RoleRecord(None, "traducteur", "traduit les publications")])
    assert [role.name for role in saved] == ["dénicheur", "reporter", "berger", "paparazzi", "traducteur"]
    assert all(role.id is not None for role in saved)
    assert ambassadors.roles(db, actor) == saved


def test_rename_reorder_and_remove_keep_memberships_right(db: Database, actor: Actor) -> None:
    contact = create_contact(db, actor, ContactInput(first_name="Inès", last_name="Vidal")).id
    member = ambassadors.enrol(db, actor, contact, "passionne")
    roles = ambassadors.roles(db, actor)
    by_name = {role.name: role for role in roles}
    kept, removed = by_name["reporter"], by_name["berger"]
    assert kept.id is not None and removed.id is not None
    ambassadors.update_ambassador(db, actor, member, AmbassadorDraft(role_ids=(kept.id, removed.id)))

    # Two roles swap names and the list is reordered; « berger » goes.
    saved = save_roles(
        db,
        actor,
        [
            RoleRecord(by_name["paparazzi"].id, "reporter d'images", "photos et vidéos"),
            RoleRecord(kept.id, "  reporter   terrain ", "raconte"),
            RoleRecord(by_name["dénicheur"].id, "dénicheur", ""),
        ],
    )
    assert [(role.name, role.position) for role in saved] == [
        ("reporter d'images", 0),
        ("reporter terrain", 1),
        ("dénicheur", 2),
    ]
    record = ambassadors.ambassador(db, actor, member)
    assert [(role.id, role.name) for role in record.roles] == [(kept.id, "reporter terrain")]  # renamed, kept


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["reporter", "  "], "besoin d'un nom"),
        (["Reporter", "réporter"], "Deux rôles portent le nom « réporter »"),
        (["x" * 101], "100 caractères au plus"),
    ],
)
def test_refused_lists_write_nothing(db: Database, actor: Actor, names: list[str], message: str) -> None:
    before = ambassadors.roles(db, actor)
    with pytest.raises(ValidationError, match=message):
        save_roles(db, actor, [RoleRecord(None, name) for name in names])
    assert ambassadors.roles(db, actor) == before


def test_saving_roles_needs_the_right_to_manage_ambassadors(db: Database) -> None:
    volunteer = Actor(name="Malik", role=Role.VOLUNTEER, rights=frozenset(Action) - {Action.MANAGE_AMBASSADORS})
    with pytest.raises(PermissionDenied):
        save_roles(db, volunteer, [RoleRecord(None, "reporter")])
