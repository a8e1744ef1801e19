"""The sheet saves its fields and tags in one service call: a wrong tag keeps everything as it was."""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.database import Database
from communitydesk.services import tags
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor


def test_a_wrong_tag_is_shown_under_tags_and_the_fields_are_not_saved(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Hélène", last_name="Durand", city="Lyon"))
    window = make_window(db_path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    sheet = page.open_contact(contact.id)
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)

    sheet.set_field("city", "Grenoble")
    sheet.set_field("tags", "presse, " + "x" * (tags.MAX_TAG_LENGTH + 1))
    with qtbot.waitSignal(sheet.save_failed, timeout=10000):
        sheet.save()
    assert "ne peut dépasser" in sheet.errors["tags"].text()
    assert sheet.errors["tags"].isVisible()
    saved = get_contact(db, actor, contact.id)
    assert (saved.data.city, saved.tags, saved.version_id) == ("Lyon", (), contact.version_id)
    assert tags.tag_names(db, actor) == []  # "presse" was not created alone

    sheet.set_field("tags", "presse")
    with qtbot.waitSignal(sheet.saved, timeout=10000):
        sheet.save()
    saved = get_contact(db, actor, contact.id)
    assert (saved.data.city, saved.tags) == ("Grenoble", ("presse",))
