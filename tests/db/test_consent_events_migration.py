"""Migration 0012: a consent typed from a sign-in sheet before it gets its event back, found by the
sheet's name as the event is named now and a line of that sheet naming its contact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from tests.db.test_migrations import fill_generic, insert_rows

from communitydesk.db.database import open_database
from communitydesk.db.migrate import alembic_config
from communitydesk.records.events import SignInLineDraft
from communitydesk.services import event_figures, sign_in_sheet
from communitydesk.services.permissions import SYSTEM

SHEET = "Feuille d'émargement — {} (14/03/2026)"
# (id, name, day): two workshops of the same name on the same day, one event renamed since its
# sheet was typed (its consents name it as it was), a name with apostrophes.
EVENTS = (
    (1, "Atelier compost", "2026-03-14"),
    (2, "Atelier compost", "2026-03-14"),
    (3, "AG 2026 (reportée)", "2026-03-14"),
    (4, "L'atelier d'Anne", "2026-03-14"),
)
# (event, line, contact, ticked)
LINES = ((1, 1, 1, "newsletter"), (2, 1, 1, "photos"), (2, 2, 2, "photos"), (3, 1, 3, "photos"), (4, 1, 4, "photos"))
# (id, contact, purpose, source) -> the event it belongs to after the upgrade
CONSENTS = {
    (1, 1, "newsletter", SHEET.format("Atelier compost")): 1,  # the morning's line ticks it
    (2, 1, "photos", SHEET.format("Atelier compost")): 2,  # the afternoon's line ticks it
    (3, 2, "photos", SHEET.format("Atelier compost")): 2,  # on the afternoon's sheet only
    (4, 3, "photos", SHEET.format("AG 2026")): None,  # typed before the rename: nothing says which event
    (5, 4, "photos", SHEET.format("L'atelier d'Anne")): 4,
    (6, 4, "photos", "Sign-in sheet — L'atelier d'Anne (14/03/2026)"): 4,  # typed in English
    (7, 2, "newsletter", SHEET.format("L'atelier d'Anne")): None,  # not on that sheet
    (8, 1, "newsletter", "formulaire du site"): None,
}


def base_at_0011_with_sheets(path: Path) -> None:
    command.upgrade(alembic_config(path), "0011")
    fill_generic(path, "contacts", 4)  # contacts 1 to 4
    workshop = {"kind": "atelier", "wording_version": 1}
    insert_rows(path, "events", [{"id": n, "name": name, "starts_on": day, **workshop} for n, name, day in EVENTS])
    columns = ("event_id", "line_no", "contact_id", "consents")
    insert_rows(path, "sign_in_lines", [dict(zip(columns, line, strict=True)) for line in LINES])
    columns = ("id", "contact_id", "purpose", "source")
    insert_rows(path, "consents", [dict(zip(columns, consent, strict=True)) for consent in CONSENTS])


def test_the_upgrade_gives_each_sheet_consent_its_event_then_goes_back_down(tmp_path: Path) -> None:
    path = tmp_path / "ancienne.sqlite3"
    base_at_0011_with_sheets(path)
    db = open_database(path)  # backs the base up, then upgrades it
    try:
        assert list((tmp_path / "backups").glob("avant-migration-*"))
        with db.engine.connect() as conn:
            found = dict(conn.exec_driver_sql("SELECT id, event_id FROM consents").all())
        assert found == {key[0]: event for key, event in CONSENTS.items()}
        reports = {n: dict(event_figures.event_report(db, SYSTEM, n).consents) for n in (1, 2, 4)}
        assert [(r["newsletter"], r["photos"]) for r in reports.values()] == [(1, 0), (0, 2), (0, 2)]
        # The afternoon's line now says Bruno only ticked the newsletter: his photos consent goes, Alice's stays.
        sign_in_sheet.save_line(db, SYSTEM, 2, 2, SignInLineDraft("Martin", "Bruno"), 2)
        with db.engine.connect() as conn:
            assert {n for (n,) in conn.exec_driver_sql("SELECT id FROM consents WHERE event_id = 2")} == {2}
    finally:
        db.close()

    command.downgrade(alembic_config(path), "0011")
    conn = sqlite3.connect(path)
    assert "event_id" not in {row[1] for row in conn.execute("PRAGMA table_info(consents)")}
    assert conn.execute("SELECT count(*) FROM consents").fetchone() == (7,)
    conn.close()
