"""The ambassador programme part of the demo: about twenty members among the demo contacts.

Most are candidates, fewer further down the funnel, about one in four active; missions in
every status, a few rewards (one volunteer was given money, so its warning shows), charter
v1 and v2 with some who must sign again, audiences, and contacts and contributions they
brought. Written through the services, in the demo's transaction; nothing is dated after
today (a mission's due day may be ahead).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from communitydesk.models.ambassadors import AmbassadorCharter
from communitydesk.models.campaigns import Contribution
from communitydesk.models.contacts import Contact
from communitydesk.records.ambassadors import AmbassadorDraft, MissionDraft
from communitydesk.rules.ambassadors import AmbassadorType, MissionKind, Stage, default_charter
from communitydesk.rules.campaigns import PaymentStatus
from communitydesk.services import ambassador_charters, ambassadors, missions, settings
from communitydesk.services.permissions import Actor

MEMBERS = 20
T = AmbassadorType
# Where each member ends, in the order they are enrolled: most candidates, ~1 in 4 active.
FINAL_STAGES = (
    (Stage.ACTIF, 5),
    (Stage.ACCUEILLI, 3),
    (Stage.SELECTIONNE, 3),
    (Stage.INACTIF, 2),
    (Stage.CANDIDAT, 7),
)
PATHS = {
    Stage.CANDIDAT: (),
    Stage.SELECTIONNE: (Stage.SELECTIONNE,),
    Stage.ACCUEILLI: (Stage.SELECTIONNE, Stage.ACCUEILLI),
    Stage.ACTIF: (Stage.SELECTIONNE, Stage.ACCUEILLI, Stage.ACTIF),
    Stage.INACTIF: (Stage.SELECTIONNE, Stage.ACCUEILLI, Stage.ACTIF, Stage.INACTIF),
}
TYPES = (T.EGERIE, T.CLIENT, T.PASSIONNE, T.GEOGRAPHIQUE, T.EXPERT, T.CLIENT, T.INFLUENCEUR, T.SALARIE)
TERRITORIES = ("Lyon 1er", "Lyon 7e", "Villeurbanne", "Croix-Rousse", "Vénissieux", "Oullins", "")
SKILLS = ("photo", "vidéo", "rédaction", "animation d'atelier", "réseaux sociaux", "couture", "mécanique vélo")
MISSIONS = (
    ("Partager l'affiche de l'atelier pain", MissionKind.PUBLICATION, 10),
    ("Tenir le stand à la fête de quartier", MissionKind.EVENEMENT, 30),
    ("Parrainer un nouvel adhérent", MissionKind.PARRAINAGE, 20),
    ("Tester la nouvelle farine du fournil", MissionKind.TEST_PRODUIT, 15),
    ("Témoigner pour la lettre d'information", MissionKind.TEMOIGNAGE, 15),
    ("Photos du repair café", MissionKind.REPORTAGE_PHOTO, 20),
    ("Répondre aux questions sur le forum du quartier", MissionKind.REPONSE_QUESTION, 5),
    ("Story Instagram de l'atelier couture", MissionKind.PUBLICATION, 10),
)


@dataclass(frozen=True)
class DemoAmbassadorsSummary:
    ambassadors: int
    missions: int


def _candidates(session: Session, count: int) -> list[int]:
    """People of the demo, those already marked as ambassadors first (the calendar's partner among them)."""
    query = (
        select(Contact.id)
        .where(Contact.kind == "person", Contact.archived_at.is_(None), Contact.anonymised_at.is_(None))
        .order_by(Contact.is_ambassador.desc(), Contact.id)
        .limit(count)
    )
    return list(session.scalars(query))


def add_ambassadors(session: Session, actor: Actor, rnd: random.Random, today: date) -> DemoAmbassadorsSummary:
    contacts = _candidates(session, MEMBERS)
    if not contacts:
        return DemoAmbassadorsSummary(0, 0)
    ambassadors.ensure_defaults(session)
    roles = [r.id for r in ambassadors.roles(session, actor) if r.id is not None]
    stages = [stage for stage, n in FINAL_STAGES for _i in range(n)]
    members: list[_Member] = []
    for n, contact_id in enumerate(contacts):
        final = stages[n % len(stages)]
        type = TYPES[n % len(TYPES)]
        start = today - timedelta(days=rnd.randrange(1, 30) if final is Stage.CANDIDAT else rnd.randrange(60, 400))
        networks = rnd.sample(("instagram", "facebook", "linkedin"), 2)
        draft = AmbassadorDraft(
            type=type.value,
            role_ids=tuple(rnd.sample(roles, 1 + n % 2)),
            territory=rnd.choice(TERRITORIES),
            skills=", ".join(rnd.sample(SKILLS, 2)),
            audiences=tuple((network, rnd.randrange(80, 3000)) for network in networks),
        )
        aid = ambassadors.enrol(session, actor, contact_id, type.value, draft, enrolled_on=start)
        steps = PATHS[final]
        days = [start + (today - start) * (i + 1) // (len(steps) + 1) for i in range(len(steps))]
        welcomed = start
        for step, day in zip(steps, days, strict=True):
            ambassadors.move_stage(session, actor, aid, step.value, changed_on=day)
            welcomed = day if step is Stage.ACCUEILLI else welcomed
        members.append(_Member(aid, contact_id, type, final, welcomed, days[-1] if days else start))
    count = _missions(session, actor, rnd, today, members)
    _rewards(session, actor, today, members)
    _charters(session, actor, rnd, today, members)
    _referrals(session, actor, rnd, members)
    # So that the demo's kits, QR codes and e-mail signatures print at once.
    settings.save_referral_base_url(session, actor, "https://ateliers-du-lien.example/parrainage/{code}")
    return DemoAmbassadorsSummary(len(members), count)


@dataclass(frozen=True)
class _Member:
    id: int
    contact_id: int
    type: AmbassadorType
    stage: Stage
    welcomed_on: date  # the day they were welcomed (their enrolment when never welcomed)
    since: date  # the day of their current stage


def _missions(session: Session, actor: Actor, rnd: random.Random, today: date, members: list[_Member]) -> int:
    """Validated, refused and handed-in missions for the active ones, to do for the welcomed, open ones for all."""
    made = 0
    for member in members:
        if member.stage is Stage.ACTIF:
            plan = ["validee"] * rnd.randrange(1, 5) + ["realisee", "refusee"][: rnd.randrange(0, 3)]
        elif member.stage is Stage.INACTIF:
            plan = ["validee"]
        elif member.stage is Stage.ACCUEILLI:
            plan = ["a_faire"]
        else:
            continue
        for status in plan:
            title, kind, points = rnd.choice(MISSIONS)
            due = today + timedelta(days=rnd.randrange(5, 40)) if status == "a_faire" else None
            draft = MissionDraft(title=title, kind=kind.value, points=points, due_on=due, ambassador_id=member.id)
            mid = missions.create_mission(session, actor, draft)
            made += 1
            if status == "a_faire":
                continue
            span = max(1, (member.since - member.welcomed_on).days)
            done = member.welcomed_on + timedelta(days=rnd.randrange(0, span))
            missions.complete_mission(
                session, actor, mid, proof_link=f"https://instagram.example/p/{mid:04d}", completed_on=done
            )
            if status != "realisee":
                missions.validate_mission(session, actor, mid, status == "validee")
    for title, kind, points in MISSIONS[:3]:  # open to whoever takes them
        draft = MissionDraft(title=title, kind=kind.value, points=points, due_on=today + timedelta(days=21))
        missions.create_mission(session, actor, draft)
        made += 1
    return made


def _rewards(session: Session, actor: Actor, today: date, members: list[_Member]) -> None:
    active = [m for m in members if m.stage is Stage.ACTIF]
    for member, kind, text, cents in zip(
        active,
        ("goodies", "bon_achat", "invitation"),
        ("Tablier et tote bag des Ateliers", "Bon d'achat au fournil", "Invitation à la soirée des bénévoles"),
        (1500, 2000, 0),
        strict=False,
    ):
        ambassadors.record_reward(
            session, actor, member.id, kind, text, cents, given_on=max(member.since, today - timedelta(days=10))
        )
    volunteer = next((m for m in reversed(active) if m.type.volunteer), None)
    if volunteer is not None:  # the mistake the warning is about
        ambassadors.record_reward(
            session, actor, volunteer.id, "argent", "Défraiement forfaitaire", 5000, given_on=today - timedelta(days=3)
        )


def _charters(session: Session, actor: Actor, rnd: random.Random, today: date, members: list[_Member]) -> None:
    """v1 since before the first enrolment, signed when welcomed; v2 three weeks ago, signed by some."""
    first = session.scalars(select(AmbassadorCharter).order_by(AmbassadorCharter.version)).first()
    assert first is not None  # written by ensure_defaults
    first.published_on = min(m.welcomed_on for m in members) - timedelta(days=1)
    signed = [m for m in members if m.stage in (Stage.ACCUEILLI, Stage.ACTIF, Stage.INACTIF)]
    for member in signed:
        ambassador_charters.sign_charter(
            session, actor, member.id, first.id, member.welcomed_on, rnd.choice(("papier", "email", "en_ligne"))
        )
    title, ours, theirs = default_charter()
    second_id = ambassador_charters.publish_charter_version(
        session, actor, title, (*ours, "Je respecte le droit à l’image des personnes que je photographie."), theirs
    )
    second = session.get_one(AmbassadorCharter, second_id)
    second.published_on = today - timedelta(days=21)
    session.flush()
    for member in [m for m in signed if m.stage is Stage.ACTIF][::2]:
        ambassador_charters.sign_charter(
            session, actor, member.id, second_id, today - timedelta(days=rnd.randrange(0, 20)), "en_ligne"
        )


def _referrals(session: Session, actor: Actor, rnd: random.Random, members: list[_Member]) -> None:
    """The active ones brought a few contacts, and some of the campaigns' valid contributions."""
    mine = {m.contact_id for m in members}
    others = [
        i
        for i in session.scalars(select(Contact.id).where(Contact.kind == "person").order_by(Contact.id))
        if i not in mine
    ]
    paid = list(
        session.scalars(
            select(Contribution.id)
            .where(Contribution.payment_status == PaymentStatus.VALID.value)
            .order_by(Contribution.id)
        )
    )
    for member in (m for m in members if m.stage is Stage.ACTIF):
        for contact_id in rnd.sample(others, min(len(others), rnd.randrange(1, 4))):
            others.remove(contact_id)
            ambassadors.set_referrer(session, actor, contact_id, member.id)
        for contribution_id in rnd.sample(paid, min(len(paid), rnd.randrange(0, 3))):
            paid.remove(contribution_id)
            ambassadors.set_contribution_referrer(session, actor, contribution_id, member.id)
