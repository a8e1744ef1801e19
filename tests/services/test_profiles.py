"""Profiles: passwords and PINs (argon2id), login with a growing delay, roles, rights of each role."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from communitydesk.db.database import Database
from communitydesk.errors import LoginRefused, PermissionDenied, ProfileGone, ValidationError
from communitydesk.services import audit, profiles
from communitydesk.services.permissions import Action, Actor, Role, default_rights, require

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def founder(db: Database, actor: Actor) -> Actor:
    profiles.add_profile(db, actor, "Camille", Role.ADMIN, "mot-de-passe-1", hasher=FAST)
    return profiles.login(db, "Camille", "mot-de-passe-1", hasher=FAST)


def test_a_base_without_passwords_needs_no_login(db: Database, actor: Actor) -> None:
    assert not profiles.needs_login(db)
    profiles.add_profile(db, actor, "Camille", Role.ADMIN)
    assert not profiles.needs_login(db)
    profiles.set_password(db, actor, "Camille", "mot-de-passe-1", hasher=FAST)
    assert profiles.needs_login(db)
    assert profiles.login_choices(db) == [("Camille", Role.ADMIN, False)]


def test_the_first_protected_profile_is_an_administrator(db: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError, match="premier profil"):
        profiles.add_profile(db, actor, "Malik", Role.VOLUNTEER, "mot-de-passe-2", hasher=FAST)
    assert not profiles.needs_login(db)


def test_login_gives_the_role_rights_read_from_the_base(db: Database, founder: Actor) -> None:
    assert founder.role is Role.ADMIN and founder.rights == frozenset(Action)
    profiles.add_profile(db, founder, "Malik", Role.VOLUNTEER, "mot-de-passe-2", hasher=FAST)
    malik = profiles.login(db, "Malik", "mot-de-passe-2", hasher=FAST)
    assert malik.rights == default_rights(Role.VOLUNTEER)
    profiles.set_role_rights(db, founder, Role.VOLUNTEER, {Action.READ_FIGURES})
    assert profiles.login(db, "Malik", "mot-de-passe-2", hasher=FAST).rights == {Action.READ_FIGURES}
    with pytest.raises(PermissionDenied):
        require(profiles.login(db, "Malik", "mot-de-passe-2", hasher=FAST), Action.READ_CONTACTS)


def test_the_seeded_rights_are_the_default_rights(db: Database, founder: Actor) -> None:
    assert profiles.role_rights(db, founder) == {Role.ADMIN: frozenset(Action)} | {
        role: default_rights(role) for role in Role if role is not Role.ADMIN
    }


def test_wrong_password_is_refused_and_audited(db: Database, founder: Actor) -> None:
    with pytest.raises(LoginRefused, match="incorrect"):
        profiles.login(db, "Camille", "pas-le-bon", hasher=FAST)
    with pytest.raises(LoginRefused, match="incorrect"):
        profiles.login(db, "Personne", "pas-le-bon", hasher=FAST)
    outcomes = [(e.user, e.action, e.outcome) for e in audit.entries(db, founder)]
    assert outcomes[:3] == [
        ("Personne", "login_failed", "failed"),
        ("Camille", "login_failed", "failed"),
        ("Camille", "login", "ok"),
    ]


def test_failed_logins_make_the_next_try_wait_longer(db: Database, founder: Actor) -> None:
    clock = Clock()
    for _ in range(3):
        with pytest.raises(LoginRefused, match="incorrect"):
            profiles.login(db, "Camille", "pas-le-bon", clock=clock, hasher=FAST)
    # Three failures: the next try waits 5 s, refused unchecked even with the right password.
    with pytest.raises(LoginRefused, match=r"réessayez dans 5 s"):
        profiles.login(db, "Camille", "mot-de-passe-1", clock=clock, hasher=FAST)
    clock.now += timedelta(seconds=5)
    with pytest.raises(LoginRefused, match="incorrect"):
        profiles.login(db, "Camille", "pas-le-bon", clock=clock, hasher=FAST)
    clock.now += timedelta(seconds=6)
    with pytest.raises(LoginRefused, match=r"réessayez dans 4 s"):
        profiles.login(db, "Camille", "mot-de-passe-1", clock=clock, hasher=FAST)
    clock.now += timedelta(seconds=4)
    assert profiles.login(db, "Camille", "mot-de-passe-1", clock=clock, hasher=FAST).name == "Camille"
    # A success starts the count again.
    with pytest.raises(LoginRefused, match="incorrect"):
        profiles.login(db, "Camille", "pas-le-bon", clock=clock, hasher=FAST)
    assert profiles.login(db, "Camille", "mot-de-passe-1", clock=clock, hasher=FAST).name == "Camille"


def test_pin_unlocks_ones_own_session(db: Database, founder: Actor) -> None:
    with pytest.raises(ValidationError, match="4 à 8 chiffres"):
        profiles.set_pin(db, founder, "12a4", hasher=FAST)
    profiles.set_pin(db, founder, "4321", hasher=FAST)
    profiles.verify_pin(db, founder, "4321", hasher=FAST)
    with pytest.raises(LoginRefused):
        profiles.verify_pin(db, founder, "0000", hasher=FAST)
    assert profiles.login_choices(db) == [("Camille", Role.ADMIN, True)]


def test_the_last_administrator_stays(db: Database, founder: Actor) -> None:
    with pytest.raises(ValidationError, match="dernier administrateur"):
        profiles.change_role(db, founder, "Camille", Role.TEAM)
    with pytest.raises(ValidationError, match="dernier administrateur"):
        profiles.delete_profile(db, founder, "Camille")
    profiles.add_profile(db, founder, "Inès", Role.ADMIN, "mot-de-passe-3", hasher=FAST)
    profiles.change_role(db, founder, "Camille", Role.TEAM)
    assert {
        p.name: p.role for p in profiles.profiles(db, profiles.login(db, "Inès", "mot-de-passe-3", hasher=FAST))
    } == {
        "Camille": "equipe",
        "Inès": "admin",
    }


def test_a_volunteer_cannot_manage_profiles_and_the_refusal_is_audited(db: Database, founder: Actor) -> None:
    profiles.add_profile(db, founder, "Malik", Role.VOLUNTEER, "mot-de-passe-2", hasher=FAST)
    malik = profiles.login(db, "Malik", "mot-de-passe-2", hasher=FAST)
    with pytest.raises(PermissionDenied):
        profiles.add_profile(db, malik, "Intrus", Role.ADMIN, "mot-de-passe-4", hasher=FAST)
    with pytest.raises(PermissionDenied):
        profiles.set_password(db, malik, "Camille", "mot-de-passe-5", hasher=FAST)
    profiles.set_password(db, malik, "Malik", "mot-de-passe-6", hasher=FAST)  # one's own
    refused = audit.entries(db, founder, outcome=audit.Outcome.REFUSED)
    assert [(e.user, e.action) for e in refused] == [("Malik", "profiles.manage")] * 2
    with db.snapshot() as session:
        assert session.execute(text("SELECT count(*) FROM profiles WHERE name = 'Intrus'")).scalar() == 0


def test_no_password_nor_pin_is_stored_in_clear(db: Database, db_path: Path, founder: Actor) -> None:
    profiles.set_pin(db, founder, "86420975", hasher=FAST)
    db.close()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert b"mot-de-passe-1" not in raw and b"86420975" not in raw
    assert raw.count(b"$argon2id$") >= 2


def test_the_demo_has_logins_only_when_asked(tmp_path: Path, actor: Actor) -> None:
    from communitydesk.db.database import open_database
    from communitydesk.services import demo

    plain, guarded = tmp_path / "plain.sqlite3", tmp_path / "guarded.sqlite3"
    demo.create_demo_database(plain, actor, contacts=5)
    demo.create_demo_database(guarded, actor, contacts=5, with_logins=True)
    for path, protected in ((plain, False), (guarded, True)):
        base = open_database(path)
        try:
            assert profiles.needs_login(base) is protected
            if protected:
                volunteer = profiles.login(base, demo.VOLUNTEER, demo.DEMO_VOLUNTEER_PASSWORD)
                assert volunteer.role is Role.VOLUNTEER
                assert profiles.login(base, demo.FOUNDER, demo.DEMO_ADMIN_PASSWORD).role is Role.ADMIN
        finally:
            base.close()


def test_unlocking_reads_the_profile_and_its_rights_again(db: Database, founder: Actor) -> None:
    profiles.add_profile(db, founder, "Malik", Role.VOLUNTEER, "mot-de-passe-2", hasher=FAST)
    malik = profiles.login(db, "Malik", "mot-de-passe-2", hasher=FAST)
    profiles.set_pin(db, malik, "2468", hasher=FAST)
    assert Action.EXPORT_PERSONAL_DATA not in (malik.rights or ())

    # Meanwhile, from another session: the volunteers may export, and Malik is renamed.
    profiles.set_role_rights(
        db, founder, Role.VOLUNTEER, {*default_rights(Role.VOLUNTEER), Action.EXPORT_PERSONAL_DATA}
    )
    profiles.rename_profile(db, founder, "Malik", "Malik B.")
    by_pin = profiles.unlock(db, malik, "2468", hasher=FAST)
    by_password = profiles.unlock(db, malik, "mot-de-passe-2", hasher=FAST)
    for unlocked in (by_pin, by_password):
        assert unlocked.name == "Malik B." and unlocked.profile_id == malik.profile_id
        assert Action.EXPORT_PERSONAL_DATA in (unlocked.rights or ())
    with pytest.raises(LoginRefused, match="incorrect"):
        profiles.unlock(db, malik, "0000", hasher=FAST)
    entries = audit.entries(db, founder, user="Malik B.")
    assert [(e.action, e.outcome) for e in entries][:3] == [
        ("login_failed", "failed"),
        ("login", "ok"),
        ("unlock", "ok"),
    ]


def test_a_profile_deleted_meanwhile_cannot_unlock(db: Database, founder: Actor) -> None:
    profiles.add_profile(db, founder, "Malik", Role.VOLUNTEER, "mot-de-passe-2", hasher=FAST)
    malik = profiles.login(db, "Malik", "mot-de-passe-2", hasher=FAST)
    profiles.delete_profile(db, founder, "Malik")
    with pytest.raises(ProfileGone, match="« Malik » a été supprimé ou n'a plus de mot de passe"):
        profiles.unlock(db, malik, "mot-de-passe-2", hasher=FAST)
    entry = audit.entries(db, founder, user="Malik")[0]
    assert (entry.action, entry.outcome, entry.target) == ("unlock", "refused", f"profile:{malik.profile_id}")
