"""The editorial calendar import wizard driven like a user: file, preview with the line to
correct, a dry run that writes nothing, then the import in the background."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from communitydesk.db.database import Database, open_database
from communitydesk.models.editorial import Publication
from communitydesk.services.permissions import Actor
from communitydesk.ui import tasks
from communitydesk.ui.editorial.import_wizard import PublicationImportWizard

WAIT = 30_000
PLAN = (
    "Date;Heure;Réseau;Titre;Pilier;Statut\n"
    "14/01/2027;9h30;LinkedIn, FB;Vœux de l'équipe;Vie de l'asso;Prête\n"
    "31/02/2027;;FB;Impossible;;\n"
    ";;;Jeu concours;;\n"
)


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_database(db_path)
    yield db
    db.close()


def count(db: Database) -> int:
    with db.snapshot() as session:
        return int(session.scalar(select(func.count()).select_from(Publication)) or 0)


def open_wizard(qtbot: QtBot, database: Database, actor: Actor, path: Path) -> PublicationImportWizard:
    wizard = PublicationImportWizard(None, lambda: database, actor)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.file_page.isComplete()
    wizard.set_path(path)
    assert wizard.file_page.isComplete()
    with qtbot.waitSignal(wizard.preview_shown, timeout=WAIT):
        wizard.next()
    return wizard


def test_preview_check_and_import(qtbot: QtBot, database: Database, actor: Actor, tmp_path: Path) -> None:
    path = tmp_path / "calendrier.csv"
    path.write_text(PLAN, encoding="utf-8")
    wizard = open_wizard(qtbot, database, actor, path)
    preview = wizard.preview_page
    assert "Réseau ← « Réseau »" in preview.columns_label.text()
    assert preview.rows.rowCount() == 2
    assert preview.rows.item(0, 2).text() == "LinkedIn, Facebook"
    assert preview.rows.item(1, 1).text() == "(idée, sans date)" and preview.rows.item(1, 5).text() == "idée"
    lines = [
        (preview.errors.item(r, 0).text(), preview.errors.item(r, 1).text()) for r in range(preview.errors.rowCount())
    ]
    assert lines == [("3", "Date")]
    assert preview.isComplete()

    with qtbot.waitSignal(wizard.checked, timeout=WAIT):
        wizard.next()
    assert wizard.check_page.isComplete()
    assert "2 nouvelles publications" in wizard.check_page.summary_label.text()
    assert "1 ligne refusée ne sera pas importée." in wizard.check_page.summary_label.text()
    assert count(database) == 0  # the check was a dry run

    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        wizard.accept()
    assert wizard.summary is not None and wizard.summary.created == 2
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)
    assert count(database) == 2


def test_a_file_without_title_says_why(qtbot: QtBot, database: Database, actor: Actor, tmp_path: Path) -> None:
    path = tmp_path / "sans-titre.csv"
    path.write_text("Date;Réseau\n14/01/2027;FB\n", encoding="utf-8")
    wizard = open_wizard(qtbot, database, actor, path)
    assert "Titre" in wizard.preview_page.status.text()
    assert not wizard.preview_page.isComplete()
    qtbot.waitUntil(lambda: not tasks.running_tasks(), timeout=WAIT)
    wizard.reject()
