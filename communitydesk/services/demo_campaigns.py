"""The campaigns part of the demo: one campaign running on Ulule, one won on HelloAsso with its
rewards on their way, one in preparation, all backed by the demo's own contacts.

The running campaign has a realistic pace: the proches give in the first days, the
communauté follows, the grand public comes last (docs/DOMAIN.md §2).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, insert, text

from communitydesk import formatting
from communitydesk.models.campaigns import Campaign, Contribution, Fulfilment, Tier
from communitydesk.models.contacts import ACTIVE_SQL, TouchPoint
from communitydesk.rules.campaigns import CampaignStatus, CampaignType, FulfilmentState, PaymentStatus, Platform
from communitydesk.services.store import table_of

FOUNDER = "Camille (fondatrice)"


@dataclass(frozen=True)
class DemoTier:
    title: str
    amount_cents: int
    stock: int | None
    description: str


RUNNING = "Fournil des Pentes"
RUNNING_TIERS = [
    DemoTier("Merci sur notre mur", 1000, None, "Votre nom peint sur le mur du fournil."),
    DemoTier("Pain du mois offert", 2500, 150, "Un pain au levain par semaine pendant un mois."),
    DemoTier("Tote bag brodé", 4000, 80, "Sac en coton bio brodé à Lyon, avec un pain."),
    DemoTier("Atelier pain au levain", 8000, 30, "Trois heures au fournil avec notre boulangère."),
    DemoTier("Parrain du four", 25000, 10, "Votre nom gravé sur le four, et un an de pain le samedi."),
]
WON = "Repair café mobile"
WON_TIERS = [
    DemoTier("Carte postale illustrée", 500, None, "Une carte dessinée par une bénévole."),
    DemoTier("Porte-clés en vélo recyclé", 1500, 200, "Fabriqué avec des chambres à air réparées."),
    DemoTier("Sac en toile", 3000, 100, "Le sac du repair café, pour transporter vos objets à réparer."),
]
PREPARING = "Jardin partagé des Canuts"
PREPARING_TIERS = [
    DemoTier("Sachet de graines", 1000, None, "Des graines du jardin, récoltées par les bénévoles."),
    DemoTier("Panier de saison", 3500, 60, "Un panier de légumes du jardin en juin."),
    DemoTier("Parcelle parrainée", 12000, 12, "Une parcelle à votre nom pour la saison."),
]


@dataclass(frozen=True)
class DemoCampaignsSummary:
    campaigns: int
    contributions: int
    touch_points: int


def _moment(day: date, rnd: random.Random, now: datetime) -> datetime:
    """A daytime moment of ``day``, never after ``now`` (today's hour may not have come yet)."""
    local = datetime.combine(day, time(rnd.randrange(7, 23), rnd.randrange(60)), tzinfo=formatting.PARIS)
    return min(local.astimezone(UTC), now)


def _campaign(conn: Connection, now: datetime, **values: Any) -> int:
    row = {
        "currency": "EUR",
        "description": "",
        "preparation_starts_on": None,
        "created_at": now,
        "updated_at": now,
        "version_id": 1,
        **values,
    }
    return int(conn.execute(insert(table_of(Campaign)).returning(table_of(Campaign).c.id), row).scalar_one())


def _tiers(
    conn: Connection, campaign_id: int, tiers: list[DemoTier], delivery: date | None, now: datetime
) -> list[tuple[int, DemoTier]]:
    result = []
    for tier in tiers:
        tier_id = conn.execute(
            insert(table_of(Tier)).returning(table_of(Tier).c.id),
            {
                "campaign_id": campaign_id,
                "title": tier.title,
                "amount_cents": tier.amount_cents,
                "description": tier.description,
                "stock_limit": tier.stock,
                "estimated_delivery": delivery,
                "created_at": now,
                "updated_at": now,
                "version_id": 1,
            },
        ).scalar_one()
        result.append((int(tier_id), tier))
    return result


def _contacts_by_circle(conn: Connection) -> dict[str, list[tuple[int, str, str]]]:
    found: dict[str, list[tuple[int, str, str]]] = {"proches": [], "communaute": [], "grand_public": []}
    query = text(
        "SELECT id, circle, first_name || ' ' || last_name, source FROM contacts "
        f"WHERE {ACTIVE_SQL} AND kind = 'person' ORDER BY id"
    )
    for contact_id, circle, name, source in conn.execute(query):
        if circle in found:
            found[circle].append((int(contact_id), str(name).strip(), str(source)))
    return found


def _pick_tier(
    rnd: random.Random, tiers: list[tuple[int, DemoTier]], taken: dict[int, int], weights: list[float]
) -> tuple[int | None, int]:
    """A tier (respecting stock) and the amount given: the tier's price, sometimes a little more."""
    if rnd.random() < 0.12:
        return None, rnd.choice([500, 1000, 2000, 3000, 5000])  # a gift without reward
    for _attempt in range(6):
        tier_id, tier = rnd.choices(tiers, weights)[0]
        if tier.stock is None or taken.get(tier_id, 0) < tier.stock:
            taken[tier_id] = taken.get(tier_id, 0) + 1
            extra = rnd.choice([0, 0, 0, 0, 500, 1000]) if tier.amount_cents >= 2500 else 0
            return tier_id, tier.amount_cents + extra
    return None, 2000


def _contributions(
    conn: Connection,
    rnd: random.Random,
    campaign_id: int,
    campaign_name: str,
    platform: str,
    prefix: str,
    plan: Sequence[tuple[tuple[int, str, str] | None, date, str]],
    tiers: list[tuple[int, DemoTier]],
    weights: list[float],
    now: datetime,
    brought_source: str = "",
) -> tuple[list[int], list[dict[str, Any]]]:
    """Insert contributions following ``plan`` (backer, day, status); returns their ids and touch points."""
    taken: dict[int, int] = {}
    rows, touches = [], []
    for number, (backer, day, status) in enumerate(plan, start=1):
        tier_id, amount = _pick_tier(rnd, tiers, taken, weights)
        when = _moment(day, rnd, now)
        rows.append(
            {
                "campaign_id": campaign_id,
                "contact_id": backer[0] if backer else None,
                "tier_id": tier_id,
                "amount_cents": amount,
                "contributed_at": when,
                "platform": platform,
                "platform_reference": f"{prefix}-{number:05d}",
                "payment_status": status,
                "anonymous": backer is None or rnd.random() < 0.06,
                "backer_name": backer[1] if backer else "",
                "brought_contact": bool(backer and brought_source and backer[2] == brought_source),
                "created_at": when,
                "updated_at": when,
                "version_id": 1,
            }
        )
        if backer is not None:
            touches.append(
                {
                    "contact_id": backer[0],
                    "kind": "contribution",
                    "occurred_at": when,
                    "summary": f"Contribution de {formatting.money(amount)} à la campagne « {campaign_name} »",
                    "created_by": FOUNDER,
                    "created_at": when,
                }
            )
    ids = (
        [
            int(i)
            for i in conn.execute(insert(table_of(Contribution)).returning(table_of(Contribution).c.id), rows).scalars()
        ]
        if rows
        else []
    )
    return ids, touches


def _running_plan(
    rnd: random.Random, people: dict[str, list[tuple[int, str, str]]], start: date, today: date
) -> list[tuple[tuple[int, str, str] | None, date, str]]:
    """~150 backers: proches in the first days, then communauté, then the grand public."""
    elapsed = max((today - start).days, 1)
    plan: list[tuple[tuple[int, str, str] | None, date, str]] = []
    waves = (("proches", 28, 0.0, 0.25), ("communaute", 62, 0.1, 0.8), ("grand_public", 60, 0.35, 1.0))
    for circle, wanted, first, last in waves:
        chosen: list[tuple[int, str, str] | None] = list(rnd.sample(people[circle], min(wanted, len(people[circle]))))
        for backer in chosen:
            position = first + (last - first) * rnd.random() ** 1.6  # early days are the busiest
            plan.append((backer, start + timedelta(days=min(elapsed, int(position * elapsed))), "valid"))
    for _n in range(6):  # platform backers who stayed anonymous
        plan.append((None, start + timedelta(days=rnd.randrange(elapsed // 3, elapsed + 1)), "valid"))
    plan.sort(key=lambda item: item[1])
    for index in rnd.sample(range(len(plan)), min(4, len(plan))):
        backer, day, _status = plan[index]
        plan[index] = (backer, day, rnd.choice(["refunded", "refunded", "cancelled", "pending"]))
    return plan


def add_campaigns(conn: Connection, rnd: random.Random, now: datetime) -> DemoCampaignsSummary:
    """Add the three demo campaigns, their tiers, contributions, touch points and reward states."""
    today = now.astimezone(formatting.PARIS).date()
    people = _contacts_by_circle(conn)
    all_touches: list[dict[str, Any]] = []
    contributions = 0

    start = today - timedelta(days=18)
    running = _campaign(
        conn,
        now,
        name=RUNNING,
        type=CampaignType.RECOMPENSE.value,
        platform=Platform.ULULE.value,
        goal_cents=900_000,
        preparation_starts_on=start - timedelta(days=40),
        starts_on=start,
        ends_on=start + timedelta(days=34),
        status=CampaignStatus.EN_COURS.value,
        description="Un fournil coopératif sur les pentes de la Croix-Rousse : pain au levain, farines locales, "
        "ateliers pour les enfants du quartier.",
    )
    tiers = _tiers(conn, running, RUNNING_TIERS, start + timedelta(days=90), now)
    ids, touches = _contributions(
        conn,
        rnd,
        running,
        RUNNING,
        Platform.ULULE.value,
        "ULU",
        _running_plan(rnd, people, start, today),
        tiers,
        [3, 5, 4, 2, 0.6],
        now,
        brought_source="campagne Ulule",
    )
    contributions += len(ids)
    all_touches += touches

    won_start = today - timedelta(days=150)
    won = _campaign(
        conn,
        now,
        name=WON,
        type=CampaignType.RECOMPENSE.value,
        platform=Platform.HELLOASSO.value,
        goal_cents=150_000,
        preparation_starts_on=won_start - timedelta(days=30),
        starts_on=won_start,
        ends_on=won_start + timedelta(days=30),
        status=CampaignStatus.REUSSIE.value,
        description="Un triporteur équipé pour aller réparer vélos et grille-pain dans les quartiers.",
    )
    won_tiers = _tiers(conn, won, WON_TIERS, won_start + timedelta(days=75), now)
    backers = (
        rnd.sample(people["proches"], min(15, len(people["proches"])))
        + rnd.sample(people["communaute"], min(45, len(people["communaute"])))
        + rnd.sample(people["grand_public"], min(35, len(people["grand_public"])))
    )
    plan = [
        (backer, won_start + timedelta(days=min(29, int(30 * n / max(len(backers), 1)))), "valid")
        for n, backer in enumerate(backers)
    ]
    if plan:
        plan[-1] = (plan[-1][0], plan[-1][1], "refunded")
    won_ids, touches = _contributions(
        conn, rnd, won, WON, Platform.HELLOASSO.value, "HA", plan, won_tiers, [2, 4, 3], now
    )
    contributions += len(won_ids)
    all_touches += touches
    _fulfilment_states(conn, rnd, won, now)

    prep_start = today - timedelta(days=20)
    preparing = _campaign(
        conn,
        now,
        name=PREPARING,
        type=CampaignType.RECOMPENSE.value,
        platform=Platform.KISSKISSBANKBANK.value,
        goal_cents=800_000,
        preparation_starts_on=prep_start,
        starts_on=today + timedelta(days=25),
        ends_on=today + timedelta(days=65),
        status=CampaignStatus.PREPARATION.value,
        description="Des bacs, un récupérateur d'eau et une serre pour le jardin partagé du quartier.",
    )
    _tiers(conn, preparing, PREPARING_TIERS, today + timedelta(days=150), now)
    told = rnd.sample(people["proches"], len(people["proches"]) * 3 // 5) + rnd.sample(
        people["communaute"], len(people["communaute"]) // 4
    )
    for contact_id, _name, _source in told:
        when = _moment(prep_start + timedelta(days=rnd.randrange(0, 20)), rnd, now)
        all_touches.append(
            {
                "contact_id": contact_id,
                "kind": rnd.choice(["email", "call", "meeting"]),
                "occurred_at": when,
                "summary": f"Campagne « {PREPARING} » : annonce",
                "created_by": FOUNDER,
                "created_at": when,
            }
        )

    if all_touches:
        conn.execute(insert(table_of(TouchPoint)), all_touches)
        touched = sorted({t["contact_id"] for t in all_touches})
        last_touch = text(
            "UPDATE contacts SET last_touch_at = (SELECT MAX(occurred_at) FROM touch_points "
            "WHERE touch_points.contact_id = contacts.id) WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        for chunk in range(0, len(touched), 500):
            conn.execute(last_touch, {"ids": touched[chunk : chunk + 500]})
    return DemoCampaignsSummary(campaigns=3, contributions=contributions, touch_points=len(all_touches))


def _fulfilment_states(conn: Connection, rnd: random.Random, campaign_id: int, now: datetime) -> None:
    """Most rewards of the won campaign delivered, some sent or prepared, a few still to prepare."""
    rows = conn.execute(
        text(
            "SELECT id FROM contributions WHERE campaign_id = :cid AND tier_id IS NOT NULL "
            "AND payment_status = :valid ORDER BY id"
        ),
        {"cid": campaign_id, "valid": PaymentStatus.VALID.value},
    )
    states = []
    for (contribution_id,) in rows:
        state = rnd.choices(
            [FulfilmentState.LIVRE, FulfilmentState.ENVOYE, FulfilmentState.PREPARE, None], [6, 2, 1, 1]
        )[0]
        if state is not None:
            changed = now - timedelta(days=rnd.randrange(2, 40))
            states.append(
                {
                    "contribution_id": contribution_id,
                    "state": state.value,
                    "note": "",
                    "created_at": changed,
                    "updated_at": changed,
                    "version_id": 1,
                }
            )
    if states:
        conn.execute(insert(table_of(Fulfilment)), states)
