"""RGPD on the contact sheet: consents added and withdrawn, "export everything" as a readable PDF
or as JSON (the file dialog's choice), and an erasure only after typing the person's name."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from communitydesk.db.database import Database
from communitydesk.formatting import local_today
from communitydesk.services import contact_search, gdpr, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.consents_view import ConsentsModel


def open_sheet(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    sheet = page.open_contact(page.model.contact_id(0))
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)
    return page, sheet


def test_consents_are_added_and_withdrawn_on_the_sheet(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Agnès", last_name="Besnard"))
    _page, sheet = open_sheet(qtbot, make_window, db_path)
    panel = sheet.consents_panel
    assert panel is not None
    assert sheet.tabs.tabText(2) == "Consentements (RGPD)"
    panel.purpose.setText("Lettre d'information")
    panel.wording.setText("J'accepte de recevoir la lettre d'information mensuelle.")
    panel.source.setText("Feuille d'émargement du forum")
    with qtbot.waitSignal(panel.model.modelReset, timeout=10000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not sheet.busy)
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 4)) == "en cours"
    assert panel.purpose.text() == ""
    recorded = gdpr.list_consents(db, actor, contact.id)
    assert [(c.purpose, c.source, c.recorded_by) for c in recorded] == [
        ("Lettre d'information", "Feuille d'émargement du forum", actor.name)
    ]

    # A consent without its exact wording is refused, with the service's French message.
    panel.purpose.setText("Photos")
    panel.add_button.click()
    qtbot.waitUntil(lambda: not sheet.busy)
    assert len(gdpr.list_consents(db, actor, contact.id)) == 1

    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    panel.view.selectionModel().setCurrentIndex(panel.model.index(0, 0), flags)
    assert panel.withdraw_button.isEnabled()
    with qtbot.waitSignal(panel.model.modelReset, timeout=10000):
        panel.withdraw_button.click()
    qtbot.waitUntil(lambda: not sheet.busy)
    assert panel.model.data(panel.model.index(0, 4)) == f"retiré le {local_today():%d/%m/%Y}"
    assert gdpr.list_consents(db, actor, contact.id)[0].withdrawn_at is not None


def test_export_everything_about_the_person(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Benoît", last_name="Hébert", city="Laon"))
    touch_points.add_touch_point(db, actor, contact.id, "meeting", "Café au tiers-lieu")
    _page, sheet = open_sheet(qtbot, make_window, db_path)
    target = tmp_path / "benoit.json"
    task = sheet.export_person(target)
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["contact"]["prénom"] == "Benoît"
    assert [p["résumé"] for p in data["échanges"]] == ["Café au tiers-lieu"]
    assert str(target) in sheet.message.text()


def test_the_dialog_offers_pdf_first_then_json(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    create_contact(db, actor, ContactInput(first_name="Benoît", last_name="Hébert", city="Laon"))
    _page, sheet = open_sheet(qtbot, make_window, db_path)
    asked: list[tuple[str, str, str]] = []
    answer: list[tuple[str, str]] = []

    def choose(_parent, _caption, suggested, filters, selected="", *args):  # type: ignore[no-untyped-def]
        asked.append((suggested, filters, selected))
        return answer.pop()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    answer.append((str(tmp_path / "benoit"), "PDF lisible (*.pdf)"))  # no extension typed: the filter's
    sheet.choose_person_export()
    qtbot.waitUntil(lambda: not sheet.last_task.running, timeout=20000)
    suggested, filters, selected = asked[-1]
    assert suggested.endswith("Benoît Hébert - données personnelles.pdf")
    assert filters == "PDF lisible (*.pdf);;JSON (*.json)" and selected == "PDF lisible (*.pdf)"
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "benoit.pdf").pages)
    assert "Vos données personnelles" in text and "Laon" in text
    assert str(tmp_path / "benoit.pdf") in sheet.message.text()

    answer.append((str(tmp_path / "benoit"), "JSON (*.json)"))
    sheet.choose_person_export()
    qtbot.waitUntil(lambda: not sheet.last_task.running, timeout=20000)
    assert json.loads((tmp_path / "benoit.json").read_text(encoding="utf-8"))["contact"]["ville"] == "Laon"


def test_erasure_needs_the_name_typed_and_anonymises(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Cécile", last_name="Faure", email="cecile@exemple.fr"))
    page, sheet = open_sheet(qtbot, make_window, db_path)
    dialog = sheet.ask_erase()
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.confirm.setText("Cécile")
    assert not ok.isEnabled()
    dialog.confirm.setText("Cécile Faure")
    assert ok.isEnabled()
    with qtbot.waitSignal(sheet.changed, timeout=10000):
        ok.click()
    erased = get_contact(db, actor, contact.id)
    assert erased.anonymised_at is not None and erased.data.email == ""
    assert sheet.title.text() == "Contact effacé"
    assert not sheet.save_button.isEnabled() and not sheet.erase_button.isEnabled()
    assert "effacé (RGPD)" in sheet.message.text()
    assert contact_search.count(db, actor) == 0
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=10000)


def test_qtmodeltester_on_consents(qtmodeltester, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    contact = create_contact(db, actor, ContactInput(first_name="Loïc", last_name="Brunet"))
    gdpr.add_consent(db, actor, contact.id, "Photos", "J'accepte d'apparaître sur les photos.", "Formulaire")
    consent = gdpr.add_consent(db, actor, contact.id, "Lettre", "J'accepte la lettre.")
    gdpr.withdraw_consent(db, actor, consent.id)
    model = ConsentsModel()
    model.set_consents(gdpr.list_consents(db, actor, contact.id))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
