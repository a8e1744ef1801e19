"""The contacts page: typing searches (accents and case ignored), filters and segments narrow the list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from communitydesk.db.database import Database
from communitydesk.services import contact_search, segments, tags
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.contact_table import COLUMN_KEYS


def people(db: Database, actor: Actor) -> dict[str, int]:
    made = {}
    for first, last, circle, city in [
        ("Hélène", "Durand", "proches", "Lyon"),
        ("Héloïse", "Martin", "communaute", "Évreux"),
        ("Bruno", "Lefèvre", "grand_public", "Nîmes"),
        ("Chloé", "Dupré", "communaute", "Lyon"),
        ("Marc", "Helens", "grand_public", "Paris"),
    ]:
        details = create_contact(db, actor, ContactInput(first_name=first, last_name=last, circle=circle, city=city))
        made[first] = details.id
    tags.tag_contacts(db, actor, [made["Hélène"], made["Bruno"]], "Bénévole")
    return made


def open_page(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(
        lambda: page.model.reloads > 0 and not page.model.is_loading() and bool(page.circle_counts), timeout=20000
    )
    return window, page


def names(page) -> list[str]:  # type: ignore[no-untyped-def]
    column = COLUMN_KEYS.index("name")
    return [page.model.data(page.model.index(row, column)) for row in range(page.model.rowCount())]


def wait_list(qtbot, page, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.model.is_loading() and sorted(names(page)) == sorted(expected), timeout=10000)


def test_typing_helene_finds_helene_and_updates_rings(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    assert page.model.total == 5
    assert page.count_label.text() == "5 contacts"
    assert page.rings.counts == {"proches": 1, "communaute": 2, "grand_public": 2}

    window = _window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: to the search box
    assert page.filter_bar.search.hasFocus()
    qtbot.keyClicks(page.filter_bar.search, "helene")
    # Debounced: the list follows after the pause, without Enter.
    wait_list(qtbot, page, ["Hélène Durand"])
    assert page.count_label.text() == "1 contact correspond"
    qtbot.waitUntil(lambda: page.rings.counts == {"proches": 1, "communaute": 0, "grand_public": 0})

    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "HEL")  # prefix, any case: Hélène, Héloïse, Helens
    wait_list(qtbot, page, ["Hélène Durand", "Héloïse Martin", "Marc Helens"])

    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "evreux")  # the city, without its accent
    wait_list(qtbot, page, ["Héloïse Martin"])

    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "zzzz")
    wait_list(qtbot, page, [])
    assert page.empty_label.isVisible()
    assert "Aucun contact ne correspond" in page.empty_label.text()


def test_clicking_a_ring_filters_the_list_and_again_clears(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    rings = page.rings
    qtbot.mouseClick(rings, Qt.MouseButton.LeftButton, pos=rings.ring_point("communaute").toPoint())
    wait_list(qtbot, page, ["Héloïse Martin", "Chloé Dupré"])
    assert rings.selected == "communaute"
    # The rings keep counting every circle of the current search.
    assert rings.counts == {"proches": 1, "communaute": 2, "grand_public": 2}

    qtbot.mouseClick(rings, Qt.MouseButton.LeftButton, pos=rings.ring_point("proches").toPoint())
    wait_list(qtbot, page, ["Hélène Durand"])
    qtbot.mouseClick(rings, Qt.MouseButton.LeftButton, pos=rings.ring_point("proches").toPoint())
    wait_list(qtbot, page, ["Hélène Durand", "Héloïse Martin", "Bruno Lefèvre", "Chloé Dupré", "Marc Helens"])
    assert rings.selected is None

    qtbot.mouseClick(rings, Qt.MouseButton.LeftButton, pos=rings.ring_point("grand_public").toPoint())
    wait_list(qtbot, page, ["Bruno Lefèvre", "Marc Helens"])
    qtbot.mouseClick(page.all_button, Qt.MouseButton.LeftButton)
    wait_list(qtbot, page, ["Hélène Durand", "Héloïse Martin", "Bruno Lefèvre", "Chloé Dupré", "Marc Helens"])


def test_filters_tag_ambassadors_critics_and_overdue(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    made = people(db, actor)
    create_contact(db, actor, ContactInput(first_name="Inès", last_name="Vidal", is_ambassador=True))
    create_contact(db, actor, ContactInput(first_name="René", last_name="Giraud", is_critic=True))
    _window, page = open_page(qtbot, make_window, db_path)
    bar = page.filter_bar
    qtbot.waitUntil(lambda: bar.tag.count() == 2)
    assert bar.tag.itemText(1) == "Bénévole (2)"
    bar.tag.setCurrentIndex(1)
    wait_list(qtbot, page, ["Hélène Durand", "Bruno Lefèvre"])
    bar.tag.setCurrentIndex(0)
    bar.ambassadors.setChecked(True)
    wait_list(qtbot, page, ["Inès Vidal"])
    bar.ambassadors.setChecked(False)
    bar.critics.setChecked(True)
    wait_list(qtbot, page, ["René Giraud"])
    # A critic is shown as such in the list, never hidden.
    flags = COLUMN_KEYS.index("flags")
    assert page.model.data(page.model.index(0, flags)) == "Détracteur"
    bar.critics.setChecked(False)

    # Nobody was touched yet and everyone was just created: nobody is overdue...
    bar.overdue.setChecked(True)
    wait_list(qtbot, page, [])
    # ...until their creation is older than their circle's rhythm.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE contacts SET created_at = '2020-01-01 00:00:00' WHERE id = ?", (made["Hélène"],))
    page.refresh()
    wait_list(qtbot, page, ["Hélène Durand"])
    overdue = COLUMN_KEYS.index("overdue")
    assert page.model.data(page.model.index(0, overdue)) == "à relancer"
    bar.clear()
    assert not bar.overdue.isChecked()
    wait_list(
        qtbot,
        page,
        ["Hélène Durand", "Héloïse Martin", "Bruno Lefèvre", "Chloé Dupré", "Marc Helens", "Inès Vidal", "René Giraud"],
    )


def test_save_current_filter_as_segment_and_pick_it_again(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    people(db, actor)
    _window, page = open_page(qtbot, make_window, db_path)
    rings = page.rings
    qtbot.mouseClick(rings, Qt.MouseButton.LeftButton, pos=rings.ring_point("communaute").toPoint())
    qtbot.keyClicks(page.filter_bar.search, "lyon")
    wait_list(qtbot, page, ["Chloé Dupré"])

    dialog = page.ask_segment_name()
    assert dialog is not None
    dialog.setTextValue("Communauté lyonnaise")
    dialog.accept()
    qtbot.waitUntil(lambda: page.filter_bar.segment.currentText() == "Communauté lyonnaise", timeout=10000)
    saved = segments.segment_by_name(db, actor, "Communauté lyonnaise")
    assert saved.filter.circles == ("communaute",)
    assert saved.filter.text == "lyon"
    assert contact_search.count(db, actor, filters=saved.filter) == 1
    wait_list(qtbot, page, ["Chloé Dupré"])

    page.filter_bar.clear()
    wait_list(qtbot, page, ["Hélène Durand", "Héloïse Martin", "Bruno Lefèvre", "Chloé Dupré", "Marc Helens"])
    page.filter_bar.select_segment(saved.id)
    wait_list(qtbot, page, ["Chloé Dupré"])
    assert page.rings.selected == "communaute"


def test_show_overdue_is_the_a_relancer_list(qtbot, make_window, db_path: Path, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    made = people(db, actor)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE contacts SET created_at = '2020-01-01 00:00:00' WHERE id = ?", (made["Bruno"],))
    _window, page = open_page(qtbot, make_window, db_path)
    qtbot.keyClicks(page.filter_bar.search, "helene")
    wait_list(qtbot, page, ["Hélène Durand"])
    page.show_overdue()  # what the dashboard's "À relancer" link calls
    assert page.filter_bar.overdue.isChecked() and page.filter_bar.text() == ""
    wait_list(qtbot, page, ["Bruno Lefèvre"])
