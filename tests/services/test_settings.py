"""Database settings: defaults when unset, and what is saved is what is read back."""

from __future__ import annotations

from communitydesk.db.backup import DEFAULT_KEEP
from communitydesk.db.database import Database
from communitydesk.services import settings
from communitydesk.services.permissions import Actor


def test_defaults_when_nothing_is_saved(db: Database, actor: Actor) -> None:
    with db.sessions() as session:
        assert settings.organisation(session, actor) == settings.Organisation()
        assert settings.circle_rhythm_days(session, actor) == {"proches": 30, "communaute": 90, "grand_public": 365}
        assert settings.backup_keep(session, actor) == DEFAULT_KEEP


def test_round_trip(db: Database, actor: Actor) -> None:
    identity = settings.Organisation(
        name="Les Ateliers du Lien",
        legal_id="RNA W751234567",
        website="https://ateliers-du-lien.example",
        address="12 rue des Coopérateurs, 69007 Lyon",
        primary_colour="#123456",
        extra={"devise": "Faire ensemble"},
    )
    with db.transaction() as session:
        settings.save_organisation(session, actor, identity)
        settings.save_circle_rhythm_days(session, actor, {"proches": 14, "communaute": 60})
        settings.save_backup_keep(session, actor, 4)
    with db.sessions() as session:
        assert settings.organisation(session, actor) == identity
        assert settings.circle_rhythm_days(session, actor) == {"proches": 14, "communaute": 60, "grand_public": 365}
        assert settings.backup_keep(session, actor) == 4


def test_saving_twice_updates_the_same_row(db: Database, actor: Actor) -> None:
    for keep in (3, 7):
        with db.transaction() as session:
            settings.save_backup_keep(session, actor, keep)
    with db.sessions() as session:
        assert settings.backup_keep(session, actor) == 7
        from communitydesk.models.organisation import AppSetting

        row = session.get(AppSetting, settings.BACKUP_KEEP)
        assert row is not None and row.version_id == 2


def test_nonsense_values_are_clamped(db: Database, actor: Actor) -> None:
    with db.transaction() as session:
        settings.save_backup_keep(session, actor, 0)
        settings.save_circle_rhythm_days(session, actor, {"proches": -5})
    with db.sessions() as session:
        assert settings.backup_keep(session, actor) == 1
        assert settings.circle_rhythm_days(session, actor)["proches"] == 1


def test_unknown_stored_keys_are_ignored(db: Database, actor: Actor) -> None:
    from communitydesk.models.organisation import AppSetting

    with db.transaction() as session:
        session.add(AppSetting(key=settings.ORGANISATION, value='{"name": "Collectif Vélo", "ancien_champ": 1}'))
    with db.sessions() as session:
        assert settings.organisation(session, actor).name == "Collectif Vélo"
