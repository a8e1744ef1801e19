"""The import wizard hands the user's encoding to the import service: the file's bytes stay as they are."""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.database import Database
from communitydesk.services import contact_search
from communitydesk.services.permissions import Actor

MAC_CSV = "Prénom;Nom;Ville\r\nHélène;Noël;Orléans\r\nFrançoise;Lefèvre;Évry\r\n".encode("mac_roman")


def test_a_forced_encoding_reaches_the_import(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    csv_file = tmp_path / "vieux mac.csv"
    csv_file.write_bytes(MAC_CSV)
    window = make_window(db_path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    wizard = page.import_contacts()
    files = wizard.file_page
    files.path_edit.setText(str(csv_file))
    qtbot.waitUntil(files.isComplete, timeout=10000)

    files.encoding.setCurrentIndex(files.encoding.findData("mac_roman"))
    files.load()
    qtbot.waitUntil(lambda: files.isComplete() and wizard.encoding == "mac_roman", timeout=10000)
    qtbot.waitUntil(lambda: "Mac Roman" in files.detected.text(), timeout=10000)
    assert wizard.opened is not None
    assert wizard.opened.data == MAC_CSV  # not converted to UTF-8 by the screen
    assert wizard.opened.preview.headers == ["Prénom", "Nom", "Ville"]

    summaries = []
    with qtbot.waitSignal(wizard.run_import(False, summaries.append, print, lambda: None).finished, timeout=20000):
        pass
    assert summaries[0].created == 2
    assert [r.display_name for r in contact_search.page(db, actor, "noel")] == ["Hélène Noël"]
    assert [r.display_name for r in contact_search.page(db, actor, "evry")] == ["Françoise Lefèvre"]
    wizard.reject()
