"""Paramètres stored in the database: read and saved at once, checked first, all or nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.services.permissions import Actor
from communitydesk.services.settings import (
    DEFAULT_RHYTHM_DAYS,
    DatabaseSettings,
    Organisation,
    read_database_settings,
    save_database_settings,
)


def test_defaults_of_a_new_database(db: Database, actor: Actor) -> None:
    values = read_database_settings(db, actor)
    assert values.organisation == Organisation()
    assert values.rhythm_days == DEFAULT_RHYTHM_DAYS
    assert values.backup_keep == 10


def test_save_then_read_back(db: Database, actor: Actor) -> None:
    values = DatabaseSettings(
        organisation=Organisation(
            name=" Les Ateliers ", legal_id="W751234567", website="ateliers.example", primary_colour="#abcdef"
        ),
        rhythm_days={"proches": 14, "communaute": 60, "grand_public": 200},
        backup_keep=3,
    )
    saved = save_database_settings(db, actor, values)
    assert saved.organisation.name == "Les Ateliers"
    assert saved.organisation.website == "https://ateliers.example"
    assert saved.organisation.primary_colour == "#ABCDEF"
    assert read_database_settings(db, actor) == saved


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"rhythm_days": {"proches": 0, "communaute": 60, "grand_public": 200}}, "rhythm.proches"),
        ({"backup_keep": 0}, "backup_keep"),
        ({"organisation": Organisation(name="x" * 201)}, "name"),
        ({"organisation": Organisation(legal_id="123")}, "legal_id"),
    ],
)
def test_nothing_is_saved_when_one_field_is_wrong(
    db: Database, actor: Actor, change: dict[str, object], field: str
) -> None:
    before = read_database_settings(db, actor)
    values = replace(DatabaseSettings(Organisation(name="Nouveau nom"), dict(DEFAULT_RHYTHM_DAYS), 5), **change)
    with pytest.raises(ValidationError) as error:
        save_database_settings(db, actor, values)
    assert error.value.field == field
    assert read_database_settings(db, actor) == before
