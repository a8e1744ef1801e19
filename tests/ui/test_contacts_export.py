"""Export of the current view (or the selection) to CSV for French Excel and to vCard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt

from communitydesk.db.database import Database
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor


def test_export_the_filtered_view_to_csv_then_the_selection_to_vcard(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for first, circle, postcode in [
        ("Hélène", "proches", "01000"),
        ("Jérôme", "proches", "69007"),
        ("Zoé", "grand_public", "75011"),
    ]:
        create_contact(
            db,
            actor,
            ContactInput(
                first_name=first,
                last_name="Noël",
                circle=circle,
                postcode=postcode,
                city="Lyon",
                email=f"{first.lower()}@exemple.fr",
            ),
        )
    window = make_window(db_path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    page.set_circle("proches")
    qtbot.waitUntil(lambda: page.model.total == 2 and not page.model.is_loading(), timeout=10000)

    assert page.export_button.isVisible()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.export_dialog
    assert dialog.all_shown.text() == "Les contacts de la liste affichée (2)"
    assert not dialog.only_selected.isEnabled()
    target = tmp_path / "proches.csv"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].count == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows the accents right
    lines = raw.decode("utf-8-sig").splitlines()
    assert ";" in lines[0]
    body = "\n".join(lines[1:])
    assert "Hélène" in body and "Jérôme" in body and "Zoé" not in body
    assert "01000" in body  # the leading zero survives
    assert dialog.state.text() == f"2 contacts exportés dans {target}"
    dialog.reject()

    index = page.model.index(1, 0)  # Jérôme Noël only
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().setCurrentIndex(index, flags)
    dialog = page.export_contacts()
    assert dialog.only_selected.isEnabled()
    dialog.only_selected.setChecked(True)
    dialog.vcard.setChecked(True)
    assert dialog.path.text().endswith(".vcf")
    target = tmp_path / "jerome.vcf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export()
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 1
    assert "Jérôme" in text and "Hélène" not in text
