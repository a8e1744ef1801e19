"""The duplicates review: pairs with their reason, a field-by-field merge keeping everything
attached to both, "Pas un doublon", and the undo of the last merge."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from communitydesk.db.database import Database
from communitydesk.services import circle_moves, contact_search, duplicates, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.duplicates_view import DuplicatePairsModel, DuplicatesDialog


def two_helenes(db: Database, actor: Actor) -> tuple[int, int]:
    first = create_contact(
        db,
        actor,
        ContactInput(first_name="Hélène", last_name="Martin", city="Lyon", email="helene.martin@exemple.fr", phone=""),
    )
    second = create_contact(
        db,
        actor,
        ContactInput(
            first_name="Helene",
            last_name="Martin",
            city="",
            email="Helene.Martin@exemple.fr",
            phone="06 12 34 56 78",
            circle="communaute",
        ),
    )
    touch_points.add_touch_point(db, actor, second.id, "call", "Appel pour l'atelier")
    create_contact(db, actor, ContactInput(first_name="Bruno", last_name="Lefèvre", email="bruno@exemple.fr"))
    return first.id, second.id


def open_dialog(qtbot, make_window, path: Path) -> tuple[object, DuplicatesDialog]:  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    assert page.duplicates_button.isVisible()
    qtbot.mouseClick(page.duplicates_button, Qt.MouseButton.LeftButton)
    dialog = page.duplicates_dialog
    qtbot.waitUntil(lambda: dialog.choice.pair is not None and not dialog.busy, timeout=20000)
    return page, dialog


def test_merge_two_duplicates_field_by_field_then_undo(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    first, second = two_helenes(db, actor)
    page, dialog = open_dialog(qtbot, make_window, db_path)
    assert dialog.model.rowCount() == 1
    assert dialog.model.data(dialog.model.index(0, 2)) == "Même e-mail"
    assert dialog.model.data(dialog.model.index(0, 3)) == "100"
    choice = dialog.choice
    assert (choice.pair.first.id, choice.pair.second.id) == (first, second)
    # Only the differing fields are offered; the empty phone and city of the kept one default to the other's.
    assert set(choice.groups) == {"first_name", "email", "phone", "city", "circle"}
    assert choice.fields_from_absorbed() == ["phone"]
    choice.choose("circle", "right")  # keep "communauté" from the second card
    assert choice.fields_from_absorbed() == ["phone", "circle"]
    assert dialog.merge_button.isEnabled()
    assert not dialog.undo_button.isEnabled()

    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 0, timeout=20000)
    kept = get_contact(db, actor, first)
    assert (kept.data.first_name, kept.data.city, kept.data.phone, kept.data.circle) == (
        "Hélène",
        "Lyon",
        "06 12 34 56 78",
        "communaute",
    )
    assert get_contact(db, actor, second).archived_at is not None
    # The absorbed card's touch point and its circle move now belong to the kept contact.
    assert [p.summary for p in touch_points.timeline(db, actor, first)] == ["Appel pour l'atelier"]
    assert circle_moves.history(db, actor, first)[-1].to_circle == "communaute"
    assert contact_search.count(db, actor) == 2
    assert "Aucun doublon probable" in dialog.state.text()
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=10000)

    assert dialog.undo_button.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 1, timeout=20000)
    assert get_contact(db, actor, second).archived_at is None
    restored = get_contact(db, actor, first)
    assert (restored.data.phone, restored.data.circle) == ("", "grand_public")
    assert [p.summary for p in touch_points.timeline(db, actor, second)] == ["Appel pour l'atelier"]
    assert touch_points.timeline(db, actor, first) == []
    assert not dialog.undo_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.total == 3, timeout=10000)


def test_keeping_the_other_card_and_not_a_duplicate(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    first, second = two_helenes(db, actor)
    _page, dialog = open_dialog(qtbot, make_window, db_path)
    choice = dialog.choice
    choice.findChild(type(choice.groups["city"].button(1)), "keepRight").setChecked(True)
    assert choice.kept_and_absorbed() == (second, first)
    # Kept: the second card; its empty city defaults to the first's.
    assert choice.fields_from_absorbed() == ["city"]

    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.mouseClick(dialog.ignore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 0, timeout=20000)
    assert duplicates.find_duplicates(db, actor) == []
    assert contact_search.count(db, actor) == 3  # nothing merged


def test_qtmodeltester_on_the_pairs(qtmodeltester, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    two_helenes(db, actor)
    model = DuplicatePairsModel()
    labels = {r.value: duplicates.reason_label(r) for r in duplicates.DuplicateReason}
    model.set_pairs(duplicates.find_duplicates(db, actor), labels)
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)


def test_closing_the_dialog_while_it_searches_drops_the_result(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    two_helenes(db, actor)
    window = make_window(db_path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    dialog = page.review_duplicates()
    task = dialog.task
    assert task is not None and task.running
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The search comes back to a deleted dialog: dropped, no error (pytest-qt fails on one raised in a slot).
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    assert task.state == "succeeded"


def test_the_merge_result_says_where_the_other_phone_went_and_the_sheet_shows_the_merge(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    lucie = ContactInput(first_name="Lucie", last_name="Perrin", email="lucie@exemple.fr")
    first = create_contact(db, actor, replace(lucie, phone="06 11 22 33 44")).id
    second = create_contact(db, actor, replace(lucie, phone="07 81 22 33 44")).id
    page, dialog = open_dialog(qtbot, make_window, db_path)
    assert set(dialog.choice.groups) == {"phone"}
    assert dialog.choice.fields_from_absorbed() == []  # the kept card's phone stays the main one
    assert "e-mails et téléphones" in dialog.choice.note.text()
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 0, timeout=20000)
    qtbot.waitUntil(lambda: dialog.state.text().startswith("Fiches fusionnées."), timeout=10000)
    assert "Gardés en secondaire : 07 81 22 33 44." in dialog.state.text()
    kept = get_contact(db, actor, first).data
    assert (kept.phone, kept.phone_secondary) == ("06 11 22 33 44", "07 81 22 33 44")

    sheet = page.open_contact(first)
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)
    assert sheet.editors["phone_secondary"].text() == "07 81 22 33 44"
    merge = [e for e in sheet.timeline.entries if e.kind == "merge"]
    assert [(e.label, e.text, e.by) for e in merge] == [("Fusion", "Fusionné avec « Lucie Perrin »", actor.name)]
    absorbed = page.open_contact(second)
    qtbot.waitUntil(lambda: absorbed.details is not None and not absorbed.busy, timeout=10000)
    assert absorbed.timeline.entries[0].text == f"Fusionné dans le contact n° {first}"


def test_an_undone_merge_stays_on_the_timeline_with_its_undo(qtbot, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.services.permissions import Actor as Profile
    from communitydesk.ui.contacts.contact_sheet import read_sheet

    first, second = two_helenes(db, actor)
    merge = duplicates.merge_contacts(db, actor, first, second)
    duplicates.undo_merge(db, Profile(name="Camille"), merge.id)
    entries = [(e.label, e.text, e.by) for e in read_sheet(db, actor, first).entries if e.kind == "merge"]
    assert entries == [
        ("Fusion", "Fusion annulée : les deux fiches sont séparées", "Camille"),
        ("Fusion", "Fusionné avec « Helene Martin »", actor.name),
    ]


def test_the_list_says_when_it_stops_before_the_last_pair(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.ui.contacts.duplicates_view import read_pairs
    from communitydesk.ui.tasks import TaskContext

    two_helenes(db, actor)
    for first in ("Paul", "Pôl"):
        create_contact(db, actor, ContactInput(first_name=first, last_name="Durand", email="paul.durand@exemple.fr"))
    _page, dialog = open_dialog(qtbot, make_window, db_path)
    assert dialog.state.text().startswith("2 paires de fiches semblent décrire la même personne.")

    shown_one = read_pairs(db, actor, TaskContext(), shown=1)
    assert len(shown_one.pairs) == 1 and shown_one.more
    dialog._pairs_read(shown_one)
    assert "paires les plus probables sont montrées ; les suivantes apparaissent" in dialog.state.text()
    everything = read_pairs(db, actor, TaskContext())
    assert len(everything.pairs) == 2 and not everything.more
    dialog._pairs_read(replace(everything, pairs=everything.pairs[:1]))
    assert dialog.state.text().startswith("1 paire de fiches semble décrire la même personne.")
