"""The contributions import wizard driven like a user: the preview shows the reward the
campaign does not know and the line to correct, the user says what to do, the rest is imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from communitydesk.db.database import open_database
from communitydesk.services import campaigns as svc
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui import tasks
from communitydesk.ui.campaigns.page import CampaignsPage

WAIT = 30_000
EXPORT = (
    "Référence;Date;Montant;Prénom;Nom;Courriel;Contrepartie\n"
    "J-1;02/03/2026;10,00;Ana;Lopez;ana@exemple.fr;Sachet de graines\n"
    "J-2;02/03/2026;35,00;Ben;Roy;ben@exemple.fr;Panier garni\n"
    "J-3;03/03/2026;-5,00;Cléo;Petit;cleo@exemple.fr;\n"
    "J-4;04/03/2026;30,00;Dan;Vidal;dan@exemple.fr;Panier garni\n"
    "J-5;05/03/2026;5,00;Eve;Morel;eve@exemple.fr;\n"
)


def garden(path: Path) -> int:
    db = open_database(path)
    try:
        campaign = svc.create_campaign(db, SYSTEM, svc.CampaignInput(name="Jardin", platform="helloasso"))
        svc.create_tier(db, SYSTEM, campaign.id, svc.TierInput("Sachet de graines", 1000))
        svc.create_tier(db, SYSTEM, campaign.id, svc.TierInput("Panier de légumes", 3000))
        return campaign.id
    finally:
        db.close()


def open_wizard(qtbot: QtBot, make_window, db_path: Path, export: Path):  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    page = window.show_page("campaigns")
    assert isinstance(page, CampaignsPage)
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 1 and not tasks.running_tasks(), timeout=WAIT)
    page.table.selectRow(0)
    wizard = page.import_contributions()
    assert wizard.file_page.campaign_combo.currentText() == "Jardin"
    wizard.file_page.path_edit.setText(str(export))
    wizard.mapping_page.platform_combo.setCurrentIndex(wizard.mapping_page.platform_combo.findData("generic"))
    with qtbot.waitSignal(wizard.preview_shown, timeout=WAIT):
        wizard.next()
    with qtbot.waitSignal(wizard.preview_shown, timeout=WAIT):
        wizard.next()
    return wizard


def test_the_preview_shows_the_unknown_reward_and_the_rest_is_imported(
    qtbot: QtBot, make_window, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    campaign_id = garden(db_path)
    export = tmp_path / "helloasso.csv"
    export.write_text(EXPORT, encoding="utf-8")
    wizard = open_wizard(qtbot, make_window, db_path, export)
    preview = wizard.preview_page

    assert "Contrepartie ← « Contrepartie »" in preview.columns_label.text()
    assert not preview.tiers.isHidden() and preview.tiers.rowCount() == 1
    assert (preview.tiers.item(0, 0).text(), preview.tiers.item(0, 1).text()) == ("Panier garni", "3, 5")
    combo = preview.tiers.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert choices[1:] == ["C'est « Sachet de graines »", "C'est « Panier de légumes »", "Laisser ces lignes de côté"]
    assert preview.errors.rowCount() == 1 and preview.errors.item(0, 0).text() == "4"
    combo.setCurrentIndex(combo.findText("C'est « Panier de légumes »"))
    assert not preview.all_or_nothing.isChecked()

    with qtbot.waitSignal(wizard.checked, timeout=WAIT):
        wizard.next()
    assert wizard.check_page.isComplete()
    assert "4 nouvelles contributions" in wizard.check_page.summary_label.text()
    assert "1 ligne à corriger ne sera pas importée" in wizard.check_page.summary_label.text()
    assert wizard.check_page.errors.item(0, 0).text() == "4"
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        wizard.accept()
    assert wizard.summary is not None and (wizard.summary.created, len(wizard.summary.errors)) == (4, 1)
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)

    db = open_database(db_path)
    try:
        tiers = {c.platform_reference: c.tier_title for c in svc.list_contributions(db, SYSTEM, campaign_id)}
    finally:
        db.close()
    assert tiers == {"J-1": "Sachet de graines", "J-2": "Panier de légumes", "J-4": "Panier de légumes", "J-5": ""}


def test_all_or_nothing_stays_an_option(qtbot: QtBot, make_window, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    garden(db_path)
    export = tmp_path / "helloasso.csv"
    export.write_text(EXPORT, encoding="utf-8")
    wizard = open_wizard(qtbot, make_window, db_path, export)
    wizard.preview_page.all_or_nothing.setChecked(True)
    with qtbot.waitSignal(wizard.checked, timeout=WAIT):
        wizard.next()
    assert not wizard.check_page.isComplete()
    assert "rien" in wizard.check_page.summary_label.text()
    wizard.reject()
