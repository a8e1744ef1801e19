"""A living demo community: invented French people and organisations across every area.

Built for speed (100 000 contacts in seconds): names come from small pools drawn once
with Faker's fr_FR locale, and rows are inserted in batches with SQLAlchemy Core.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from communitydesk.db import search_index
from communitydesk.db.backup import DEFAULT_KEEP, exclusive_access, partial_path, prune_backups, remove_with_journals
from communitydesk.db.database import Database, open_database
from communitydesk.db.schema_version import SchemaState, probe
from communitydesk.errors import UserError
from communitydesk.formatting import PARIS
from communitydesk.i18n import _
from communitydesk.models.contacts import CircleMove, Contact, Tag, TouchPoint, contact_tags
from communitydesk.models.organisation import Profile
from communitydesk.paths import backup_dir_for
from communitydesk.rules.circles import Circle
from communitydesk.services import demo_ambassadors, demo_campaigns, demo_contacts, demo_editorial, profiles
from communitydesk.services import settings as app_settings
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import table_of

Progress = Callable[[int, int], None]
BATCH = 5000
KEPT_PREFIX = "avant-demo-"  # the base a demo replaced, in backups/

CIRCLE_WEIGHTS = {Circle.PROCHES: 0.08, Circle.COMMUNAUTE: 0.30, Circle.GRAND_PUBLIC: 0.62}
SOURCES = ["bouche-à-oreille", "salon", "site web", "campagne Ulule", "newsletter", "atelier", "réseaux sociaux"]
TAGS = [
    "bénévole",
    "donateur",
    "presse",
    "partenaire",
    "élu local",
    "fournisseur",
    "adhérent",
    "newsletter",
    "atelier couture",
    "repair café",
    "jardin partagé",
    "mécène",
]
TOUCH_KINDS = ["email", "call", "meeting", "event", "contribution", "reaction", "note"]
TOUCH_SUMMARIES = {
    "email": "Échange de courriels au sujet du projet",
    "call": "Appel : nouvelles du projet et prochaines étapes",
    "meeting": "Rendez-vous autour d'un café",
    "event": "Présent·e à l'assemblée générale",
    "contribution": "A soutenu la campagne de financement",
    "reaction": "A partagé notre publication LinkedIn",
    "note": "Intéressé·e par une mission bénévole",
}
MOVE_REASONS = ["A participé à un atelier", "A soutenu la campagne", "Devenu·e bénévole régulier·e"]
FOUNDER = "Camille (fondatrice)"
VOLUNTEER = "Accueil bénévoles"
# The demo's passwords, shown on the demo's login screen only (``with_logins``): a demo
# base is invented data, and whoever tries it must get in.
DEMO_ADMIN_PASSWORD = "demo-admin"
DEMO_VOLUNTEER_PASSWORD = "demo-benevole"
ORG_SUFFIXES = ["Association", "SCIC", "Coopérative", "Collectif", "Tiers-lieu", "Fondation"]


@dataclass(frozen=True)
class DemoSummary:
    contacts: int
    touch_points: int
    moves: int


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch in ".-")


def _pools(seed: int) -> dict[str, list[Any]]:
    from faker import Faker  # ~0.3 s to import: only for demo data

    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    return {
        "first": [fake.first_name() for _ in range(400)],
        "last": [fake.last_name() for _ in range(600)],
        # Lyon, where the demo association lives, so that the "Bénévoles Lyon" segment has people.
        "cities": [(fake.city(), fake.postcode()) for _ in range(300)] + [("Lyon", f"6900{i}") for i in range(1, 10)],
        "streets": [fake.street_address() for _ in range(500)],
        "orgs": [f"{rng} {fake.last_name()}" for rng in ORG_SUFFIXES for _ in range(40)],
        "jobs": [fake.job()[:90] for _ in range(150)],
        "domains": ["exemple.fr", "courriel.example", "mail.example", "asso.example", "coop.example"],
    }


def _contact_rows(count: int, rnd: random.Random, pools: dict[str, list[Any]], now: datetime) -> list[dict[str, Any]]:
    circles = list(CIRCLE_WEIGHTS)
    weights = list(CIRCLE_WEIGHTS.values())
    rows = []
    for index in range(count):
        is_org = rnd.random() < 0.07
        first, last = rnd.choice(pools["first"]), rnd.choice(pools["last"])
        city, postcode = rnd.choice(pools["cities"])
        org = rnd.choice(pools["orgs"]) if is_org or rnd.random() < 0.3 else ""
        email = f"{_ascii(first)}.{_ascii(last)}{index}@{rnd.choice(pools['domains'])}"
        digits = f"0{rnd.choice('67')}{rnd.randrange(10**8):08d}"
        created = now - timedelta(days=rnd.randrange(1, 720), minutes=rnd.randrange(1440))
        rows.append(
            {
                "kind": "organisation" if is_org else "person",
                "first_name": "" if is_org else first,
                "last_name": "" if is_org else last,
                "organisation": org,
                "role": rnd.choice(pools["jobs"]) if org else "",
                "email": email,
                "email_secondary": "",
                "phone": " ".join(digits[i : i + 2] for i in range(0, 10, 2)),
                "phone_secondary": "",
                "email_key": email,
                "phone_key": "+33" + digits[1:],
                "address": rnd.choice(pools["streets"]),
                "postcode": postcode,
                "city": city,
                "country": "FR",
                "circle": rnd.choices(circles, weights)[0].value,
                "source": rnd.choice(SOURCES),
                "notes": "",
                "is_ambassador": rnd.random() < 0.03,
                "is_critic": rnd.random() < 0.01,
                "last_touch_at": None,
                "created_at": created,
                "updated_at": created,
                "version_id": 1,
            }
        )
    return rows


def _history_rows(
    rows: list[dict[str, Any]], first_id: int, rnd: random.Random, tag_ids: list[int], now: datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Moves, touch points and tags of a batch of contacts; sets each row's last_touch_at."""
    touches: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for offset, row in enumerate(rows):
        cid = first_id + offset
        joined = row["circle"] if rnd.random() > 0.15 else Circle.GRAND_PUBLIC.value
        moves.append(
            {
                "contact_id": cid,
                "moved_at": row["created_at"],
                "from_circle": None,
                "to_circle": joined,
                "moved_by": "import",
                "reason": _("Arrivée dans la communauté"),
            }
        )
        if joined != row["circle"]:
            moves.append(
                {
                    "contact_id": cid,
                    # Never after now: a contact created last week has not moved two months later.
                    "moved_at": min(row["created_at"] + timedelta(days=rnd.randrange(1, 60)), now),
                    "from_circle": joined,
                    "to_circle": row["circle"],
                    "moved_by": FOUNDER,
                    "reason": rnd.choice(MOVE_REASONS),
                }
            )
        for _n in range(rnd.choice((0, 1, 1, 2, 3, 4))):
            kind = rnd.choice(TOUCH_KINDS)
            when = now - timedelta(days=rnd.randrange(0, 400), minutes=rnd.randrange(1440))
            touches.append(
                {
                    "contact_id": cid,
                    "kind": kind,
                    "occurred_at": when,
                    "summary": TOUCH_SUMMARIES[kind],
                    "created_by": FOUNDER,
                    "created_at": when,
                }
            )
            if row["last_touch_at"] is None or when > row["last_touch_at"]:
                row["last_touch_at"] = when
        for tag_id in rnd.sample(tag_ids, rnd.choice((0, 0, 1, 1, 2, 3))):
            links.append({"contact_id": cid, "tag_id": tag_id})
    return touches, moves, links


def populate(
    db: Database,
    actor: Actor,
    contacts: int = 300,
    seed: int = 2026,
    progress: Progress | None = None,
    *,
    with_logins: bool = False,
) -> DemoSummary:
    """Fill an empty database with a demo community; one transaction per batch of contacts.

    ``with_logins``: the founder (Administrateur) and the volunteer profile get the demo
    passwords above, so that the demo opens on the login screen (the window's ``--demo``).
    """
    require(actor, Action.IMPORT)
    rnd = random.Random(seed)
    pools = _pools(seed)
    now = datetime.now(UTC)
    touch_total = move_total = 0
    with db.transaction() as session:
        session.add_all([Profile(name=FOUNDER, role="admin"), Profile(name=VOLUNTEER, role="benevole")])
        if with_logins:
            session.flush()
            for name, password in ((FOUNDER, DEMO_ADMIN_PASSWORD), (VOLUNTEER, DEMO_VOLUNTEER_PASSWORD)):
                profiles.set_password(session, actor, name, password)
        session.add_all([Tag(name=name) for name in TAGS])
        app_settings.save_organisation(
            session,
            actor,
            app_settings.Organisation(
                name="Les Ateliers du Lien",
                legal_id="RNA W751234567",
                website="https://ateliers-du-lien.example",
                address="12 rue des Coopérateurs, 69007 Lyon",
            ),
        )
    tag_ids = list(range(1, len(TAGS) + 1))
    done = 0
    while done < contacts:
        size = min(BATCH, contacts - done)
        rows = _contact_rows(size, rnd, pools, now)
        with db.transaction(_("la création de la démonstration")) as session:
            conn = session.connection()
            first_id = (conn.execute(select(func.max(Contact.id))).scalar() or 0) + 1
            touches, moves, links = _history_rows(rows, first_id, rnd, tag_ids, now)
            consents = demo_contacts.consent_rows(rows, first_id, rnd, now)
            demo_contacts.fill_search_columns(rows, links, first_id, TAGS)
            conn.execute(insert(table_of(Contact)), rows)
            demo_contacts.insert_consents(conn, consents)
            for table, batch in ((table_of(CircleMove), moves), (table_of(TouchPoint), touches), (contact_tags, links)):
                if batch:
                    conn.execute(insert(table), batch)
        touch_total += len(touches)
        move_total += len(moves)
        done += size
        if progress is not None:
            progress(done, contacts)
    with db.transaction(_("la création de la démonstration")) as session:
        conn = session.connection()
        demo_contacts.add_duplicate_pairs(conn, contacts)
        demo_contacts.add_segments(conn)
        campaigns = demo_campaigns.add_campaigns(conn, random.Random(seed + 1), now)
        demo_editorial.add_editorial(conn, random.Random(seed + 2), now)
        demo_ambassadors.add_ambassadors(session, actor, random.Random(seed + 3), now.astimezone(PARIS).date())
        search_index.refresh(conn)  # the first search of the demo is instant
    return DemoSummary(contacts=contacts, touch_points=touch_total + campaigns.touch_points, moves=move_total)


def create_demo_database(
    path: Path,
    actor: Actor,
    contacts: int = 300,
    seed: int = 2026,
    progress: Progress | None = None,
    replace: bool = False,
    keep: int = DEFAULT_KEEP,
    *,
    with_logins: bool = False,
) -> DemoSummary:
    """Create ``path`` (and its folder) as a new demo database; never overwrites real data.

    The demo is built beside ``path`` and put in place at the end, so an interrupted demo
    never leaves a half-built base under its name. With ``replace``, an existing base is
    kept in backups/ first (the newest ``keep`` such copies stay), and a base open in another
    program is refused.
    """
    from communitydesk.services.maintenance import replace_database

    if contacts < 0:
        raise UserError(_("Le nombre de contacts doit être positif ou nul."))
    found = probe(path)
    if found.state not in (SchemaState.MISSING, SchemaState.BLANK) and not replace:
        raise UserError(
            _("« {path} » existe déjà : choisissez un autre fichier pour la base de démonstration.", path=path)
        )
    if found.state is not SchemaState.MISSING:
        with exclusive_access(path):
            pass  # open elsewhere: refused now rather than after building the demo
    building = partial_path(path)
    remove_with_journals(building)
    db = open_database(building)
    try:
        summary = populate(db, actor, contacts=contacts, seed=seed, progress=progress, with_logins=with_logins)
    except BaseException:
        db.close()
        remove_with_journals(building)  # after a kill -9, the next opening sweeps it
        raise
    db.close()  # the last connection: SQLite folds the WAL into the file
    if found.state is SchemaState.MISSING:
        building.replace(path)
    else:
        replace_database(building, path, kept_prefix=KEPT_PREFIX)
        remove_with_journals(building)
        # `--demo` replaces its base at each start: its kept copies rotate like other backups.
        prune_backups(backup_dir_for(path), path, keep, prefix=KEPT_PREFIX)
    return summary
