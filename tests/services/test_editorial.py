"""Editorial calendar services: the ligne éditoriale, publications and their moves, results, context."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.errors import ConflictError, PermissionDenied, UserError, ValidationError
from communitydesk.i18n import set_language
from communitydesk.models.editorial import Publication
from communitydesk.records.campaigns import CampaignInput
from communitydesk.records.changes import Changes
from communitydesk.records.editorial import (
    EditorialLineRecord,
    NetworkTarget,
    PillarRecord,
    PublicationDraft,
    PublicationFilter,
)
from communitydesk.rules.editorial import TRANSITIONS, Network, PublicationStatus
from communitydesk.services import editorial, gdpr
from communitydesk.services.campaigns import create_campaign
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Action, Actor, Role

S = PublicationStatus
APPROVER = Actor(name="Camille", role=Role.ADMIN)
WRITER = Actor(name="Malik", role=Role.VOLUNTEER, rights=frozenset(Action) - {Action.APPROVE_PUBLICATIONS})


def _post(db: Database, actor: Actor, **fields: object) -> int:
    draft = replace(PublicationDraft(title="Portrait de bénévole", networks=("linkedin",)), **fields)
    return editorial.create_publication(db, actor, draft)


def _walk(db: Database, actor: Actor, publication_id: int, *statuses: PublicationStatus) -> None:
    for status in statuses:
        editorial.move_status(db, actor, publication_id, status.value)


# ---------------------------------------------------------------- ligne éditoriale


def test_a_new_base_reads_empty_defaults_without_writing(db: Database, actor: Actor) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    line = editorial.editorial_line(db, actor)
    assert line.tone == "" and line.pillars == () and line.version_id is None
    assert [n.network for n in line.networks] == [n.value for n in Network]
    assert all(not n.active and n.target_count == 0 and n.target_weeks == 1 for n in line.networks)
    assert heard == []


def test_the_line_and_its_network_targets_are_saved_together(db: Database, actor: Actor) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    line = editorial.editorial_line(db, actor)
    linkedin = NetworkTarget("linkedin", True, 2, 1)
    networks = (
        *(linkedin if n.network == "linkedin" else n for n in line.networks),
        NetworkTarget("newsletter", True, 1, 2, " https://lettre.example "),
    )
    saved = editorial.save_editorial_line(
        db,
        actor,
        EditorialLineRecord(
            tone=" Chaleureux, concret ", target_circles=("grand_public", "proches"), networks=networks
        ),
    )
    assert saved.tone == "Chaleureux, concret"
    assert saved.target_circles == ("proches", "grand_public")  # inner circle first
    assert saved.network("linkedin") == NetworkTarget("linkedin", True, 2, 1, "")
    assert saved.network("newsletter") == NetworkTarget("newsletter", True, 1, 2, "https://lettre.example")
    assert saved.network("facebook").active is False
    assert heard[-1].editorial and not heard[-1].publications
    # A save from a stale copy is refused.
    editorial.save_editorial_line(db, actor, replace(saved, tone="Sobre"))
    with pytest.raises(ConflictError, match="ligne éditoriale a été modifiée"):
        editorial.save_editorial_line(db, actor, replace(saved, tone="Enjoué"))
    current = editorial.editorial_line(db, actor)
    assert current.tone == "Sobre"
    # Changing a target alone moves the line's version too: a copy read before it is stale.
    only_targets = replace(current, networks=(NetworkTarget("instagram", True, 2, 1),))
    assert (editorial.save_editorial_line(db, actor, only_targets).version_id or 0) > (current.version_id or 0)
    with pytest.raises(ConflictError):
        editorial.save_editorial_line(db, actor, current)


def test_network_targets_are_checked(db: Database, actor: Actor) -> None:
    assert editorial.save_network_target(db, actor, NetworkTarget("facebook", True, 3)).target_count == 3
    assert editorial.editorial_line(db, actor).network("facebook") == NetworkTarget("facebook", True, 3, 1, "")
    with pytest.raises(ValidationError, match="Réseau inconnu : « myspace »"):
        editorial.save_network_target(db, actor, NetworkTarget("myspace", True, 1))
    with pytest.raises(ValidationError, match="négatif"):
        editorial.save_network_target(db, actor, NetworkTarget("facebook", True, -1))
    with pytest.raises(ValidationError, match="de 1 à 52 semaines"):
        editorial.save_network_target(db, actor, NetworkTarget("facebook", True, 1, 0))


def test_pillars_have_unique_names_and_can_be_archived(db: Database, actor: Actor) -> None:
    first = editorial.save_pillar(db, actor, PillarRecord(name="Coulisses", colour="#AA3366"))
    second = editorial.save_pillar(db, actor, PillarRecord(name="Portraits", target_circles=("communaute",)))
    with pytest.raises(ValidationError, match="Un pilier s'appelle déjà « Coulisses »"):
        editorial.save_pillar(db, actor, PillarRecord(name=" coulissés "))
    with pytest.raises(ValidationError, match="#rrvvbb"):
        editorial.save_pillar(db, actor, PillarRecord(name="Agenda", colour="rouge"))
    with pytest.raises(ValidationError, match="Donnez un nom"):
        editorial.save_pillar(db, actor, PillarRecord(name="  "))
    # Renaming keeps its own name free.
    assert (
        editorial.save_pillar(db, actor, PillarRecord(id=first, name="Coulisses du fournil", colour="#aa3366")) == first
    )
    editorial.archive_pillar(db, actor, first)
    pillars = editorial.editorial_line(db, actor).pillars
    assert [(p.id, p.name, p.archived) for p in pillars] == [
        (second, "Portraits", False),
        (first, "Coulisses du fournil", True),
    ]
    assert pillars[1].colour == "#aa3366" and pillars[0].target_circles == ("communaute",)
    with pytest.raises(ValidationError, match="Un pilier archivé s'appelle déjà"):
        editorial.save_pillar(db, actor, PillarRecord(name="coulisses du fournil"))
    editorial.archive_pillar(db, actor, first, archived=False)
    assert not editorial.editorial_line(db, actor).pillars[0].archived


def test_follower_counts_are_one_per_network_and_day(db: Database, actor: Actor) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    day = date(2026, 11, 1)
    editorial.save_follower_count(db, actor, "instagram", day, 480)
    editorial.save_follower_count(db, actor, "instagram", day, 512)
    editorial.save_follower_count(db, actor, "instagram", day + timedelta(days=7), 530)
    editorial.save_follower_count(db, actor, "linkedin", day, 1200)
    counts = editorial.follower_counts(db, actor, "instagram")
    assert [(c.measured_on, c.followers) for c in counts] == [(day, 512), (day + timedelta(days=7), 530)]
    assert len(editorial.follower_counts(db, actor)) == 3
    assert heard and all(c.editorial and not c.publications for c in heard)
    with pytest.raises(ValidationError, match="négatif"):
        editorial.save_follower_count(db, actor, "instagram", day, -1)
    with pytest.raises(ValidationError, match="au plus tard aujourd'hui"):
        editorial.save_follower_count(db, actor, "instagram", formatting.local_today() + timedelta(days=1), 3)


# ---------------------------------------------------------------- publications


def test_a_publication_is_created_read_and_warned_about(db: Database, actor: Actor) -> None:
    pillar = editorial.save_pillar(db, actor, PillarRecord(name="Partenaires", colour="#123456"))
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    pid = _post(
        db,
        actor,
        title="  Atelier   pain ",
        body="Samedi au fournil.",
        networks=("instagram", "linkedin", "instagram"),
        pillar_id=pillar,
        target_circle="communaute",
        planned_on=date(2027, 1, 14),
        planned_time=time(9, 30),
        author="Léa",
        attachments=("/photos/pain.jpg", " "),
        sponsored=True,
    )
    assert heard[-1].publications
    post = editorial.publication(db, actor, pid)
    assert post.title == "Atelier pain" and post.networks == ("linkedin", "instagram")
    assert (post.pillar_name, post.pillar_colour) == ("Partenaires", "#123456")
    assert post.status == "idee" and post.status_label == "idée"
    assert post.attachments == ("/photos/pain.jpg",)
    assert [r.network for r in post.results] == ["linkedin", "instagram"] and post.results[0].views is None
    assert post.warnings and "collaboration commerciale" in post.warnings[0]
    fixed = editorial.update_publication(
        db,
        actor,
        pid,
        replace(post.as_draft(), commercial_mention=True),
        post.version_id,
    )
    assert fixed.warnings == ()


def test_a_publication_needs_a_title_or_a_text(db: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError, match="titre ou un texte"):
        editorial.create_publication(db, actor, PublicationDraft(title=" ", body="\n"))
    with pytest.raises(ValidationError, match="heure de publication demande aussi un jour"):
        editorial.create_publication(db, actor, PublicationDraft(title="x", planned_time=time(9)))
    with pytest.raises(ValidationError, match="Réseau inconnu"):
        editorial.create_publication(db, actor, PublicationDraft(title="x", networks=("minitel",)))
    with pytest.raises(ValidationError, match="pilier n'existe pas"):
        editorial.create_publication(db, actor, PublicationDraft(title="x", pillar_id=99))
    assert editorial.create_publication(db, actor, PublicationDraft(body="Juste un texte"))


def test_a_stale_update_is_refused(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    read = editorial.publication(db, actor, pid)
    saved = editorial.update_publication(
        db, actor, pid, replace(read.as_draft(), title="Nouveau titre"), read.version_id
    )
    assert saved.version_id > read.version_id
    with pytest.raises(ConflictError, match="modifiée par ailleurs"):
        editorial.update_publication(db, actor, pid, replace(read.as_draft(), title="Autre"), read.version_id)
    assert editorial.publication(db, actor, pid).title == "Nouveau titre"
    # Changing only the networks is a change too: the version moves.
    again = editorial.update_publication(
        db, actor, pid, replace(saved.as_draft(), networks=("facebook",)), saved.version_id
    )
    assert again.networks == ("facebook",) and again.version_id > saved.version_id


def test_the_whole_life_of_a_post_is_recorded(db: Database, actor: Actor) -> None:
    pid = _post(db, actor, planned_on=date(2026, 11, 20))
    editorial.move_status(db, WRITER, pid, "a_rediger")
    editorial.move_status(db, WRITER, pid, "a_valider")
    with pytest.raises(PermissionDenied):
        editorial.move_status(db, WRITER, pid, "prete")
    ready = editorial.move_status(db, APPROVER, pid, "prete")
    assert ready.approved_by == "Camille" and ready.approved_at is not None and ready.published_at is None
    published = editorial.move_status(db, WRITER, pid, "publiee")
    assert published.published_at is not None and published.approved_by == "Camille"
    history = editorial.status_history(db, actor, pid)
    assert [(m.from_status, m.to_status, m.changed_by) for m in history] == [
        (None, "idee", "système"),
        ("idee", "a_rediger", "Malik"),
        ("a_rediger", "a_valider", "Malik"),
        ("a_valider", "prete", "Camille"),
        ("prete", "publiee", "Malik"),
    ]
    assert [m.changed_at for m in history] == sorted(m.changed_at for m in history)
    # Undoing « publiée » clicked too early clears the moment.
    assert editorial.move_status(db, actor, pid, "prete").published_at is None


def test_every_invalid_transition_is_refused_naming_both_statuses(db: Database, actor: Actor) -> None:
    path = {
        S.IDEE: (),
        S.A_REDIGER: (S.A_REDIGER,),
        S.A_VALIDER: (S.A_REDIGER, S.A_VALIDER),
        S.PRETE: (S.A_REDIGER, S.A_VALIDER, S.PRETE),
        S.PUBLIEE: (S.A_REDIGER, S.A_VALIDER, S.PRETE, S.PUBLIEE),
        S.ABANDONNEE: (S.ABANDONNEE,),
    }
    for old, allowed in TRANSITIONS.items():
        pid = _post(db, actor)
        _walk(db, actor, pid, *path[old])
        for new in S:
            if new is old or new in allowed:
                continue
            with pytest.raises(ValidationError) as refused:
                editorial.move_status(db, actor, pid, new.value)
            message = str(refused.value)
            assert f"Une publication « {old.label()} » ne peut pas passer à « {new.label()} »" in message
            assert refused.value.field == "status"
            assert editorial.publication(db, actor, pid).status == old.value
    with pytest.raises(ValidationError, match="Statut de publication inconnu"):
        editorial.move_status(db, actor, pid, "en_ligne")


def test_the_refusal_lists_where_the_post_may_go(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    with pytest.raises(ValidationError) as refused:
        editorial.move_status(db, actor, pid, "publiee")
    assert str(refused.value) == (
        "Une publication « idée » ne peut pas passer à « publiée ». "
        "Depuis « idée », elle peut passer à : « à rédiger », « abandonnée »."
    )
    set_language("en")
    with pytest.raises(ValidationError) as refused:
        editorial.move_status(db, actor, pid, "publiee")
    assert str(refused.value) == (
        "A post that is “idea” cannot move to “published”. From “idea”, it can move to: “to write”, “dropped”."
    )


def test_sending_back_to_writing_withdraws_the_approval(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    _walk(db, actor, pid, S.A_REDIGER, S.A_VALIDER, S.PRETE)
    back = editorial.move_status(db, actor, pid, "a_rediger")
    assert back.approved_by is None and back.approved_at is None


def test_an_update_that_changes_the_status_is_a_checked_move(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    read = editorial.publication(db, actor, pid)
    with pytest.raises(ValidationError, match="ne peut pas passer à « prête »"):
        editorial.update_publication(db, actor, pid, replace(read.as_draft(), status="prete"), read.version_id)
    moved = editorial.update_publication(db, actor, pid, replace(read.as_draft(), status="a_rediger"), read.version_id)
    assert moved.status == "a_rediger"


def test_creating_a_post_already_ready_takes_the_right_to_approve(db: Database, actor: Actor) -> None:
    with pytest.raises(PermissionDenied):
        _post(db, WRITER, status="prete")
    day = date(2026, 10, 5)
    pid = _post(db, actor, status="publiee", planned_on=day, planned_time=time(18, 0))
    post = editorial.publication(db, actor, pid)
    assert post.published_at is not None and formatting.to_local(post.published_at).date() == day
    assert formatting.to_local(post.published_at).time() == time(18, 0)


def test_reschedule_to_the_backlog_and_back(db: Database, actor: Actor) -> None:
    pid = _post(db, actor, planned_on=date(2027, 2, 3), planned_time=time(12, 15))
    moved = editorial.reschedule(db, actor, pid, date(2027, 2, 5))
    assert (moved.planned_on, moved.planned_time) == (date(2027, 2, 5), time(12, 15))
    assert editorial.reschedule(db, actor, pid, date(2027, 2, 6), time=None).planned_time is None
    backlog = editorial.reschedule(db, actor, pid, None)
    assert backlog.planned_on is None and backlog.planned_time is None
    assert [p.id for p in editorial.ideas_backlog(db, actor)] == [pid]
    assert editorial.publications_between(db, actor, date(2027, 1, 1), date(2027, 12, 31)) == []
    back = editorial.reschedule(db, actor, pid, date(2027, 3, 1), time=time(8, 0))
    assert (back.planned_on, back.planned_time) == (date(2027, 3, 1), time(8, 0))
    assert editorial.ideas_backlog(db, actor) == []
    with pytest.raises(ConflictError):
        editorial.reschedule(db, actor, pid, date(2027, 3, 2), expected_version=moved.version_id)


def test_a_published_post_keeps_its_day(db: Database, actor: Actor) -> None:
    pid = _post(db, actor, status="publiee", planned_on=date(2026, 9, 1))
    with pytest.raises(ValidationError, match="déjà publiée"):
        editorial.reschedule(db, actor, pid, date(2026, 9, 2))
    with pytest.raises(ValidationError, match="déjà publiée"):
        editorial.reschedule(db, actor, pid, None)


def test_publishing_an_undated_idea_dates_it_today(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    _walk(db, actor, pid, S.A_REDIGER, S.A_VALIDER, S.PRETE, S.PUBLIEE)
    assert editorial.publication(db, actor, pid).planned_on == formatting.local_today()


def test_abandoned_ideas_leave_the_backlog_and_come_back(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    editorial.move_status(db, actor, pid, "abandonnee")
    assert editorial.ideas_backlog(db, actor) == []
    editorial.move_status(db, actor, pid, "idee")
    assert [p.id for p in editorial.ideas_backlog(db, actor)] == [pid]


def test_results_only_after_publication(db: Database, actor: Actor) -> None:
    pid = _post(db, actor, networks=("linkedin", "facebook"), planned_on=date(2026, 11, 2))
    with pytest.raises(ValidationError, match="pas encore publiée"):
        editorial.save_results(db, actor, pid, "linkedin", 100, 5, 1, 0)
    _walk(db, actor, pid, S.A_REDIGER, S.A_VALIDER, S.PRETE, S.PUBLIEE)
    with pytest.raises(ValidationError, match="négatifs"):
        editorial.save_results(db, actor, pid, "linkedin", 100, -5, 1, 0)
    with pytest.raises(ValidationError, match="pas prévue sur Instagram"):
        editorial.save_results(db, actor, pid, "instagram", 100, 5, 1, 0)
    with pytest.raises(ValidationError, match="au plus tard aujourd'hui"):
        editorial.save_results(db, actor, pid, "linkedin", 1, 1, 1, 1, formatting.local_today() + timedelta(days=1))
    post = editorial.save_results(db, actor, pid, "facebook", 300, 12, 3, 2, date(2026, 11, 9))
    facebook = next(r for r in post.results if r.network == "facebook")
    assert (facebook.views, facebook.reactions, facebook.comments, facebook.shares) == (300, 12, 3, 2)
    assert facebook.measured_on == date(2026, 11, 9)
    linkedin = next(r for r in post.results if r.network == "linkedin")
    assert linkedin.views is None
    # Keeping a network keeps its results through an edit.
    edited = editorial.update_publication(db, actor, pid, replace(post.as_draft(), title="Bilan"), post.version_id)
    assert next(r for r in edited.results if r.network == "facebook").views == 300


def test_deleting_a_post(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    editorial.delete_publication(db, actor, pid)
    editorial.delete_publication(db, actor, pid)  # already gone
    with pytest.raises(UserError, match="n'existe pas"):
        editorial.publication(db, actor, pid)


# ---------------------------------------------------------------- reads


def test_the_range_and_the_filters(db: Database, actor: Actor) -> None:
    pillar = editorial.save_pillar(db, actor, PillarRecord(name="Coulisses"))
    a = _post(db, actor, title="Four à pain", planned_on=date(2027, 1, 4), planned_time=time(18), author="Léa")
    b = _post(db, actor, title="Réparer un vélo", networks=("facebook",), planned_on=date(2027, 1, 4), author="Malik")
    c = _post(db, actor, title="Élection du bureau", planned_on=date(2027, 1, 10), pillar_id=pillar, author="Léa")
    _post(db, actor, title="Trop tard", planned_on=date(2027, 1, 11))
    _post(db, actor, title="Une idée")

    def ids(only: PublicationFilter | None = None) -> list[int]:
        return [p.id for p in editorial.publications_between(db, actor, date(2027, 1, 4), date(2027, 1, 10), only)]

    assert ids() == [b, a, c]  # whole-day first, then by hour
    assert ids(PublicationFilter(networks=("facebook",))) == [b]
    assert ids(PublicationFilter(pillar_ids=(pillar,))) == [c]
    assert ids(PublicationFilter(authors=("Léa",))) == [a, c]
    assert ids(PublicationFilter(text="election")) == [c]
    assert ids(PublicationFilter(text="A PAIN four")) == [a]
    editorial.move_status(db, actor, b, "a_rediger")
    assert ids(PublicationFilter(statuses=("a_rediger",))) == [b]
    assert editorial.authors(db, actor) == ["Léa", "Malik"]
    assert [p.title for p in editorial.ideas_backlog(db, actor, PublicationFilter(text="idee"))] == ["Une idée"]


def test_context_days_holidays_and_campaigns(db: Database, actor: Actor) -> None:
    create_campaign(
        db,
        actor,
        CampaignInput(
            name="Fournil des Pentes",
            preparation_starts_on=date(2027, 3, 1),
            starts_on=date(2027, 4, 1),
            ends_on=date(2027, 5, 6),
        ),
    )
    context = editorial.calendar_context(db, actor, date(2027, 3, 15), date(2027, 7, 31))
    found = {(c.day, c.kind, c.label) for c in context}
    assert (date(2027, 3, 29), "holiday", "Lundi de Pâques") in found
    assert (date(2027, 7, 14), "holiday", "Fête nationale") in found
    assert (date(2027, 4, 1), "campaign", "Lancement de la campagne « Fournil des Pentes »") in found
    assert (date(2027, 5, 6), "campaign", "Fin de la campagne « Fournil des Pentes »") in found
    assert not any(c.day == date(2027, 3, 1) for c in context)  # before the range
    assert [c.day for c in context] == sorted(c.day for c in context)
    # Ascension and the campaign's end fall the same day: the holiday comes first.
    same_day = [c.kind for c in context if c.day == date(2027, 5, 6)]
    assert same_day == ["holiday", "campaign"]
    assert editorial.calendar_context(db, actor, date(2027, 2, 1), date(2027, 1, 1)) == []
    set_language("en")
    english = editorial.calendar_context(db, actor, date(2027, 7, 14), date(2027, 7, 14))
    assert [c.label for c in english] == ["National Day"]


def test_reading_takes_the_right_to_read(db: Database) -> None:
    nobody = Actor(name="Invité", role=Role.VOLUNTEER, rights=frozenset())
    with pytest.raises(PermissionDenied):
        editorial.editorial_line(db, nobody)
    with pytest.raises(PermissionDenied):
        editorial.publications_between(db, nobody, date(2027, 1, 1), date(2027, 1, 2))
    reader = Actor(name="Lecteur", role=Role.VOLUNTEER, rights=frozenset({Action.READ}))
    with pytest.raises(PermissionDenied):
        editorial.create_publication(db, reader, PublicationDraft(title="x"))


def test_an_update_that_publishes_an_undated_post_dates_it_today(db: Database, actor: Actor) -> None:
    pid = _post(db, actor)
    _walk(db, actor, pid, S.A_REDIGER, S.A_VALIDER, S.PRETE)
    read = editorial.publication(db, actor, pid)
    published = editorial.update_publication(
        db, actor, pid, replace(read.as_draft(), status="publiee"), read.version_id
    )
    assert published.planned_on == formatting.local_today() and published.published_at is not None
    assert editorial.ideas_backlog(db, actor) == []


def test_a_post_created_published_without_a_day_is_dated_today(db: Database, actor: Actor) -> None:
    pid = _post(db, actor, status="publiee")
    assert editorial.publication(db, actor, pid).planned_on == formatting.local_today()


def test_the_partner_of_a_post_finds_it_in_their_personal_data(db: Database, actor: Actor, tmp_path: Path) -> None:
    partner = create_contact(db, actor, ContactInput(first_name="Inès", last_name="Ambassadrice")).id
    pid = _post(
        db, actor, planned_on=date(2027, 1, 8), planned_time=time(9, 30), sponsored=True, partner_contact_id=partner
    )
    held = gdpr.export_person(db, actor, partner)
    (row,) = held["autres_données"]["publications"]
    assert row["numéro"] == pid and row["heure_prévue"] == "09:30:00" and row["rémunérée_ou_offerte"] is True
    written = gdpr.export_person_to_file(db, actor, partner, tmp_path / "inès.json")
    assert "Portrait de bénévole" in written.read_text(encoding="utf-8")


def test_an_edit_cannot_take_a_published_post_off_the_calendar(db: Database, actor: Actor) -> None:
    pid = _post(db, actor, status="publiee", planned_on=date(2026, 10, 5), planned_time=time(18, 0))
    read = editorial.publication(db, actor, pid)
    saved = editorial.update_publication(db, actor, pid, replace(read.as_draft(), planned_on=None, planned_time=None))
    assert saved.planned_on == date(2026, 10, 5)


def test_the_backlog_holds_only_posts_still_to_do(db: Database, actor: Actor) -> None:
    idea = _post(db, actor)
    with db.transaction() as session:  # as a plain row written elsewhere (an import) may be
        session.add(Publication(title="Déjà en ligne", status="publiee"))
    assert [p.id for p in editorial.ideas_backlog(db, actor)] == [idea]
