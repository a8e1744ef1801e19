"""Duplicates: pairs by e-mail, phone and similar name in the same city; merge keeps
everything; undo puts both contacts back exactly; ignored pairs stay ignored."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.models.consent import Consent
from communitydesk.models.contacts import CircleMove, Contact, TouchPoint, contact_tags
from communitydesk.services import contact_search, duplicates, gdpr, tags, touch_points
from communitydesk.services.contacts import (
    ContactInput,
    create_contact,
    get_contact,
    restore_contact,
    update_contact,
)
from communitydesk.services.duplicates import DuplicateReason
from communitydesk.services.permissions import Actor


def add(db: Database, actor: Actor, first: str, last: str, **fields: Any) -> int:
    return create_contact(db, actor, ContactInput(first_name=first, last_name=last, **fields)).id


def test_pairs_by_email_phone_and_name(db: Database, actor: Actor) -> None:
    a = add(db, actor, "Jeanne", "Roux", email="jeanne.roux@exemple.fr", city="Grenoble", postcode="38000")
    b = add(db, actor, "J.", "Roux", email="Jeanne.Roux@Exemple.FR", city="Échirolles", postcode="38130")
    c = add(db, actor, "Marc", "Lefèvre", phone="06 12 34 56 78", city="Nantes", postcode="44000")
    d = add(db, actor, "Marc", "Lefebvre", phone="+33 6 12 34 56 78", city="Rezé", postcode="44400")
    e = add(db, actor, "Hélène", "Martin", city="Lyon", postcode="69007")
    f = add(db, actor, "Helene", "Martin", city="LYON", postcode="69003")
    add(db, actor, "Hélène", "Martin", city="Paris", postcode="75011")  # same name, another city
    add(db, actor, "Jean", "Martin", city="Lyon", postcode="69007")  # another person
    pairs = {(p.first.id, p.second.id): p for p in duplicates.find_duplicates(db, actor)}
    assert set(pairs) == {(a, b), (c, d), (e, f)}
    assert pairs[(a, b)].reasons == (DuplicateReason.SAME_EMAIL,) and pairs[(a, b)].score == 100
    assert pairs[(c, d)].reasons == (DuplicateReason.SAME_PHONE,) and pairs[(c, d)].score == 95
    assert pairs[(e, f)].reasons == (DuplicateReason.SIMILAR_NAME,) and pairs[(e, f)].score == 100
    assert [p.score for p in duplicates.find_duplicates(db, actor)] == [100, 100, 95]
    assert pairs[(e, f)].first.display_name == "Hélène Martin"
    assert duplicates.reason_label(DuplicateReason.SIMILAR_NAME) == "Nom proche, même ville"


def test_several_reasons_and_duplicates_of_one(db: Database, actor: Actor) -> None:
    a = add(db, actor, "Lucie", "Perrin", email="lucie@exemple.fr", phone="0611223344", city="Dijon")
    b = add(db, actor, "Lucie", "Perrin", email="LUCIE@exemple.fr", phone="06 11 22 33 44", city="Dijon")
    (pair,) = duplicates.find_duplicates(db, actor)
    assert pair.reasons == (DuplicateReason.SAME_EMAIL, DuplicateReason.SAME_PHONE, DuplicateReason.SIMILAR_NAME)
    (mine,) = duplicates.duplicates_of(db, actor, b)
    assert (mine.first.id, mine.second.id) == (a, b) and len(mine.reasons) == 3


def test_ignored_pair_is_not_proposed_again(db: Database, actor: Actor) -> None:
    a = add(db, actor, "Paul", "Girard", city="Tours")
    b = add(db, actor, "Paul", "Girard", city="Tours")
    duplicates.ignore_pair(db, actor, b, a)
    duplicates.ignore_pair(db, actor, a, b)  # twice is fine
    assert duplicates.find_duplicates(db, actor) == []
    assert duplicates.duplicates_of(db, actor, a) == []


def state(db: Database, *ids: int) -> dict[str, Any]:
    """Everything about the contacts, to compare before a merge and after its undo."""
    with db.sessions() as session:

        def rows(query: Any) -> list[tuple[Any, ...]]:
            return sorted(tuple(r) for r in session.execute(query))

        contacts = {
            row["id"]: {k: v for k, v in row.items() if k not in ("version_id",)}
            for row in (dict(r._mapping) for r in session.execute(select(Contact.__table__).where(Contact.id.in_(ids))))
        }
        return {
            "contacts": contacts,
            "touch_points": rows(select(TouchPoint.id, TouchPoint.contact_id, TouchPoint.summary)),
            "moves": rows(select(CircleMove.id, CircleMove.contact_id, CircleMove.to_circle)),
            "tags": rows(select(contact_tags.c.contact_id, contact_tags.c.tag_id)),
            "consents": rows(select(Consent.id, Consent.contact_id)),
        }


@pytest.fixture
def pair(db: Database, actor: Actor) -> tuple[int, int]:
    keep = add(
        db, actor, "Hélène", "Martin", email="helene@exemple.fr", city="Lyon", postcode="69007", circle="communaute"
    )
    absorb = add(
        db,
        actor,
        "Helene",
        "Martin",
        phone="07 81 22 33 44",
        city="Lyon",
        postcode="69007",
        notes="Rencontrée au salon",
        circle="proches",
    )
    touch_points.add_touch_point(db, actor, keep, "call", "Appel de bienvenue")
    touch_points.add_touch_point(db, actor, absorb, "meeting", "Café au salon")
    tags.tag_contacts(db, actor, [keep, absorb], "bénévole")
    tags.tag_contacts(db, actor, [absorb], "presse")
    gdpr.add_consent(db, actor, absorb, "Lettre d'information", "J'accepte de recevoir la lettre.", "salon")
    return keep, absorb


def test_merge_keeps_everything_and_undo_restores_exactly(db: Database, actor: Actor, pair: tuple[int, int]) -> None:
    keep, absorb = pair
    before = state(db, keep, absorb)
    assert duplicates.suggest_fields(db, actor, keep, absorb) == ["phone", "notes"]
    merge = duplicates.merge_contacts(db, actor, keep, absorb, ["phone", "notes", "circle"])
    kept = get_contact(db, actor, keep)
    assert (kept.data.phone, kept.phone_key, kept.data.notes, kept.data.circle) == (
        "07 81 22 33 44",
        "+33781223344",
        "Rencontrée au salon",
        "proches",
    )
    assert kept.data.first_name == "Hélène" and kept.tags == ("bénévole", "presse")
    assert [p.summary for p in touch_points.timeline(db, actor, keep)] == ["Café au salon", "Appel de bienvenue"]
    assert len(gdpr.list_consents(db, actor, keep)) == 1
    assert get_contact(db, actor, absorb).archived_at is not None
    assert contact_search.ids_for(db, actor, "martin") == [keep]
    assert duplicates.find_duplicates(db, actor) == []
    (listed,) = duplicates.list_merges(db, actor, keep)
    assert (listed.id, listed.absorbed_name, listed.can_undo) == (merge.id, "Helene Martin", True)

    duplicates.undo_merge(db, actor, merge.id)
    after = state(db, keep, absorb)
    assert after == before
    assert sorted(contact_search.ids_for(db, actor, "martin")) == [keep, absorb]
    assert duplicates.list_merges(db, actor)[0].can_undo is False
    with pytest.raises(UserError, match="déjà été annulée"):
        duplicates.undo_merge(db, actor, merge.id)


def test_undo_after_an_edit_is_refused(db: Database, actor: Actor, pair: tuple[int, int]) -> None:
    keep, absorb = pair
    merge = duplicates.merge_contacts(db, actor, keep, absorb)
    sheet = get_contact(db, actor, keep)
    from dataclasses import replace

    update_contact(db, actor, keep, sheet.version_id, replace(sheet.data, notes="Modifiée après"))
    with pytest.raises(ConflictError):
        duplicates.undo_merge(db, actor, merge.id)
    assert get_contact(db, actor, absorb).archived_at is not None


def test_chained_merges_undo_in_reverse_order(db: Database, actor: Actor, pair: tuple[int, int]) -> None:
    keep, absorb = pair
    third = add(db, actor, "Hélène", "Martin", email="h.martin@mail.example", city="Lyon")
    before = state(db, keep, absorb, third)
    first = duplicates.merge_contacts(db, actor, keep, absorb)
    second = duplicates.merge_contacts(db, actor, keep, third)
    with pytest.raises(ConflictError):
        duplicates.undo_merge(db, actor, first.id)
    duplicates.undo_merge(db, actor, second.id)
    duplicates.undo_merge(db, actor, first.id)
    assert state(db, keep, absorb, third) == before


def test_merge_refusals(db: Database, actor: Actor, pair: tuple[int, int]) -> None:
    keep, absorb = pair
    with pytest.raises(ValidationError):
        duplicates.merge_contacts(db, actor, keep, keep)
    with pytest.raises(ValidationError, match="inconnu"):
        duplicates.merge_contacts(db, actor, keep, absorb, ["version_id"])
    duplicates.merge_contacts(db, actor, keep, absorb)
    with pytest.raises(UserError, match="actifs"):
        duplicates.merge_contacts(db, actor, keep, absorb)
    with pytest.raises(UserError, match="annulez la fusion"):
        restore_contact(db, actor, absorb)


def test_finding_pairs_stays_blocked_at_a_few_thousand(db: Database, actor: Actor) -> None:
    from communitydesk.services.demo import populate

    populate(db, actor, contacts=3000, seed=5)
    pairs = duplicates.find_duplicates(db, actor)
    reasons = {r for p in pairs for r in p.reasons}
    # The demo plants one pair of each kind.
    assert reasons == set(DuplicateReason)
    names = {(p.first.display_name, p.second.display_name) for p in pairs}
    assert ("Hélène Martin", "Helene Martin") in names


def test_merge_keeps_the_other_address_and_number_as_secondary(db: Database, actor: Actor) -> None:
    keep = add(db, actor, "Lucie", "Perrin", email="lucie@exemple.fr", phone="06 11 22 33 44", city="Dijon")
    absorb = add(
        db,
        actor,
        "Lucie",
        "Perrin",
        email="lucie.perrin@asso.example",
        email_secondary="LUCIE@exemple.fr",  # the kept one's address, typed otherwise: not repeated
        phone="+33 7 81 22 33 44",
        phone_secondary="0611223344",  # the kept one's number in another notation
        city="Dijon",
    )
    merge = duplicates.merge_contacts(db, actor, keep, absorb)
    kept = get_contact(db, actor, keep).data
    assert (kept.email, kept.email_secondary) == ("lucie@exemple.fr", "lucie.perrin@asso.example")
    assert (kept.phone, kept.phone_secondary) == ("06 11 22 33 44", "+33 7 81 22 33 44")
    assert kept.notes == ""
    assert merge.as_secondary == ("lucie.perrin@asso.example", "+33 7 81 22 33 44")
    assert merge.in_notes == ()
    # The main address and number still match the kept card (keys unchanged); a search finds
    # it by the absorbed card's number and address too.
    assert get_contact(db, actor, keep).email_key == "lucie@exemple.fr"
    assert contact_search.ids_for(db, actor, "07 81 22") == [keep]
    assert contact_search.ids_for(db, actor, "lucie.perrin@asso") == [keep]


def test_what_does_not_fit_goes_to_the_notes_and_undo_restores_exactly(db: Database, actor: Actor) -> None:
    keep = add(
        db,
        actor,
        "Hélène",
        "Martin",
        email="helene@exemple.fr",
        email_secondary="h.martin@travail.example",
        phone="06 12 34 56 78",
        phone_secondary="04 72 00 00 00",
        notes="Aime les ateliers couture.",
        city="Lyon",
    )
    absorb = add(
        db,
        actor,
        "Helene",
        "Martin",
        email="helene.martin@mail.example",
        email_secondary="helene@Exemple.fr",
        phone="+33 6 12 34 56 78",
        phone_secondary="07 81 22 33 44",
        city="Lyon",
    )
    before = state(db, keep, absorb)
    # The absorbed card's e-mail is chosen: the kept card's own main address must not be lost either.
    merge = duplicates.merge_contacts(db, actor, keep, absorb, ["email"])
    kept = get_contact(db, actor, keep)
    assert (kept.data.email, kept.email_key) == ("helene.martin@mail.example", "helene.martin@mail.example")
    assert (kept.data.email_secondary, kept.data.phone, kept.data.phone_secondary) == (
        "h.martin@travail.example",
        "06 12 34 56 78",
        "04 72 00 00 00",
    )
    assert kept.data.notes == (
        "Aime les ateliers couture.\n"
        "Coordonnées reprises de « Helene Martin » lors d'une fusion : "
        "E-mail helene@exemple.fr ; Téléphone 07 81 22 33 44"
    )
    assert merge.as_secondary == ()
    assert merge.in_notes == ("helene@exemple.fr", "07 81 22 33 44")

    duplicates.undo_merge(db, actor, merge.id)
    assert state(db, keep, absorb) == before


def test_the_merge_is_on_the_timeline_of_both_cards(db: Database, actor: Actor, pair: tuple[int, int]) -> None:
    from communitydesk.services.contact_sheet import read_contact_sheet

    keep, absorb = pair
    merge = duplicates.merge_contacts(db, actor, keep, absorb)
    (entry,) = read_contact_sheet(db, actor, keep).merges
    assert (entry.id, entry.kept_id, entry.absorbed_name, entry.merged_by) == (
        merge.id,
        keep,
        "Helene Martin",
        actor.name,
    )
    assert entry.merged_at == merge.merged_at and entry.undone_at is None
    assert [m.id for m in read_contact_sheet(db, actor, absorb).merges] == [merge.id]

    undoer = Actor(name="Camille")
    duplicates.undo_merge(db, undoer, merge.id)
    (entry,) = read_contact_sheet(db, actor, keep).merges
    assert entry.undone_at is not None and entry.undone_by == "Camille"


def test_an_erasure_blanks_the_merge_on_the_timeline(db: Database, actor: Actor, pair: tuple[int, int]) -> None:
    from communitydesk.services.contact_sheet import read_contact_sheet

    keep, absorb = pair
    other = add(db, actor, "Hélène", "Martin", email="h.martin@mail.example", phone="06 99 88 77 66", city="Lyon")
    duplicates.merge_contacts(db, actor, keep, absorb)
    duplicates.merge_contacts(db, actor, keep, other)
    assert [m.absorbed_name for m in read_contact_sheet(db, actor, keep).merges] == ["Hélène Martin", "Helene Martin"]

    gdpr.erase_person(db, actor, keep, confirm=True)
    sheet = read_contact_sheet(db, actor, keep)
    assert [m.absorbed_name for m in sheet.merges] == ["Contact effacé", "Contact effacé"]
    assert sheet.merges[0].merged_by == actor.name  # who merged stays: it is the team's, not the person's
    assert sheet.details is not None
    kept = sheet.details.data
    assert (kept.email_secondary, kept.phone_secondary, kept.notes) == ("", "", "")


_EMAILS = ("", "lucie@exemple.fr", "LUCIE@Exemple.fr", "l.perrin@asso.example", "perrin@mail.example")
_PHONES = ("", "06 11 22 33 44", "+33 6 11 22 33 44", "07 81 22 33 44", "04 72 10 20 30", "0033 1 45 67 89 10")


@settings(max_examples=100, deadline=None)
@given(
    kept=st.tuples(*[st.sampled_from(pool) for pool in (_EMAILS, _EMAILS, _PHONES, _PHONES)]),
    absorbed=st.tuples(*[st.sampled_from(pool) for pool in (_EMAILS, _EMAILS, _PHONES, _PHONES)]),
    chosen=st.sets(st.sampled_from(("email", "email_secondary", "phone", "phone_secondary"))),
)
def test_no_address_or_number_is_lost_by_a_merge(
    kept: tuple[str, str, str, str], absorbed: tuple[str, str, str, str], chosen: set[str]
) -> None:
    from dataclasses import replace

    from communitydesk.rules.contact_keys import email_key, phone_key
    from communitydesk.services.duplicates import keep_every_channel

    names = ("email", "email_secondary", "phone", "phone_secondary")
    kept_card = ContactInput(last_name="Perrin", notes="Déjà là", **dict(zip(names, kept, strict=True)))
    absorbed_card = ContactInput(last_name="Perrin", **dict(zip(names, absorbed, strict=True)))
    merged = replace(kept_card, **{name: getattr(absorbed_card, name) for name in chosen})
    result, aside = keep_every_channel(merged, (kept_card, absorbed_card), "Lucie Perrin")

    def key(name: str, value: str) -> str:
        return email_key(value) if name.startswith("email") else phone_key(value)

    for card in (kept_card, absorbed_card):
        for name in names:
            value = getattr(card, name)
            fields = ("email", "email_secondary") if name.startswith("email") else ("phone", "phone_secondary")
            shown = {key(name, getattr(result, f)) for f in fields if getattr(result, f)}
            noted = {key(name, v) for v in aside.in_notes if v in result.notes}
            assert not value or key(name, value) in shown | noted, (name, value)
    # What the merge chose stays; a secondary is only filled when it was empty; nothing is said twice.
    assert (result.email, result.phone) == (merged.email, merged.phone)
    for name in ("email_secondary", "phone_secondary"):
        assert getattr(merged, name) in ("", getattr(result, name))
    assert result.notes.startswith("Déjà là")
    assert len(set(aside.as_secondary + aside.in_notes)) == len(aside.as_secondary + aside.in_notes)
    assert (result.notes == "Déjà là") == (aside.in_notes == ())
