"""The contacts-area part of the demo: consents, saved segments and a few duplicate pairs,
so that the RGPD, segment and duplicate screens have something to show."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, insert, update

from communitydesk.models.base import utcnow
from communitydesk.models.consent import Consent
from communitydesk.models.contacts import Contact
from communitydesk.models.segments import Segment
from communitydesk.rules.contact_keys import email_key, phone_key
from communitydesk.rules.contact_search_text import city_sort, sort_name, tags_text
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.store import table_of

NEWSLETTER_WORDING = (
    "J'accepte de recevoir la lettre d'information des Ateliers du Lien (un envoi par mois au plus). "
    "Je peux me désinscrire à tout moment."
)
PHOTO_WORDING = "J'autorise l'utilisation de photos où j'apparais sur le site et les réseaux de l'association."
CONSENT_SOURCES = ["formulaire du site", "feuille d'émargement", "e-mail", "bulletin d'adhésion"]

SEGMENTS: list[tuple[str, str, ContactFilter]] = [
    (
        "Proches à relancer",
        "Proches sans nouvelles depuis plus d'un mois.",
        ContactFilter(circles=("proches",), overdue=True),
    ),
    (
        "Bénévoles Lyon",
        "Bénévoles de Lyon, pour les ateliers du samedi.",
        ContactFilter(tags=("bénévole",), text="Lyon"),
    ),
    ("Ambassadeurs", "Toutes celles et ceux qui portent le projet autour d'eux.", ContactFilter(ambassador=True)),
    (
        "Communauté abonnée à la lettre",
        "Communauté qui lit la lettre d'information.",
        ContactFilter(circles=("communaute",), tags=("newsletter",)),
    ),
    ("Détracteurs", "Pour ne jamais les oublier ni les relancer à l'aveugle.", ContactFilter(critic=True)),
]


def consent_rows(rows: list[dict[str, Any]], first_id: int, rnd: random.Random, now: datetime) -> list[dict[str, Any]]:
    """A newsletter consent for ~85 % of contacts (some withdrawn), a photo consent for a few."""
    consents: list[dict[str, Any]] = []
    for offset, row in enumerate(rows):
        if rnd.random() > 0.85:
            continue
        given = row["created_at"] + timedelta(minutes=rnd.randrange(0, 600))
        source = rnd.choice(CONSENT_SOURCES)
        withdrawn = min(given + timedelta(days=rnd.randrange(1, 200)), now) if rnd.random() < 0.04 else None
        common = {
            "contact_id": first_id + offset,
            "given_at": given,
            "source": source,
            "recorded_by": "import",
            "created_at": given,
        }
        consents.append(
            {**common, "purpose": "Lettre d'information", "wording": NEWSLETTER_WORDING, "withdrawn_at": withdrawn}
        )
        if rnd.random() < 0.1:
            consents.append({**common, "purpose": "Droit à l'image", "wording": PHOTO_WORDING, "withdrawn_at": None})
    return consents


def insert_consents(conn: Connection, consents: list[dict[str, Any]]) -> None:
    if consents:
        conn.execute(insert(table_of(Consent)), consents)


def add_duplicate_pairs(conn: Connection, total: int) -> int:
    """Turn the last contacts into plausible duplicates of the first ones; returns pairs made.

    Same e-mail in another case, same phone in another format, and "Hélène Martin" /
    "Helene Martin" in the same city.
    """
    if total < 12:
        return 0
    contacts = table_of(Contact)
    person = {"kind": "person", "organisation": "", "role": ""}
    pairs = [
        (
            {
                "first_name": "Hélène",
                "last_name": "Martin",
                "city": "Lyon",
                "postcode": "69007",
                "email": "helene.martin@exemple.fr",
                "phone": "04 78 12 34 56",
            },
            {
                "first_name": "Helene",
                "last_name": "Martin",
                "city": "Lyon",
                "postcode": "69007",
                "email": "h.martin@courriel.example",
                "phone": "07 81 22 33 44",
            },
        ),
        (
            {
                "first_name": "Jeanne",
                "last_name": "Roux",
                "city": "Grenoble",
                "postcode": "38000",
                "email": "jeanne.roux@exemple.fr",
                "phone": "06 45 45 12 12",
            },
            {
                "first_name": "Jeanne",
                "last_name": "Roux",
                "city": "Échirolles",
                "postcode": "38130",
                "email": "Jeanne.Roux@Exemple.FR",
                "phone": "",
            },
        ),
        (
            {
                "first_name": "Marc",
                "last_name": "Lefèvre",
                "city": "Nantes",
                "postcode": "44000",
                "email": "marc.lefevre@mail.example",
                "phone": "06 12 34 56 78",
            },
            {
                "first_name": "Marc",
                "last_name": "Lefebvre",
                "city": "Rezé",
                "postcode": "44400",
                "email": "mlefebvre@asso.example",
                "phone": "+33 6 12 34 56 78",
            },
        ),
    ]
    for index, (original, duplicate) in enumerate(pairs):
        for contact_id, values in ((index + 1, original), (total - index, duplicate)):
            keys = {"email_key": email_key(values["email"]), "phone_key": phone_key(values["phone"])}
            conn.execute(update(contacts).where(contacts.c.id == contact_id).values(**person, **values, **keys))
    return len(pairs)


def add_segments(conn: Connection) -> None:
    conn.execute(
        insert(table_of(Segment)),
        [
            {
                "name": name,
                "description": description,
                "criteria": json.dumps(f.to_json(), ensure_ascii=False),
                "created_at": utcnow(),
                "updated_at": utcnow(),
                "version_id": 1,
            }
            for name, description, f in SEGMENTS
        ],
    )


def fill_search_columns(
    rows: list[dict[str, Any]], links: list[dict[str, Any]], first_id: int, tag_names: list[str]
) -> None:
    """Give new rows their sort key and tag text up front, as the search index would: its
    refresh then only adds the full-text rows instead of rewriting every contact."""
    names: dict[int, list[str]] = {}
    for link in links:
        names.setdefault(link["contact_id"], []).append(tag_names[link["tag_id"] - 1])
    for offset, row in enumerate(rows):
        names_of_row = (row["first_name"], row["last_name"], row["organisation"], row["email"])
        row["sort_name"] = sort_name(row["kind"], *names_of_row)
        row["tags_text"] = tags_text(names.get(first_id + offset, []))
        row["city_sort"] = city_sort(row["city"])
