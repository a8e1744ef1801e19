"""The permission matrix: every right × every role, through the real services and real logins.

Each right has a probe: a service call that takes it. A profile of each role logs in (cheap
argon2 parameters) and runs the probe; it must succeed exactly when the role's default
rights say so, and a refusal must write nothing (no file either).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from communitydesk.db.database import Database
from communitydesk.errors import PermissionDenied
from communitydesk.records.ambassadors import MissionDraft
from communitydesk.records.editorial import PillarRecord, PublicationDraft
from communitydesk.records.events import EventDraft, SignInLineDraft
from communitydesk.services import ambassadors as ambassador_service
from communitydesk.services import (
    audit,
    campaigns,
    contact_export,
    contact_import,
    contact_search,
    contacts,
    duplicates,
    editorial,
    events,
    figures,
    gdpr,
    maintenance,
    missions,
    profiles,
    publication_export,
    settings,
    sign_in_sheet,
    touch_points,
)
from communitydesk.services.permissions import SYSTEM, Action, Actor, Role, allowed, default_rights

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@dataclass
class World:
    db: Database
    tmp: Path
    contact: int
    other: int
    campaign: int
    mission: int
    event: int


Probe = Callable[[World, Actor], bool]  # True: done; False: done without the protected part


def _see_notes(w: World, actor: Actor) -> bool:
    return contacts.get_contact(w.db, actor, w.contact).data.notes == "Préfère être appelée le soir"


def _see_amounts(w: World, actor: Actor) -> bool:
    return all(c.amount_shown for c in campaigns.contributions_of_contact(w.db, actor, w.contact))


def _export_personal(w: World, actor: Actor) -> bool:
    out = w.tmp / "contacts.csv"
    try:
        contact_export.export_contacts(w.db, actor, out)
    finally:
        assert out.exists() == allowed(actor, Action.EXPORT_PERSONAL_DATA)  # a refusal writes no file
    return True


def _import(w: World, actor: Actor) -> bool:
    source = w.tmp / "nouveaux.csv"
    source.write_text("Prénom;Nom;E-mail\nNoé;Martin;noe@example.org\n", encoding="utf-8")
    contact_import.import_contacts_file(w.db, actor, source)
    return True


def _restore(w: World, actor: Actor) -> bool:
    copy = maintenance.backup_database(w.db.path, SYSTEM, out=w.tmp / "copie.sqlite3")
    elsewhere = w.tmp / "autre.sqlite3"
    elsewhere.write_bytes(copy.read_bytes())
    maintenance.restore_database(copy, elsewhere, actor)
    return True


def _sign_in(w: World, actor: Actor) -> bool:
    """The paper sheet typed back (one line naming a known contact), then attendance from the list."""
    line = SignInLineDraft(last_name="Diallo", first_name="Awa", consents=("newsletter",))
    try:
        sign_in_sheet.save_line(w.db, actor, w.event, 1, line, w.contact)
        events.set_status(w.db, actor, w.event, w.other, "present")
    finally:  # a refusal writes nothing
        record = events.event(w.db, SYSTEM, w.event)
        assert bool(sign_in_sheet.lines(w.db, SYSTEM, w.event)) == allowed(actor, Action.ENTER_SIGN_IN)
        assert bool(record.participants) == allowed(actor, Action.ENTER_SIGN_IN)
    return True


def _edit_event(w: World, actor: Actor) -> bool:
    draft = EventDraft(name="Assemblée générale", starts_on=date(2026, 6, 20))
    try:
        events.create_event(w.db, actor, draft)
    finally:
        assert len(events.events(w.db, SYSTEM)) == 1 + allowed(actor, Action.EDIT_EVENTS)
    return True


def _approve(w: World, actor: Actor) -> bool:
    editorial.create_publication(w.db, actor, PublicationDraft(title="Portes ouvertes", status="prete"))
    return True


PROBES: dict[Action, Probe] = {
    Action.READ_CONTACTS: lambda w, a: contact_search.count(w.db, a) >= 0,
    Action.READ_FIGURES: lambda w, a: figures.read_figures(w.db.path, a).as_json() is not None,
    Action.EDIT_CONTACTS: lambda w, a: contacts.create_contact(w.db, a, contacts.ContactInput(first_name="Noé")).id > 0,
    Action.ADD_TOUCH_POINTS: lambda w, a: touch_points.add_touch_point(w.db, a, w.contact, "call") is not None,
    Action.SEE_PRIVATE_NOTES: _see_notes,
    Action.SEE_CONTRIBUTION_AMOUNTS: _see_amounts,
    Action.MERGE_CONTACTS: lambda w, a: duplicates.merge_contacts(w.db, a, w.contact, w.other) is not None,
    Action.EXPORT_PERSONAL_DATA: _export_personal,
    Action.EDIT_CAMPAIGNS: lambda w, a: campaigns.create_campaign(w.db, a, campaigns.CampaignInput("Four")).id > 0,
    Action.EDIT_PUBLICATIONS: lambda w, a: editorial.save_pillar(w.db, a, PillarRecord(None, "Coulisses")) > 0,
    Action.APPROVE_PUBLICATIONS: _approve,
    Action.MANAGE_AMBASSADORS: lambda w, a: ambassador_service.enrol(w.db, a, w.other, "passionne") > 0,
    Action.VALIDATE_MISSIONS: lambda w, a: missions.validate_mission(w.db, a, w.mission, True) is not None,
    Action.EDIT_EVENTS: _edit_event,
    Action.ENTER_SIGN_IN: _sign_in,
    Action.IMPORT: _import,
    Action.EXPORT: lambda w, a: publication_export.export_plan(w.db, a, w.tmp / "plan.csv") is not None,
    Action.ERASE_PERSONAL_DATA: lambda w, a: gdpr.erase_person(w.db, a, w.other, confirm=True) is not None,
    Action.EDIT_SETTINGS: lambda w, a: (
        settings.save_database_settings(w.db, a, settings.read_database_settings(w.db, SYSTEM)) is not None
    ),
    Action.MAINTAIN_DATABASE: lambda w, a: maintenance.backup_database(w.db.path, a, out=w.tmp / "b.sqlite3").exists(),
    Action.RESTORE: _restore,
    Action.MANAGE_PROFILES: lambda w, a: profiles.add_profile(w.db, a, "Nouveau", Role.READER).id > 0,
    Action.VIEW_AUDIT: lambda w, a: isinstance(audit.entries(w.db, a), list),
}


def test_every_right_has_a_probe() -> None:
    assert set(PROBES) == set(Action)


@pytest.fixture
def world(db: Database, tmp_path: Path) -> World:
    contact = contacts.create_contact(
        db,
        SYSTEM,
        contacts.ContactInput(first_name="Awa", last_name="Diallo", notes="Préfère être appelée le soir"),
    ).id
    other = contacts.create_contact(db, SYSTEM, contacts.ContactInput(first_name="Awa", last_name="Dialo")).id
    campaign = campaigns.create_campaign(db, SYSTEM, campaigns.CampaignInput("Jardin", platform="helloasso")).id
    campaigns.add_contribution(
        db, SYSTEM, campaign, campaigns.ContributionInput(4200, datetime(2026, 3, 2, tzinfo=UTC), contact)
    )
    member = ambassador_service.enrol(db, SYSTEM, contact, "passionne")
    mission = missions.create_mission(db, SYSTEM, MissionDraft(title="Photo de l'atelier", ambassador_id=member))
    missions.complete_mission(db, SYSTEM, mission, proof_link="https://example.org/photo")
    event = events.create_event(db, SYSTEM, EventDraft(name="Atelier compost", starts_on=date(2026, 5, 16)))
    profiles.add_profile(db, SYSTEM, "Fondatrice", Role.ADMIN, "mot-de-passe-admin", hasher=FAST)
    return World(db, tmp_path, contact, other, campaign, mission, event)


def _logged_in(w: World, role: Role) -> Actor:
    founder = profiles.login(w.db, "Fondatrice", "mot-de-passe-admin", hasher=FAST)
    if role is Role.ADMIN:
        return founder
    profiles.add_profile(w.db, founder, f"Profil {role.value}", role, "mot-de-passe-role", hasher=FAST)
    return profiles.login(w.db, f"Profil {role.value}", "mot-de-passe-role", hasher=FAST)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_each_role_may_do_exactly_its_rights(world: World, role: Role, action: Action) -> None:
    actor = _logged_in(world, role)
    expected = action in default_rights(role) or (
        action is Action.READ_FIGURES and Action.READ_CONTACTS in default_rights(role)
    )
    assert allowed(actor, action) is expected
    try:
        done = PROBES[action](world, actor)
    except PermissionDenied:
        done = False
    assert done is expected
