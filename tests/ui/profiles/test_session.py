"""The shared office PC: the profile chooser, the idle lock, Ctrl+L, the PIN, the quick switch, rights in screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from tests.ui.profiles.conftest import FAST, PASSWORDS, Chooser, login_headless

from communitydesk.db.database import open_database
from communitydesk.services import profiles
from communitydesk.services.demo import FOUNDER, VOLUNTEER
from communitydesk.services.permissions import Action, Role
from communitydesk.ui.current_database import DatabaseState


def test_a_base_without_passwords_opens_as_before(make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    assert not window.session.covering
    assert window.stack.isVisible()
    assert not window.session.lock_action.isEnabled()
    assert "mot de passe" in window.session.lock_action.toolTip()


def test_the_chooser_refuses_a_wrong_password_then_logs_in(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open(protected_db)
    screen = window.session.login_screen
    assert window.session.covering and screen.isVisible()
    assert not window.stack.isVisible()  # nothing of the base behind it
    assert window.database.figures is None
    names = [screen.profiles.item(row).text() for row in range(screen.profiles.count())]
    assert f"{FOUNDER} — Administrateur" in names and f"{VOLUNTEER} — Bénévole" in names
    assert not screen.demo_note.isVisible()  # not the demonstration base

    chooser.type_in(window, FOUNDER, "pas-le-bon")
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20000)
    assert screen.message.text() == "Profil ou mot de passe incorrect."
    assert window.database.state is DatabaseState.LOGIN and window.session.covering
    assert screen.password.text() == ""

    chooser.log_in(window, FOUNDER)
    assert not window.session.covering
    assert window.database.actor.name == FOUNDER and window.database.actor.role is Role.ADMIN
    assert window.profile_label.text() == f"Profil : {FOUNDER} (Administrateur)"
    assert window.stack.isVisible()


def test_repeated_failures_say_how_long_to_wait(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open(protected_db)
    screen = window.session.login_screen
    for _attempt in range(4):
        screen.message.hide()
        chooser.type_in(window, VOLUNTEER, "pas-le-bon")
        qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=20000)
    assert "réessayez dans" in screen.message.text()
    assert window.database.state is DatabaseState.LOGIN


def test_the_idle_lock_hides_the_contact_table(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open_as(protected_db, FOUNDER)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20000)
    assert page.table.isVisible()

    window.session.idle.start(150)  # the idle delay, made short
    qtbot.waitUntil(lambda: window.session.locked, timeout=5000)
    assert not page.table.isVisible()
    assert not window.sidebar.isVisible()
    assert window.session.lock_screen.isVisible()
    assert not window.session.lock_action.isEnabled()

    lock = window.session.lock_screen
    qtbot.keyClicks(lock.secret, "pas-le-bon")
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.message.isVisible(), timeout=20000)
    assert window.session.locked and not page.table.isVisible()

    qtbot.keyClicks(lock.secret, PASSWORDS[FOUNDER])
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.locked, timeout=20000)
    assert page.table.isVisible()


def test_input_keeps_the_session_unlocked(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open_as(protected_db, FOUNDER)
    window.session.idle.start(400)
    for _tick in range(6):
        qtbot.wait(150)
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Shift)
    assert not window.session.locked
    qtbot.waitUntil(lambda: window.session.locked, timeout=5000)


def test_ctrl_l_locks_and_the_pin_unlocks(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open(protected_db)
    screen = window.session.login_screen
    screen.choose(FOUNDER)
    qtbot.keyClicks(screen.pin, "4321")
    chooser.log_in(window, FOUNDER)
    page = window.show_page("contacts")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.session.lock_action.shortcut().toString() == "Ctrl+L"

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.locked
    assert not page.isVisible()
    lock = window.session.lock_screen
    assert lock.who.text() == f"Profil : {FOUNDER} (Administrateur)"

    qtbot.keyClicks(lock.secret, "4321")
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.locked, timeout=20000)
    assert page.isVisible()


def test_a_volunteer_sees_export_disabled_with_its_reason(chooser: Chooser, protected_db: Path) -> None:
    window = chooser.open_as(protected_db, VOLUNTEER)
    assert window.profile_label.text() == f"Profil : {VOLUNTEER} (Bénévole)"
    page = window.show_page("contacts")
    assert window.current_page_key() == "contacts"
    assert not page.export_button.isEnabled()
    assert page.export_button.toolTip() == (
        "Votre profil (Bénévole) ne permet pas d'exporter ou imprimer des données personnelles."
    )
    assert not page.duplicates_button.isEnabled()
    assert page.new_button.isEnabled()  # adding a contact met at a stall is volunteer work
    assert not window.profiles_action.isEnabled() and not window.audit_action.isEnabled()


def test_switching_profile_drops_the_pages_and_applies_the_new_rights(  # type: ignore[no-untyped-def]
    qtbot, chooser: Chooser, protected_db: Path
) -> None:
    db = open_database(protected_db)
    try:
        founder = login_headless(protected_db, FOUNDER)
        profiles.add_profile(db, founder, "Lecteur", Role.READER, "lecture-2026", hasher=FAST)
    finally:
        db.close()
    window = chooser.open_as(protected_db, FOUNDER)
    contacts = window.show_page("contacts")
    qtbot.waitUntil(lambda: contacts.model.rowCount() > 0, timeout=20000)

    window.session.switch_action.trigger()
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.LOGIN, timeout=20000)
    assert window.session.covering and "contacts" not in window.pages
    assert window.database.actor.profile_id is None

    chooser.log_in(window, "Lecteur", "lecture-2026")
    assert window.sidebar.isRowHidden(window.page_keys().index("contacts"))
    assert not window.page_actions["contacts"].isVisible()
    window.show_page("contacts")
    assert window.current_page_key() == "dashboard"  # Lecture seule: figures and reports only


def test_the_demo_chooser_shows_the_demo_passwords(qtbot, make_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.services.demo import DEMO_ADMIN_PASSWORD, DEMO_VOLUNTEER_PASSWORD
    from communitydesk.ui import current_database

    monkeypatch.setattr(current_database, "DEMO_CONTACTS", 40)
    window = make_window()
    window.open_database(tmp_path / "demo.sqlite3", demo=True)
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.LOGIN, timeout=60000)
    note = window.session.login_screen.demo_note
    assert note.isVisible()
    assert DEMO_ADMIN_PASSWORD in note.text() and DEMO_VOLUNTEER_PASSWORD in note.text()
    assert window.database.actor.rights == frozenset()  # nobody acts before a login
    assert window.profile_label.text() == "Aucun profil connecté"


def test_a_volunteer_prints_reports_but_not_lists_of_people(chooser: Chooser, protected_db: Path) -> None:
    window = chooser.open_as(protected_db, VOLUNTEER)
    page = window.show_page("documents")
    page.kind.setCurrentIndex(page.kind.findData("community-report"))
    assert page.generate_button.isEnabled()
    page.kind.setCurrentIndex(page.kind.findData("directory"))
    assert not page.generate_button.isEnabled()
    assert page.generate_button.toolTip().startswith("Votre profil (Bénévole) ne permet pas d'exporter")
    page.kind.setCurrentIndex(page.kind.findData("community-report"))
    assert page.generate_button.isEnabled()


def test_a_volunteer_may_not_change_the_lock_delay_nor_the_base_s_settings(  # type: ignore[no-untyped-def]
    qtbot, chooser: Chooser, protected_db: Path
) -> None:
    window = chooser.open_as(protected_db, VOLUNTEER)
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: page.loaded_values is not None or bool(page.message.text()), timeout=20000)
    assert not page.lock_minutes.isEnabled()
    assert "modifier les réglages" in page.lock_minutes.toolTip()
    assert not page.database_groups.isEnabled()
    assert page.language.isEnabled()  # one's own language stays one's own


def test_a_volunteer_s_sheet_hides_private_notes_and_the_lock_hides_the_sheet(  # type: ignore[no-untyped-def]
    qtbot, chooser: Chooser, protected_db: Path
) -> None:
    window = chooser.open_as(protected_db, VOLUNTEER)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20000)
    page.table.selectRow(0)
    sheet = page.open_current()
    assert sheet is not None
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=20000)
    notes = sheet.editors["notes"]
    assert not notes.isEnabled()
    assert notes.toolTip() == "Votre profil (Bénévole) ne permet pas de voir les notes privées."
    assert not sheet.erase_button.isEnabled() and not sheet.export_person_button.isEnabled()
    assert sheet.touch_button.isEnabled() and sheet.save_button.isEnabled()
    assert sheet.isVisible()

    window.session.lock()
    assert not sheet.isVisible()  # a sheet in its own window is covered too
    lock = window.session.lock_screen
    qtbot.keyClicks(lock.secret, PASSWORDS[VOLUNTEER])
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.session.locked, timeout=20000)
    assert sheet.isVisible()


def test_the_lock_delay_set_in_paramètres_counts_at_once(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open_as(protected_db, FOUNDER)
    assert window.session.idle.timer.interval() == 10 * 60_000  # the default once profiles have passwords
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: page.loaded_values is not None, timeout=20000)
    page.lock_minutes.setValue(3)
    with qtbot.waitSignal(page.saved, timeout=20000):
        page.save()
    assert window.settings.lock_minutes == 3
    assert window.session.idle.timer.interval() == 3 * 60_000 and window.session.idle.timer.isActive()


def _unlock_with_password(qtbot, window, name: str) -> None:  # type: ignore[no-untyped-def]
    lock = window.session.lock_screen
    qtbot.keyClicks(lock.secret, PASSWORDS[name])
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)


def test_unlocking_applies_the_rights_an_administrator_changed_meanwhile(  # type: ignore[no-untyped-def]
    qtbot, chooser: Chooser, protected_db: Path
) -> None:
    window = chooser.open_as(protected_db, VOLUNTEER)
    assert not window.show_page("contacts").export_button.isEnabled()
    window.session.lock()

    # From another session on the same base, the founder lets volunteers export.
    db = open_database(protected_db)
    try:
        founder = login_headless(protected_db, FOUNDER)
        rights = {*profiles.role_rights(db, founder)[Role.VOLUNTEER], Action.EXPORT_PERSONAL_DATA}
        profiles.set_role_rights(db, founder, Role.VOLUNTEER, rights)
    finally:
        db.close()
    _unlock_with_password(qtbot, window, VOLUNTEER)
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.READY and not window.session.locked, timeout=20000)
    assert Action.EXPORT_PERSONAL_DATA in (window.database.actor.rights or ())
    page = window.show_page("contacts")
    assert page.export_button.isEnabled()
    assert not window.session.covering


def test_a_profile_deleted_while_locked_cannot_unlock(qtbot, chooser: Chooser, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = chooser.open_as(protected_db, VOLUNTEER)
    window.session.lock()
    db = open_database(protected_db)
    try:
        profiles.delete_profile(db, login_headless(protected_db, FOUNDER), VOLUNTEER)
    finally:
        db.close()
    _unlock_with_password(qtbot, window, VOLUNTEER)
    screen = window.session.login_screen
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.LOGIN and screen.isVisible(), timeout=20000)
    assert screen.message.text() == (
        f"Le profil « {VOLUNTEER} » a été supprimé ou n'a plus de mot de passe : choisissez un profil pour continuer."
    )
    assert window.database.actor.profile_id is None and "contacts" not in window.pages
    names = [screen.profiles.item(row).text() for row in range(screen.profiles.count())]
    assert names == [f"{FOUNDER} — Administrateur"]


def test_a_base_left_without_passwords_while_locked_says_why_it_opens(  # type: ignore[no-untyped-def]
    qtbot, chooser: Chooser, protected_db: Path
) -> None:
    import sqlite3

    window = chooser.open_as(protected_db, VOLUNTEER)
    window.session.lock()
    with sqlite3.connect(protected_db) as conn:  # another tool took every password away meanwhile
        conn.execute("UPDATE profiles SET password_hash = NULL, pin_hash = NULL")
    _unlock_with_password(qtbot, window, VOLUNTEER)
    qtbot.waitUntil(lambda: window.database.state is DatabaseState.READY and not window.session.covering, timeout=20000)
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "openedWithoutLoginBox" and w.isVisible()]
    assert len(boxes) == 1 and isinstance(boxes[0], QMessageBox)
    message = boxes[0].text()
    assert message.startswith(f"Le profil « {VOLUNTEER} » a été supprimé ou n'a plus de mot de passe")
    assert message.endswith("Plus aucun profil n'a de mot de passe : la base s'ouvre sans connexion.")
    boxes[0].close()
    assert window.session._chooser_message == ""  # not shown again on a later chooser
