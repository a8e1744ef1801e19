"""Managing what is there from the contacts page (issue #20): the row menu and bulk actions, the
selection kept after a move with its undo, the Éloigner dialog's words, timeline entries edited
and deleted with undo, the accent-blind erasure confirmation, e-mails copied with consent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from communitydesk.db.database import Database
from communitydesk.rules.circles import move_reasons
from communitydesk.services import circle_moves, gdpr, segments, tags, touch_points
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.contact_table import COLUMN_KEYS


def people(db: Database, actor: Actor) -> dict[str, int]:
    ids = {}
    for first, circle, email in [
        ("Agnès", "grand_public", "agnes@exemple.fr"),
        ("Benoît", "grand_public", "benoit@exemple.fr"),
        ("Cécile", "communaute", "cecile@exemple.fr"),
        ("Denis", "proches", ""),
    ]:
        ids[first] = create_contact(
            db, actor, ContactInput(first_name=first, last_name="Perrin", circle=circle, email=email)
        ).id
    return ids


def open_page(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(
        lambda: page.model.reloads > 0 and not page.model.is_loading() and bool(page.circle_counts), timeout=20000
    )
    return window, page


def row_of(page, first_name: str) -> int:  # type: ignore[no-untyped-def]
    column = COLUMN_KEYS.index("name")
    for row in range(page.model.rowCount()):
        if (page.model.data(page.model.index(row, column)) or "").startswith(first_name):
            return row
    raise AssertionError(first_name)


def select(page, *first_names: str) -> None:  # type: ignore[no-untyped-def]
    """Select rows as Ctrl+clicks do (extended selection)."""
    selection = QItemSelection()
    last = page.model.columnCount() - 1
    for name in first_names:
        row = row_of(page, name)
        selection.select(page.model.index(row, 0), page.model.index(row, last))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.table.selectionModel().select(selection, flags)
    assert len(page.table.selected_ids()) == len(first_names)


def menu_action(page, name: str):  # type: ignore[no-untyped-def]
    menu = page.selection_actions.menu()
    found = [a for a in menu.actions() if a.objectName() == name]
    found += [a for sub in menu.findChildren(type(menu)) for a in sub.actions() if a.objectName() == name]
    assert found, name
    return found[0]


def selected_names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(name.split()[0] for name in page.selected_names())


def test_three_selected_are_tagged_then_moved_with_one_reason_and_the_move_undone(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = people(db, actor)
    window, page = open_page(qtbot, make_window, db_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    select(page, "Agnès", "Benoît", "Cécile")

    menu_action(page, "tagAction").trigger()
    dialog = page.selection_actions.tag_dialog
    dialog.setTextValue("Atelier vélo")
    dialog.accept()
    qtbot.waitUntil(lambda: [t.contacts for t in tags.list_tags(db, actor)] == [3], timeout=10000)
    assert get_contact(db, actor, ids["Cécile"]).tags == ("Atelier vélo",)
    assert get_contact(db, actor, ids["Denis"]).tags == ()

    qtbot.waitUntil(lambda: selected_names(page) == ["Agnès", "Benoît", "Cécile"], timeout=10000)
    menu_action(page, "moveTo_proches").trigger()
    move = page.move_dialog
    assert move.routes.text() == "1 contact de Communauté vers Proches\n2 contacts de Grand public vers Proches"
    move.set_text("Viennent à chaque atelier")
    with qtbot.waitSignal(page.moved, timeout=10000) as moved:
        move.accept()
    assert moved.args == [3]
    for first in ("Agnès", "Benoît", "Cécile"):
        history = circle_moves.history(db, actor, ids[first])
        assert len(history) == 2 and history[-1].to_circle == "proches"  # one move each
        assert history[-1].reason == "Viennent à chaque atelier"
    qtbot.waitUntil(lambda: page.rings.counts == {"proches": 4, "communaute": 0, "grand_public": 0}, timeout=10000)
    assert selected_names(page) == ["Agnès", "Benoît", "Cécile"]  # the selection stays on them
    assert page.undo_bar.isVisible()
    assert page.undo_label.text().startswith("3 contacts déplacés vers « Proches ».")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    with qtbot.waitSignal(page.moved, timeout=10000):
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [get_contact(db, actor, ids[f]).data.circle for f in ("Agnès", "Benoît", "Cécile")] == [
        "grand_public",
        "grand_public",
        "communaute",
    ]
    assert not page.undo_bar.isVisible()
    assert circle_moves.history(db, actor, ids["Cécile"])[-1].reason.startswith("Annulation du déplacement")


def test_after_a_move_out_of_the_filtered_circle_nobody_else_gets_selected(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    page.set_circle("grand_public")
    qtbot.waitUntil(lambda: page.model.total == 2 and not page.model.is_loading(), timeout=10000)
    select(page, "Agnès")
    dialog = page.ask_move_by(inward=True)
    assert dialog is not None
    dialog.set_text("Bénévole au forum")
    with qtbot.waitSignal(page.moved, timeout=10000):
        dialog.accept()
    qtbot.waitUntil(lambda: page.model.total == 1 and not page.model.is_loading(), timeout=10000)
    assert page.table.selected_ids() == []  # Benoît slid into the row: he is not selected
    assert not page.outward_button.isEnabled()


def test_the_eloigner_dialog_says_where_the_contact_goes_and_offers_outward_reasons(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    select(page, "Cécile")
    dialog = page.ask_move_by(inward=False)
    assert dialog is not None
    assert dialog.windowTitle() == "Éloigner"
    assert dialog.routes.text() == "de Communauté vers Grand public"
    offered = [dialog.reason.itemText(i) for i in range(1, dialog.reason.count())]
    assert offered == list(move_reasons(inward=False))
    assert "A participé à un événement" not in offered  # an inward reason
    dialog.reject()

    select(page, "Denis", "Agnès")
    dialog = page.ask_move_by(inward=False)
    assert dialog is not None
    assert dialog.routes.text() == (
        "1 contact de Proches vers Communauté\n1 contact reste en « Grand public » (déjà au bout des cercles)"
    )
    dialog.reject()

    # The sheet asks the same when its circle field changes.
    sheet = open_sheet(qtbot, page, ids["Cécile"])
    sheet.set_field("circle", "grand_public")
    sheet.save()
    assert sheet.move_dialog.routes.text() == "de Communauté vers Grand public"
    assert sheet.move_dialog.reason.itemText(1) == move_reasons(inward=False)[0]
    sheet.move_dialog.reject()
    sheet.set_field("circle", "communaute")  # back as read: no discard question
    sheet.close()
    QApplication.processEvents()


def open_sheet(qtbot, page, contact_id: int):  # type: ignore[no-untyped-def]
    sheet = page.open_contact(contact_id)
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)
    return sheet


def test_a_timeline_entry_is_edited_then_deleted_and_put_back(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = people(db, actor)
    point = touch_points.add_touch_point(db, actor, ids["Agnès"], "call", "Appel pour le forum")
    _window, page = open_page(qtbot, make_window, db_path)
    sheet = open_sheet(qtbot, page, ids["Agnès"])
    row = next(i for i, e in enumerate(sheet.timeline.entries) if e.touch_point_id == point.id)
    menu = sheet.timeline_menu(row)
    assert [a.text() for a in menu.actions()] == ["Modifier…", "Supprimer"]
    arrival = next(i for i, e in enumerate(sheet.timeline.entries) if e.kind == "move")
    assert not any(a.isEnabled() for a in sheet.timeline_menu(arrival).actions())  # history is not edited

    # Double-click: the edit dialog, filled.
    sheet.tabs.setCurrentWidget(sheet.history_tab)
    qtbot.waitExposed(sheet)
    qtbot.waitUntil(sheet.timeline_view.isVisible)
    rect = sheet.timeline_view.visualRect(sheet.timeline.index(row, 2))
    qtbot.mouseClick(sheet.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(sheet.timeline_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: getattr(sheet, "entry_dialog", None) is not None, timeout=5000)
    dialog = sheet.entry_dialog
    assert dialog.summary.toPlainText() == "Appel pour le forum"
    assert dialog.kind.currentData() == "call"
    dialog.summary.setPlainText("Appel : viendra au forum avec sa sœur")
    dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
    dialog.accept()
    qtbot.waitUntil(lambda: not sheet.busy and sheet.message.text() == "Échange modifié.", timeout=10000)
    (edited,) = touch_points.timeline(db, actor, ids["Agnès"])
    assert (edited.kind, edited.summary, edited.occurred_at) == (
        "meeting",
        "Appel : viendra au forum avec sa sœur",
        point.occurred_at,
    )

    sheet.delete_entry(row)
    qtbot.waitUntil(lambda: not sheet.busy and sheet.timeline_undo.isVisible(), timeout=10000)
    assert touch_points.timeline(db, actor, ids["Agnès"]) == []
    assert all(e.touch_point_id is None for e in sheet.timeline.entries)
    assert sheet.timeline_undo.label.text().startswith("Échange du ")

    sheet.activateWindow()
    qtbot.waitUntil(sheet.isActiveWindow)
    sheet.timeline_view.setFocus()
    qtbot.keyClick(sheet.timeline_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not sheet.busy and any(e.touch_point_id for e in sheet.timeline.entries), timeout=10000)
    assert touch_points.timeline(db, actor, ids["Agnès"]) == [edited]
    assert get_contact(db, actor, ids["Agnès"]).last_touch_at == edited.occurred_at
    assert not sheet.timeline_undo.isVisible()
    assert sheet.undo_delete() is None  # offered once
    sheet.close()


def test_erasure_confirmation_is_accent_and_case_blind_and_pointless_actions_are_off(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Œdipe", last_name="Éluard"))
    _window, page = open_page(qtbot, make_window, db_path)
    new_sheet = page.new_contact()
    qtbot.waitUntil(lambda: not new_sheet.busy, timeout=10000)
    assert not new_sheet.erase_button.isEnabled() and not new_sheet.export_person_button.isEnabled()
    new_sheet.reject()

    sheet = open_sheet(qtbot, page, contact.id)
    dialog = sheet.ask_erase()
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.confirm.setText("oedipe")
    assert not ok.isEnabled()
    dialog.confirm.setText("  OEDIPE   eluard ")
    assert ok.isEnabled()
    with qtbot.waitSignal(sheet.changed, timeout=20000):
        dialog.accept()
    qtbot.waitUntil(lambda: sheet.is_erased() and not sheet.busy, timeout=20000)
    assert get_contact(db, actor, contact.id).anonymised_at is not None
    assert not sheet.erase_button.isEnabled()
    assert not sheet.export_person_button.isEnabled()
    assert sheet.ask_erase() is None
    sheet.close()


def test_copy_emails_of_the_list_leaves_out_and_counts_who_has_not_consented(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = people(db, actor)
    for first in ("Agnès", "Cécile"):
        gdpr.add_consent(db, actor, ids[first], "Lettre d'information", "J'accepte la lettre.")
    gdpr.add_consent(db, actor, ids["Benoît"], "Droit à l'image", "J'accepte les photos.")
    window, page = open_page(qtbot, make_window, db_path)
    QGuiApplication.clipboard().clear()

    task = page.selection_actions.copy_emails(selected_only=False)
    assert task is not None
    qtbot.waitUntil(lambda: page.selection_actions.last_copy is not None, timeout=10000)
    assert QGuiApplication.clipboard().text() == "agnes@exemple.fr; cecile@exemple.fr"
    assert window.statusBar().currentMessage() == (
        "2 adresses copiées, 1 contact sans consentement laissé de côté, 1 contact sans e-mail."
    )

    # On the selection, from the row menu.
    page.selection_actions.last_copy = None
    select(page, "Agnès", "Benoît")
    menu_action(page, "copyEmailsAction").trigger()
    qtbot.waitUntil(lambda: page.selection_actions.last_copy is not None, timeout=10000)
    assert QGuiApplication.clipboard().text() == "agnes@exemple.fr"
    assert window.statusBar().currentMessage() == "1 adresse copiée, 1 contact sans consentement laissé de côté."


def test_selection_joins_a_new_segment_and_a_touch_point_is_logged_for_all(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    select(page, "Agnès", "Denis")

    menu_action(page, "segmentAction").trigger()
    dialog = page.selection_actions.segment_dialog
    dialog.setTextValue("Invités du 12 mai")
    dialog.accept()
    qtbot.waitUntil(lambda: [s.name for s in segments.list_segments(db, actor)] == ["Invités du 12 mai"], timeout=10000)
    assert segments.list_segments(db, actor)[0].filter == ContactFilter(tags=("Invités du 12 mai",))

    qtbot.waitUntil(lambda: selected_names(page) == ["Agnès", "Denis"], timeout=10000)
    menu_action(page, "touchPointAction").trigger()
    logged = page.selection_actions.touch_point_dialog
    logged.kind.setCurrentIndex(logged.kind.findData("event"))
    logged.summary.setPlainText("Forum des associations")
    logged.accept()
    qtbot.waitUntil(lambda: len(touch_points.timeline(db, actor, ids["Denis"])) == 1, timeout=10000)
    assert [(p.kind, p.summary) for p in touch_points.timeline(db, actor, ids["Agnès"])] == [
        ("event", "Forum des associations")
    ]
    assert touch_points.timeline(db, actor, ids["Benoît"]) == []


def test_tags_are_renamed_merged_and_deleted_after_confirmation(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = people(db, actor)
    tags.tag_contacts(db, actor, [ids["Agnès"]], "benevole")
    tags.tag_contacts(db, actor, [ids["Benoît"]], "Bénévoles")
    tags.tag_contacts(db, actor, [ids["Cécile"]], "presse")
    _window, page = open_page(qtbot, make_window, db_path)
    dialog = page.selection_actions.manage_tags_and_segments()
    qtbot.waitUntil(lambda: dialog.lists["tags"].count() == 3, timeout=10000)

    dialog.select("tags", ["benevole"])
    rename = dialog.ask_rename("tags")
    rename.setTextValue("bénévole")
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        rename.accept()
    dialog.select("tags", ["bénévole", "Bénévoles"])
    merge = dialog.ask_merge("tags")
    merge.setTextValue("bénévole")
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        merge.accept()
    assert [(t.name, t.contacts) for t in tags.list_tags(db, actor)] == [("bénévole", 2), ("presse", 1)]

    dialog.select("tags", ["presse"])
    box = dialog.ask_delete("tags")
    assert "« presse »" in box.text()
    box.reject()  # cancelled: nothing deleted
    QApplication.processEvents()
    assert len(tags.list_tags(db, actor)) == 2
    dialog.select("tags", ["presse"])
    box = dialog.ask_delete("tags")
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        box.findChild(type(box.buttons()[0]), "confirmDeleteButton").click()
    assert [t.name for t in tags.list_tags(db, actor)] == ["bénévole"]
    assert get_contact(db, actor, ids["Cécile"]).tags == ()
    dialog.accept()


def test_duplicate_pairs_and_a_contacts_contributions_have_a_row_menu(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.services import duplicates
    from communitydesk.ui.contacts.row_menus import row_menu

    create_contact(db, actor, ContactInput(first_name="Hélène", last_name="Martin", email="helene@exemple.fr"))
    create_contact(db, actor, ContactInput(first_name="Helene", last_name="Martin", email="Helene@exemple.fr"))
    _window, page = open_page(qtbot, make_window, db_path)
    dialog = page.review_duplicates()
    qtbot.waitUntil(lambda: dialog.choice.pair is not None and not dialog.busy, timeout=20000)
    menu = row_menu(dialog.view, 0, [dialog.merge_button, dialog.ignore_button])
    assert [a.text() for a in menu.actions() if a.text()] == ["Fusionner", "Pas un doublon", "Copier la ligne"]
    ignore = next(a for a in menu.actions() if a.objectName() == "notDuplicateButtonAction")
    assert ignore.isEnabled()
    ignore.trigger()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0 and not dialog.busy, timeout=20000)
    assert duplicates.find_duplicates(db, actor) == []
    dialog.accept()

    sheet = open_sheet(qtbot, page, page.model.contact_id(0))
    assert [a.text() for a in row_menu(sheet.campaigns_panel.view, 0).actions()] == ["Copier la ligne"]
    sheet.close()


def test_a_move_of_many_shows_its_progress_and_can_be_cancelled(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    ids = people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    page.bulk_progress_from = 3  # what counts as many
    with qtbot.waitSignal(page.moved, timeout=10000):
        task = page.move_to([ids["Agnès"], ids["Benoît"], ids["Cécile"]], "proches", "Forum")
        assert task.label == "Déplacement des contacts…" and task.cancellable
    assert get_contact(db, actor, ids["Benoît"]).data.circle == "proches"
    with qtbot.waitSignal(page.moved, timeout=10000):
        few = page.move_by([ids["Denis"]], False, "Moins présent")
        assert not few.label and not few.cancellable  # below the threshold: no progress bar

    ids_cancelled = [ids["Agnès"], ids["Benoît"], ids["Cécile"]]
    task = page.move_to(ids_cancelled, "grand_public", "Annulé avant la fin")
    task.cancel()
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert [get_contact(db, actor, i).data.circle for i in ids_cancelled] in (
        ["proches"] * 3,  # cancelled before or during: nothing written
        ["grand_public"] * 3,  # already committed when the cancel came: all moved
    )


def test_segments_are_renamed_and_a_merge_one_filter_cannot_say_is_refused(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    people(db, actor)
    segments.save_segment(db, actor, "Proches Lyon", ContactFilter(circles=("proches",), text="Lyon"))
    segments.save_segment(db, actor, "Presse", ContactFilter(tags=("presse",)))
    _window, page = open_page(qtbot, make_window, db_path)
    dialog = page.selection_actions.manage_tags_and_segments()
    qtbot.waitUntil(lambda: dialog.lists["segments"].count() == 2, timeout=10000)

    dialog.select("segments", ["Proches Lyon"])
    assert dialog.buttons[("segments", "rename")].isEnabled()
    assert not dialog.buttons[("segments", "merge")].isEnabled()
    rename = dialog.ask_rename("segments")
    rename.setTextValue("Proches de Lyon")
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        rename.accept()
    assert sorted(s.name for s in segments.list_segments(db, actor)) == ["Presse", "Proches de Lyon"]

    dialog.select("segments", ["Proches de Lyon", "Presse"])
    merge = dialog.ask_merge("segments")
    merge.setTextValue("Presse")
    merge.accept()
    qtbot.waitUntil(
        lambda: any(b.objectName() == "errorMessage" and b.isVisible() for b in QApplication.topLevelWidgets()),
        timeout=10000,
    )
    box = next(b for b in QApplication.topLevelWidgets() if b.objectName() == "errorMessage" and b.isVisible())
    assert "ne peuvent pas être fusionnés" in box.text()
    box.close()
    assert len(segments.list_segments(db, actor)) == 2
    dialog.accept()
