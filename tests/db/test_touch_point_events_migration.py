"""Migration 0013: an « événement » touch point typed from a sign-in sheet before it gets its event
back, found by the event's label as the event is named now and a line of that sheet naming its contact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from tests.db.test_migrations import fill_generic, insert_rows

from communitydesk.db.database import open_database
from communitydesk.db.migrate import alembic_config
from communitydesk.records.events import SignInLineDraft
from communitydesk.services import sign_in_sheet
from communitydesk.services.permissions import SYSTEM

EARLIER = "2026-03-01 10:00:00.000000"  # when none of these events began
NOON = "2026-03-14 11:00:00.000000"  # noon in Paris (winter time), as a sheet dates an event without a time
# Three workshops of the same name on the same day (at 10:00, 15:00 and without a time), one event
# renamed since its sheet was typed (its touch points name it as it was), a name with apostrophes.
EVENT_COLUMNS = ("id", "name", "starts_on", "starts_time")
WORKSHOP = {"kind": "atelier", "wording_version": 1}
EVENTS = (
    (1, "Atelier compost", "2026-03-14", "10:00:00.000000"),
    (2, "Atelier compost", "2026-03-14", "15:00:00.000000"),
    (3, "AG 2026 (reportée)", "2026-03-14", None),
    (4, "L'atelier d'Anne", "2026-03-14", None),
    (5, "Atelier compost", "2026-03-14", None),
)
LINE_COLUMNS = ("event_id", "line_no", "contact_id")
LINES = ((1, 1, 1), (2, 1, 1), (2, 2, 2), (5, 1, 2), (3, 1, 3), (4, 1, 4), (4, 2, 4), (5, 2, 5))
LABEL = "{} (14/03/2026)"
# (id, contact, kind, summary, occurred at) -> the event it belongs to after the upgrade
POINT_COLUMNS = ("id", "contact_id", "kind", "summary", "occurred_at")
POINTS = {
    (1, 1, "event", LABEL.format("Atelier compost"), "2026-03-14 14:00:00.000000"): 2,  # when the afternoon began
    (2, 2, "event", LABEL.format("Atelier compost"), EARLIER): 2,  # on two sheets, neither at that time: the oldest
    (3, 3, "event", LABEL.format("AG 2026"), NOON): None,  # typed before the rename: nothing says which event
    (4, 4, "event", LABEL.format("L'atelier d'Anne"), NOON): 4,  # on two lines of that sheet
    (5, 2, "event", LABEL.format("L'atelier d'Anne"), NOON): None,  # not on that sheet
    (6, 4, "call", LABEL.format("L'atelier d'Anne"), NOON): None,  # not an « événement »
    (7, 5, "event", "Atelier compost", NOON): None,  # not the label
    (8, 5, "event", LABEL.format("Atelier compost"), NOON): 5,
}


def base_at_0012_with_sheets(path: Path) -> None:
    command.upgrade(alembic_config(path), "0012")
    fill_generic(path, "contacts", 5)  # contacts 1 to 5
    insert_rows(path, "events", [{**dict(zip(EVENT_COLUMNS, e, strict=True)), **WORKSHOP} for e in EVENTS])
    insert_rows(
        path, "sign_in_lines", [{**dict(zip(LINE_COLUMNS, line, strict=True)), "consents": ""} for line in LINES]
    )
    insert_rows(path, "touch_points", [dict(zip(POINT_COLUMNS, point, strict=True)) for point in POINTS])


def test_the_upgrade_gives_each_sheet_touch_point_its_event_then_goes_back_down(tmp_path: Path) -> None:
    path = tmp_path / "ancienne.sqlite3"
    base_at_0012_with_sheets(path)
    db = open_database(path)  # backs the base up, then upgrades it
    try:
        assert list((tmp_path / "backups").glob("avant-migration-*"))
        with db.engine.connect() as conn:
            found = dict(conn.exec_driver_sql("SELECT id, event_id FROM touch_points").all())
        assert found == {key[0]: event for key, event in POINTS.items()}
        # The afternoon's second line named contact 3 after all: contact 2 loses event 2's touch
        # point, contact 3 gets one; the touch point of the afternoon's first line stays.
        sign_in_sheet.save_line(db, SYSTEM, 2, 2, SignInLineDraft("Martin", "Bruno"), 3)
        with db.engine.connect() as conn:
            kept = conn.exec_driver_sql("SELECT id, contact_id, event_id FROM touch_points WHERE event_id = 2").all()
        assert sorted(kept) == [(1, 1, 2), (9, 3, 2)]
    finally:
        db.close()

    command.downgrade(alembic_config(path), "0012")
    conn = sqlite3.connect(path)
    assert "event_id" not in {row[1] for row in conn.execute("PRAGMA table_info(touch_points)")}
    assert conn.execute("SELECT count(*) FROM touch_points").fetchone() == (8,)
    conn.close()
