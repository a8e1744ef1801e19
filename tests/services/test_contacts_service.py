"""Contacts: validation with French messages, creation, optimistic locking, archiving."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, PermissionDenied, UserError, ValidationError
from communitydesk.models.contacts import CircleMove, Contact
from communitydesk.services import circle_moves, contact_search
from communitydesk.services.contacts import (
    ContactInput,
    archive_contact,
    contacts_by_ids,
    create_contact,
    get_contact,
    restore_contact,
    update_contact,
    validate_contact,
)
from communitydesk.services.permissions import Action, Actor, Role

HELENE = ContactInput(
    first_name=" Hélène ",
    last_name="Martin",
    email="Helene.Martin@Exemple.FR",
    phone="06 12 34 56 78",
    postcode="69007",
    city="Lyon",
    circle="communaute",
)


def test_create_trims_and_sets_keys_and_first_move(db: Database, actor: Actor) -> None:
    created = create_contact(db, actor, HELENE)
    assert created.display_name == "Hélène Martin"
    assert created.data.first_name == "Hélène"
    assert created.email_key == "helene.martin@exemple.fr"
    assert created.phone_key == "+33612345678"
    assert created.version_id == 1
    moves = circle_moves.history(db, actor, created.id)
    assert [(m.from_circle, m.to_circle, m.moved_by) for m in moves] == [(None, "communaute", actor.name)]
    assert get_contact(db, actor, created.id) == created


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"first_name": "", "last_name": "", "email": ""}, "last_name", "au moins un nom"),
        ({"email": "pas-une-adresse"}, "email", "n'est pas valide"),
        ({"phone": "12"}, "phone", "téléphone"),
        ({"postcode": "6900"}, "postcode", "5 chiffres"),
        ({"circle": "voisins"}, "circle", "inconnu"),
        ({"kind": "organisation", "organisation": ""}, "organisation", "organisation"),
        ({"first_name": "x" * 101}, "first_name", "Prénom"),
        ({"country": "FRA"}, "country", "deux lettres"),
    ],
)
def test_validation_names_the_field_in_french(change: dict[str, str], field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_contact(replace(HELENE, **change))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert words in str(caught.value)


def test_invalid_contact_is_not_saved(db: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError):
        create_contact(db, actor, replace(HELENE, email="nope"))
    assert contact_search.count(db, actor) == 0


def test_update_with_current_version_saves_and_bumps_version(db: Database, actor: Actor) -> None:
    created = create_contact(db, actor, HELENE)
    updated = update_contact(
        db, actor, created.id, created.version_id, replace(created.data, city="Villeurbanne", postcode="69100")
    )
    assert updated.data.city == "Villeurbanne"
    assert updated.version_id == created.version_id + 1


def test_stale_save_is_refused_and_changes_nothing(db: Database, actor: Actor) -> None:
    created = create_contact(db, actor, HELENE)
    # Someone else saves first...
    update_contact(db, actor, created.id, created.version_id, replace(created.data, notes="Appelée lundi"))
    # ...then the first sheet, opened before, saves its own edit.
    with pytest.raises(ConflictError, match="modifié par ailleurs"):
        update_contact(db, actor, created.id, created.version_id, replace(created.data, city="Paris", postcode="75011"))
    now = get_contact(db, actor, created.id)
    assert (now.data.city, now.data.notes, now.version_id) == ("Lyon", "Appelée lundi", 2)


def test_changing_the_circle_on_the_sheet_records_a_move(db: Database, actor: Actor) -> None:
    created = create_contact(db, actor, HELENE)
    update_contact(
        db,
        actor,
        created.id,
        created.version_id,
        replace(created.data, circle="proches"),
        move_reason="Bénévole fidèle",
    )
    moves = circle_moves.history(db, actor, created.id)
    assert [(m.from_circle, m.to_circle, m.reason) for m in moves][-1] == ("communaute", "proches", "Bénévole fidèle")


def test_archive_hides_from_search_and_restore_brings_back(db: Database, actor: Actor) -> None:
    created = create_contact(db, actor, HELENE)
    archive_contact(db, actor, created.id, created.version_id)
    assert contact_search.count(db, actor, "helene") == 0
    assert get_contact(db, actor, created.id).archived_at is not None
    restore_contact(db, actor, created.id)
    assert contact_search.count(db, actor, "helene") == 1


def test_archive_with_stale_version_is_refused(db: Database, actor: Actor) -> None:
    created = create_contact(db, actor, HELENE)
    update_contact(db, actor, created.id, created.version_id, replace(created.data, notes="x"))
    with pytest.raises(ConflictError):
        archive_contact(db, actor, created.id, created.version_id)


def test_unknown_contact_is_a_user_error(db: Database, actor: Actor) -> None:
    with pytest.raises(UserError, match="n'existe pas"):
        get_contact(db, actor, 999)


def test_contacts_by_ids_keeps_the_order_asked(db: Database, actor: Actor) -> None:
    a = create_contact(db, actor, HELENE)
    b = create_contact(db, actor, ContactInput(first_name="Paul", last_name="Durand"))
    assert [c.id for c in contacts_by_ids(db, actor, [b.id, 12345, a.id])] == [b.id, a.id]


def test_a_caller_session_is_not_committed_for_it(db: Database, actor: Actor) -> None:
    session = db.sessions()
    create_contact(session, actor, HELENE)
    session.rollback()
    session.close()
    with db.sessions() as check:
        assert check.scalars(select(Contact)).all() == []
        assert check.scalars(select(CircleMove)).all() == []


def test_every_write_checks_the_rights(db: Database) -> None:
    volunteer = Actor(name="Accueil", role=Role.VOLUNTEER, rights=frozenset({Action.READ}))
    with pytest.raises(PermissionDenied):
        create_contact(db, volunteer, HELENE)
    assert contact_search.count(db, volunteer) == 0


def test_contacts_with_the_same_email_or_phone_whatever_the_notation(db: Database, actor: Actor) -> None:
    from sqlalchemy import event, text

    from communitydesk.services.contacts import contacts_with_same_channels

    jean = create_contact(
        db,
        actor,
        ContactInput(first_name="Jean", last_name="Dupont", email="jean.dupont@exemple.fr", phone="06 39 98 85 04"),
    )
    family = create_contact(db, actor, ContactInput(first_name="Marie", last_name="Dupont", phone="04 72 10 20 30"))
    gone = create_contact(db, actor, ContactInput(first_name="Ancien", email="ancien@exemple.fr"))
    archive_contact(db, actor, gone.id)

    def same(emails: list[str], phones: list[str], exclude_id: int | None = None) -> list[tuple[int, str, str]]:
        found = contacts_with_same_channels(db, actor, emails, phones, exclude_id=exclude_id)
        return [(c.id, c.email, c.phone) for c in found]

    assert same([" Jean.Dupont@Exemple.FR "], []) == [(jean.id, "jean.dupont@exemple.fr", "")]
    for notation in ("+33 6 39 98 85 04", "0033639988504", "6 39 98 85 04", "06.39.98.85.04", "+33639988504"):
        assert same([], [notation]) == [(jean.id, "", "06 39 98 85 04")], notation
    assert same(["jean.dupont@exemple.fr"], ["", "0472102030"]) == [
        (jean.id, "jean.dupont@exemple.fr", ""),
        (family.id, "", "04 72 10 20 30"),
    ]
    assert same(["jean.dupont@exemple.fr"], ["06 39 98 85 04"]) == [
        (jean.id, "jean.dupont@exemple.fr", "06 39 98 85 04")
    ]
    (marie,) = contacts_with_same_channels(db, actor, [], ["04 72 10 20 30"])
    assert marie.display_name == "Marie Dupont"
    assert same(["jean.dupont@exemple.fr"], [], exclude_id=jean.id) == []  # the contact being edited
    assert same(["ancien@exemple.fr"], []) == []  # archived: not a duplicate to warn about
    assert same(["", "  "], ["12", "pas un numéro"]) == []

    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        same(["jean.dupont@exemple.fr", "autre@exemple.fr"], ["06 39 98 85 04", "04 72 10 20 30"])
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    (query,) = statements  # one query, read through the key indexes (no scan of the contacts)
    with db.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.execute(
                text("EXPLAIN QUERY PLAN " + query.replace("?", "''")),
            )
        )
    assert "ix_contacts_email_key" in plan and "ix_contacts_phone_key" in plan, plan
