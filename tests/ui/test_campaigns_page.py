"""The Campagnes page driven like a user: create a campaign, import a file, read the dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from communitydesk import formatting
from communitydesk.records.campaign_figures import FulfilmentLine
from communitydesk.records.campaign_page import CampaignSummary
from communitydesk.records.campaigns import ContributionRecord, TierRecord
from communitydesk.services.figures import CampaignFigures
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui import tasks
from communitydesk.ui.campaigns.dashboard_section import OpenCampaignsPanel
from communitydesk.ui.campaigns.pace_chart import CampaignPaceChart
from communitydesk.ui.campaigns.page import CampaignsPage, campaign_columns
from communitydesk.ui.campaigns.record_table import RecordSortProxy, RecordTableModel
from communitydesk.ui.campaigns.tables_view import contribution_columns, tier_columns
from communitydesk.ui.current_database import CurrentDatabase, DatabaseState
from communitydesk.ui.main_window import MainWindow
from communitydesk.ui.settings import UiSettings

WAIT = 30_000

EXPORT = (
    "Référence;Date;Montant;Prénom;Nom;Courriel;Contrepartie;Statut;Anonyme\n"
    "K-1;02/03/2026 10:00;30,00 €;Hélène;Durand;helene@exemple.fr;Mug;Validé;non\n"
    "K-2;03/03/2026;1 200,00 €;Zoé;Marchand;zoe@exemple.fr;;Validé;oui\n"
    "K-3;04/03/2026;20,00 €;Marc;Aubert;marc@exemple.fr;Mug;Remboursé;non\n"
    "K-4;05/03/2026;20,00 €;Ana;Lopez;ana@exemple.fr;Mug;Validé;non\n"
)


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
    # Let every background read report back while the widgets still exist.
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)
    tasks.cancel_all_and_wait()
    database.close()


def open_page(qtbot: QtBot, window: MainWindow) -> CampaignsPage:
    page = window.show_page("campaigns")
    assert isinstance(page, CampaignsPage)
    qtbot.waitUntil(lambda: page.list_model.rowCount() >= 0 and not tasks.running_tasks(), timeout=WAIT)
    return page


def create_campaign(qtbot: QtBot, page: CampaignsPage, name: str) -> None:
    dialog = page.new_campaign()
    dialog.name_edit.setText(name)
    dialog.goal_edit.setText("5 000")
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData("kisskissbankbank"))
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("en_cours"))
    dialog.starts_edit.set_day(date(2026, 3, 1))
    dialog.ends_edit.set_day(date(2026, 3, 31))
    dialog.accept()
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.dashboard.campaign.name == name, timeout=WAIT)
    assert not dialog.isVisible()


def test_campaigns_page_is_registered(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    assert page.objectName() == "page_campaigns"
    assert page.list_model.rowCount() == 0
    assert page.tabs.isHidden() and not page.empty_label.isHidden()
    assert page.new_button.isEnabled() and page.import_button.isEnabled()


def test_create_a_campaign_then_a_bad_one(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    create_campaign(qtbot, page, "Vélo-école solidaire")
    assert page.list_model.rowCount() == 1
    summary = page.selected_summary()
    assert summary is not None and summary.campaign.name == "Vélo-école solidaire"
    assert summary.campaign.goal_cents == 500_000
    assert page.proxy.data(page.proxy.index(0, 1)) == "en cours"
    assert page.dashboard_view.cards["total"].value.text() == formatting.money(0)
    assert page.dashboard_view.cards["days_left"].value.text() not in ("", "–") or summary.days_left == 0

    # The same name again: the service's French sentence is shown, the dialog stays open.
    dialog = page.new_campaign()
    dialog.name_edit.setText("Vélo-école solidaire")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT)
    assert dialog.isVisible()
    assert "s'appelle déjà" in dialog.error_label.text()
    dialog.goal_edit.setText("douze euros")
    dialog.accept()
    assert "illisible" in dialog.error_label.text()
    dialog.reject()


def test_import_a_file_and_read_the_dashboard(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    create_campaign(qtbot, page, "Fournil")
    tier_dialog = page.add_tier()
    assert tier_dialog is not None
    tier_dialog.title_edit.setText("Mug")
    tier_dialog.amount_edit.setText("20,00 €")
    tier_dialog.limited_check.setChecked(True)
    tier_dialog.stock_spin.setValue(10)
    tier_dialog.accept()
    qtbot.waitUntil(lambda: [t.title for t in page.tiers_view.model.records] == ["Mug"], timeout=WAIT)

    export = tmp_path / "kisskiss.csv"
    export.write_bytes(EXPORT.encode("cp1252"))
    wizard = page.import_contributions()
    assert wizard.file_page.campaign_combo.currentText() == "Fournil"
    wizard.file_page.path_edit.setText(str(export))
    assert wizard.file_page.isComplete()
    wizard.mapping_page.platform_combo.setCurrentIndex(wizard.mapping_page.platform_combo.findData("generic"))
    with qtbot.waitSignal(wizard.preview_shown, timeout=WAIT):
        wizard.next()
    assert wizard.mapping_page.combos["amount"].currentData() == "Montant"
    with qtbot.waitSignal(wizard.preview_shown, timeout=WAIT):
        wizard.next()
    assert wizard.preview_page.rows.rowCount() == 4
    assert wizard.preview_page.errors.rowCount() == 0
    with qtbot.waitSignal(wizard.checked, timeout=WAIT):
        wizard.next()
    assert wizard.check_page.isComplete()
    assert "4 nouvelles contributions" in wizard.check_page.summary_label.text()
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        wizard.accept()
    assert wizard.summary is not None and wizard.summary.created == 4
    cards = page.dashboard_view.cards
    qtbot.waitUntil(lambda: cards["total"].value.text() == formatting.money(125_000), timeout=WAIT)
    assert cards["total"].value.text() == formatting.money(125_000)
    assert cards["goal"].value.text() == formatting.percent(0.25)
    assert cards["backers"].value.text() == "3"
    assert cards["new_contacts"].value.text() == "4"
    assert page.dashboard_view.circle_amounts["grand_public"].text() == formatting.money(125_000)
    assert page.dashboard_view.tiers_model.records[0].title == "Mug"
    assert page.dashboard_view.tiers_model.records[0].stock_left == 8
    assert page.dashboard_view.chart.cumulative[-1][1] == 125_000
    assert "Remboursé" in page.dashboard_view.pace_label.text()
    assert page.contributions_view.model.rowCount() == 4
    assert page.fulfilment_view.model.rowCount() == 2

    # Reward fulfilment: mark one sent, export the list.
    page.fulfilment_view.view.selectRow(0)
    page.fulfilment_view.findChild(QPushButton, "mark_envoye").click()
    qtbot.waitUntil(
        lambda: sorted(line.state for line in page.fulfilment_view.model.records) == ["a_preparer", "envoye"],
        timeout=WAIT,
    )
    target = tmp_path / "envois.csv"
    task = page.export_shipping_list(None, target)
    assert task is not None
    qtbot.waitUntil(lambda: task.state == "succeeded", timeout=WAIT)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "envoyé" in target.read_text(encoding="utf-8-sig")

    # Grand-public backers can be moved to the communauté.
    assert page.dashboard_view.moves_button.isEnabled()
    dialog = page.propose_moves()
    assert dialog is not None and len(dialog.chosen()) == 3
    dialog.accept()
    qtbot.waitUntil(
        lambda: page.dashboard_view.circle_amounts["communaute"].text() == formatting.money(125_000), timeout=WAIT
    )

    # The main dashboard shows the open campaign with its progress.
    window.database.reload_figures()
    qtbot.waitUntil(
        lambda: bool(
            window.database.figures
            and window.database.figures.campaigns
            and window.database.figures.campaigns[0].total_cents == 125_000
        ),
        timeout=WAIT,
    )
    dashboard = window.show_page("dashboard")
    panel = dashboard.findChild(OpenCampaignsPanel)
    assert panel is not None
    bar = next(iter(panel.rows.values()))
    assert bar.value() == 250


def test_bad_file_is_stopped_at_the_check(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    create_campaign(qtbot, page, "Jardin")
    export = tmp_path / "bad.csv"
    export.write_text("Référence;Date;Montant\nA;02/03/2026;-3,00\nB;31/02/2026;4,00\n", encoding="utf-8")
    wizard = page.import_contributions()
    wizard.file_page.path_edit.setText(str(export))
    with qtbot.waitSignal(wizard.preview_shown, timeout=WAIT):
        wizard.next()
    with qtbot.waitSignal(wizard.preview_shown, timeout=WAIT):
        wizard.next()
    assert wizard.preview_page.errors.rowCount() == 2
    assert wizard.preview_page.errors.item(0, 1).text() == "Montant"
    with qtbot.waitSignal(wizard.checked, timeout=WAIT):
        wizard.next()
    assert not wizard.check_page.isComplete()
    assert "rien" in wizard.check_page.summary_label.text()
    wizard.reject()


def test_table_models_pass_the_model_tester(qtmodeltester, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.records.campaigns import CampaignRecord

    record = CampaignRecord(
        1,
        "A",
        "don",
        "ulule",
        1000,
        "EUR",
        date(2026, 3, 1),
        date(2026, 3, 2),
        None,
        "",
        "en_cours",
        1,
        datetime(2026, 1, 1, tzinfo=UTC),
    )
    campaigns: RecordTableModel[CampaignSummary] = RecordTableModel(campaign_columns())
    campaigns.set_records([CampaignSummary(record, 500, 2, 2, 0.5, 3), CampaignSummary(record, 0, 0, 0, None, None)])
    proxy = RecordSortProxy()
    proxy.setSourceModel(campaigns)
    proxy.set_text("a")
    proxy.sort(3)
    qtmodeltester.check(campaigns)
    qtmodeltester.check(proxy)
    assert [proxy.data(proxy.index(r, 3)) for r in range(2)] == [formatting.money(0), formatting.money(500)]
    tiers: RecordTableModel[TierRecord] = RecordTableModel(tier_columns())
    tiers.set_records(
        [
            TierRecord(1, 1, "Mug", 2000, "", 10, None, 1, 10),
            TierRecord(2, 1, "Merci", 500, "", None, date(2026, 5, 1), 1, 3),
        ]
    )
    qtmodeltester.check(tiers)
    contributions: RecordTableModel[ContributionRecord] = RecordTableModel(contribution_columns())
    contributions.set_records(
        [
            ContributionRecord(
                1,
                1,
                None,
                "",
                None,
                None,
                "",
                100,
                datetime(2026, 3, 1, tzinfo=UTC),
                "ulule",
                None,
                "refunded",
                True,
                1,
            )
        ]
    )
    qtmodeltester.check(contributions)
    from communitydesk.ui.campaigns.fulfilment_view import fulfilment_columns

    lines: RecordTableModel[FulfilmentLine] = RecordTableModel(fulfilment_columns())
    lines.set_records(
        [
            FulfilmentLine(
                1,
                "R",
                "Ana",
                "",
                "",
                "",
                "",
                "",
                "FR",
                1,
                "Mug",
                2000,
                datetime(2026, 3, 1, tzinfo=UTC),
                "envoye",
                None,
                "",
            )
        ]
    )
    qtmodeltester.check(lines)


def test_pace_chart_draws_and_describes(qtbot: QtBot) -> None:
    chart = CampaignPaceChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    assert "Aucune" in chart.describe()
    chart.grab()  # empty chart paints its hint
    start = date(2026, 3, 1)
    chart.set_series(
        [(start, 10_000), (date(2026, 3, 2), 25_000)],
        [(start, 5_000), (date(2026, 3, 20), 100_000)],
        [(date(2026, 3, 2), 25_000), (date(2026, 3, 20), 250_000)],
        100_000,
    )
    image = chart.grab().toImage()
    assert image.width() == 600
    assert formatting.money(25_000) in chart.toolTip()
    assert formatting.money(250_000) in chart.describe()


def test_open_campaigns_panel(qtbot: QtBot) -> None:
    figures = [
        CampaignFigures(1, "Fini", "reussie", 1000, None, 1000, 1, 1, {}),
        CampaignFigures(2, "Ouverte", "en_cours", 10_000, "2026-03-31", 2_500, 3, 3, {}),
        CampaignFigures(3, "Bientôt", "preparation", 0, None, 0, 0, 0, {}),
    ]
    panel = OpenCampaignsPanel(figures, today=date(2026, 3, 21))
    qtbot.addWidget(panel)
    assert list(panel.rows) == [2, 3]
    assert panel.rows[2].value() == 250
    texts = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert "Ouverte" in texts and "Fini" not in texts
    assert "10 jours restants" in texts
    assert formatting.money(2_500) in texts


def test_axis_money_is_whole_units_in_both_languages() -> None:
    from communitydesk.i18n import set_language
    from communitydesk.ui.campaigns.pace_chart import short_money

    assert short_money(1_500_000) == "15\u202f000\xa0€"
    set_language("en")
    try:
        assert short_money(1_500_000) == "€15,000"
    finally:
        set_language("fr")
