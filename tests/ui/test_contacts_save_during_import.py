"""A contact saved while a large import runs in the background waits its turn, says so, then is saved."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt

from communitydesk.db.database import Database
from communitydesk.importers.import_summary import ImportSummary
from communitydesk.services.contact_import import import_contacts_file
from communitydesk.services.contact_search import count
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.tasks import TaskContext, run_in_background

LINES = 20_000


def test_a_contact_saved_during_a_large_import_waits_then_both_are_kept(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Hélène", last_name="Durand", city="Lyon"))
    csv_file = tmp_path / "grand fichier.csv"
    rows = [f"Nom{i};Prénom{i};p{i}@exemple.fr;{i % 90 + 1:02d}000" for i in range(LINES)]
    csv_file.write_text("Nom;Prénom;E-mail;Code postal\n" + "\n".join(rows) + "\n", encoding="utf-8")

    window = make_window(db_path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    sheet = next(iter(page.sheets.values()))
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)

    # The import runs as the wizard's does (a background task, progress and cancel); the test keeps
    # it inside its transaction until the save has been seen waiting, so that the two really meet.
    in_transaction, go_on = threading.Event(), threading.Event()

    def work(ctx: TaskContext) -> ImportSummary:
        def progress(done: int, total: int) -> None:
            ctx.progress(done, total)
            if done < total:
                in_transaction.set()
                go_on.wait(60)

        return import_contacts_file(db, actor, csv_file, progress=progress, cancel=ctx.is_cancelled)

    imported: list[ImportSummary] = []
    import_task = run_in_background(page, work, label="Import…", cancellable=True, on_success=imported.append)
    try:
        qtbot.waitUntil(in_transaction.is_set, timeout=30000)
        sheet.set_field("city", "Nantes")
        qtbot.mouseClick(sheet.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sheet.message.text() == "En attente de l'import en cours…", timeout=10000)
        assert sheet.message.isVisible() and sheet.busy  # waiting, not failed: no « verrouillée »
        assert window.statusBar().currentMessage() == "En attente de l'import en cours…"
        with qtbot.waitSignal(sheet.saved, timeout=120000):
            go_on.set()
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: import_task.state == "succeeded", timeout=120000)
    assert sheet.message.text() == "Modifications enregistrées."
    assert imported[0].created == LINES
    assert get_contact(db, actor, contact.id).data.city == "Nantes"
    assert count(db, actor) == LINES + 1
    assert count(db, actor, "prénom19999") == 1
    # (The contacts page refreshing by itself after the import is the change signal's part.)
    sheet.close()
