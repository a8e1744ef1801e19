"""Every sub-command facing a base it must not touch: newer schema, dry run on a missing base."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from communitydesk.cli import build_parser, main

CONTACTS_CSV = "Nom;Prénom;E-mail\nDupont;Jean;jean@exemple.fr\n"
CONTRIBUTIONS_CSV = "Date;Montant;Email;Référence\n2026-01-05;10;jean@exemple.fr;R1\n"
PUBLICATIONS_CSV = "Date;Réseau;Titre\n14/01/2027;LinkedIn;Vœux\n"

# Every sub-command that takes --db, with the arguments it needs ({db}: the base under test).
COMMANDS: dict[str, list[str]] = {
    "stats": ["stats", "--db", "{db}"],
    "search": ["search", "Dupont", "--db", "{db}", "--json"],
    "check": ["check", "--db", "{db}"],
    "backup": ["backup", "--db", "{db}"],
    "backup --out": ["backup", "--db", "{db}", "--out", "{out}/copie.sqlite3"],
    "restore": ["restore", "{good_backup}", "--db", "{db}"],
    "export contacts": ["export", "contacts", "--db", "{db}", "--out", "{out}/contacts.csv"],
    "export pdf": ["export", "pdf", "directory", "--db", "{db}", "--out", "{out}/annuaire.pdf"],
    "export ambassador-brief": ["export", "ambassador-brief", "--db", "{db}", "--out", "{out}/brief.html"],
    "import contacts": ["import", "contacts", "{contacts}", "--db", "{db}"],
    "import contacts --dry-run": ["import", "contacts", "{contacts}", "--db", "{db}", "--dry-run"],
    "import contributions": [
        *("import", "contributions", "{contributions}", "--db", "{db}"),
        *("--campaign", "Été", "--platform", "generic", "--create"),
    ],
    "import contributions --dry-run": [
        *("import", "contributions", "{contributions}", "--db", "{db}"),
        *("--campaign", "Été", "--platform", "generic", "--create", "--dry-run"),
    ],
    "import publications": ["import", "publications", "{publications}", "--db", "{db}"],
    "import publications --dry-run": ["import", "publications", "{publications}", "--db", "{db}", "--dry-run"],
    "export ics": ["export", "ics", "--db", "{db}", "--out", "{out}/calendrier.ics"],
    "export publications": ["export", "publications", "--db", "{db}", "--out", "{out}/plan.csv"],
    "demo --replace": ["demo", "--db", "{db}", "--replace", "--contacts", "3"],
    "gdpr export": ["gdpr", "export", "--db", "{db}", "--contact", "1", "--out", "{out}/personne.json"],
    "gdpr erase": ["gdpr", "erase", "--db", "{db}", "--contact", "1", "--yes"],
    "ambassador list": ["ambassador", "list", "--db", "{db}", "--json"],
    "profile add": ["profile", "add", "Yanis", "--role", "admin", "--db", "{db}"],
    "profile list": ["profile", "list", "--db", "{db}", "--json"],
    "audit": ["audit", "--db", "{db}", "--json"],
}
DRY_RUNS = [name for name in COMMANDS if name.endswith("--dry-run")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def argv_for(name: str, folder: Path, db: Path) -> list[str]:
    """The command's arguments, its input files written in ``folder/entrées`` and its outputs in ``folder/sorties``."""
    inputs, outputs = folder / "entrées", folder / "sorties"
    inputs.mkdir(exist_ok=True)
    outputs.mkdir(exist_ok=True)
    (inputs / "contacts.csv").write_text(CONTACTS_CSV, encoding="utf-8")
    (inputs / "contributions.csv").write_text(CONTRIBUTIONS_CSV, encoding="utf-8")
    (inputs / "publications.csv").write_text(PUBLICATIONS_CSV, encoding="utf-8")
    places = {
        "db": str(db),
        "out": str(outputs),
        "contacts": str(inputs / "contacts.csv"),
        "contributions": str(inputs / "contributions.csv"),
        "publications": str(inputs / "publications.csv"),
        "good_backup": str(inputs / "sauvegarde.sqlite3"),
    }
    return [arg.format(**places) for arg in COMMANDS[name]]


def commands_with_a_db(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= commands_with_a_db(sub, (*prefix, name))
    if prefix and any("--db" in action.option_strings for action in parser._actions):
        found.add(prefix)
    return found


def test_every_command_with_a_db_is_in_these_tests() -> None:
    covered = {tuple(arg for arg in argv[:2] if not arg.startswith("{")) for argv in COMMANDS.values()}
    single = {"stats", "search", "check", "backup", "restore", "demo", "audit"}
    covered = {names[:1] if names[0] in single else names for names in covered}
    assert commands_with_a_db(build_parser()) <= covered


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_newer_base_is_refused_by_every_command_and_left_untouched(
    name: str, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base_folder = tmp_path / "base"
    base_folder.mkdir()
    db = base_folder / "association.sqlite3"
    shutil.copyfile(db_path, db)
    argv = argv_for(name, tmp_path, db)
    shutil.copyfile(db_path, tmp_path / "entrées" / "sauvegarde.sqlite3")  # a good backup of this version
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = digest(db)

    code = main(argv)

    err = capsys.readouterr().err
    assert code == 1
    assert "version plus récente de CommunityDesk" in err
    assert digest(db) == before
    assert listing(base_folder) == [db.name], "nothing written beside the base (no -wal, -shm, backups)"
    assert listing(tmp_path / "sorties") == []


@pytest.mark.parametrize("name", DRY_RUNS)
def test_a_dry_run_on_a_missing_base_creates_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nouveau dossier" / "association.sqlite3"
    argv = argv_for(name, tmp_path, db)

    code = main(argv)

    out, err = capsys.readouterr()
    assert not db.parent.exists(), "no base, no folder, no -wal/-shm, no backups"
    if name.startswith(("import contacts", "import publications")):
        # Simulated on an empty base: the summary of what a real import would do.
        assert code == 0, err
        assert "Simulation : rien n'a été enregistré." in out
        assert "1 créé(s)" in out or "1 créée(s)" in out
    else:
        assert code == 1
        assert "n'existe pas" in err


@pytest.mark.parametrize("name", DRY_RUNS)
@pytest.mark.parametrize("old", ["0001", "0005"])
def test_a_dry_run_on_an_older_base_leaves_it_as_it_was(
    old: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    from communitydesk.db.migrate import alembic_config

    db = tmp_path / "base" / "ancienne.sqlite3"
    db.parent.mkdir()
    command.upgrade(alembic_config(db), old)
    before = digest(db)

    code = main(argv_for(name, tmp_path, db))

    out, err = capsys.readouterr()
    assert code == 0, err
    assert "1 créé" in out  # simulated on an upgraded copy
    assert digest(db) == before
    assert listing(db.parent) == [db.name], "not upgraded, no avant-migration backup"
