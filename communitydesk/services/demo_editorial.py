"""The editorial calendar part of the demo: a ligne éditoriale and three months of publications.

Two months behind today are published (with their results) or abandoned, a few weeks
ahead are in every status, and some ideas wait without a day. A few weeks are left short
on purpose, so that the regularity gaps show. Nothing is dated after now except the
planned days of coming posts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select

from communitydesk import formatting
from communitydesk.models.contacts import Contact
from communitydesk.models.editorial import (
    EditorialLine,
    EditorialNetwork,
    EditorialPillar,
    FollowerCount,
    Publication,
    PublicationNetwork,
    PublicationStatusChange,
)
from communitydesk.rules.editorial import Network, PublicationStatus
from communitydesk.services.store import table_of

FOUNDER = "Camille (fondatrice)"
AUTHORS = (FOUNDER, "Léa (bénévole com')", "Malik (service civique)")
S = PublicationStatus

PILLARS = (
    ("Coulisses", "#e07a5f", "La vie des ateliers, les mains qui font, les ratés aussi."),
    ("Portraits", "#3d8eb9", "Bénévoles, adhérents, habitants : une personne, une histoire."),
    ("Agenda", "#81b29a", "Ateliers, permanences, assemblée générale, campagnes."),
    ("Partenaires", "#d4a017", "Ceux qui nous soutiennent, et ce que nous faisons ensemble."),
)
# (network, posts, every N weeks, the organisation's page)
TARGETS = (
    (Network.LINKEDIN, 2, 1, "https://www.linkedin.com/company/ateliers-du-lien"),
    (Network.FACEBOOK, 3, 1, "https://www.facebook.com/ateliersdulien"),
    (Network.INSTAGRAM, 2, 1, "https://www.instagram.com/ateliersdulien"),
    (Network.NEWSLETTER, 1, 2, ""),
)
TITLES = {
    "Coulisses": (
        "Le four du fournil chauffe depuis 5 h",
        "Trois vélos réparés en une matinée",
        "On a raté une fournée (et ce qu'on en a appris)",
        "Rangement de l'atelier couture",
        "Les semis du jardin partagé sont sortis",
        "Une journée de permanence au repair café",
    ),
    "Portraits": (
        "Portrait : Josiane, 20 ans de bénévolat",
        "Portrait : Yanis, apprenti boulanger",
        "Trois questions à notre trésorière",
        "Ce qui a fait venir Hugo au repair café",
        "Portrait : la famille qui jardine le mercredi",
    ),
    "Agenda": (
        "Atelier pain au levain samedi",
        "Permanence du repair café jeudi soir",
        "Assemblée générale : l'ordre du jour",
        "Dernière semaine de la campagne du fournil",
        "Inscriptions ouvertes pour l'atelier couture",
        "Lettre d'information du mois",
    ),
    "Partenaires": (
        "Merci à la Biocoop des Pentes",
        "La mairie du 1er nous prête une salle",
        "Notre ambassadrice teste le pain du fournil",
        "Le réseau des repair cafés de Lyon",
    ),
}
IDEAS = (
    "Vidéo : une fournée en 60 secondes",
    "Série d'été : un outil, une histoire",
    "Bilan de l'année en chiffres",
    "Recette du pain d'épices des bénévoles",
    "Visite du jardin avec les enfants de l'école",
    "Appel à bénévoles pour le marché de Noël",
)
HOURS = (time(8, 30), time(12, 15), time(18, 0), time(19, 30))
# Audience per post and per network, for believable results.
REACH = {Network.LINKEDIN: (300, 1800), Network.FACEBOOK: (150, 900), Network.INSTAGRAM: (200, 1200)}
FOLLOWERS = {Network.LINKEDIN: 640, Network.FACEBOOK: 1850, Network.INSTAGRAM: 920, Network.NEWSLETTER: 410}
PIPELINE = (S.IDEE, S.A_REDIGER, S.A_VALIDER, S.PRETE, S.PUBLIEE)


@dataclass(frozen=True)
class DemoEditorialSummary:
    publications: int
    ideas: int


@dataclass
class _Post:
    title: str
    pillar: str
    networks: tuple[Network, ...]
    day: date | None
    hour: time | None
    status: PublicationStatus
    author: str
    sponsored: bool = False
    partner_id: int | None = None


def _moment(day: date, hour: time | None) -> datetime:
    return datetime.combine(day, hour or time(10, 0), tzinfo=formatting.PARIS).astimezone(UTC)


def _insert_line(conn: Connection, now: datetime) -> dict[str, int]:
    tracked = {"created_at": now, "updated_at": now, "version_id": 1}
    conn.execute(
        insert(table_of(EditorialLine)),
        {
            "id": 1,
            "tone": "Chaleureux et concret : on montre les mains qui font. Tutoiement sur Instagram, "
            "vouvoiement sur LinkedIn et dans la lettre.",
            "target_circles": "communaute,grand_public",
            "target_segment_id": None,
            "visual_identity": "Photos lumineuses prises dans les ateliers, pas de banque d'images ; "
            "le vert du logo en bandeau.",
            "notes": "Chaque post d'un partenaire payé ou remercié en nature porte la mention "
            "« collaboration commerciale ».",
            **tracked,
        },
    )
    pillar_ids = {}
    for position, (name, colour, description) in enumerate(PILLARS, start=1):
        row = {
            "name": name,
            "colour": colour,
            "description": description,
            "target_circles": "",
            "target_segment_id": None,
            "position": position,
            "archived": False,
            **tracked,
        }
        table = table_of(EditorialPillar)
        pillar_ids[name] = int(conn.execute(insert(table).returning(table.c.id), row).scalar_one())
    conn.execute(
        insert(table_of(EditorialNetwork)),
        [
            {
                "network": network.value,
                "active": True,
                "target_count": count,
                "target_weeks": weeks,
                "account_url": url,
                **tracked,
            }
            for network, count, weeks, url in TARGETS
        ],
    )
    return pillar_ids


def _plan(rnd: random.Random, today: date, partner_id: int | None) -> list[_Post]:
    """About 9 weeks behind today and 4 ahead, network by network, a few weeks left short."""
    first_monday = today - timedelta(days=today.weekday() + 7 * 9)
    posts: list[_Post] = []
    for week in range(13):
        monday = first_monday + timedelta(weeks=week)
        for network, count, every, _url in TARGETS:
            if week % every:
                continue
            # Some weeks are short: the regularity view has gaps to name.
            planned = count - (1 if rnd.random() < 0.25 else 0) - (1 if week in (4, 11) else 0)
            for day_offset in sorted(rnd.sample(range(5), max(planned, 0))):
                pillar = rnd.choice(list(TITLES))
                networks: tuple[Network, ...] = (network,)
                if network is Network.LINKEDIN and rnd.random() < 0.3:
                    networks = (Network.LINKEDIN, Network.FACEBOOK)  # one post, two networks
                day = monday + timedelta(days=day_offset + (1 if network is Network.NEWSLETTER else 0))
                posts.append(
                    _Post(
                        title=rnd.choice(TITLES[pillar]),
                        pillar=pillar,
                        networks=networks,
                        day=day,
                        hour=None if network is Network.NEWSLETTER else rnd.choice(HOURS),
                        status=_status_for(rnd, day, today),
                        author=rnd.choice(AUTHORS),
                    )
                )
    # Every coming status is seen at least once, and the ambassador's post lacks its mention.
    coming = [p for p in posts if p.day is not None and p.day > today]
    for post, status in zip(coming[:5], (S.IDEE, S.A_REDIGER, S.A_VALIDER, S.PRETE, S.A_VALIDER), strict=False):
        post.status = status
    if coming:
        sponsored = coming[min(5, len(coming) - 1)]
        sponsored.title, sponsored.pillar = "Notre ambassadrice teste le pain du fournil", "Partenaires"
        sponsored.networks, sponsored.status = (Network.INSTAGRAM,), S.A_VALIDER
        sponsored.sponsored, sponsored.partner_id = True, partner_id
    for title in IDEAS:
        posts.append(_Post(title, rnd.choice(list(TITLES)), (), None, None, rnd.choice((S.IDEE, S.A_REDIGER)), FOUNDER))
    return posts


def _status_for(rnd: random.Random, day: date, today: date) -> PublicationStatus:
    if day < today:
        return S.ABANDONNEE if rnd.random() < 0.06 else S.PUBLIEE
    ahead = (day - today).days
    if ahead <= 3:
        return rnd.choice((S.PRETE, S.PRETE, S.A_VALIDER))
    if ahead <= 14:
        return rnd.choice((S.PRETE, S.A_VALIDER, S.A_REDIGER))
    return rnd.choice((S.A_REDIGER, S.IDEE, S.IDEE))


def _history(post: _Post, created: datetime, end: datetime) -> list[tuple[str | None, str, datetime, str]]:
    """The moves that led to the post's status, spread from its creation to ``end`` (never after now)."""
    if post.status is S.ABANDONNEE:
        steps: list[PublicationStatus] = [S.IDEE, S.A_REDIGER, S.ABANDONNEE]
    else:
        steps = list(PIPELINE[: PIPELINE.index(post.status) + 1])
    # The last move lands on ``end``: a published post's « publiée » is its published_at.
    span = (end - created) / max(len(steps) - 1, 1)
    moves = []
    previous: str | None = None
    for index, status in enumerate(steps):
        who = FOUNDER if status in (S.PRETE, S.ABANDONNEE) else post.author
        moves.append((previous, status.value, created + span * index, who))
        previous = status.value
    return moves


def _partner(conn: Connection) -> int | None:
    """An ambassador of the demo community, who publishes the sponsored post."""
    query = select(Contact.id).where(Contact.is_ambassador.is_(True)).order_by(Contact.id).limit(1)
    found = conn.execute(query).scalar()
    return None if found is None else int(found)


def add_editorial(conn: Connection, rnd: random.Random, now: datetime) -> DemoEditorialSummary:
    today = now.astimezone(formatting.PARIS).date()
    pillar_ids = _insert_line(conn, now)
    posts = _plan(rnd, today, _partner(conn))
    publications, networks, moves = (
        table_of(Publication),
        table_of(PublicationNetwork),
        table_of(PublicationStatusChange),
    )
    for post in posts:
        published = post.status is S.PUBLIEE and post.day is not None
        moment = _moment(post.day, post.hour) if post.day is not None else now
        # Written a week or two before its day, never after now.
        created = min(moment - timedelta(days=rnd.randrange(7, 21)), now - timedelta(days=rnd.randrange(1, 5)))
        end = min(moment, now) if published else min(created + timedelta(days=rnd.randrange(1, 6)), now)
        history = _history(post, created, end)
        approved = next(((when, who) for _old, new, when, who in history if new == S.PRETE.value), None)
        row: dict[str, Any] = {
            "title": post.title,
            "body": f"{post.title}.\n\nÀ retrouver sur ateliers-du-lien.example.",
            "pillar_id": pillar_ids[post.pillar],
            "target_circle": None,
            "target_segment_id": None,
            "planned_on": post.day,
            "planned_time": post.hour,
            "author": post.author,
            "status": post.status.value,
            "link": f"https://ateliers-du-lien.example/p/{rnd.randrange(10**6):06d}" if published else "",
            "attachments": "",
            "sponsored": post.sponsored,
            "commercial_mention": False,
            "partner_contact_id": post.partner_id,
            "approved_by": approved[1] if approved and post.status in (S.PRETE, S.PUBLIEE) else None,
            "approved_at": approved[0] if approved and post.status in (S.PRETE, S.PUBLIEE) else None,
            "published_at": end if published else None,
            "created_at": created,
            "updated_at": end,
            "version_id": len(history),
        }
        publication_id = int(conn.execute(insert(publications).returning(publications.c.id), row).scalar_one())
        conn.execute(
            insert(moves),
            [
                {
                    "publication_id": publication_id,
                    "from_status": old,
                    "to_status": new,
                    "changed_at": when,
                    "changed_by": who,
                }
                for old, new, when, who in history
            ],
        )
        if post.networks:
            conn.execute(
                insert(networks), [_results(rnd, publication_id, n, post, published, today) for n in post.networks]
            )
    _followers(conn, rnd, today)
    return DemoEditorialSummary(publications=len(posts), ideas=len(IDEAS))


def _results(
    rnd: random.Random, publication_id: int, network: Network, post: _Post, published: bool, today: date
) -> dict[str, Any]:
    row: dict[str, Any] = {"publication_id": publication_id, "network": network.value}
    if not published or post.day is None or network not in REACH:
        return {**row, "views": None, "reactions": None, "comments": None, "shares": None, "measured_on": None}
    low, high = REACH[network]
    views = rnd.randrange(low, high)
    # Around the 4 % benchmark: some posts above, some below.
    engaged = int(views * rnd.uniform(0.015, 0.07))
    comments = int(engaged * rnd.uniform(0.05, 0.2))
    shares = int(engaged * rnd.uniform(0.05, 0.25))
    return {
        **row,
        "views": views,
        "reactions": engaged - comments - shares,
        "comments": comments,
        "shares": shares,
        "measured_on": min(post.day + timedelta(days=7), today),
    }


def _followers(conn: Connection, rnd: random.Random, today: date) -> None:
    """The first of each month over the last year, growing a few percent a month."""
    rows = []
    for network, count in FOLLOWERS.items():
        months = []
        for back in range(12):
            year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
            months.append(date(year, month + 1, 1))
        followers = count
        for day in reversed(months):
            rows.append({"network": network.value, "measured_on": day, "followers": followers})
            followers = int(followers * rnd.uniform(1.0, 1.05)) + rnd.randrange(0, 8)
    conn.execute(insert(table_of(FollowerCount)), rows)
