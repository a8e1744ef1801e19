"""Migration 0007: an older base keeps its contributions (no lines, no postage, no shipping
address: they are still owed their tier), gains the order lines, and it goes back down."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from communitydesk.db.database import open_database
from communitydesk.db.migrate import alembic_config
from communitydesk.services import campaign_import, fulfilment
from communitydesk.services.permissions import SYSTEM

SAMPLE = Path(__file__).parents[1] / "samples" / "ulule_commandes.csv"
NOW = "2026-03-01 10:00:00.000000"


def test_an_old_base_is_upgraded_with_its_contributions_then_downgraded(tmp_path: Path) -> None:
    path = tmp_path / "ancienne.sqlite3"
    command.upgrade(alembic_config(path), "0006")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO campaigns (id, name, type, platform, goal_cents, currency, description, status, "
            "created_at, updated_at, version_id) VALUES (1, 'Vélo-école', 'recompense', 'ulule', 100000, 'EUR', '', "
            "'en_cours', ?, ?, 1)",
            (NOW, NOW),
        )
        conn.execute(
            "INSERT INTO campaign_tiers (id, campaign_id, amount_cents, title, description, created_at, updated_at, "
            "version_id) VALUES (1, 1, 2500, 'Tote bag', '', ?, ?, 1)",
            (NOW, NOW),
        )
        conn.execute(
            "INSERT INTO contributions (id, campaign_id, tier_id, amount_cents, contributed_at, platform, "
            "platform_reference, payment_status, anonymous, backer_name, brought_contact, created_at, updated_at, "
            "version_id) VALUES (1, 1, 1, 2500, ?, 'ulule', 'OLD-1', 'valid', 0, 'Léa Roux', 0, ?, ?, 1)",
            (NOW, NOW, NOW),
        )
    conn.close()

    db = open_database(path)  # backs the base up, then upgrades it
    try:
        assert list((tmp_path / "backups").glob("avant-migration-*"))
        (line,) = fulfilment.fulfilment_list(db, SYSTEM, 1)
        assert (line.reference, line.reward, line.backer, line.quantity) == ("OLD-1", "Tote bag", "Léa Roux", 1)
        strict = campaign_import.import_contributions(db, SYSTEM, SAMPLE, "Vélo-école", "ulule")
        assert {e.line for e in strict.errors} == {3, 5} and strict.created == 0  # two rewards it does not know
        create = campaign_import.TierChoice(campaign_import.TierAction.CREATE)
        summary = campaign_import.import_contributions(
            db,
            SYSTEM,
            SAMPLE,
            "Vélo-école",
            "ulule",
            tier_choices={"Affiche sérigraphiée": create, "Mug émaillé": create},
        )
        assert summary.created == 5 and summary.errors == []
        assert summary.created_tiers == ["Affiche sérigraphiée", "Mug émaillé"]  # Tote bag was there
    finally:
        db.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT shipping_cents, ship_city FROM contributions WHERE id = 1").fetchone() == (0, "")
    assert conn.execute("SELECT count(*) FROM contribution_lines").fetchone() == (7,)
    conn.close()

    command.downgrade(alembic_config(path), "0006")
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    columns = {r[1] for r in conn.execute("PRAGMA table_info(contributions)")}
    assert "contribution_lines" not in tables and "ship_city" not in columns
    assert conn.execute("SELECT count(*) FROM contributions").fetchone() == (6,)
    conn.close()
