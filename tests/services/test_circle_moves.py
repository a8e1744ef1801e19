"""Moving contacts between circles keeps a history: date, from, to, who, why."""

from __future__ import annotations

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, ValidationError
from communitydesk.services import circle_moves
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor

CAMILLE = Actor(name="Camille (fondatrice)")


def contact(db: Database, actor: Actor, circle: str = "grand_public") -> int:
    return create_contact(db, actor, ContactInput(first_name="Louise", last_name="Bernard", circle=circle)).id


def test_move_inward_step_by_step_with_history(db: Database, actor: Actor) -> None:
    cid = contact(db, actor)
    circle_moves.move_inward(db, CAMILLE, cid, "A participé à l'atelier couture")
    circle_moves.move_inward(db, CAMILLE, cid, "Bénévole tous les samedis")
    assert get_contact(db, actor, cid).data.circle == "proches"
    moves = circle_moves.history(db, actor, cid)
    assert [(m.from_circle, m.to_circle) for m in moves] == [
        (None, "grand_public"),
        ("grand_public", "communaute"),
        ("communaute", "proches"),
    ]
    assert moves[-1].moved_by == "Camille (fondatrice)"
    assert moves[-1].reason == "Bénévole tous les samedis"
    assert moves[-1].moved_at >= moves[-2].moved_at


def test_no_circle_beyond_the_ends(db: Database, actor: Actor) -> None:
    inner, outer = contact(db, actor, "proches"), contact(db, actor, "grand_public")
    with pytest.raises(ValidationError, match="plus proche"):
        circle_moves.move_inward(db, actor, inner, "x")
    with pytest.raises(ValidationError, match="plus large"):
        circle_moves.move_outward(db, actor, outer, "x")


def test_move_to_a_given_circle_needs_a_reason_and_a_change(db: Database, actor: Actor) -> None:
    cid = contact(db, actor)
    with pytest.raises(ValidationError) as caught:
        circle_moves.move_contact(db, actor, cid, "proches", "   ")
    assert caught.value.field == "reason"
    with pytest.raises(ValidationError, match="déjà dans le cercle « Grand public »"):
        circle_moves.move_contact(db, actor, cid, "grand_public", "rien")
    with pytest.raises(ValidationError, match="inconnu"):
        circle_moves.move_contact(db, actor, cid, "amis", "x")
    record = circle_moves.move_contact(db, actor, cid, "proches", "Sœur de la fondatrice")
    assert (record.from_circle, record.to_circle, record.reason) == ("grand_public", "proches", "Sœur de la fondatrice")
    assert len(circle_moves.history(db, actor, cid)) == 2


def test_stale_move_is_refused(db: Database, actor: Actor) -> None:
    cid = contact(db, actor)
    version = get_contact(db, actor, cid).version_id
    circle_moves.move_inward(db, actor, cid, "Premier déplacement")
    with pytest.raises(ConflictError):
        circle_moves.move_outward(db, actor, cid, "Déplacement depuis une fiche périmée", expected_version=version)
    assert get_contact(db, actor, cid).data.circle == "communaute"


def test_moving_a_selection_skips_those_already_there(db: Database, actor: Actor) -> None:
    ids = [contact(db, actor) for _n in range(3)] + [contact(db, actor, "proches")]
    versions = {i: get_contact(db, actor, i).version_id for i in ids}
    assert circle_moves.move_contacts(db, actor, ids, "proches", "Glissés sur le cercle des proches") == 3
    for cid in ids:
        assert get_contact(db, actor, cid).data.circle == "proches"
    assert get_contact(db, actor, ids[0]).version_id == versions[ids[0]] + 1
    assert get_contact(db, actor, ids[3]).version_id == versions[ids[3]]
    assert circle_moves.history(db, actor, ids[0])[-1].reason == "Glissés sur le cercle des proches"
