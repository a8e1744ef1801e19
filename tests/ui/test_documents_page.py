"""Documents PDF page: generate off the UI thread, preview the pages, save, print, edit charters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from communitydesk.rules.editorial_figures import default_period
from communitydesk.rules.periods import Period
from communitydesk.ui.documents.charter_editor import CharterEditorDialog
from communitydesk.ui.documents.page import DocumentsPage, pydate
from communitydesk.ui.documents.preview import print_pages

TIMEOUT = 60000


def open_page(qtbot, make_window, path: Path) -> DocumentsPage:  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("documents")
    assert isinstance(page, DocumentsPage)
    qtbot.waitUntil(lambda: page.choices_task is not None and not page.choices_task.running, timeout=TIMEOUT)
    return page


def generate(qtbot, page: DocumentsPage):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
        assert not page.generate_button.isEnabled()  # one generation at a time
    return blocker.args[0]


def test_generate_a_contact_list_and_preview_its_pages(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    assert page.preview.page_count == 0 and not page.preview.save_button.isEnabled()
    page.select_kind("contact-list")
    assert page.columns_group.isVisibleTo(page) and not page.charter_group.isVisibleTo(page)
    assert page.tag.count() > 1  # the demo's tags were read from the database
    result = generate(qtbot, page)
    assert result.pages >= 2
    assert page.preview.page_count == result.pages
    assert page.preview.document.status() == QPdfDocument.Status.Ready
    assert page.preview.view.document() is page.preview.document
    assert f"{result.pages} pages" in page.preview.info.text()
    assert page.preview.save_button.isEnabled() and page.preview.print_button.isEnabled()
    assert page.generate_button.isEnabled() and not page.progress.isVisible()
    assert "Document prêt" in page.status.text()
    # What is previewed is the contact list: the demo's people, landscape.
    text = PdfReader(result.path).pages[0].extract_text()
    assert "Liste de contacts" in text and "Code postal" in text


def test_filters_and_columns_reach_the_document(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    page.select_kind("contact-list")
    page.circle.setCurrentIndex(page.circle.findData("proches"))
    for row in range(page.columns.count()):
        item = page.columns.item(row)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("last_name", "email")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    result = generate(qtbot, page)
    text = " ".join(PdfReader(result.path).pages[0].extract_text().split())
    assert "Cercle : Proches" in text and "Nom E-mail" in text and "Téléphone" not in text


def test_charter_and_report(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    page.select_kind("charter")
    page.template.setCurrentIndex(page.template.findData("collaborator"))
    page.member_name.setText("Łukasz Ødegaard")
    result = generate(qtbot, page)
    text = " ".join(PdfReader(result.path).pages[0].extract_text().split())
    assert "Charte d’expression des collaborateurs" in text and "Łukasz Ødegaard" in text

    page.select_kind("community-report")
    assert page.period_group.isVisibleTo(page)
    result = generate(qtbot, page)
    assert result.pages >= 2 and page.preview.page_count == result.pages


def test_an_inverted_period_is_refused_before_starting(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    page.select_kind("community-report")
    page.date_from.setDate(QDate(2026, 6, 1))
    page.date_to.setDate(QDate(2026, 1, 1))
    assert page.generate() is None
    boxes = [b for b in page.window().findChildren(QMessageBox) if b.objectName() == "errorMessage"]
    assert boxes and "La période est inversée" in boxes[-1].text()
    assert page.task is None and page.generate_button.isEnabled()


def test_save_print_and_open_externally(
    qtbot, make_window, populated_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    page.select_kind("directory")
    result = generate(qtbot, page)
    target = tmp_path / "annuaire"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF"))
    saved = page.preview.save_as()
    assert saved == tmp_path / "annuaire.pdf"
    assert saved.read_bytes() == Path(result.path).read_bytes()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "imprime.pdf"))
    assert print_pages(page.preview.document, printer) == result.pages
    assert len(PdfReader(tmp_path / "imprime.pdf").pages) == result.pages

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert page.preview.open_externally()
    assert opened and Path(opened[0].toLocalFile()) == Path(result.path)


def test_cancel_stops_the_generation(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    page.select_kind("contact-list")
    task = page.generate()
    assert task is not None
    page.cancel()
    qtbot.waitUntil(lambda: page.task is None, timeout=TIMEOUT)
    # Either it was stopped in time, or it had already finished: never left half-way.
    assert task.state in ("cancelled", "succeeded")
    if task.state == "cancelled":
        assert "annulée" in page.status.text()
    assert page.generate_button.isEnabled()


def test_charter_template_editor(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    dialog = page.open_template_editor()
    assert isinstance(dialog, CharterEditorDialog)
    qtbot.waitUntil(lambda: dialog.task is None and bool(dialog.editor.toPlainText()), timeout=TIMEOUT)
    assert dialog.editor.toPlainText().startswith("# Charte des ambassadeurs")
    assert "fourni" in dialog.origin.text() and not dialog.reset_button.isEnabled()

    dialog.editor.setPlainText("Sans titre\n1. rien")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT)
    assert "Ligne 1" in dialog.message.text()

    text = (
        "# Charte des jardiniers\nVersion : 2\n\n"
        "## Le jardinier\n1. Arroser\n## {organisation}\n1. Fournir les graines\n"
    )
    dialog.editor.setPlainText(text)
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.show_preview()
    assert dialog.preview.page_count == 1
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save()
    assert "votre organisation" in dialog.origin.text() and dialog.reset_button.isEnabled()

    # The page now prints the organisation's template.
    page.select_kind("charter")
    result = generate(qtbot, page)
    assert "Charte des jardiniers" in PdfReader(result.path).pages[0].extract_text()

    dialog.reset()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=TIMEOUT)
    assert dialog.editor.toPlainText().startswith("# Charte des ambassadeurs")
    dialog.reject()


def test_editorial_report_with_its_own_default_period(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_window, populated_db)
    page.select_kind("editorial-report")
    assert page.period_group.isVisibleTo(page)
    assert Period(pydate(page.date_from.date()), pydate(page.date_to.date())) == default_period()
    # Back to the community report: its twelve months, as long as the user has not picked dates.
    page.select_kind("community-report")
    assert Period(pydate(page.date_from.date()), pydate(page.date_to.date())) == Period.default()

    page.date_from.setDate(QDate(2026, 1, 5))
    page.select_kind("editorial-report")
    assert pydate(page.date_from.date()) == date(2026, 1, 5)  # the user's choice is kept
    result = generate(qtbot, page)
    text = " ".join(PdfReader(result.path).pages[0].extract_text().split())
    assert "Rapport éditorial" in text and "Du 5 janvier 2026" in text


def test_event_kit_and_report_for_the_chosen_event(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.db.database import open_database
    from communitydesk.records.events import EventDraft
    from communitydesk.services import events
    from communitydesk.services.permissions import SYSTEM

    page = open_page(qtbot, make_window, populated_db)
    page.select_kind("event-kit")
    assert page.event_group.isVisibleTo(page) and not page.ambassador_group.isVisibleTo(page)
    # The demo's next event is chosen first: the kit is printed before an event.
    database = open_database(populated_db, create=False)
    try:
        listed = events.events(database, SYSTEM)
    finally:
        database.close()
    coming = [event for event in listed if event.starts_on >= date.today()]
    if coming:
        assert page.event_choice.currentData() == str(coming[0].id)
    # Written while the page is open (another window): asking for it reads the events again.
    database = open_database(populated_db, create=False)
    try:
        past = events.create_event(database, SYSTEM, EventDraft(name="Stand de printemps", starts_on=date(2020, 4, 4)))
        coming = date.today().replace(year=date.today().year + 1)
        event_id = events.create_event(database, SYSTEM, EventDraft(name="Apéro de rentrée", starts_on=coming))
    finally:
        database.close()
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        page.generate_for_event("event-kit", event_id)
    text = PdfReader(blocker.args[0].path).pages[0].extract_text()
    assert "Feuille d’émargement — Apéro de rentrée" in text
    assert page.event_choice.currentData() == str(event_id)
    page.select_kind("event-report")
    page.event_choice.setCurrentIndex(page.event_choice.findData(str(past)))
    result = generate(qtbot, page)
    assert "Stand de printemps" in PdfReader(result.path).pages[0].extract_text()
    assert page.event_choice.currentText().startswith("Stand de printemps — ")
