"""Ambassador programme services: membership, funnel, missions, rewards, charter, warnings."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied, UserError, ValidationError
from communitydesk.records.ambassadors import AmbassadorDraft, AmbassadorFilter, MissionDraft, MissionFilter
from communitydesk.records.changes import Changes
from communitydesk.records.editorial import PublicationDraft
from communitydesk.rules.ambassadors import STAGE_TRANSITIONS, Stage, referral_url
from communitydesk.services import ambassador_charters as charters
from communitydesk.services import ambassadors, editorial, missions, settings
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Action, Actor, Role

TODAY = formatting.local_today()
NO_VALIDATION = Actor(name="Malik", role=Role.VOLUNTEER, rights=frozenset(Action) - {Action.VALIDATE_MISSIONS})


def _person(db: Database, actor: Actor, first: str = "Chloé", last: str = "Mercier") -> int:
    return create_contact(db, actor, ContactInput(first_name=first, last_name=last)).id


def _member(db: Database, actor: Actor, first: str = "Chloé", type: str = "passionne", **kw: object) -> int:
    return ambassadors.enrol(db, actor, _person(db, actor, first), type, **kw)  # type: ignore[arg-type]


def _walk(db: Database, actor: Actor, ambassador_id: int, *stages: Stage, on: date | None = None) -> None:
    for stage in stages:
        ambassadors.move_stage(db, actor, ambassador_id, stage.value, changed_on=on)


def test_enrol_makes_a_candidate_with_a_readable_unique_code(db: Database, actor: Actor) -> None:
    first = _member(db, actor, "Chloé")
    second = _member(db, actor, "Chloé")
    one, two = ambassadors.ambassador(db, actor, first), ambassadors.ambassador(db, actor, second)
    assert one.stage == "candidat" and one.stage_since == TODAY and one.name == "Chloé Mercier"
    for code in (one.referral_code, two.referral_code):
        assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6,8}", code), code
    assert one.referral_code != two.referral_code
    assert [(c.from_stage, c.to_stage) for c in one.stage_changes] == [(None, "candidat")]
    assert one.level is not None and one.level.slug == "debutant" and one.points == 0


def test_a_contact_is_enrolled_once(db: Database, actor: Actor) -> None:
    contact = _person(db, actor)
    ambassadors.enrol(db, actor, contact, "client")
    with pytest.raises(ValidationError, match="déjà dans le programme"):
        ambassadors.enrol(db, actor, contact, "client")
    assert ambassadors.ambassador_for_contact(db, actor, contact) is not None
    assert ambassadors.ambassador_for_contact(db, actor, _person(db, actor, "Paul")) is None


def test_enrol_writes_the_default_roles_levels_and_charter_once(db: Database, actor: Actor) -> None:
    assert [r.name for r in ambassadors.roles(db, actor)] == ["dénicheur", "reporter", "berger", "paparazzi"]
    assert ambassadors.roles(db, actor)[0].id is None  # not written by a read
    _member(db, actor)
    roles = ambassadors.roles(db, actor)
    assert all(r.id for r in roles) and len(roles) == 4
    assert [lv.slug for lv in ambassadors.levels(db, actor)] == [
        "debutant",
        "habitue",
        "confirme",
        "expert",
        "ambassadeur",
    ]
    (v1,) = charters.charters(db, actor)
    assert v1.version == 1 and len(v1.ambassador_commitments) == 5 and len(v1.organisation_commitments) == 5
    _member(db, actor, "Paul")
    assert len(ambassadors.roles(db, actor)) == 4


def test_update_saves_roles_audiences_and_skills(db: Database, actor: Actor) -> None:
    aid = _member(db, actor)
    reporter = next(r for r in ambassadors.roles(db, actor) if r.name == "reporter")
    draft = AmbassadorDraft(
        type="influenceur",
        role_ids=(reporter.id or 0,),
        territory="  Lyon   3e ",
        skills="photo, vidéo",
        audiences=(("instagram", 1200), ("linkedin", 300)),
    )
    saved = ambassadors.update_ambassador(db, actor, aid, draft)
    assert saved.type == "influenceur" and saved.territory == "Lyon 3e"
    assert [r.name for r in saved.roles] == ["reporter"]
    assert saved.audiences == (("instagram", 1200), ("linkedin", 300))
    assert [r.id for r in ambassadors.ambassadors(db, actor, AmbassadorFilter(role_id=reporter.id))] == [aid]
    assert ambassadors.ambassadors(db, actor, AmbassadorFilter(text="lyon"))[0].id == aid
    with pytest.raises(ValidationError):
        ambassadors.update_ambassador(db, actor, aid, AmbassadorDraft(type="chef"))


def test_every_stage_move_outside_the_transitions_is_refused(db: Database, actor: Actor) -> None:
    path = {
        Stage.CANDIDAT: (),
        Stage.SELECTIONNE: (Stage.SELECTIONNE,),
        Stage.ACCUEILLI: (Stage.SELECTIONNE, Stage.ACCUEILLI),
        Stage.ACTIF: (Stage.SELECTIONNE, Stage.ACCUEILLI, Stage.ACTIF),
        Stage.INACTIF: (Stage.INACTIF,),
    }
    for n, (start, steps) in enumerate(path.items()):
        aid = _member(db, actor, f"Personne{n}")
        _walk(db, actor, aid, *steps)
        for target in Stage:
            if target in STAGE_TRANSITIONS[start]:
                continue
            with pytest.raises(ValidationError) as refused:
                ambassadors.move_stage(db, actor, aid, target.value)
            assert f"« {start.label()} »" in str(refused.value) and f"« {target.label()} »" in str(refused.value)
        assert ambassadors.ambassador(db, actor, aid).stage == start.value


def test_a_move_is_kept_with_its_day_and_author(db: Database, actor: Actor) -> None:
    aid = ambassadors.enrol(db, actor, _person(db, actor), "client", enrolled_on=TODAY - timedelta(days=10))
    record = ambassadors.move_stage(db, actor, aid, "selectionne", changed_on=TODAY - timedelta(days=3))
    assert record.stage == "selectionne" and record.stage_since == TODAY - timedelta(days=3)
    assert record.stage_changes[-1].changed_by == actor.name
    with pytest.raises(ValidationError):
        ambassadors.move_stage(db, actor, aid, "accueilli", changed_on=TODAY + timedelta(days=1))


def test_funnel_counts_and_conversion_over_everyone_who_reached_a_stage(db: Database, actor: Actor) -> None:
    ids = [_member(db, actor, f"P{i}") for i in range(10)]
    for aid in ids[:6]:
        _walk(db, actor, aid, Stage.SELECTIONNE)
    for aid in ids[:3]:
        _walk(db, actor, aid, Stage.ACCUEILLI)
    _walk(db, actor, ids[0], Stage.ACTIF, Stage.INACTIF)  # left, still counted as having reached actif
    _walk(db, actor, ids[9], Stage.INACTIF)  # a refused candidate
    found = ambassadors.funnel(db, actor)
    assert [(s.stage, s.count, s.reached) for s in found.steps] == [
        ("candidat", 3, 10),
        ("selectionne", 3, 6),
        ("accueilli", 2, 3),
        ("actif", 0, 1),
    ]
    assert [s.conversion for s in found.steps] == [None, 0.6, 0.5, pytest.approx(1 / 3)]
    assert found.inactive == 2 and found.total == 10


def test_idle_welcomed_are_the_welcomed_without_news_for_weeks(db: Database, actor: Actor) -> None:
    long_ago = TODAY - timedelta(weeks=6)
    idle, busy, recent = (
        ambassadors.enrol(db, actor, _person(db, actor, n), "client", enrolled_on=long_ago)
        for n in ("Idle", "Busy", "Recent")
    )
    for aid in (idle, busy):
        _walk(db, actor, aid, Stage.SELECTIONNE, Stage.ACCUEILLI, on=long_ago)
    _walk(db, actor, recent, Stage.SELECTIONNE, on=long_ago)
    _walk(db, actor, recent, Stage.ACCUEILLI, on=TODAY - timedelta(weeks=1))
    mid = missions.create_mission(db, actor, MissionDraft(title="Photo du stand", ambassador_id=busy))
    missions.complete_mission(db, actor, mid, proof_link="https://x.example/p", completed_on=TODAY - timedelta(days=5))
    assert [r.id for r in ambassadors.idle_welcomed(db, actor)] == [idle]
    assert [r.id for r in ambassadors.idle_welcomed(db, actor, weeks=8)] == []


def test_missions_from_created_to_validated_earn_points_and_a_level(db: Database, actor: Actor) -> None:
    aid = ambassadors.enrol(db, actor, _person(db, actor), "client", enrolled_on=TODAY - timedelta(days=70))
    # Seniority runs from the welcome (rules.ambassador_levels), not from the application.
    _walk(db, actor, aid, Stage.SELECTIONNE, Stage.ACCUEILLI, on=TODAY - timedelta(days=70))
    mid = missions.create_mission(db, actor, MissionDraft(title="Témoignage", kind="temoignage", points=10))
    assert missions.missions(db, actor, MissionFilter(unassigned=True))[0].id == mid
    with pytest.raises(ValidationError, match="Confiez"):
        missions.complete_mission(db, actor, mid, proof_link="https://x.example")
    missions.assign_mission(db, actor, mid, aid)
    done = missions.complete_mission(db, actor, mid, proof_link=" https://x.example/t ")
    assert done.status == "realisee" and done.proof_link == "https://x.example/t" and done.completed_on == TODAY
    with pytest.raises(PermissionDenied):
        missions.validate_mission(db, NO_VALIDATION, mid, True)
    valid = missions.validate_mission(db, actor, mid, True)
    assert valid.status == "validee" and valid.validated_by == actor.name and valid.validated_at is not None
    with pytest.raises(ValidationError):
        missions.validate_mission(db, actor, mid, False)
    member = ambassadors.ambassador(db, actor, aid)
    assert member.points == 10 and member.level is not None and member.level.slug == "habitue"
    other = missions.create_mission(db, actor, MissionDraft(title="Photo", points=5, ambassador_id=aid))
    missions.complete_mission(db, actor, other, proof_file="/photos/stand.jpg")
    assert missions.validate_mission(db, actor, other, False).status == "refusee"
    member = ambassadors.ambassador(db, actor, aid)
    assert member.points == 10 and member.level is not None and member.level.slug == "debutant"  # 50 % < 60 %


def test_rewards_and_commercial_warnings(db: Database, actor: Actor) -> None:
    paid = _member(db, actor, "Paul", type="paye")
    volunteer = _member(db, actor, "Vera")
    assert any("collaboration commerciale" in w for w in ambassadors.ambassador(db, actor, paid).warnings)
    assert ambassadors.ambassador(db, actor, volunteer).warnings == ()
    ambassadors.record_reward(db, actor, volunteer, "argent", "Merci", 5000)
    warnings = ambassadors.ambassador(db, actor, volunteer).warnings
    assert any("travail dissimulé" in w for w in warnings)
    assert [r.value_cents for r in ambassadors.rewards_of(db, actor, volunteer)] == [5000]
    with pytest.raises(ValidationError):
        ambassadors.record_reward(db, actor, volunteer, "argent", value_cents=-1)


def test_a_post_by_a_tied_ambassador_needs_the_commercial_mention(db: Database, actor: Actor) -> None:
    paid = ambassadors.ambassador(db, actor, _member(db, actor, "Paul", type="salarie"))
    free = ambassadors.ambassador(db, actor, _member(db, actor, "Vera"))
    by_paid = editorial.create_publication(db, actor, PublicationDraft(title="A", partner_contact_id=paid.contact_id))
    by_free = editorial.create_publication(db, actor, PublicationDraft(title="B", partner_contact_id=free.contact_id))
    assert editorial.publication(db, actor, by_paid).warnings
    assert not editorial.publication(db, actor, by_free).warnings
    ambassadors.record_reward(db, actor, free.id, "goodies", "Tote bag")
    assert editorial.publication(db, actor, by_free).warnings


def test_charter_versions_and_who_must_sign_again(db: Database, actor: Actor) -> None:
    active, welcomed, candidate = (_member(db, actor, n) for n in ("Ana", "Bea", "Cid"))
    _walk(db, actor, active, Stage.SELECTIONNE, Stage.ACCUEILLI, Stage.ACTIF)
    _walk(db, actor, welcomed, Stage.SELECTIONNE, Stage.ACCUEILLI)
    (v1,) = charters.charters(db, actor)
    charters.sign_charter(db, actor, active, v1.id, method="email")
    charters.sign_charter(db, actor, welcomed, v1.id)
    assert charters.must_resign(db, actor) == []
    with pytest.raises(ValidationError, match="déjà signé"):
        charters.sign_charter(db, actor, active, v1.id)
    v2 = charters.publish_charter_version(db, actor, "Charte 2027", "Être sincère\nÊtre présent", ["Informer"])
    assert [c.version for c in charters.charters(db, actor)] == [2, 1]
    assert sorted(r.id for r in charters.must_resign(db, actor)) == sorted([active, welcomed])
    assert any("dernière version" in w for w in ambassadors.ambassador(db, actor, active).warnings)
    charters.sign_charter(db, actor, active, v2, method="en_ligne")
    assert [r.id for r in charters.must_resign(db, actor)] == [welcomed]
    assert candidate not in [r.id for r in charters.must_resign(db, actor)]


def test_referral_url_from_the_base_address(db: Database, actor: Actor) -> None:
    aid = _member(db, actor)
    record = ambassadors.ambassador(db, actor, aid)
    assert record.referral_url == "" and "Paramètres" in record.referral_hint
    with db.transaction() as session:
        settings.save_referral_base_url(session, actor, "https://asso.example/rejoindre?parrain=")
    record = ambassadors.ambassador(db, actor, aid)
    assert record.referral_url == f"https://asso.example/rejoindre?parrain={record.referral_code}"
    assert record.referral_hint == ""
    assert referral_url("https://a.example/{code}/go", "ABC234") == "https://a.example/ABC234/go"


def test_writes_announce_the_ambassadors_kind(db: Database, actor: Actor) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    _member(db, actor)
    assert any(c.ambassadors for c in heard)


def test_rights_are_checked(db: Database, actor: Actor) -> None:
    reader = Actor(name="Lecteur", role=Role.VOLUNTEER, rights=frozenset({Action.READ}))
    with pytest.raises(PermissionDenied):
        ambassadors.enrol(db, reader, _person(db, actor), "client")
    with pytest.raises(UserError):
        ambassadors.ambassador(db, actor, 999)


def test_erasing_the_person_removes_the_membership_and_keeps_the_missions(db: Database, actor: Actor) -> None:
    from communitydesk.services import gdpr

    aid = _member(db, actor)
    ambassadors.record_reward(db, actor, aid, "goodies", "Tote bag")
    mid = missions.create_mission(db, actor, MissionDraft(title="Photo", ambassador_id=aid))
    missions.complete_mission(db, actor, mid, proof_file="/photos/chloe.jpg")
    contact = ambassadors.ambassador(db, actor, aid).contact_id
    gdpr.erase_person(db, actor, contact, confirm=True)
    assert ambassadors.ambassador_for_contact(db, actor, contact) is None
    assert ambassadors.ambassadors(db, actor) == []
    kept = missions.mission(db, actor, mid)
    assert kept.ambassador_id is None and kept.proof_file == "" and kept.status == "realisee"


def test_the_personal_data_export_holds_the_membership(db: Database, actor: Actor) -> None:
    from communitydesk.records.identity import Identity
    from communitydesk.services import gdpr
    from communitydesk.services.personal_data import document_of

    aid = _member(db, actor)
    ambassadors.update_ambassador(db, actor, aid, AmbassadorDraft(type="expert", territory="Lyon 7e", skills="couture"))
    record = ambassadors.ambassador(db, actor, aid)
    held = gdpr.export_person(db, actor, record.contact_id)
    (row,) = held["autres_données"]["ambassadeurs"]
    assert row["territoire"] == "Lyon 7e" and row["compétences"] == "couture"
    assert row["code_de_parrainage"] == record.referral_code and row["étape"] == "candidat"
    document = document_of(held, Identity(name="La Ruche"))
    values = [v.value for s in document.sections for item in (*s.items, s) for v in getattr(item, "values", ())]
    assert "Lyon 7e" in " ".join(str(v) for v in values)


def test_a_mission_waiting_for_validation_does_not_count_until_judged(db: Database, actor: Actor) -> None:
    aid = ambassadors.enrol(db, actor, _person(db, actor), "client", enrolled_on=TODAY - timedelta(days=70))
    _walk(db, actor, aid, Stage.SELECTIONNE, Stage.ACCUEILLI, on=TODAY - timedelta(days=70))
    first = missions.create_mission(db, actor, MissionDraft(title="Un", points=4, ambassador_id=aid))
    missions.complete_mission(db, actor, first, proof_link="https://x.example/1")
    missions.validate_mission(db, actor, first, True)
    assert ambassadors.ambassadors(db, actor)[0].level == "habitue"  # 1 of 1
    second = missions.create_mission(db, actor, MissionDraft(title="Deux", points=4, ambassador_id=aid))
    missions.complete_mission(db, actor, second, proof_link="https://x.example/2")
    # Handed in, not judged yet: the share is still 1 of 1 (handing in never lowers a level).
    assert ambassadors.ambassadors(db, actor)[0].level == "habitue"
    missions.validate_mission(db, actor, second, False)
    assert ambassadors.ambassadors(db, actor)[0].level == "debutant"  # 1 of 2 judged: 50 %


def test_update_reassign_reopen_and_delete_a_mission(db: Database, actor: Actor) -> None:
    ana, bea = _member(db, actor, "Ana"), _member(db, actor, "Bea")
    mid = missions.create_mission(db, actor, MissionDraft(title="Stand", ambassador_id=ana))
    record = missions.mission(db, actor, mid)
    saved = missions.update_mission(
        db, actor, mid, MissionDraft(title="  Stand   du marché ", kind="evenement", points=30), record.version_id
    )
    assert (saved.title, saved.kind, saved.points, saved.ambassador_id) == ("Stand du marché", "evenement", 30, None)
    assert missions.assign_mission(db, actor, mid, bea).ambassador_name == "Bea Mercier"
    missions.complete_mission(db, actor, mid, proof_link="https://x.example")
    with pytest.raises(ValidationError):
        missions.assign_mission(db, actor, mid, ana)
    with pytest.raises(ValidationError):
        missions.create_mission(db, actor, MissionDraft(title=" "))
    with pytest.raises(ValidationError):
        missions.create_mission(db, actor, MissionDraft(title="X", points=-1))
    reopened = missions.reopen_mission(db, actor, mid)
    assert reopened.status == "a_faire" and reopened.proof_link == "" and reopened.completed_on is None
    missions.delete_mission(db, actor, mid)
    assert missions.missions(db, actor) == []


def test_referrers_and_codes(db: Database, actor: Actor) -> None:
    aid = _member(db, actor)
    member = ambassadors.ambassador(db, actor, aid)
    with pytest.raises(ValidationError, match="lui-même"):
        ambassadors.set_referrer(db, actor, member.contact_id, aid)
    friend = _person(db, actor, "Paul")
    ambassadors.set_referrer(db, actor, friend, aid)
    assert ambassadors.ambassador(db, actor, aid).referrals.contacts == 1
    ambassadors.set_referrer(db, actor, friend, None)
    assert ambassadors.ambassador(db, actor, aid).referrals.contacts == 0
    with db.snapshot() as session:
        assert ambassadors.ambassador_id_for_code(session, f"  {member.referral_code.lower()} ") == aid
        assert ambassadors.ambassador_id_for_code(session, "ZZZZZZ") is None


def test_audiences_are_recorded_per_network(db: Database, actor: Actor) -> None:
    aid = _member(db, actor)
    ambassadors.record_audience(db, actor, aid, "instagram", 800)
    ambassadors.record_audience(db, actor, aid, "instagram", 950)
    ambassadors.record_audience(db, actor, aid, "linkedin", 0)
    assert ambassadors.ambassador(db, actor, aid).audiences == (("instagram", 950), ("linkedin", 0))
    with pytest.raises(ValidationError):
        ambassadors.record_audience(db, actor, aid, "myspace", 3)
