"""The dashboard's "À relancer" card opens the contacts list filtered on the contacts to follow up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from communitydesk.db.database import Database
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.contact_table import COLUMN_KEYS


def test_clicking_a_relancer_shows_the_overdue_contacts(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    late = create_contact(db, actor, ContactInput(first_name="Bruno", last_name="Lefèvre", circle="proches")).id
    create_contact(db, actor, ContactInput(first_name="Hélène", last_name="Durand", circle="proches"))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE contacts SET created_at = '2020-01-01 00:00:00' WHERE id = ?", (late,))

    window = make_window(db_path)
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: "contacts_overdue" in dashboard.cards, timeout=20000)
    card = dashboard.cards["contacts_overdue"]
    assert card.value.text() == "1"
    assert card.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert dashboard.cards["contacts_total"].card.opens_page == ""  # the other cards stay plain figures

    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)

    assert window.current_page_key() == "contacts"
    page = window.pages["contacts"]
    assert page.filter_bar.overdue.isChecked()

    column = COLUMN_KEYS.index("name")

    def shown() -> list[str]:
        return [page.model.data(page.model.index(row, column)) for row in range(page.model.rowCount())]

    qtbot.waitUntil(lambda: not page.model.is_loading() and shown() == ["Bruno Lefèvre"], timeout=20000)
    assert page.model.total == 1
