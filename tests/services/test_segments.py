"""Segments: saved filters that search, exports and PDFs resolve the same way."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.models.segments import Segment
from communitydesk.services import contact_search, segments, tags
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor


@pytest.fixture
def lyon(db: Database, actor: Actor) -> list[int]:
    ids = [
        create_contact(
            db,
            actor,
            ContactInput(
                first_name=f"Ami{i}",
                last_name="Lyonnais",
                city="Lyon",
                postcode="69003",
                circle="proches" if i else "communaute",
            ),
        ).id
        for i in range(3)
    ]
    create_contact(db, actor, ContactInput(first_name="Autre", last_name="Personne", city="Lille"))
    tags.tag_contacts(db, actor, ids[:2], "bénévole")
    return ids


def test_save_resolve_and_search(db: Database, actor: Actor, lyon: list[int]) -> None:
    saved = segments.save_segment(
        db, actor, "  Bénévoles   Lyon ", ContactFilter(tags=("bénévole",), text="lyon"), "Pour les ateliers du samedi"
    )
    assert saved.name == "Bénévoles Lyon"
    found = segments.segment_by_name(db, actor, "benevoles lyon")
    assert found.id == saved.id
    ids = contact_search.ids_for(db, actor, filters=segments.segment_filter(db, actor, saved.id))
    assert sorted(ids) == sorted(lyon[:2])
    assert found.filter.describe() == "Tags : bénévole · Recherche : « lyon »"


def test_names_are_unique_and_required(db: Database, actor: Actor) -> None:
    segments.save_segment(db, actor, "Proches", ContactFilter(circles=("proches",)))
    with pytest.raises(ValidationError, match="déjà"):
        segments.save_segment(db, actor, "PROCHES", ContactFilter())
    with pytest.raises(ValidationError) as caught:
        segments.save_segment(db, actor, "  ", ContactFilter())
    assert caught.value.field == "name"


def test_update_with_version_and_delete(db: Database, actor: Actor) -> None:
    first = segments.save_segment(db, actor, "Proches", ContactFilter(circles=("proches",)))
    second = segments.save_segment(
        db,
        actor,
        "Proches à relancer",
        ContactFilter(circles=("proches",), overdue=True),
        segment_id=first.id,
        expected_version=first.version_id,
    )
    assert second.version_id == first.version_id + 1 and second.filter.overdue
    with pytest.raises(ConflictError):
        segments.save_segment(
            db, actor, "Autre nom", ContactFilter(), segment_id=first.id, expected_version=first.version_id
        )
    assert [s.name for s in segments.list_segments(db, actor)] == ["Proches à relancer"]
    segments.delete_segment(db, actor, first.id)
    assert segments.list_segments(db, actor) == []
    with pytest.raises(UserError):
        segments.segment_by_name(db, actor, "Proches à relancer")


def test_damaged_criteria_are_read_tolerantly(db: Database, actor: Actor) -> None:
    saved = segments.save_segment(db, actor, "Vieux", ContactFilter())
    with db.transaction() as session:
        session.execute(
            update(Segment).values(
                criteria=json.dumps(
                    {"circles": ["proches", "lune"], "tags": "pas une liste", "overdue": "oui", "kind": "robot", "x": 1}
                )
            )
        )
    assert segments.get_segment(db, actor, saved.id).filter == ContactFilter(circles=("proches",))


def test_filter_json_round_trip() -> None:
    f = ContactFilter(
        text="jardin",
        circles=("proches", "communaute"),
        tags=("presse",),
        overdue=True,
        ambassador=False,
        critic=True,
        kind="person",
    )
    assert ContactFilter.from_json(json.loads(json.dumps(f.to_json()))) == f
    assert ContactFilter().describe() == "Tous les contacts"
