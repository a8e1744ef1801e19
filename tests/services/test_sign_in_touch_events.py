"""The « événement » touch point a sign-in line gives belongs to its event, not to the event's name:
renaming or moving the event keeps it single, a line given to someone else takes it back, and two
events of the same name on the same day give one each."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.services.test_sign_in_consent_events import BRUNO, DAY, _contact, _event, _rename

from communitydesk.db.database import Database
from communitydesk.records.events import SignInLineDraft
from communitydesk.records.identity import Identity
from communitydesk.services import duplicates, events, gdpr, sign_in_sheet, touch_points
from communitydesk.services.permissions import Actor
from communitydesk.services.personal_data import document_of

ALICE = SignInLineDraft("Martin", "Alice", "alice@exemple.fr")  # no box ticked: only the touch point is at stake


def _event_points(db: Database, actor: Actor, contact_id: int) -> list[tuple[int | None, str]]:
    """(event, summary) of the contact's « événement » touch points, oldest first."""
    timeline = touch_points.timeline(db, actor, contact_id)
    return sorted(((p.event_id, p.summary) for p in timeline if p.kind == "event"), key=lambda p: p[0] or 0)


def _label(name: str, days_later: int = 0) -> str:
    return f"{name} ({DAY + timedelta(days=days_later):%d/%m/%Y})"


@pytest.mark.parametrize("days_later", [0, 1])
def test_a_line_retyped_after_a_rename_or_a_move_adds_no_second_touch_point(
    db: Database, actor: Actor, days_later: int
) -> None:
    alice = _contact(db, actor, "Alice", "Martin", "alice@exemple.fr")
    event_id = _event(db, actor)
    sign_in_sheet.save_line(db, actor, event_id, 1, ALICE)
    _rename(db, actor, event_id, "Atelier compost et jardin", days_later)
    sign_in_sheet.save_line(db, actor, event_id, 1, ALICE)
    # The touch point names the event as it was when the line was typed.
    assert _event_points(db, actor, alice) == [(event_id, _label("Atelier compost"))]


def test_a_line_given_to_someone_else_after_a_rename_takes_back_the_first_persons_touch_point(
    db: Database, actor: Actor
) -> None:
    alice = _contact(db, actor, "Alice", "Martin", "alice@exemple.fr")
    bruno = _contact(db, actor, "Bruno", "Petit", "bruno@exemple.fr")
    event_id = _event(db, actor)
    sign_in_sheet.save_line(db, actor, event_id, 1, ALICE)
    _rename(db, actor, event_id, "Atelier compost (reporté)", 1)
    sign_in_sheet.save_line(db, actor, event_id, 1, BRUNO)  # the line was Bruno's, after all
    assert _event_points(db, actor, alice) == []
    assert _event_points(db, actor, bruno) == [(event_id, _label("Atelier compost (reporté)", 1))]


def test_two_events_of_the_same_name_on_the_same_day_give_one_touch_point_each(db: Database, actor: Actor) -> None:
    alice = _contact(db, actor, "Alice", "Martin", "alice@exemple.fr")
    _contact(db, actor, "Bruno", "Petit", "bruno@exemple.fr")
    morning, afternoon = _event(db, actor), _event(db, actor)
    sign_in_sheet.save_line(db, actor, morning, 1, ALICE)
    sign_in_sheet.save_line(db, actor, afternoon, 1, ALICE)
    label = _label("Atelier compost")
    assert _event_points(db, actor, alice) == [(morning, label), (afternoon, label)]
    sign_in_sheet.save_line(db, actor, morning, 1, BRUNO)  # the morning's line was Bruno's
    assert _event_points(db, actor, alice) == [(afternoon, label)]


def test_a_deleted_event_leaves_the_touch_point_in_the_persons_history(db: Database, actor: Actor) -> None:
    event_id = _event(db, actor)
    alice = sign_in_sheet.save_line(db, actor, event_id, 1, ALICE).contact_id
    assert alice is not None
    events.delete_event(db, actor, event_id)
    assert _event_points(db, actor, alice) == [(None, _label("Atelier compost"))]


@pytest.mark.parametrize("event_deleted_meanwhile", [False, True])
def test_a_touch_point_deleted_then_put_back_comes_back_with_its_event_while_it_exists(
    db: Database, actor: Actor, event_deleted_meanwhile: bool
) -> None:
    event_id = _event(db, actor)
    alice = sign_in_sheet.save_line(db, actor, event_id, 1, ALICE).contact_id
    assert alice is not None
    [point] = touch_points.timeline(db, actor, alice)
    deleted = touch_points.delete_touch_point(db, actor, point.id)
    if event_deleted_meanwhile:
        events.delete_event(db, actor, event_id)
        touch_points.restore_touch_point(db, actor, deleted)
        assert _event_points(db, actor, alice) == [(None, _label("Atelier compost"))]
    else:
        touch_points.restore_touch_point(db, actor, deleted)
        _rename(db, actor, event_id, "Atelier compost et jardin")
        sign_in_sheet.save_line(db, actor, event_id, 1, ALICE)  # finds the touch point put back
        assert _event_points(db, actor, alice) == [(event_id, _label("Atelier compost"))]


def test_a_merge_keeps_each_touch_point_with_its_event(db: Database, actor: Actor) -> None:
    alice = _contact(db, actor, "Alice", "Martin", "alice@exemple.fr")
    twin = _contact(db, actor, "Alice", "Martin", "a.martin@exemple.fr")
    first, second = _event(db, actor, "Atelier compost"), _event(db, actor, "Stand du marché")
    sign_in_sheet.save_line(db, actor, first, 1, ALICE, alice)
    sign_in_sheet.save_line(db, actor, second, 1, SignInLineDraft("Martin", "Alice", "a.martin@exemple.fr"), twin)
    merge = duplicates.merge_contacts(db, actor, alice, twin)
    both = [(first, _label("Atelier compost")), (second, _label("Stand du marché"))]
    assert _event_points(db, actor, alice) == both
    _rename(db, actor, second, "Stand du marché de Noël")
    sign_in_sheet.save_line(db, actor, second, 1, SignInLineDraft("Martin", "Alice", "a.martin@exemple.fr"))
    assert _event_points(db, actor, alice) == both  # the line typed again names the kept card: nothing added
    duplicates.undo_merge(db, actor, merge.id)
    assert _event_points(db, actor, alice) == [(first, _label("Atelier compost"))]
    assert _event_points(db, actor, twin) == [(second, _label("Stand du marché"))]


def test_the_export_names_the_event_and_an_erasure_keeps_it_without_the_summary(db: Database, actor: Actor) -> None:
    event_id = _event(db, actor)
    alice = sign_in_sheet.save_line(db, actor, event_id, 1, ALICE).contact_id
    assert alice is not None
    exported = gdpr.export_person(db, actor, alice)
    assert [p["numéro_de_l_événement"] for p in exported["échanges"]] == [event_id]
    [held] = [s for s in document_of(exported, Identity(name="La Ruche")).sections if s.heading == "Échanges"]
    assert ("Numéro de l'événement", str(event_id)) in {(v.label, v.value) for item in held.items for v in item.values}
    gdpr.erase_person(db, actor, alice, confirm=True)
    assert _event_points(db, actor, alice) == [(event_id, "")]
