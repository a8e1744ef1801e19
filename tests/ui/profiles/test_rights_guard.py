"""The one helper screens use for rights: disabled (or hidden) with the reason, and given back."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from communitydesk.services.permissions import Action, Actor, Role, default_rights
from communitydesk.ui.widgets.rights import guard, guard_fields

VOLUNTEER = Actor(name="Malik", role=Role.VOLUNTEER, profile_id=2, rights=default_rights(Role.VOLUNTEER))
FOUNDER = Actor(name="Camille", role=Role.ADMIN, profile_id=1, rights=default_rights(Role.ADMIN))


def test_a_refused_action_is_disabled_with_its_reason_then_given_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    button = QPushButton("Exporter…")
    qtbot.addWidget(button)
    button.setToolTip("Exporter la liste affichée")
    assert not guard(button, VOLUNTEER, Action.EXPORT_PERSONAL_DATA)
    assert not button.isEnabled()
    assert button.toolTip() == "Votre profil (Bénévole) ne permet pas d'exporter ou imprimer des données personnelles."
    assert not guard(button, VOLUNTEER, Action.MERGE_CONTACTS)  # twice: the page's own tooltip is still known
    assert button.toolTip() == "Votre profil (Bénévole) ne permet pas de fusionner des contacts."

    button.setEnabled(True)  # the page enables it again (another profile, a base ready)
    assert guard(button, FOUNDER, Action.EXPORT_PERSONAL_DATA)
    assert button.isEnabled() and button.toolTip() == "Exporter la liste affichée"


def test_hidden_actions_come_back_only_if_guard_hid_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    action = QAction("Journal…")
    assert not guard(action, VOLUNTEER, Action.VIEW_AUDIT, hide=True)
    assert not action.isVisible() and not action.isEnabled()
    assert guard(action, FOUNDER, Action.VIEW_AUDIT, hide=True)
    assert action.isVisible()

    hidden_by_its_page = QAction("Doublons…")
    hidden_by_its_page.setVisible(False)
    guard(hidden_by_its_page, VOLUNTEER, Action.MERGE_CONTACTS, hide=True)
    guard(hidden_by_its_page, FOUNDER, Action.MERGE_CONTACTS, hide=True)
    assert not hidden_by_its_page.isVisible()


def test_fields_are_read_only_with_the_reason_then_editable_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

    territory, followers, kind, link = QLineEdit("Lyon"), QSpinBox(), QComboBox(), QLineEdit("https://exemple.fr")
    for widget in (territory, followers, kind, link):
        qtbot.addWidget(widget)
    followers.setToolTip("Abonnés sur Instagram")
    link.setReadOnly(True)  # read-only by its page, whoever acts
    fields = (territory, followers, kind, link)

    assert not guard_fields(fields, VOLUNTEER, Action.MANAGE_AMBASSADORS)
    assert territory.isReadOnly() and followers.isReadOnly() and not kind.isEnabled()
    assert territory.isEnabled()  # still readable and copyable
    assert followers.toolTip() == "Votre profil (Bénévole) ne permet pas de gérer les ambassadeurs."
    qtbot.keyClicks(territory, " 7e")
    assert territory.text() == "Lyon"

    assert guard_fields(fields, FOUNDER, Action.MANAGE_AMBASSADORS)
    assert not territory.isReadOnly() and not followers.isReadOnly() and kind.isEnabled()
    assert followers.toolTip() == "Abonnés sur Instagram"
    assert link.isReadOnly()
