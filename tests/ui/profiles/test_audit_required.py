"""On the shared PC, an export naming people that the audit log cannot record is refused in
the window too, with the reason, and no file is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.profiles.conftest import Chooser

from communitydesk.services.demo import FOUNDER


def test_an_export_the_log_cannot_record_is_refused_with_its_reason(  # type: ignore[no-untyped-def]
    qtbot, chooser: Chooser, protected_db: Path, tmp_path: Path
) -> None:
    window = chooser.open_as(protected_db, FOUNDER)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.is_loading(), timeout=20000)
    dialog = page.export_contacts()
    target = tmp_path / "contacts.csv"
    dialog.path.setText(str(target))
    # Another program holds the base's write lock: no audit entry can be added meanwhile.
    other = sqlite3.connect(protected_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        dialog.export()
        qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.running, timeout=30000)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "inscrit au journal d'audit" in dialog.state.text()
    assert "verrouillée" in dialog.state.text()  # why it cannot be
    assert not target.exists()
    dialog.reject()
