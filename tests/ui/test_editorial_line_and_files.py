"""The calendar's ligne éditoriale dialog, its regularity strip and its import / export actions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from communitydesk import formatting
from communitydesk.records.editorial import NetworkTarget, PublicationDraft
from communitydesk.rules.editorial_figures import monday
from communitydesk.services import editorial
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui import tasks
from communitydesk.ui.current_database import CurrentDatabase, DatabaseState
from communitydesk.ui.documents.page import DocumentsPage
from communitydesk.ui.editorial.page import EditorialPage
from communitydesk.ui.main_window import MainWindow
from communitydesk.ui.settings import UiSettings

WAIT = 30_000


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    database = CurrentDatabase(actor=SYSTEM)
    main = MainWindow(settings, database)
    qtbot.addWidget(main)
    database.attach(main)
    database.open(db_path)
    qtbot.waitUntil(lambda: database.state is DatabaseState.READY, timeout=WAIT)
    yield main
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)
    tasks.cancel_all_and_wait()
    database.close()


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)


def open_page(qtbot: QtBot, window: MainWindow) -> EditorialPage:
    page = window.show_page("editorial")
    assert isinstance(page, EditorialPage)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT)
    settle(qtbot)
    return page


def test_pillars_networks_and_followers_from_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    dialog = page.edit_line()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.line is not None, timeout=WAIT)
    assert dialog.pillar_table.rowCount() == 0

    dialog.add_pillar("Coulisses")
    qtbot.waitUntil(lambda: dialog.pillar_table.rowCount() == 1, timeout=WAIT)
    dialog.add_pillar("coulisses")  # the same name, another case: the service's sentence, nothing added
    qtbot.waitUntil(lambda: "s'appelle déjà" in dialog.message.text(), timeout=WAIT)
    assert dialog.pillar_table.rowCount() == 1

    dialog.pillar_table.selectRow(0)
    dialog.choose_colour("#c44e52")
    qtbot.waitUntil(lambda: dialog.pillar_table.item(0, 1).text() == "#c44e52", timeout=WAIT)
    # The page offers the new pillar in its filter once the change signal has reloaded it.
    qtbot.waitUntil(lambda: page.filters.pillar_combo.findText("Coulisses") > 0, timeout=WAIT)

    dialog.pillar_table.selectRow(0)
    dialog.toggle_archive()
    qtbot.waitUntil(lambda: dialog.pillar_table.rowCount() == 0, timeout=WAIT)
    dialog.show_archived.setChecked(True)
    assert dialog.pillar_table.rowCount() == 1 and "archivé" in dialog.pillar_table.item(0, 0).text()

    dialog.tone_edit.setPlainText("Chaleureux et concret")
    dialog.circle_checks["communaute"].setChecked(True)
    active, count, weeks, _url = dialog.network_widgets["newsletter"]
    active.setChecked(True)
    count.setValue(1)
    weeks.setValue(2)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.text() == "Ligne éditoriale enregistrée.", timeout=WAIT)
    settle(qtbot)
    line = editorial.editorial_line(window.database.database(), SYSTEM)
    assert line.tone == "Chaleureux et concret" and line.target_circles == ("communaute",)
    assert line.network("newsletter") == NetworkTarget("newsletter", True, 1, 2, "")

    dialog.follower_network.setCurrentIndex(dialog.follower_network.findData("instagram"))
    dialog.follower_count.setValue(1250)
    dialog.save_followers()
    qtbot.waitUntil(lambda: dialog.message.text() == "Nombre d'abonnés enregistré.", timeout=WAIT)
    counts = editorial.follower_counts(window.database.database(), SYSTEM, "instagram")
    assert [(c.measured_on, c.followers) for c in counts] == [(formatting.local_today(), 1250)]
    dialog.reject()


def test_the_strip_counts_this_week_against_the_target(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    assert page.regularity.isHidden()  # no target yet: nothing to measure
    database = window.database.database()
    editorial.save_network_target(database, SYSTEM, NetworkTarget("linkedin", True, 2, 1))
    today = formatting.local_today()
    editorial.create_publication(
        database, SYSTEM, PublicationDraft(title="Un post", networks=("linkedin",), planned_on=today)
    )
    page.refresh()
    qtbot.waitUntil(lambda: not page.regularity.isHidden(), timeout=WAIT)
    settle(qtbot)
    text = page.regularity.text()
    assert "LinkedIn" in text and "1 sur 2" in text
    next_week = monday(today) + timedelta(weeks=1)
    assert f"aucune publication LinkedIn la semaine du {formatting.day(next_week, 'd MMMM')}" in text


def test_export_the_period_as_ics_and_the_plan_as_csv(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    database = window.database.database()
    today = formatting.local_today()
    editorial.create_publication(
        database, SYSTEM, PublicationDraft(title="Marché de Noël", networks=("facebook",), planned_on=today)
    )
    editorial.create_publication(database, SYSTEM, PublicationDraft(title="Idée sans date"))
    assert page.export_button.isEnabled() and page.import_button.isEnabled()

    ics = tmp_path / "plan.ics"
    task = page.export_calendar(whole=False, target=ics)
    assert task is not None
    qtbot.waitUntil(lambda: task.state == "succeeded", timeout=WAIT)
    events = [c for c in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert [str(event["SUMMARY"]) for event in events] == ["[Facebook] Marché de Noël"]
    assert "écrite(s)" in window.statusBar().currentMessage()

    csv = tmp_path / "plan.csv"
    task = page.export_plan(target=csv)
    assert task is not None
    qtbot.waitUntil(lambda: task.state == "succeeded", timeout=WAIT)
    text = csv.read_text(encoding="utf-8-sig")
    assert "Marché de Noël" in text and "Idée sans date" in text


def test_import_opens_the_wizard_and_report_opens_documents(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    wizard = page.import_publications()
    assert wizard is not None and wizard.isVisible()
    wizard.reject()
    documents = page.open_report()
    assert window.current_page_key() == "documents"
    assert isinstance(documents, DocumentsPage) and documents.current_kind == "editorial-report"
