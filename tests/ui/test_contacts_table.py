"""The contacts table model: Qt's model checks, paging that never holds every row, server-side sort,
and the column choice remembered through the settings facade."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from communitydesk.db.database import Database
from communitydesk.rules.contact_filter import ContactFilter
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.contact_query import ContactListQuery
from communitydesk.ui.contacts.contact_table import COLUMN_KEYS, ContactTableModel
from communitydesk.ui.contacts.timeline import TimelineEntry, TimelineModel
from communitydesk.ui.settings import UiSettings

NAME = COLUMN_KEYS.index("name")


def loaded_model(qtbot, db: Database, actor: Actor, **options) -> ContactTableModel:  # type: ignore[no-untyped-def]
    model = ContactTableModel(lambda: db, actor, **options)
    model.set_query(ContactListQuery(), force=True)
    qtbot.waitUntil(lambda: model.reloads == 1 and not model.is_loading(), timeout=10000)
    return model


def test_qtmodeltester_on_a_fully_loaded_list(qtbot, qtmodeltester, populated_db: Path, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.db.database import open_database

    db = open_database(populated_db)
    try:
        model = loaded_model(qtbot, db, actor)
        assert model.rowCount() == 120
        qtmodeltester.check(model, force_py=True)
        assert model.data(model.index(0, NAME))
    finally:
        db.close()


def test_qtmodeltester_while_pages_are_still_arriving(qtbot, qtmodeltester, populated_db: Path, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.db.database import open_database

    db = open_database(populated_db)
    try:
        model = loaded_model(qtbot, db, actor, page_size=25, cached_pages=2)
        assert model.rowCount() == 120
        assert model.data(model.index(100, NAME)) is None  # its page is asked for, not there yet
        qtmodeltester.check(model, force_py=True)
        qtbot.waitUntil(lambda: model.data(model.index(100, NAME)) is not None, timeout=10000)
        qtbot.waitUntil(lambda: not model.is_loading(), timeout=10000)
        # Never more than the cached pages in memory, however far one scrolls.
        for row in range(0, 120, 10):
            model.data(model.index(row, NAME))
            qtbot.waitUntil(lambda row=row: model.data(model.index(row, NAME)) is not None, timeout=10000)
            assert model.cached_row_count() <= 2 * 25
    finally:
        db.close()


def test_rows_come_in_sorted_pages_from_the_service(qtbot, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    for index in range(30):
        create_contact(
            db, actor, ContactInput(first_name=f"Prénom{index:02d}", last_name="Zola", city=f"Ville{29 - index:02d}")
        )
    model = loaded_model(qtbot, db, actor, page_size=10)
    assert model.total == 30
    assert model.cached_row_count() == 10  # only the first page was read
    names = []
    for row in range(30):
        qtbot.waitUntil(lambda row=row: model.row_at(row) is not None, timeout=10000)
        names.append(model.row_at(row).display_name)  # type: ignore[union-attr]
    assert names == sorted(names)

    model.sort(COLUMN_KEYS.index("city"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.reloads == 2 and not model.is_loading(), timeout=10000)
    assert model.query.sort == "city"
    assert model.row_at(0).city == "Ville00"  # type: ignore[union-attr]
    model.sort(COLUMN_KEYS.index("city"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.reloads == 3 and not model.is_loading(), timeout=10000)
    assert model.row_at(0).city == "Ville29"  # type: ignore[union-attr]
    # The e-mail column is not sortable by the service: nothing happens.
    model.sort(COLUMN_KEYS.index("email"), Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "city"

    model.set_query(model.query.with_changes(filters=ContactFilter(circles=("proches",))))
    qtbot.waitUntil(lambda: model.reloads == 4 and not model.is_loading(), timeout=10000)
    assert model.total == 0


def test_header_click_sorts_on_the_server(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    header = page.table.horizontalHeader()
    city = COLUMN_KEYS.index("city")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, city))
    qtbot.waitUntil(lambda: page.model.query.sort == "city" and not page.model.is_loading(), timeout=10000)
    cities = [page.model.row_at(r).city for r in range(20)]  # type: ignore[union-attr]
    assert cities == sorted(cities)
    # Clicking a column the service cannot sort leaves the sort (and its indicator) where it was.
    email = COLUMN_KEYS.index("email")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, email))
    assert page.model.query.sort == "city"
    assert header.sortIndicatorSection() == city


def _section_centre(header, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_column_choice_is_remembered(qtbot, make_window, populated_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = UiSettings(QSettings(str(tmp_path / "columns.ini"), QSettings.Format.IniFormat))
    window = make_window(populated_db, settings=settings)
    page = window.show_page("contacts")
    table = page.table
    assert "email" not in table.hidden_columns()
    assert "postcode" in table.hidden_columns()  # hidden until asked for
    menu = table.column_menu()
    actions = {a.objectName(): a for a in menu.actions()}
    actions["column_email"].trigger()  # untick "E-mail"
    actions["column_postcode"].trigger()  # tick "Code postal"
    assert "email" in table.hidden_columns()
    assert "postcode" not in table.hidden_columns()
    qtbot.waitUntil(lambda: not page.model.is_loading(), timeout=10000)

    again = make_window(
        populated_db, settings=UiSettings(QSettings(str(tmp_path / "columns.ini"), QSettings.Format.IniFormat))
    )
    other = again.show_page("contacts")
    assert other is not page
    assert "email" in other.table.hidden_columns()
    assert "postcode" not in other.table.hidden_columns()


def test_qtmodeltester_on_the_timeline(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    model = TimelineModel()
    model.set_entries(
        [
            TimelineEntry(datetime(2026, 3, 1, 9, tzinfo=UTC), "call", "Appel", "A rappelé pour l'atelier", "Zoé"),
            TimelineEntry(
                datetime(2026, 2, 1, 9, tzinfo=UTC), "move", "Changement de cercle", "Grand public → Communauté", "Zoé"
            ),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0)) == "01/03/2026 10:00"  # shown in Paris time
    assert model.data(model.index(1, 1)) == "Changement de cercle"
