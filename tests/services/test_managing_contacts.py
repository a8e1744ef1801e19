"""Managing what is there (issue #20): bulk moves with undo, touch points put back, tags and
segments merged and renamed, hand-picked contacts added to a segment, e-mails copied with consent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.services import circle_moves, contact_search, gdpr, segments, tags, touch_points
from communitydesk.services.contact_export import ContactSelection, emails_to_copy
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.contacts import ContactInput, archive_contact, create_contact, get_contact
from communitydesk.services.permissions import Actor


def person(db: Database, actor: Actor, first: str, circle: str = "grand_public", email: str = "") -> int:
    return create_contact(db, actor, ContactInput(first_name=first, last_name="Roy", circle=circle, email=email)).id


def circles(db: Database, actor: Actor, ids: list[int]) -> list[str]:
    return [get_contact(db, actor, i).data.circle for i in ids]


# -- moves ----------------------------------------------------------------------------------


def test_a_selection_moves_outward_in_one_turn_each_with_its_move(db: Database, actor: Actor) -> None:
    ids = [person(db, actor, "A", "proches"), person(db, actor, "B", "communaute"), person(db, actor, "C")]
    seen: list[tuple[int, int]] = []
    batch = circle_moves.move_selection(
        db, actor, ids, "Plus de nouvelles", step=+1, progress=lambda d, t: seen.append((d, t))
    )
    assert [(m.contact_id, m.from_circle, m.to_circle) for m in batch.moves] == [
        (ids[0], "proches", "communaute"),
        (ids[1], "communaute", "grand_public"),
    ]
    assert batch.unchanged == 1  # already in grand public
    assert seen[-1] == (3, 3)
    assert circles(db, actor, ids) == ["communaute", "grand_public", "grand_public"]
    assert circle_moves.history(db, actor, ids[0])[-1].reason == "Plus de nouvelles"


def test_a_cancelled_bulk_move_writes_nothing(db: Database, actor: Actor) -> None:
    ids = [person(db, actor, f"P{i}") for i in range(3)]

    def cancel(_done: int, _total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        circle_moves.move_selection(db, actor, ids, "Atelier", to_circle="proches", progress=cancel)
    assert circles(db, actor, ids) == ["grand_public"] * 3
    assert all(len(circle_moves.history(db, actor, i)) == 1 for i in ids)


def test_undo_is_a_move_back_that_names_the_move_undone(db: Database, actor: Actor) -> None:
    ids = [person(db, actor, "A"), person(db, actor, "B")]
    batch = circle_moves.move_selection(db, actor, ids, "Atelier couture", to_circle="proches")
    circle_moves.move_contact(db, actor, ids[1], "communaute", "Finalement moins proche")  # moved again since

    undone = circle_moves.undo_moves(db, actor, batch.moves)
    assert undone.moved == 1 and undone.unchanged == 1
    assert circles(db, actor, ids) == ["grand_public", "communaute"]
    last = circle_moves.history(db, actor, ids[0])[-1]
    assert (last.from_circle, last.to_circle) == ("proches", "grand_public")
    assert last.reason == "Annulation du déplacement (Atelier couture)"
    assert len(circle_moves.history(db, actor, ids[0])) == 3  # every move is kept


# -- touch points -----------------------------------------------------------------------------


def test_a_deleted_touch_point_comes_back_whole(db: Database, actor: Actor) -> None:
    cid = person(db, actor, "A")
    when = datetime.now(UTC) - timedelta(days=3)
    point = touch_points.add_touch_point(db, actor, cid, "call", "Appel pour l'atelier", when)
    deleted = touch_points.delete_touch_point(db, actor, point.id)
    assert deleted == point
    assert touch_points.timeline(db, actor, cid) == []
    assert get_contact(db, actor, cid).last_touch_at is None

    assert touch_points.restore_touch_point(db, actor, deleted) == point
    assert touch_points.timeline(db, actor, cid) == [point]
    assert get_contact(db, actor, cid).last_touch_at == point.occurred_at
    with pytest.raises(UserError, match="existe déjà"):
        touch_points.restore_touch_point(db, actor, deleted)


def test_an_erased_contacts_touch_points_stay_as_they_are(db: Database, actor: Actor) -> None:
    cid = person(db, actor, "A")
    point = touch_points.add_touch_point(db, actor, cid, "call", "Appel")
    gdpr.erase_person(db, actor, cid, confirm=True)
    with pytest.raises(UserError, match="effacé"):
        touch_points.delete_touch_point(db, actor, point.id)
    with pytest.raises(UserError, match="effacé"):
        touch_points.update_touch_point(db, actor, point.id, "note", "", point.occurred_at)


# -- tags and segments ------------------------------------------------------------------------


def test_merging_tags_keeps_every_contact_once_and_follows_in_segments(db: Database, actor: Actor) -> None:
    ids = [person(db, actor, f"P{i}") for i in range(3)]
    tags.tag_contacts(db, actor, ids[:2], "bénévole")
    tags.tag_contacts(db, actor, ids[1:], "Bénévoles")
    kept = segments.save_segment(db, actor, "Bénévoles", ContactFilter(tags=("Bénévoles", "bénévole")))
    by_name = {t.name: t.id for t in tags.list_tags(db, actor)}

    merged = tags.merge_tags(db, actor, [by_name["Bénévoles"]], by_name["bénévole"])
    assert (merged.name, merged.contacts) == ("bénévole", 3)
    assert [t.name for t in tags.list_tags(db, actor)] == ["bénévole"]
    assert segments.get_segment(db, actor, kept.id).filter.tags == ("bénévole",)
    assert all(get_contact(db, actor, i).tags == ("bénévole",) for i in ids)


def test_segments_rename_and_merge_when_one_filter_can_say_both(db: Database, actor: Actor) -> None:
    proches = segments.save_segment(db, actor, "Proches Lyon", ContactFilter(circles=("proches",), text="Lyon"))
    communaute = segments.save_segment(
        db, actor, "Communauté Lyon", ContactFilter(circles=("communaute",), text="Lyon")
    )
    presse = segments.save_segment(db, actor, "Presse", ContactFilter(tags=("presse",)))

    renamed = segments.rename_segment(db, actor, proches.id, "  Lyon,   proches et communauté ")
    assert renamed.name == "Lyon, proches et communauté"
    with pytest.raises(ValidationError, match="s'appelle déjà"):
        segments.rename_segment(db, actor, presse.id, "communaute lyon")

    merged = segments.merge_segments(db, actor, [communaute.id], proches.id)
    assert merged.filter == ContactFilter(circles=("proches", "communaute"), text="Lyon")
    assert [s.name for s in segments.list_segments(db, actor)] == ["Lyon, proches et communauté", "Presse"]
    with pytest.raises(ValidationError, match="ne peuvent pas être fusionnés"):
        segments.merge_segments(db, actor, [presse.id], proches.id)
    assert len(segments.list_segments(db, actor)) == 2  # a refusal deletes nothing


def test_hand_picked_contacts_join_a_segment_through_its_tag(db: Database, actor: Actor) -> None:
    ids = [person(db, actor, f"P{i}") for i in range(4)]
    invited = segments.segment_of_contacts(db, actor, "Invités du 12 mai", ids[:2])
    assert contact_search.ids_for(db, actor, "", invited.filter) == ids[:2]
    assert segments.add_contacts_to_segment(db, actor, invited.id, ids[1:3]) == 1  # P1 was in already
    assert contact_search.ids_for(db, actor, "", invited.filter) == ids[:3]

    lyon = segments.save_segment(db, actor, "Lyon", ContactFilter(text="Lyon"))
    with pytest.raises(UserError, match="d'autres critères"):
        segments.add_contacts_to_segment(db, actor, lyon.id, ids)


# -- copy e-mails ---------------------------------------------------------------------------------


def consent(db: Database, actor: Actor, cid: int, purpose: str, *, withdrawn: bool = False) -> None:
    record = gdpr.add_consent(db, actor, cid, purpose, "J'accepte.")
    if withdrawn:
        gdpr.withdraw_consent(db, actor, record.id)


def test_copied_emails_respect_consent_and_count_the_others(db: Database, actor: Actor) -> None:
    newsletter = person(db, actor, "Anne", email="anne@exemple.fr")
    consent(db, actor, newsletter, "Lettre d'information")
    by_email = person(db, actor, "Bruno", email="bruno@exemple.fr")
    consent(db, actor, by_email, "Être recontacté par e-mail")
    photos_only = person(db, actor, "Chloé", email="chloe@exemple.fr")
    consent(db, actor, photos_only, "Droit à l'image")
    withdrawn = person(db, actor, "Denis", email="denis@exemple.fr")
    consent(db, actor, withdrawn, "Newsletter", withdrawn=True)
    no_email = person(db, actor, "Emma")
    consent(db, actor, no_email, "Lettre d'information")
    archived = person(db, actor, "Félix", email="felix@exemple.fr")
    consent(db, actor, archived, "Lettre d'information")
    archive_contact(db, actor, archived)

    copy = emails_to_copy(db, actor, ContactSelection())
    assert copy.addresses == ("anne@exemple.fr", "bruno@exemple.fr")
    assert (copy.without_consent, copy.without_email) == (2, 1)
    assert copy.text() == "anne@exemple.fr; bruno@exemple.fr"

    only = emails_to_copy(db, actor, ContactSelection(contact_ids=(photos_only, newsletter)))
    assert only.addresses == ("anne@exemple.fr",) and only.without_consent == 1
