"""A paper sign-in sheet typed back: matching, attendance once, one touch point, consents, resuming."""

from __future__ import annotations

from datetime import timedelta

import pytest

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.records.events import EventDraft, SignInLineDraft
from communitydesk.services import events, gdpr, sign_in_sheet, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Action, Actor, Role
from communitydesk.services.sign_in_sheet import CREATE

DOOR = Actor(name="Bénévole", role=Role.VOLUNTEER, rights=frozenset({Action.READ, Action.ENTER_SIGN_IN}))


@pytest.fixture
def event_id(db: Database, actor: Actor) -> int:
    day = formatting.local_today() - timedelta(days=3)
    return events.create_event(db, actor, EventDraft(name="Réunion de rentrée", starts_on=day))


def _contact(db: Database, actor: Actor, first: str, last: str, **fields: str) -> int:
    return create_contact(db, actor, ContactInput(first_name=first, last_name=last, **fields)).id  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "typed",
    ["06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678", "0612345678", "+33 (0)6 12 34 56 78"],
)
def test_every_french_phone_notation_finds_the_contact(db: Database, actor: Actor, event_id: int, typed: str) -> None:
    helene = _contact(db, actor, "Hélène", "Durand", phone="06 12 34 56 78")
    [found] = sign_in_sheet.candidates(db, actor, event_id, SignInLineDraft(last_name="X", phone=typed))
    assert (found.contact_id, found.reason) == (helene, "phone")


@pytest.mark.parametrize(
    ("last", "first"), [("DURAND", "helene"), ("durand", "Hélène"), ("Hélène", "Durand"), ("  Durand ", " HÉLÈNE")]
)
def test_names_match_blind_to_accents_case_and_order(
    db: Database, actor: Actor, event_id: int, last: str, first: str
) -> None:
    helene = _contact(db, actor, "Hélène", "Durand")
    found = sign_in_sheet.candidates(db, actor, event_id, SignInLineDraft(last_name=last, first_name=first))
    assert [(c.contact_id, c.reason) for c in found] == [(helene, "name")]


def test_email_comes_before_phone_before_name(db: Database, actor: Actor, event_id: int) -> None:
    by_name = _contact(db, actor, "Paul", "Martin")
    by_phone = _contact(db, actor, "Paulo", "Martins", phone="07 11 22 33 44")
    by_email = _contact(db, actor, "P.", "M.", email="paul.martin@exemple.fr")
    line = SignInLineDraft(last_name="Martin", first_name="Paul", email="Paul.Martin@Exemple.FR", phone="0711223344")
    found = sign_in_sheet.candidates(db, actor, event_id, line)
    assert [(c.contact_id, c.reason) for c in found] == [(by_email, "email"), (by_phone, "phone"), (by_name, "name")]
    record = sign_in_sheet.save_line(db, actor, event_id, 1, line)
    assert (record.contact_id, record.outcome, record.reason) == (by_email, "matched", "email")


def test_a_line_marks_presence_once_one_touch_point_and_consents_with_the_printed_words(
    db: Database, actor: Actor, event_id: int
) -> None:
    alice = _contact(db, actor, "Alice", "Martin", email="alice@exemple.fr")
    line = SignInLineDraft(
        last_name="Martin", first_name="Alice", email="alice@exemple.fr", consents=("newsletter", "photos")
    )
    first = sign_in_sheet.save_line(db, DOOR, event_id, 1, line)
    again = sign_in_sheet.save_line(db, DOOR, event_id, 1, line)
    assert first.added_attendance and first.added_consents == 2
    assert not again.added_attendance and again.added_consents == 0
    record = events.event(db, actor, event_id)
    assert [(p.contact_id, p.status, p.sheet_line) for p in record.participants] == [(alice, "present", 1)]
    points = [p for p in touch_points.timeline(db, actor, alice) if p.kind == "event"]
    assert len(points) == 1 and "Réunion de rentrée" in points[0].summary
    consents = gdpr.list_consents(db, actor, alice)
    printed = {w.purpose: w.wording for w in record.wordings}
    assert sorted((c.purpose, c.wording) for c in consents) == sorted((p, printed[p]) for p in ("newsletter", "photos"))
    assert all(c.source.startswith("Feuille d'émargement — Réunion de rentrée") for c in consents)
    assert get_contact(db, actor, alice).last_touch_at is not None


def test_an_unknown_person_becomes_a_grand_public_contact_from_the_event(
    db: Database, actor: Actor, event_id: int
) -> None:
    record = sign_in_sheet.save_line(db, DOOR, event_id, 1, SignInLineDraft(last_name="Nguyen", first_name="Lan"))
    assert record.outcome == "created" and record.contact_id is not None
    created = get_contact(db, actor, record.contact_id)
    assert created.data.circle == "grand_public" and "Réunion de rentrée" in created.data.source
    # The next line with the same name finds the contact the sheet just created.
    [found] = sign_in_sheet.candidates(db, actor, event_id, SignInLineDraft(last_name="NGUYEN", first_name="lan"))
    assert found.contact_id == record.contact_id


def test_typing_resumes_from_what_was_saved(db: Database, actor: Actor, event_id: int) -> None:
    sign_in_sheet.save_line(db, actor, event_id, 1, SignInLineDraft(last_name="Nguyen", first_name="Lan"))
    sign_in_sheet.save_line(db, actor, event_id, 2, SignInLineDraft())
    sign_in_sheet.save_line(db, actor, event_id, 3, SignInLineDraft(last_name="Petit", first_name="Bruno"))
    saved = sign_in_sheet.lines(db, actor, event_id)
    assert [(s.line_no, s.outcome) for s in saved] == [(1, "created"), (2, "skipped"), (3, "created")]
    assert saved[0].contact_name == "Lan Nguyen"


def test_the_same_line_saved_twice_creates_one_contact(db: Database, actor: Actor, event_id: int) -> None:
    line = SignInLineDraft(last_name="Nguyen", first_name="Lan")
    one = sign_in_sheet.save_line(db, actor, event_id, 1, line, CREATE)
    two = sign_in_sheet.save_line(db, actor, event_id, 1, line)
    assert one.contact_id == two.contact_id
    assert len(events.event(db, actor, event_id).participants) == 1


def test_the_personal_data_export_holds_the_lines_and_erasure_blanks_them(
    db: Database, actor: Actor, event_id: int
) -> None:
    line = SignInLineDraft(last_name="Nguyen", first_name="Lan", email="lan.nguyen@exemple.fr", consents=("photos",))
    contact_id = sign_in_sheet.save_line(db, actor, event_id, 1, line).contact_id
    assert contact_id is not None
    held = gdpr.export_person(db, actor, contact_id)["autres_données"]
    [written] = held["lignes_de_feuilles_d_émargement"]
    assert written["e_mail"] == "lan.nguyen@exemple.fr" and written["numéro_de_ligne"] == 1
    assert held["participations_aux_événements"][0]["statut"] == "present"
    gdpr.erase_person(db, actor, contact_id, confirm=True)
    [kept] = sign_in_sheet.lines(db, actor, event_id)
    assert (kept.draft.last_name, kept.draft.email, kept.outcome) == ("", "", "created")
    assert events.events(db, actor)[0].present == 1


def test_consents_cite_the_wording_printed_for_the_event_not_a_later_one(
    db: Database, actor: Actor, event_id: int
) -> None:
    printed = {w.purpose: w.wording for w in events.event(db, actor, event_id).wordings}
    events.update_wording(db, actor, "newsletter", "Nouvelle phrase, écrite après l'impression.")
    line = SignInLineDraft(last_name="Nguyen", first_name="Lan", consents=("newsletter",))
    contact_id = sign_in_sheet.save_line(db, actor, event_id, 1, line).contact_id
    assert contact_id is not None
    [consent] = gdpr.list_consents(db, actor, contact_id)
    assert consent.wording == printed["newsletter"]


def test_retyping_a_line_for_someone_else_gives_back_what_it_gave(db: Database, actor: Actor, event_id: int) -> None:
    alice = _contact(db, actor, "Alice", "Martin", email="alice@exemple.fr")
    bruno = _contact(db, actor, "Bruno", "Petit", email="bruno@exemple.fr")
    events.set_status(db, actor, event_id, alice, "inscrit")
    sign_in_sheet.save_line(
        db, actor, event_id, 1, SignInLineDraft("Martin", "Alice", "alice@exemple.fr", consents=("photos",))
    )
    fixed = sign_in_sheet.save_line(
        db, actor, event_id, 1, SignInLineDraft("Petit", "Bruno", "bruno@exemple.fr", consents=("photos",))
    )
    assert fixed.contact_id == bruno and fixed.added_attendance and fixed.added_consents == 1
    status = {p.contact_id: p.status for p in events.event(db, actor, event_id).participants}
    assert status == {alice: "inscrit", bruno: "present"}  # Alice registered, but did not sign after all
    assert gdpr.list_consents(db, actor, alice) == []
    assert [p.kind for p in touch_points.timeline(db, actor, alice)] == []
    assert len(sign_in_sheet.lines(db, actor, event_id)) == 1


def test_a_box_unticked_on_retyping_takes_its_consent_back(db: Database, actor: Actor, event_id: int) -> None:
    line = SignInLineDraft("Nguyen", "Lan", consents=("newsletter", "photos"))
    contact_id = sign_in_sheet.save_line(db, actor, event_id, 1, line).contact_id
    assert contact_id is not None
    sign_in_sheet.save_line(db, actor, event_id, 1, SignInLineDraft("Nguyen", "Lan", consents=("newsletter",)))
    assert [c.purpose for c in gdpr.list_consents(db, actor, contact_id)] == ["newsletter"]


def test_a_line_emptied_on_retyping_is_skipped_and_forgets_its_person(
    db: Database, actor: Actor, event_id: int
) -> None:
    sign_in_sheet.save_line(db, actor, event_id, 1, SignInLineDraft("Nguyen", "Lan", consents=("photos",)))
    record = sign_in_sheet.save_line(db, actor, event_id, 1, SignInLineDraft())
    assert (record.outcome, record.contact_id) == ("skipped", None)
    assert events.event(db, actor, event_id).participants == ()


def test_a_name_several_contacts_carry_creates_a_new_one_with_a_warning(
    db: Database, actor: Actor, event_id: int
) -> None:
    _contact(db, actor, "Léa", "Roux", email="lea@exemple.fr")
    _contact(db, actor, "Léa", "Roux", email="lea.roux@exemple.fr")
    record = sign_in_sheet.save_line(db, actor, event_id, 1, SignInLineDraft("ROUX", "lea"))
    assert record.outcome == "created" and "2 contacts" in record.warning
    assert len(sign_in_sheet.candidates(db, actor, event_id, SignInLineDraft("Roux", "Léa"))) == 3
    again = sign_in_sheet.save_line(db, actor, event_id, 1, SignInLineDraft("ROUX", "lea"))
    assert again.contact_id == record.contact_id and again.warning == ""


def test_wrong_cells_are_refused_naming_the_field_and_nothing_is_saved(
    db: Database, actor: Actor, event_id: int
) -> None:
    from communitydesk.errors import ValidationError

    for draft, field in (
        (SignInLineDraft("Nguyen", "Lan", email="lan@"), "email"),
        (SignInLineDraft("Nguyen", "Lan", phone="12"), "phone"),
        (SignInLineDraft("Nguyen", "Lan", consents=("sms",)), "consents"),
    ):
        with pytest.raises(ValidationError) as caught:
            sign_in_sheet.save_line(db, actor, event_id, 1, draft)
        assert caught.value.field == field
    assert sign_in_sheet.lines(db, actor, event_id) == []


def test_a_profile_without_the_sign_in_right_may_not_type_a_sheet(db: Database, event_id: int) -> None:
    from communitydesk.errors import PermissionDenied

    reader = Actor(name="Lecture", role=Role.VOLUNTEER, rights=frozenset({Action.READ}))
    with pytest.raises(PermissionDenied):
        sign_in_sheet.save_line(db, reader, event_id, 1, SignInLineDraft("Nguyen", "Lan"))
