"""The import wizard: a search refresh held up after the commit is a warning, the import is saved."""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.database import Database
from communitydesk.services import contact_search
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.import_wizard import summary_lines

CSV = "Prénom;Nom;E-mail\r\nHélène;Noël;helene@exemple.fr\r\n".encode()


def test_a_busy_base_after_the_commit_is_a_warning(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path, search_refresh_held_up
) -> None:  # type: ignore[no-untyped-def]
    csv_file = tmp_path / "adhérents.csv"
    csv_file.write_bytes(CSV)
    window = make_window(db_path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    wizard = page.import_contacts()
    wizard.file_page.path_edit.setText(str(csv_file))
    wizard.file_page.load()
    qtbot.waitUntil(lambda: wizard.opened is not None, timeout=10000)

    summaries, failures = [], []
    task = wizard.run_import(False, summaries.append, failures.append, lambda: None)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    search_refresh_held_up()  # the other program is done

    assert failures == []
    assert summaries[0].created == 1
    assert "Les contacts sont enregistrés" in summary_lines(wizard, summaries[0])
    assert [r.display_name for r in contact_search.page(db, actor, "noel")] == ["Hélène Noël"]
    wizard.reject()
