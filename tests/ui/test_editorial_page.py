"""The Calendrier éditorial driven like a user: create a post, drag it, approve it, publish it;
the ligne éditoriale dialog, the regularity strip, the import and export actions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from communitydesk import formatting
from communitydesk.records.editorial import NetworkTarget, PublicationDraft, PublicationRecord
from communitydesk.rules.contact_filter import ContactFilter
from communitydesk.rules.editorial_figures import monday
from communitydesk.services import editorial, segments
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui import tasks
from communitydesk.ui.documents.page import DocumentsPage
from communitydesk.ui.editorial.calendar_grid import month_days
from communitydesk.ui.editorial.page import EditorialPage
from communitydesk.ui.editorial.publication_dialog import PublicationDialog
from communitydesk.ui.editorial.publication_items import mime_for, publication_id_from_mime
from communitydesk.ui.main_window import MainWindow
from communitydesk.ui.settings import UiSettings

WAIT = 30_000


@pytest.fixture
def window(make_window, db_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The real window on an empty current base (tests/ui/conftest.py)."""
    window: MainWindow = make_window(db_path)
    return window


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)


def open_page(qtbot: QtBot, window: MainWindow) -> EditorialPage:
    page = window.show_page("editorial")
    assert isinstance(page, EditorialPage)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT)
    settle(qtbot)
    return page


def shown(page: EditorialPage) -> dict[str, PublicationRecord]:
    assert page.data is not None
    return {record.title: record for record in page.data.publications + page.data.ideas}


def wait_for(qtbot: QtBot, page: EditorialPage, check) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.data is not None and check(shown(page)), timeout=WAIT)
    settle(qtbot)


def a_day_this_month() -> date:
    today = formatting.local_today()
    return today.replace(day=10)


def test_the_page_replaces_the_coming_soon_one(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    assert page.objectName() == "page_editorial"
    assert page.view == "month"
    first, last = month_days(page.anchor)
    assert first.weekday() == 0 and last.weekday() == 6
    assert set(page.month_grid.cells) == {first + timedelta(days=n) for n in range((last - first).days + 1)}
    assert page.new_button.isEnabled()


def test_create_drag_approve_and_publish_a_post(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    page = open_page(qtbot, window)
    day = a_day_this_month()
    page.month_grid.select_day(day)
    dialog = page.new_publication()
    assert dialog is not None
    assert dialog.day_edit.day() == day  # « Nouvelle publication » plans on the chosen day
    dialog.title_edit.setText("Portes ouvertes du fournil")
    dialog.body_edit.setPlainText("Venez samedi !")
    dialog.network_checks["linkedin"].setChecked(True)
    dialog.network_checks["facebook"].setChecked(True)
    dialog.time_check.setChecked(True)
    dialog.accept()
    wait_for(qtbot, page, lambda posts: "Portes ouvertes du fournil" in posts)
    assert not dialog.isVisible()
    post = shown(page)["Portes ouvertes du fournil"]
    assert post.planned_on == day and post.planned_time == time(9, 0)
    assert post.networks == ("linkedin", "facebook") or set(post.networks) == {"linkedin", "facebook"}
    cell = page.month_grid.cells[day]
    assert [r.title for r in cell.publications.records()] == ["Portes ouvertes du fournil"]
    assert "[in fb]" in cell.publications.item(0).text() or "[fb in]" in cell.publications.item(0).text()

    # Dragged to the next day: what a drop on that day's list does with the dragged MIME data.
    target = day + timedelta(days=1)
    mime = mime_for(post.id)
    assert publication_id_from_mime(mime) == post.id
    assert page.month_grid.cells[target].publications.accept_mime(mime)
    wait_for(qtbot, page, lambda posts: posts["Portes ouvertes du fournil"].planned_on == target)
    assert shown(page)["Portes ouvertes du fournil"].planned_time == time(9, 0)  # the hour stays
    assert page.month_grid.cells[day].publications.count() == 0
    assert page.month_grid.cells[target].publications.count() == 1

    # Through the pipeline with the dialog's step buttons: à rédiger, à valider, approved, published.
    dialog = page.open_publication(shown(page)["Portes ouvertes du fournil"])
    assert dialog is not None
    assert set(dialog.step_buttons) == {"a_rediger", "abandonnee"}
    for step, status in (("a_rediger", "a_rediger"), ("a_valider", "a_valider"), ("prete", "prete")):
        button = dialog.step_buttons[step]
        button.click()
        qtbot.waitUntil(
            lambda status=status: dialog.record is not None and dialog.record.status == status, timeout=WAIT
        )
    assert dialog.status_label.text() == "prête"
    assert "Approuvée par" in dialog.approval_label.text()
    assert dialog.record is not None and dialog.record.approved_by == SYSTEM.name
    # The moves, who made them and when, read back from the status history.
    qtbot.waitUntil(lambda: "prête" in dialog.history_label.text(), timeout=WAIT)
    assert SYSTEM.name in dialog.history_label.text() and "à valider" in dialog.history_label.text()
    assert not dialog.results_table.isEnabled()  # results only once published
    assert dialog.step_buttons["publiee"].text() == "Marquer publiée"
    dialog.step_buttons["publiee"].click()
    qtbot.waitUntil(lambda: dialog.record is not None and dialog.record.status == "publiee", timeout=WAIT)
    assert dialog.results_table.isEnabled()
    dialog.result_spins[("linkedin", "views")].setValue(400)
    dialog.result_spins[("linkedin", "reactions")].setValue(12)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    wait_for(qtbot, page, lambda posts: posts["Portes ouvertes du fournil"].status == "publiee")
    stored = editorial.publication(window.database.database(), SYSTEM, post.id)
    linkedin = next(result for result in stored.results if result.network == "linkedin")
    assert (linkedin.views, linkedin.reactions) == (400, 12)
    assert stored.published_at is not None


def test_the_approval_button_is_named_after_the_step(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    database = window.database.database()
    post_id = editorial.create_publication(
        database, SYSTEM, PublicationDraft(title="Relire", status="a_valider", planned_on=a_day_this_month())
    )
    wait_for(qtbot, page, lambda posts: "Relire" in posts)
    dialog = page.open_publication(shown(page)["Relire"])
    assert dialog is not None
    labels = {key: button.text() for key, button in dialog.step_buttons.items()}
    assert labels == {"prete": "Approuver", "a_rediger": "Renvoyer en rédaction", "abandonnee": "Abandonner"}
    dialog.reject()
    assert editorial.publication(database, SYSTEM, post_id).status == "a_valider"


def test_an_idea_goes_from_the_backlog_to_a_day_and_back(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    dialog = page.new_publication()
    assert dialog is not None and dialog.day_edit.day() is None  # no day chosen: an idea
    dialog.title_edit.setText("Série portraits de bénévoles")
    dialog.accept()
    wait_for(qtbot, page, lambda posts: "Série portraits de bénévoles" in posts)
    assert [r.title for r in page.backlog.records()] == ["Série portraits de bénévoles"]
    idea = page.backlog.records()[0]

    day = a_day_this_month()
    assert page.month_grid.cells[day].publications.accept_mime(mime_for(idea.id))
    wait_for(qtbot, page, lambda posts: posts["Série portraits de bénévoles"].planned_on == day)
    assert page.backlog.count() == 0

    # Dropped where it already is: nothing to do.
    assert not page.month_grid.cells[day].publications.accept_mime(mime_for(idea.id))
    assert page.backlog.accept_mime(mime_for(idea.id))
    wait_for(qtbot, page, lambda posts: posts["Série portraits de bénévoles"].planned_on is None)
    assert [r.title for r in page.backlog.records()] == ["Série portraits de bénévoles"]


def test_month_week_and_list_keep_the_filters(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, ui_settings: UiSettings, make_window, db_path: Path, qtmodeltester
) -> None:
    page = open_page(qtbot, window)
    database = window.database.database()
    day = formatting.local_today()
    for title, network, author in (
        ("Atelier vélo", "instagram", "Léa"),
        ("Bilan annuel", "linkedin", "Marc"),
    ):
        editorial.create_publication(
            database, SYSTEM, PublicationDraft(title=title, networks=(network,), planned_on=day, author=author)
        )
    wait_for(qtbot, page, lambda posts: {"Atelier vélo", "Bilan annuel"} <= set(posts))

    page.filters.network_combo.setCurrentIndex(page.filters.network_combo.findData("instagram"))
    wait_for(qtbot, page, lambda posts: set(posts) == {"Atelier vélo"})
    assert [r.title for r in page.month_grid.cells[day].publications.records()] == ["Atelier vélo"]

    page.set_view("week")
    settle(qtbot)
    assert page.stack.currentWidget() is page.week_grid
    assert [r.title for r in page.week_grid.cells[day].publications.records()] == ["Atelier vélo"]
    assert page.filters.network_combo.currentData() == "instagram"

    page.set_view("list")
    settle(qtbot)
    assert page.stack.currentWidget() is page.table
    assert page.table.proxy.rowCount() == 1
    qtmodeltester.check(page.table.proxy)
    assert page.table.proxy.index(0, 2).data() == "Atelier vélo"

    page.filters.network_combo.setCurrentIndex(0)
    page.filters.author_combo.setCurrentIndex(page.filters.author_combo.findData("Marc"))
    wait_for(qtbot, page, lambda posts: set(posts) == {"Bilan annuel"})
    page.filters.text_edit.setText("atelier")  # words and author together: nothing
    wait_for(qtbot, page, lambda posts: not posts)

    # Remembered: the next page built on these settings shows the list with the same filters.
    page.closing()
    state = ui_settings.view_state("editorial")
    assert state["view"] == "list"
    assert state["filters"] == {"network": "", "status": "", "pillar": 0, "author": "Marc", "text": "atelier"}
    again = open_page(qtbot, make_window(db_path))
    assert again.view == "list" and again.stack.currentWidget() is again.table
    assert again.filters.author_combo.currentData() == "Marc" and again.filters.text_edit.text() == "atelier"
    assert again.data is not None and again.data.publications == []


def test_navigation_and_today(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    today = formatting.local_today()
    page.step(1)
    assert page.anchor.month == (today.month % 12) + 1
    page.step(-2)
    settle(qtbot)
    assert page.anchor.month == (today.month - 2) % 12 + 1
    page.go_today()
    settle(qtbot)
    assert page.anchor == today and page.month_grid.selected_day == today
    page.set_view("week")
    page.step(1)
    settle(qtbot)
    assert page.period()[0] == today - timedelta(days=today.weekday()) + timedelta(days=7)


def test_delete_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    editorial.create_publication(window.database.database(), SYSTEM, PublicationDraft(title="Doublon"))
    wait_for(qtbot, page, lambda posts: "Doublon" in posts)
    page.backlog.setCurrentRow(0)
    page.backlog.setFocus()
    box = page.delete_selected()
    assert box is not None and "Doublon" in box.text()
    box.accept()
    wait_for(qtbot, page, lambda posts: "Doublon" not in posts)


def test_sponsored_without_the_mention_warns(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    dialog = page.new_publication()
    assert dialog is not None
    assert dialog.mention_warning.isHidden()
    dialog.sponsored_check.setChecked(True)
    assert not dialog.mention_warning.isHidden()
    dialog.mention_check.setChecked(True)
    assert dialog.mention_warning.isHidden()
    dialog.reject()


def test_keys_page_down_page_up_and_t(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = open_page(qtbot, window)
    page.month_grid.setFocus()
    today = formatting.local_today()
    qtbot.keyClick(page.month_grid, Qt.Key.Key_PageDown)
    assert page.anchor.month == today.month % 12 + 1
    qtbot.keyClick(page.month_grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(page.month_grid, Qt.Key.Key_PageUp)
    assert page.anchor.month == (today.month - 2) % 12 + 1
    qtbot.keyClick(page.month_grid, Qt.Key.Key_T)
    assert page.anchor == today
    settle(qtbot)
    qtbot.keyClick(page.month_grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(PublicationDialog)
    assert dialog is not None and dialog.isVisible() and dialog.day_edit.day() == today
    dialog.reject()


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
    assert task.result.count == 1

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


def test_a_segment_as_audience_and_a_stale_save(qtbot: QtBot, window: MainWindow) -> None:
    database = window.database.database()
    segment = segments.save_segment(database, SYSTEM, "Bénévoles du quartier", ContactFilter())
    page = open_page(qtbot, window)
    dialog = page.new_publication()
    assert dialog is not None
    dialog.title_edit.setText("Merci aux bénévoles")
    dialog.circle_combo.setCurrentIndex(dialog.circle_combo.findText("Segment : Bénévoles du quartier"))
    dialog.accept()
    wait_for(qtbot, page, lambda posts: "Merci aux bénévoles" in posts)
    post = shown(page)["Merci aux bénévoles"]
    assert (post.target_segment_id, post.target_circle) == (segment.id, None)

    # Someone else saves it meanwhile: the house sentence, the dialog stays open with what was typed.
    dialog = page.open_publication(post)
    assert dialog is not None
    assert dialog.circle_combo.currentText() == "Segment : Bénévoles du quartier"
    editorial.update_publication(database, SYSTEM, post.id, replace(post.as_draft(), title="Merci !"))
    dialog.body_edit.setPlainText("Texte tapé entre-temps")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT)
    assert dialog.isVisible()
    assert "modifiée par ailleurs" in dialog.error_label.text()
    assert dialog.body_edit.toPlainText() == "Texte tapé entre-temps"
    dialog.reject()


def test_double_click_on_a_days_free_space_plans_a_post_there(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    day = a_day_this_month()
    days_list = page.month_grid.cells[day].publications
    free = days_list.viewport().rect().bottomLeft() + QPoint(5, -5)
    qtbot.mouseDClick(days_list.viewport(), Qt.MouseButton.LeftButton, pos=free)
    dialog = page.findChild(PublicationDialog)
    assert dialog is not None and dialog.isVisible() and dialog.day_edit.day() == day
    dialog.reject()


def test_attached_files_are_kept_and_a_missing_one_is_said(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    visual = tmp_path / "affiche.png"
    visual.write_bytes(b"\x89PNG")
    dialog = page.new_publication()
    assert dialog is not None
    dialog.title_edit.setText("Affiche du marché")
    dialog.add_attachments([str(visual), str(visual), str(tmp_path / "parti.mp4")])
    assert dialog.attachments() == (str(visual), str(tmp_path / "parti.mp4"))  # no path twice
    assert not dialog.open_attachment(str(tmp_path / "parti.mp4"))
    assert "introuvable" in dialog.error_label.text()
    dialog.accept()
    wait_for(qtbot, page, lambda posts: "Affiche du marché" in posts)
    assert shown(page)["Affiche du marché"].attachments == (str(visual), str(tmp_path / "parti.mp4"))
