"""The events part of the demo: three past events with attendance, their sign-in sheets typed
back and the consents ticked there, and three coming ones with invitations and registrations,
among them an « apéro ambassadeurs » organised by a demo ambassador who is a « berger ».

Written through the services (events, sign_in_sheet), in the demo's transaction. Nothing is
dated after today except the coming events themselves: registrations are made before today,
touch points and consents carry the event's own moment, and people who signed in as new
contacts are dated the day after their event.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from communitydesk.models.ambassadors import Ambassador, AmbassadorRole
from communitydesk.models.campaigns import Campaign
from communitydesk.models.contacts import CircleMove, Contact, TouchPoint
from communitydesk.models.events import ConsentWording, SignInLine
from communitydesk.records.events import EventDraft, SignInLineDraft
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.events import ConsentPurpose, EventKind, ParticipantStatus, sheet_order
from communitydesk.services import events, sign_in_sheet
from communitydesk.services.permissions import Actor

K = EventKind
# Invented people who sign in at a stand or a meeting without being in the base yet.
WALK_INS = (
    ("Ardouin", "Maëlle"),
    ("Besnard", "Tiago"),
    ("Calvet", "Inès"),
    ("Delorme", "Yanis"),
    ("Estève", "Capucine"),
    ("Fauvel", "Noé"),
    ("Guérin-Lopez", "Amandine"),
    ("Hamadi", "Sofiane"),
    ("Imbert", "Clémence"),
    ("Joubert", "Éloi"),
)
# How often each box is ticked on the sheets.
TICKS = ((ConsentPurpose.NEWSLETTER, 0.45), (ConsentPurpose.PHOTOS, 0.35), (ConsentPurpose.COMMUNAUTE, 0.2))


@dataclass(frozen=True)
class _Plan:
    name: str
    kind: EventKind
    days: int  # from today: < 0 past, > 0 coming
    at: time
    place: str
    address: str
    invited: int
    registered: int
    walk_ins: int = 0  # past events: new people on the sheet
    capacity: int | None = None
    description: str = ""


PLANS = (
    _Plan(
        "Assemblée générale 2026", K.ASSEMBLEE_GENERALE, -74, time(18, 30), "Salle des fêtes de la Guillotière",
        "4 place Raspail, 69007 Lyon", 45, 24, 3, 80, "Rapport moral, comptes, élection du bureau, puis buffet.",
    ),
    _Plan(
        "Atelier pain au levain", K.ATELIER, -38, time(10, 0), "Fournil des Ateliers",
        "12 rue des Coopérateurs, 69007 Lyon", 20, 12, 1, 12, "Pétrir, façonner, cuire : chacun repart avec sa miche.",
    ),
    _Plan(
        "Stand au marché de la Croix-Rousse", K.STAND, -17, time(8, 30), "Marché de la Croix-Rousse",
        "Boulevard de la Croix-Rousse, 69004 Lyon", 0, 0, 6, None, "Dégustation et présentation du tiers-lieu.",
    ),
    _Plan(
        "Apéro ambassadeurs", K.APERO_AMBASSADEURS, 9, time(19, 0), "Café des Ateliers",
        "12 rue des Coopérateurs, 69007 Lyon", 0, 0, 0, 30, "Les missions du trimestre, autour d'un verre.",
    ),
    _Plan(
        "Réunion publique : le futur tiers-lieu", K.REUNION_PUBLIQUE, 16, time(19, 0), "Maison des associations",
        "28 rue Jangot, 69007 Lyon", 40, 15, 0, 60, "Présentation du projet et questions des habitants.",
    ),
    _Plan(
        "Lancement de la campagne « Four à pain »", K.LANCEMENT_CAMPAGNE, 31, time(18, 0), "Fournil des Ateliers",
        "12 rue des Coopérateurs, 69007 Lyon", 25, 8, 0, 40, "Ouverture de la collecte, visite du fournil.",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class DemoEventsSummary:
    events: int
    sheet_lines: int
    touch_points: int  # one « événement » per attendee
    moves: int  # the walk-ins' arrival in grand public


def walk_ins_for(contacts: int) -> int:
    """How many of a demo's ``contacts`` arrive through a sign-in sheet (none in a tiny demo)."""
    return len(WALK_INS) if contacts >= 100 else 0


def add_events(
    session: Session, actor: Actor, rnd: random.Random, today: date, *, walk_ins: int = len(WALK_INS)
) -> DemoEventsSummary:
    people = list(
        session.scalars(
            select(Contact.id)
            .where(Contact.kind == "person", Contact.archived_at.is_(None), Contact.anonymised_at.is_(None))
            .order_by(Contact.id)
        )
    )
    if not people:
        return DemoEventsSummary(0, 0, 0, 0)
    before = _counts(session)
    events.ensure_wordings(session)
    for wording in session.scalars(select(ConsentWording)):  # printed on every sheet of the demo
        wording.published_on = today - timedelta(days=120)
    campaign = session.scalar(select(Campaign.id).order_by(Campaign.id.desc()).limit(1))
    newcomers = list(WALK_INS[:walk_ins])
    lines = 0
    for plan in PLANS:
        day = today + timedelta(days=plan.days)
        draft = EventDraft(
            name=plan.name,
            starts_on=day,
            kind=plan.kind.value,
            starts_time=plan.at,
            ends_time=time(min(plan.at.hour + 2, 23), plan.at.minute),
            place=plan.place,
            address=plan.address,
            url="https://ateliers-du-lien.example/agenda",
            capacity=plan.capacity,
            description=plan.description,
            campaign_id=campaign if plan.kind is K.LANCEMENT_CAMPAGNE else None,
        )
        if plan.kind is K.APERO_AMBASSADEURS:
            organiser, guests = _berger_and_ambassadors(session)
            draft = EventDraft(**{**draft.__dict__, "organiser_contact_id": organiser})
            event_id = events.create_event(session, actor, draft)
            events.invite(session, actor, event_id, guests, from_segment="Ambassadeurs")
            _register(session, actor, rnd, event_id, guests[: max(1, len(guests) * 2 // 3)], today, day)
            continue
        event_id = events.create_event(session, actor, draft)
        crowd = rnd.sample(people, min(len(people), plan.invited))
        if crowd:
            events.invite(session, actor, event_id, crowd, from_segment=rnd.choice(("Bénévoles Lyon", "")))
        registered = crowd[: plan.registered]
        _register(session, actor, rnd, event_id, registered, today, day)
        if plan.days < 0:
            taken, newcomers = newcomers[: plan.walk_ins], newcomers[plan.walk_ins :]
            lines += _sheet(session, actor, rnd, event_id, registered, taken, day)
    after = _counts(session)
    return DemoEventsSummary(len(PLANS), lines, after[0] - before[0], after[1] - before[1])


def _counts(session: Session) -> tuple[int, int]:
    session.flush()
    points = session.scalar(select(func.count()).select_from(TouchPoint)) or 0
    moves = session.scalar(select(func.count()).select_from(CircleMove)) or 0
    return int(points), int(moves)


def _berger_and_ambassadors(session: Session) -> tuple[int | None, list[int]]:
    """The organiser (an ambassador with the « berger » role, the first one else) and every ambassador."""
    members = list(session.execute(select(Ambassador.contact_id, Ambassador.roles).order_by(Ambassador.id)))
    if not members:
        return None, []
    berger = {r.id for r in session.scalars(select(AmbassadorRole)) if fold(r.name) == "berger"}
    chosen = next((c for c, roles in members if berger & {int(r) for r in roles.split(",") if r}), members[0][0])
    return chosen, [c for c, _roles in members if c != chosen]


def _register(
    session: Session, actor: Actor, rnd: random.Random, event_id: int, people: list[int], today: date, day: date
) -> None:
    for contact_id in people:
        on = min(day - timedelta(days=rnd.randrange(2, 25)), today)
        events.set_status(session, actor, event_id, contact_id, ParticipantStatus.INSCRIT.value, on=on)


def _sheet(
    session: Session,
    actor: Actor,
    rnd: random.Random,
    event_id: int,
    registered: list[int],
    walk_ins: list[tuple[str, str]],
    day: date,
) -> int:
    """The sheet typed back as the kit printed it: a few registered excused themselves before it was
    printed; the others have their line, in the kit's order, left blank by the few absent; the
    walk-ins wrote on the free lines after them."""
    fates = {contact_id: rnd.random() for contact_id in registered}
    for contact_id in registered:
        if fates[contact_id] < 0.08:
            events.set_status(session, actor, event_id, contact_id, ParticipantStatus.EXCUSE.value)
    people = [session.get_one(Contact, c) for c in registered if fates[c] >= 0.08]
    people.sort(key=lambda c: sheet_order(c.kind, c.first_name, c.last_name, c.organisation, c.email, c.id))
    for line_no, contact in enumerate(people, start=1):
        if fates[contact.id] < 0.2:
            events.set_status(session, actor, event_id, contact.id, ParticipantStatus.ABSENT.value)
            continue
        line = SignInLineDraft(contact.last_name, contact.first_name, contact.email, contact.phone, _ticks(rnd))
        sign_in_sheet.save_line(session, actor, event_id, line_no, line, contact.id)
    line_no = len(people)
    for last, first in walk_ins:
        line_no += 1
        email = f"{fold(first)}.{fold(last)}@exemple.fr".replace(" ", "-")
        record = sign_in_sheet.save_line(
            session,
            actor,
            event_id,
            line_no,
            SignInLineDraft(last, first, email, "", _ticks(rnd)),
            sign_in_sheet.CREATE,
        )
        assert record.contact_id is not None
        _date_arrival(session, record.contact_id, day)
    _date_lines(session, event_id, day)
    return line_no


def _ticks(rnd: random.Random) -> tuple[str, ...]:
    return tuple(purpose.value for purpose, share in TICKS if rnd.random() < share)


def _date_arrival(session: Session, contact_id: int, day: date) -> None:
    """A contact made from a sheet arrived the day after its event, not on the day the demo was built."""
    when = datetime.combine(day + timedelta(days=1), time(9, 0), UTC)
    contact = session.get_one(Contact, contact_id)
    contact.created_at = when
    for move in session.scalars(select(CircleMove).where(CircleMove.contact_id == contact_id)):
        move.moved_at = when


def _date_lines(session: Session, event_id: int, day: date) -> None:
    when = datetime.combine(day + timedelta(days=1), time(9, 0), UTC)
    for line in session.scalars(select(SignInLine).where(SignInLine.event_id == event_id)):
        line.saved_at = when
    session.flush()
