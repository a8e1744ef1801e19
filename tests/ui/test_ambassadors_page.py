"""The Ambassadeurs page driven like a user: enrol, move along the funnel, missions and levels,
rewards and their warning, the charter and who must sign it again, the signature and the brief."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from communitydesk import formatting
from communitydesk.records.ambassadors import MissionDraft
from communitydesk.services import ambassador_charters, ambassadors, missions
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui import tasks
from communitydesk.ui.ambassadors.dialogs import EnrolDialog, RewardDialog
from communitydesk.ui.ambassadors.funnel_board import CARD_ROLE, mime_for
from communitydesk.ui.ambassadors.page import AmbassadorsPage
from communitydesk.ui.main_window import MainWindow

WAIT = 30_000


@pytest.fixture
def window(make_window, db_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(db_path)
    return window


@pytest.fixture
def clipboard() -> Iterator[QClipboard]:
    """The application's clipboard, emptied after the test: the offscreen platform's clipboard
    crashes at the process's exit while it holds mime data (a real display's does not)."""
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)


def open_page(qtbot: QtBot, window: MainWindow) -> AmbassadorsPage:
    page = window.show_page("ambassadors")
    assert isinstance(page, AmbassadorsPage)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT)
    settle(qtbot)
    return page


def wait_data(qtbot: QtBot, page: AmbassadorsPage, check) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.data is not None and check(page.data), timeout=WAIT)
    settle(qtbot)


def enrol(window: MainWindow, first: str, last: str, kind: str = "passionne", days_ago: int = 0) -> int:
    db = window.database.database()
    contact = create_contact(db, SYSTEM, ContactInput(first_name=first, last_name=last))
    since = formatting.local_today() - timedelta(days=days_ago)
    return ambassadors.enrol(db, SYSTEM, contact.id, kind, enrolled_on=since)


def set_referral_address(window: MainWindow) -> None:
    from communitydesk.services import settings

    db = window.database.database()
    values = settings.read_database_settings(db, SYSTEM)
    values.referral_base_url = "https://fournil.example/rejoindre?code={code}"
    settings.save_database_settings(db, SYSTEM, values)


def column_names(page: AmbassadorsPage, stage: str) -> list[str]:
    column = page.board.columns[stage]
    return [column.item(row).data(CARD_ROLE).name for row in range(column.count())]


def error_boxes() -> list[QMessageBox]:
    return [
        box
        for box in QApplication.topLevelWidgets()
        if isinstance(box, QMessageBox) and box.objectName() == "errorMessage" and box.isVisible()
    ]


def test_the_page_replaces_the_coming_soon_one(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    assert page.objectName() == "page_ambassadors"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Parcours",
        "Ambassadeurs",
        "Missions",
        "Niveaux et classement",
        "Charte",
    ]
    assert page.new_button.isEnabled()
    assert all(column.count() == 0 for column in page.board.columns.values())
    assert not page.panel.body.isVisibleTo(page.panel)  # nobody chosen: the hint, no empty form


def test_a_candidate_moves_through_the_funnel_by_drops(qtbot: QtBot, window: MainWindow) -> None:
    inès = enrol(window, "Inès", "Vidal")
    enrol(window, "Paul", "Bernard")
    page = open_page(qtbot, window)
    assert column_names(page, "candidat") == ["Inès Vidal", "Paul Bernard"]  # by name
    assert page.board.titles["candidat"].text() == "Candidat (2)"

    # What a drop of Inès's card on « sélectionné » does with the dragged MIME data.
    assert page.board.columns["selectionne"].accept_mime(mime_for(inès))
    wait_data(qtbot, page, lambda data: column_names(page, "selectionne") == ["Inès Vidal"])
    assert not page.board.columns["selectionne"].accept_mime(mime_for(inès))  # dropped where it is: nothing
    # Half of those who applied were selected.
    assert page.board.rates["selectionne"].text().endswith("50\u00a0%")

    # A jump the funnel refuses: the service's sentence is shown, the card stays.
    page.board.columns["actif"].accept_mime(mime_for(inès))
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=WAIT)
    box = error_boxes()[0]
    assert "ne peut pas passer de l'étape « sélectionné » à l'étape « actif »" in box.text()
    box.close()
    assert column_names(page, "selectionne") == ["Inès Vidal"]

    for stage in ("accueilli", "actif"):
        assert page.board.columns[stage].accept_mime(mime_for(inès))
        wait_data(qtbot, page, lambda data, stage=stage: column_names(page, stage) == ["Inès Vidal"])
    assert page.summary.text().startswith("1 actif sur 2")
    record = ambassadors.ambassador(window.database.database(), SYSTEM, inès)
    assert [change.to_stage for change in record.stage_changes] == ["candidat", "selectionne", "accueilli", "actif"]
    page.open_ambassador(inès)
    qtbot.waitUntil(lambda: page.panel.record is not None, timeout=WAIT)
    assert page.panel.history_label.text().count(" → ") == 3  # each stage with its day
    assert page.panel.history_label.text().startswith("candidat le ")


def test_the_idle_welcomed_reminder(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    lucie = enrol(window, "Lucie", "Moreau", days_ago=70)
    long_ago = formatting.local_today() - timedelta(days=60)
    ambassadors.move_stage(db, SYSTEM, lucie, "selectionne", changed_on=long_ago)
    ambassadors.move_stage(db, SYSTEM, lucie, "accueilli", changed_on=long_ago)
    page = open_page(qtbot, window)
    assert page.board.reminder.isVisibleTo(page)
    assert "Lucie Moreau" in page.board.reminder.text()


def test_enrol_a_contact_found_by_name(qtbot: QtBot, window: MainWindow) -> None:
    create_contact(window.database.database(), SYSTEM, ContactInput(first_name="Jeanne", last_name="Martin"))
    enrol(window, "Jean", "Dupont")  # already a member: not offered again
    page = open_page(qtbot, window)
    dialog = page.new_ambassador()
    assert isinstance(dialog, EnrolDialog)
    dialog.accept()  # nobody chosen yet: said in the dialog
    assert "choisissez un contact" in dialog.error_label.text()
    dialog.search_edit.setText("jean")
    dialog.search_contacts()
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=WAIT)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("expert"))
    dialog.accept()
    wait_data(qtbot, page, lambda data: [row.name for row in data.rows] == ["Jean Dupont", "Jeanne Martin"])
    assert column_names(page, "candidat") == ["Jean Dupont", "Jeanne Martin"]
    qtbot.waitUntil(lambda: page.panel.record is not None, timeout=WAIT)
    assert page.panel.record is not None and page.panel.record.type == "expert"
    assert page.data is not None and page.panel.code_label.text() == page.data.rows[1].referral_code
    assert page.tabs.currentWidget() is page.splitter


def test_validating_a_mission_raises_the_level(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    marc = enrol(window, "Marc", "Petit", days_ago=90)
    welcomed = formatting.local_today() - timedelta(days=80)
    ambassadors.move_stage(db, SYSTEM, marc, "selectionne", changed_on=welcomed)
    ambassadors.move_stage(db, SYSTEM, marc, "accueilli", changed_on=welcomed)
    mission_id = missions.create_mission(
        db, SYSTEM, MissionDraft(title="Photos du marché", kind="reportage_photo", points=15, ambassador_id=marc)
    )
    missions.complete_mission(db, SYSTEM, mission_id, proof_link="https://exemple.fr/album")
    page = open_page(qtbot, window)
    standing = {s.name: s for s in page.data.standings} if page.data else {}
    assert standing["Marc Petit"].level_name == "Débutant"

    page.tabs.setCurrentWidget(page.missions)
    assert page.missions.select(mission_id)
    assert page.missions.validate_button.isEnabled()
    page.missions.validate_button.click()
    wait_data(
        qtbot,
        page,
        lambda data: {s.name: s.level_name for s in data.standings}.get("Marc Petit") == "Habitué",
    )
    assert page.data is not None
    assert page.data.missions[0].status == "validee"
    assert [s.points for s in page.data.standings] == [15]
    assert page.table.model.records[0].row.level_name == "Habitué"
    assert page.missions.select(mission_id) and not page.missions.validate_button.isEnabled()

    # The rules editor: asking two validated missions for « Habitué » would send Marc back.
    page.levels.spin(1, 1).setValue(2)
    page.levels.preview_button.click()
    qtbot.waitUntil(lambda: page.levels.moves.count() == 1, timeout=WAIT)
    assert page.levels.moves.item(0).text() == "Marc Petit : Habitué → Débutant"
    assert "1 ambassadeur changerait de niveau" in page.levels.moves_label.text()
    page.levels.save_button.click()
    wait_data(
        qtbot,
        page,
        lambda data: {s.name: s.level_name for s in data.standings}.get("Marc Petit") == "Débutant",
    )
    assert [level.min_validated_missions for level in page.data.levels if level.slug == "habitue"] == [2]
    assert page.levels.spin(1, 1).value() == 2


def test_money_given_to_a_volunteer_is_warned_about(qtbot: QtBot, window: MainWindow) -> None:
    sami = enrol(window, "Sami", "Haddad")
    page = open_page(qtbot, window)
    page.open_ambassador(sami)
    qtbot.waitUntil(lambda: page.panel.record is not None, timeout=WAIT)
    assert not page.panel.warnings_label.isVisibleTo(page.panel)
    page.panel.reward_button.click()
    dialog = next(d for d in page.findChildren(RewardDialog) if d.isVisible())
    assert not dialog.money_note.isVisibleTo(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("argent"))
    assert dialog.money_note.isVisibleTo(dialog)
    dialog.description_edit.setText("Défraiement forfaitaire")
    dialog.value_edit.setText("50")
    dialog.accept()
    qtbot.waitUntil(
        lambda: page.panel.record is not None and "travail dissimulé" in page.panel.warnings_label.text(),
        timeout=WAIT,
    )
    assert page.panel.warnings_label.isVisibleTo(page.panel)
    assert "50,00" in page.panel.rewards_list.item(0).text()


def test_a_new_charter_version_lists_who_must_sign_again(qtbot: QtBot, window: MainWindow) -> None:
    db = window.database.database()
    nina = enrol(window, "Nina", "Roux")
    for stage in ("selectionne", "accueilli"):
        ambassadors.move_stage(db, SYSTEM, nina, stage)
    first = ambassador_charters.charters(db, SYSTEM)
    assert first, "a base starts with the default charter"
    ambassador_charters.sign_charter(db, SYSTEM, nina, first[-1].id)
    page = open_page(qtbot, window)
    page.tabs.setCurrentWidget(page.charter)
    assert page.charter.must_sign_names() == []
    assert "s'engage" in page.charter.text.toPlainText()

    page.charter.publish_button.click()
    from communitydesk.ui.ambassadors.dialogs import CharterVersionDialog

    dialog = next(d for d in page.findChildren(CharterVersionDialog) if d.isVisible())
    assert dialog.ambassador_edit.toPlainText()  # starts from the current version
    dialog.ambassador_edit.appendPlainText("Signaler toute publication rémunérée.")
    dialog.accept()
    wait_data(qtbot, page, lambda data: len(data.charters) == len(first) + 1)
    assert page.charter.must_sign_names() == ["Nina Roux"]
    assert "Signaler toute publication rémunérée." in page.charter.text.toPlainText()


def test_copy_the_signature_and_the_fifteen_day_brief(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, clipboard: QClipboard
) -> None:
    sami = enrol(window, "Sami", "Haddad")
    page = open_page(qtbot, window)
    page.open_ambassador(sami)
    qtbot.waitUntil(lambda: page.panel.record is not None, timeout=WAIT)
    # No referral address yet: no link to sign with, and the sheet says where to set it.
    assert not page.panel.signature_button.isEnabled()
    assert "Paramètres" in page.panel.url_hint.text()
    set_referral_address(window)
    page.open_ambassador(sami)
    qtbot.waitUntil(lambda: page.panel.signature_button.isEnabled(), timeout=WAIT)
    code = page.panel.code_label.text()
    assert page.panel.url_edit.text() == f"https://fournil.example/rejoindre?code={code}"
    page.panel.signature_button.click()
    qtbot.waitUntil(lambda: clipboard.mimeData() is not None and clipboard.mimeData().hasHtml(), timeout=WAIT)
    mime = clipboard.mimeData()
    assert "Sami Haddad" in mime.text() and "Sami Haddad" in mime.html()
    assert "<" not in mime.text()  # the text version is plain

    dialog = page.open_brief()
    assert dialog is not None
    qtbot.waitUntil(dialog.copy_button.isEnabled, timeout=WAIT)
    dialog.copy()
    assert clipboard.mimeData().text() == dialog.text and dialog.text
    target = tmp_path / "brief.txt"
    dialog.save(target)
    qtbot.waitUntil(lambda: "brief.txt" in dialog.saved_label.text(), timeout=WAIT)
    assert target.read_text(encoding="utf-8") == dialog.text
    assert code  # the sheet showed the referral code the signature links to


def test_the_kit_pdf_of_one_ambassador(qtbot: QtBot, window: MainWindow) -> None:
    from pypdf import PdfReader

    from communitydesk.ui.documents.page import DocumentsPage

    enrol(window, "Paul", "Bernard")
    lina = enrol(window, "Lina", "Garnier")
    set_referral_address(window)
    page = open_page(qtbot, window)
    page.open_ambassador(lina)
    qtbot.waitUntil(lambda: page.panel.record is not None, timeout=WAIT)
    code = page.panel.code_label.text()
    with qtbot.waitSignal(page.panel.kit_requested, timeout=WAIT):
        page.panel.kit_button.click()
    documents = window.pages.get("documents")
    assert isinstance(documents, DocumentsPage) and window.current_page_key() == "documents"
    qtbot.waitUntil(lambda: documents.last_result is not None, timeout=WAIT)
    assert documents.current_kind == "ambassador-kit"
    assert documents.ambassador.currentText() == "Lina Garnier"
    text = " ".join(p.extract_text() for p in PdfReader(documents.last_result.path).pages)
    assert "Lina Garnier" in text and code in text and "Paul Bernard" not in text


def test_edit_the_roles_then_the_profile(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.ui.ambassadors.roles_dialog import RolesDialog

    eva = enrol(window, "Eva", "Colin")
    page = open_page(qtbot, window)
    dialog = page.edit_roles()
    assert isinstance(dialog, RolesDialog)
    assert [role.name for role in dialog.roles()] == ["dénicheur", "reporter", "berger", "paparazzi"]
    row = dialog.add_role("", "", None)
    dialog.accept()  # an unnamed role: refused, said in the dialog
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT)
    assert "besoin d'un nom" in dialog.error_label.text()
    name_item = dialog.table.item(row, 0)
    assert name_item is not None
    name_item.setText("traductrice")
    dialog.accept()
    wait_data(qtbot, page, lambda data: [role.name for role in data.roles][-1:] == ["traductrice"])
    assert not dialog.isVisible()

    page.open_ambassador(eva)
    qtbot.waitUntil(lambda: page.panel.record is not None and page.panel.roles_list.count() == 5, timeout=WAIT)
    page.panel.roles_list.item(4).setCheckState(Qt.CheckState.Checked)
    page.panel.territory_edit.setText("Lyon 7e")
    page.panel.audience_spins["instagram"].setValue(1200)
    page.panel.save_button.click()
    qtbot.waitUntil(lambda: page.panel.record is not None and page.panel.record.territory == "Lyon 7e", timeout=WAIT)
    record = page.panel.record
    assert [role.name for role in record.roles] == ["traductrice"]
    assert record.audiences == (("instagram", 1200),)
    # The list is read again on its own (the sheet's answer may come first).
    qtbot.waitUntil(lambda: page.table.model.records[0].row.territory == "Lyon 7e", timeout=WAIT)

    sheet = page.open_contact(eva)  # « Fiche contact »
    assert sheet is not None and sheet.contact_id == record.contact_id
    assert window.current_page_key() == "contacts"


def test_without_the_validation_right_missions_cannot_be_judged(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.services.permissions import Action, Actor, Role

    db = window.database.database()
    ana = enrol(window, "Ana", "Lopes")
    mission_id = missions.create_mission(db, SYSTEM, MissionDraft(title="Témoignage", points=5, ambassador_id=ana))
    missions.complete_mission(db, SYSTEM, mission_id, proof_link="https://exemple.fr/t")
    window.database.actor = Actor(
        name="Malik", role=Role.VOLUNTEER, rights=frozenset(Action) - {Action.VALIDATE_MISSIONS}
    )
    page = open_page(qtbot, window)
    assert page.missions.select(mission_id)
    assert not page.missions.validate_button.isEnabled() and not page.missions.refuse_button.isEnabled()
    assert page.missions.validate_button.toolTip() == "Votre profil (Bénévole) ne permet pas de valider les missions."
    # The service refuses too: the sentence is shown, the mission stays handed in.
    page.judge_mission(page.missions.shown()[0], True)
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=WAIT)
    assert "Malik" in error_boxes()[0].text()
    error_boxes()[0].close()
    assert missions.mission(db, SYSTEM, mission_id).status == "realisee"


def test_a_volunteer_sees_the_programme_but_may_not_run_it(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.services.permissions import Actor, Role, default_rights

    db = window.database.database()
    ana = enrol(window, "Ana", "Lopes")
    mission_id = missions.create_mission(db, SYSTEM, MissionDraft(title="Témoignage", points=5, ambassador_id=ana))
    missions.complete_mission(db, SYSTEM, mission_id, proof_link="https://exemple.fr/t")
    window.database.actor = Actor(name="Malik", role=Role.VOLUNTEER, rights=default_rights(Role.VOLUNTEER))
    page = open_page(qtbot, window)
    manage = "Votre profil (Bénévole) ne permet pas de gérer les ambassadeurs."
    assert page.missions.select(mission_id)
    assert not page.missions.validate_button.isEnabled() and not page.missions.refuse_button.isEnabled()
    assert page.missions.validate_button.toolTip() == "Votre profil (Bénévole) ne permet pas de valider les missions."
    for button in (
        page.new_button,
        page.roles_button,
        page.missions.new_button,
        page.missions.edit_button,
        page.levels.save_button,
        page.charter.publish_button,
    ):
        assert not button.isEnabled() and button.toolTip() == manage
    assert page.levels.preview_button.isEnabled()  # a preview writes nothing
    assert page.edit_mission(None) is None  # a double-click on the list: no dialog
    assert window.statusBar().currentMessage() == manage

    page.open_ambassador(ana)
    qtbot.waitUntil(lambda: page.panel.record is not None, timeout=WAIT)
    assert not page.panel.save_button.isEnabled() and not page.panel.reward_button.isEnabled()
    assert not page.panel.kit_button.isEnabled()
    assert page.panel.kit_button.toolTip().endswith("d'exporter ou imprimer des données personnelles.")

    # A card dragged on the board: refused politely, the reason said, nothing moved.
    window.statusBar().clearMessage()
    assert page.board.columns["selectionne"].accept_mime(mime_for(ana))
    assert window.statusBar().currentMessage() == manage
    settle(qtbot)
    assert not error_boxes()
    assert ambassadors.ambassador(db, SYSTEM, ana).stage == "candidat"


def test_a_volunteer_cannot_type_in_the_sheet_nor_in_the_level_rules(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.services.permissions import Actor, Role, default_rights

    ana = enrol(window, "Ana", "Lopes")
    founder = window.database.actor
    window.database.actor = Actor(name="Malik", role=Role.VOLUNTEER, rights=default_rights(Role.VOLUNTEER))
    page = open_page(qtbot, window)
    page.open_ambassador(ana)
    qtbot.waitUntil(lambda: page.panel.record is not None, timeout=WAIT)
    manage = "Votre profil (Bénévole) ne permet pas de gérer les ambassadeurs."
    panel = page.panel
    for field in (panel.territory_edit, panel.skills_edit, panel.notes_edit, *panel.audience_spins.values()):
        assert field.isReadOnly() and field.toolTip() == manage
    for field in (panel.type_combo, panel.roles_list, page.levels.rules):
        assert not field.isEnabled() and field.toolTip() == manage
    qtbot.keyClicks(panel.territory_edit, "Lyon 7e")
    assert panel.territory_edit.text() == ""  # nothing typed that could not be saved

    window.database.actor = founder  # another profile: the page applies its rights again
    window.database.changed.emit()
    qtbot.waitUntil(lambda: not panel.territory_edit.isReadOnly(), timeout=WAIT)
    assert panel.type_combo.isEnabled() and panel.roles_list.isEnabled() and page.levels.rules.isEnabled()
    assert panel.audience_spins["instagram"].toolTip() == "Abonnés sur Instagram"


def test_the_brief_is_saved_only_with_the_export_right(qtbot: QtBot, window: MainWindow) -> None:
    from communitydesk.services.permissions import Actor, Role, default_rights

    window.database.actor = Actor(name="Malik", role=Role.VOLUNTEER, rights=default_rights(Role.VOLUNTEER))
    page = open_page(qtbot, window)
    dialog = page.open_brief()
    assert dialog is not None
    qtbot.waitUntil(dialog.copy_button.isEnabled, timeout=WAIT)  # reading and copying it is allowed
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == (
        "Votre profil (Bénévole) ne permet pas d'exporter calendriers, plans et rapports."
    )
    dialog.reject()
