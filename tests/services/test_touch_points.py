"""Touch points: timeline, French labels, and a last_touch_at that stays right."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.services import touch_points as tp
from communitydesk.services.contacts import ContactInput, create_contact, get_contact, update_contact
from communitydesk.services.permissions import Actor

NOW = datetime.now(UTC)


@pytest.fixture
def cid(db: Database, actor: Actor) -> int:
    return create_contact(db, actor, ContactInput(first_name="Inès", last_name="Garnier")).id


def test_kinds_have_french_labels() -> None:
    kinds = dict(tp.touch_kinds())
    assert list(kinds) == ["email", "call", "meeting", "event", "contribution", "reaction", "note"]
    assert kinds["reaction"] == "Réaction à une publication"
    assert kinds["event"] == "Événement"


def test_timeline_newest_first_and_last_touch(db: Database, actor: Actor, cid: int) -> None:
    old = tp.add_touch_point(db, actor, cid, "call", "Premier appel", NOW - timedelta(days=10))
    new = tp.add_touch_point(db, actor, cid, "meeting", "  Café au tiers-lieu ", NOW - timedelta(days=2))
    tp.add_touch_point(db, actor, cid, "note", "Note ancienne", NOW - timedelta(days=30))
    timeline = tp.timeline(db, actor, cid)
    assert [p.summary for p in timeline] == ["Café au tiers-lieu", "Premier appel", "Note ancienne"]
    assert timeline[0].label == "Rendez-vous" and timeline[0].created_by == actor.name
    assert get_contact(db, actor, cid).last_touch_at == new.occurred_at
    tp.delete_touch_point(db, actor, new.id)
    assert get_contact(db, actor, cid).last_touch_at == old.occurred_at
    tp.update_touch_point(db, actor, old.id, "email", "Premier e-mail", NOW - timedelta(days=40))
    assert get_contact(db, actor, cid).last_touch_at == NOW - timedelta(days=30)
    for point in tp.timeline(db, actor, cid):
        tp.delete_touch_point(db, actor, point.id)
    assert get_contact(db, actor, cid).last_touch_at is None


def test_touching_keeps_the_sheet_saveable(db: Database, actor: Actor, cid: int) -> None:
    sheet = get_contact(db, actor, cid)
    tp.add_touch_point(db, actor, cid, "call")
    saved = update_contact(db, actor, cid, sheet.version_id, replace(sheet.data, notes="Rappeler en mai"))
    assert saved.data.notes == "Rappeler en mai"
    assert saved.last_touch_at is not None


def test_wrong_kind_or_future_date_is_refused(db: Database, actor: Actor, cid: int) -> None:
    with pytest.raises(ValidationError) as caught:
        tp.add_touch_point(db, actor, cid, "pigeon")
    assert caught.value.field == "kind"
    with pytest.raises(ValidationError, match="futur"):
        tp.add_touch_point(db, actor, cid, "call", occurred_at=NOW + timedelta(days=3))
    assert tp.timeline(db, actor, cid) == []


def test_one_event_for_many(db: Database, actor: Actor, cid: int) -> None:
    other = create_contact(db, actor, ContactInput(first_name="Yann", last_name="Le Gall")).id
    assert tp.add_touch_points(db, actor, [cid, other, 999], "event", "Assemblée générale") == 2
    assert get_contact(db, actor, other).last_touch_at is not None
    assert [p.summary for p in tp.timeline(db, actor, cid)] == ["Assemblée générale"]
