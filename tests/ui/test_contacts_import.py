"""The import wizard on a French Excel file (cp1252, ";", accents): detection shown, columns
recognised, simulation first, then the import with its summary; the contacts are created."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.services import contact_search
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.import_wizard import ContactImportWizard

EXCEL_CSV = (
    "Prénom;Nom;Courriel;Téléphone;Code postal;Ville;Cercle;Étiquettes;Remarque\r\n"
    "Hélène;Lefèvre;helene.lefevre@exemple.fr;06 12 34 56 78;69007;Lyon;Proches;bénévole;Très présente à l'atelier\r\n"
    "Jérôme;Dupré;jerome@exemple.fr;0472000000;42000;Saint-Étienne;Communauté;presse;\r\n"
    "Noël;Bérard;pas-un-email;;30000;Nîmes;;;\r\n"
    "Françoise;Gaëtan;francoise@exemple.fr;;01000;Bourg-en-Bresse;grand public;;Déjà connue\r\n"
    # A note with a « ; » and a line break: Excel writes the cell between quotes.
    'Paul;Martin;paul@exemple.fr;;;;;;"Appel du 3 mars ; à relancer\r\navant l\'AG"\r\n'
)


def write_excel_file(tmp_path: Path) -> Path:
    path = tmp_path / "adhérents.csv"
    path.write_bytes(EXCEL_CSV.encode("cp1252"))
    return path


def open_page(qtbot, make_window, path: Path):  # type: ignore[no-untyped-def]
    window = make_window(path)
    page = window.show_page("contacts")
    qtbot.waitUntil(lambda: page.model.reloads > 0 and not page.model.is_loading(), timeout=20000)
    return window, page


def test_import_wizard_on_a_cp1252_semicolon_file(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    create_contact(db, actor, ContactInput(first_name="Françoise", last_name="Gaëtan", email="francoise@exemple.fr"))
    csv_file = write_excel_file(tmp_path)
    _window, page = open_page(qtbot, make_window, db_path)
    assert page.model.total == 1

    wizard = page.import_contacts()
    assert isinstance(wizard, ContactImportWizard)
    files = wizard.file_page
    assert not files.isComplete()
    files.path_edit.setText(str(csv_file))
    qtbot.waitUntil(files.isComplete, timeout=10000)
    detected = files.detected.text()
    assert "CSV" in detected and "Windows-1252 (Excel)" in detected and "point-virgule" in detected
    assert "9 colonnes" in detected
    assert files.encoding.currentText() == "Détecté : Windows-1252 (Excel)"

    wizard.next()
    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    chosen = [combo.currentData() for combo in mapping.combos]
    assert chosen == ["first_name", "last_name", "email", "phone", "postcode", "city", "circle", "tags", "notes"]
    assert mapping.mapping_table.item(0, 1).text() == "Hélène"  # example read with the right accents
    preview = mapping.preview_table
    headers = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    assert headers[:4] == ["Ligne", "Problèmes", "Prénom", "Nom"]
    assert preview.item(0, 2).text() == "Hélène"
    assert preview.item(0, 1).text() == ""
    problems = preview.item(2, 1).text()
    # Line 4's bad e-mail shown before anything is decided, and that Noël comes in without it.
    assert "pas-un-email" in problems and "Le reste de la ligne est importé" in problems

    # Ignoring every name column leaves nothing to tell who a contact is: the wizard says so.
    for column in (0, 1, 2):
        mapping.set_field(column, None)
    assert not mapping.isComplete()
    assert "Aucune colonne ne donne le nom" in mapping.warning.text()
    for column, field in ((0, "first_name"), (1, "last_name"), (2, "email")):
        mapping.set_field(column, field)
    qtbot.waitUntil(mapping.isComplete)

    wizard.next()
    assert wizard.currentPage() is wizard.mode_page
    assert wizard.mode_page.mode() == "create"
    wizard.next()
    dry = wizard.dry_run_page
    qtbot.waitUntil(dry.isComplete, timeout=20000)
    assert dry.summary is not None and dry.summary.dry_run
    assert (dry.summary.created, dry.summary.skipped, dry.summary.rejected_lines) == (4, 1, 0)
    assert dry.errors.rowCount() == 1  # the warning about line 4
    assert dry.errors.item(0, 0).text() == "4"  # the spreadsheet line
    assert "pas-un-email" in dry.errors.item(0, 2).text()
    assert contact_search.count(db, actor) == 1  # the simulation wrote nothing

    with qtbot.waitSignal(wizard.imported, timeout=20000) as blocker:
        wizard.next()
    summary = blocker.args[0]
    assert (summary.created, summary.skipped, summary.rejected_lines, summary.dry_run) == (4, 1, 0, False)
    done = wizard.import_page
    assert done.isComplete()
    assert "Contacts créés : 4" in done.summary_label.text()

    assert contact_search.count(db, actor) == 5
    [noel] = contact_search.page(db, actor, "noël bérard")
    assert get_contact(db, actor, noel.id).data.email == ""
    [paul] = contact_search.page(db, actor, "martin")
    assert get_contact(db, actor, paul.id).data.notes == "Appel du 3 mars ; à relancer\navant l'AG"
    rows = contact_search.page(db, actor, "helene")
    assert [(r.display_name, r.city, r.circle, r.tags) for r in rows] == [
        ("Hélène Lefèvre", "Lyon", "proches", ("bénévole",))
    ]
    rows = contact_search.page(db, actor, "saint etienne")
    assert [(r.display_name, r.circle) for r in rows] == [("Jérôme Dupré", "communaute")]
    # The list behind the wizard follows.
    qtbot.waitUntil(lambda: page.model.total == 5, timeout=10000)
    wizard.accept()


def test_forcing_another_encoding_and_delimiter(qtbot, make_window, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv_file = write_excel_file(tmp_path)
    _window, page = open_page(qtbot, make_window, db_path)
    wizard = page.import_contacts()
    files = wizard.file_page
    files.path_edit.setText(str(csv_file))
    qtbot.waitUntil(files.isComplete, timeout=10000)

    # Forcing UTF-8 on a Windows-1252 file cannot work: a clear French message, no next step.
    files.encoding.setCurrentIndex(files.encoding.findData("utf-8"))
    files.load()
    qtbot.waitUntil(lambda: bool(files.error.text()), timeout=10000)
    assert "ne peut pas être lu avec l'encodage utf-8" in files.error.text()
    assert not files.isComplete()

    files.encoding.setCurrentIndex(files.encoding.findData("cp1252"))
    files.delimiter.setCurrentIndex(files.delimiter.findData(","))
    files.load()
    qtbot.waitUntil(files.isComplete, timeout=10000)
    assert "séparateur : virgule" in files.detected.text()
    assert "1 colonne ·" in files.detected.text()  # read with "," the file is one wide column
    wizard.next()
    assert not wizard.mapping_page.isComplete()  # that column is no contact field: cannot go on
    wizard.reject()


def test_a_missing_file_is_explained(qtbot, make_window, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, page = open_page(qtbot, make_window, db_path)
    wizard = page.import_contacts()
    wizard.file_page.path_edit.setText(str(tmp_path / "absent.csv"))
    qtbot.waitUntil(lambda: bool(wizard.file_page.error.text()), timeout=10000)
    assert "n'existe pas" in wizard.file_page.error.text()
    assert not wizard.file_page.isComplete()
    wizard.reject()


def test_a_stray_quote_far_down_the_file_is_refused_at_the_preview(
    qtbot, make_window, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    lines = ["Prénom;Nom;Courriel"] + [f"P{n};N{n};p{n}@exemple.fr" for n in range(5000)]
    lines[3000] = '"P2999;N2999;p2999@exemple.fr'  # far below the lines the preview reads
    path = tmp_path / "adhérents.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    _window, page = open_page(qtbot, make_window, db_path)
    wizard = page.import_contacts()
    wizard.file_page.path_edit.setText(str(path))
    qtbot.waitUntil(lambda: bool(wizard.file_page.error.text()), timeout=10000)
    assert "ligne 3001 : un guillemet (\") ouvre une cellule qui n'est jamais refermée" in wizard.file_page.error.text()
    assert not wizard.file_page.isComplete()
    wizard.reject()


def test_a_circle_tags_and_a_source_for_every_line(
    qtbot, make_window, db_path: Path, db: Database, actor: Actor, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    csv_file = write_excel_file(tmp_path)
    _window, page = open_page(qtbot, make_window, db_path)
    wizard = page.import_contacts()
    wizard.file_page.path_edit.setText(str(csv_file))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.waitUntil(wizard.mapping_page.isComplete, timeout=10000)
    wizard.next()
    modes = wizard.mode_page
    modes.circle.setCurrentIndex(modes.circle.findData("communaute"))
    modes.tags.setText("salon X, bénévole")  # keyClicks aborts on a non-ASCII letter (offscreen)
    qtbot.keyClicks(modes.source, "Salon X 2026")

    summaries: list[object] = []
    task = wizard.run_import(False, summaries.append, pytest.fail, lambda: None)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    [paul] = contact_search.page(db, actor, "paul martin")
    assert (paul.circle, paul.tags) == ("communaute", ("bénévole", "salon X"))
    assert get_contact(db, actor, paul.id).data.source == "Salon X 2026"
    [helene] = contact_search.page(db, actor, "helene lefevre")
    assert (helene.circle, helene.tags) == ("proches", ("bénévole", "salon X"))  # her line says Proches
    wizard.reject()
