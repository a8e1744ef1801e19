"""The administrator's screens: profiles, the rights of each role, the audit log browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from tests.ui.profiles.conftest import FAST, Chooser, login_headless

from communitydesk.db.database import open_database
from communitydesk.errors import PermissionDenied
from communitydesk.services import profiles
from communitydesk.services.demo import FOUNDER, VOLUNTEER
from communitydesk.services.permissions import Action, Role
from communitydesk.ui.profiles.admin import GRID_ACTIONS


@pytest.fixture
def admin_window(chooser: Chooser, protected_db: Path):  # type: ignore[no-untyped-def]
    return chooser.open_as(protected_db, FOUNDER)


def test_the_audit_browser_lists_a_refused_action(qtbot, admin_window, protected_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    volunteer = login_headless(protected_db, VOLUNTEER)
    db = open_database(protected_db)
    try:
        with pytest.raises(PermissionDenied):
            profiles.add_profile(db, volunteer, "Intrus", Role.ADMIN, "intrus-2026", hasher=FAST)
    finally:
        db.close()
    assert admin_window.audit_action.isEnabled()
    dialog = admin_window.show_audit()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20000)
    refused = [entry for entry in dialog.model.records if entry.outcome == "refused"]
    assert [(entry.user, entry.action) for entry in refused] == [(VOLUNTEER, Action.MANAGE_PROFILES.value)]

    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.set_outcome("refused")
    assert dialog.proxy.rowCount() == 1
    texts = [dialog.proxy.index(0, column).data() for column in range(dialog.proxy.columnCount())]
    assert texts[1:] == [VOLUNTEER, "gérer les profils et les droits", "nouveau profil", "refusé"]
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.set_outcome(None)
    logins = [entry for entry in dialog.model.records if entry.action == "login" and entry.user == FOUNDER]
    assert logins  # the window's own login is there too

    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export(tmp_path / "journal.csv")
    lines = (tmp_path / "journal.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "at;user;action;target;target_label;outcome;detail"
    assert any(f";{VOLUNTEER};profiles.manage;profile:new;nouveau profil;refused;" in line for line in lines)


def test_profiles_are_added_given_a_role_and_the_last_admin_is_kept(qtbot, admin_window, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = admin_window.show_profiles()
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        pass
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert FOUNDER in names and VOLUNTEER in names

    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.add("Sami", Role.TEAM, "equipe-2026")
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("Sami")
    assert [dialog.table.item(row, c).text() for c in range(4)] == ["Sami", "Équipe", "oui", "non"]

    dialog.choose("Sami")
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.change_role(Role.VOLUNTEER)
    assert dialog.message.text() == "« Sami » est maintenant Bénévole."

    dialog.choose(FOUNDER)
    task = dialog.change_role(Role.TEAM)
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    assert "dernier administrateur" in dialog.message.text()

    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.delete("Sami")
    assert "Sami" not in [record.name for record in dialog.records]
    db = open_database(protected_db)
    try:
        assert login_headless(protected_db, FOUNDER).role is Role.ADMIN
    finally:
        db.close()


def test_the_rights_grid_saves_a_role_s_rights(qtbot, admin_window, protected_db: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = admin_window.show_profiles()
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        pass
    volunteer_column = list(Role).index(Role.VOLUNTEER)
    admin_cell = dialog.grid.item(0, list(Role).index(Role.ADMIN))
    assert admin_cell is not None and not admin_cell.flags() & Qt.ItemFlag.ItemIsUserCheckable
    row = GRID_ACTIONS.index(Action.ADD_TOUCH_POINTS)
    cell = dialog.grid.item(row, volunteer_column)
    assert cell is not None and cell.checkState() == Qt.CheckState.Checked
    cell.setCheckState(Qt.CheckState.Unchecked)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.save_rights()
    db = open_database(protected_db)
    try:
        rights = profiles.role_rights(db, login_headless(protected_db, FOUNDER))
    finally:
        db.close()
    assert Action.ADD_TOUCH_POINTS not in rights[Role.VOLUNTEER]
    assert Action.READ_CONTACTS in rights[Role.VOLUNTEER]
    assert rights[Role.ADMIN] == frozenset(Action)
