"""`communitydesk event add|list` and `import sign-in-sheet`, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communitydesk.cli import main
from communitydesk.db.database import open_database
from communitydesk.services import gdpr
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import SYSTEM

SHEET = (
    "N°;Nom;Prénom;E-mail;Téléphone;Lettre d'information;Photos;Communauté;Signature\r\n"
    "1;Durand;Hélène;;06.12.34.56.78;oui;non;;\r\n"
    "2;MARTIN;paul;;;x;;✓;\r\n"
    "3;Nguyen;Lan;lan.nguyen@exemple.fr;;X;peut-être;non;\r\n"
    "4;;;;;;;;\r\n"
    "5;Petit;Bruno;bruno@exemple;;;;;\r\n"
    "6;Roux;Léa;;;;;;\r\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "emargement.csv"
    path.write_bytes(SHEET.encode("utf-8-sig"))
    return path


@pytest.fixture
def event_db(db_path: Path) -> Path:
    db = open_database(db_path)
    try:
        create_contact(db, SYSTEM, ContactInput(first_name="Hélène", last_name="Durand", phone="+33 6 12 34 56 78"))
        create_contact(db, SYSTEM, ContactInput(first_name="Paul", last_name="Martin"))
        create_contact(db, SYSTEM, ContactInput(first_name="Léa", last_name="Roux", email="lea@exemple.fr"))
        create_contact(db, SYSTEM, ContactInput(first_name="Léa", last_name="Roux", email="lea.roux@exemple.fr"))
    finally:
        db.close()
    return db_path


def test_event_add_then_list(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _err = run(
        capsys, "event", "add", "--db", str(db_path), "--name", "Réunion publique", "--start", "2026-09-12 18:30",
        "--place", "Salle des fêtes", "--kind", "reunion_publique", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out) == {"id": 1}
    code, out, _err = run(capsys, "event", "list", "--db", str(db_path), "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": 1,
            "name": "Réunion publique",
            "start": "2026-09-12T18:30",
            "place": "Salle des fêtes",
            "registered": 0,
            "attendance": 0,
        }
    ]


def test_a_bad_start_or_kind_is_refused(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _out, err = run(capsys, "event", "add", "--db", str(db_path), "--name", "AG", "--start", "demain")
    assert code == 1 and "--start" in err
    code, _out, err = run(
        capsys, "event", "add", "--db", str(db_path), "--name", "AG", "--start", "2026-09-12", "--kind", "rave"
    )
    assert code == 1 and "rave" in err


def test_import_sign_in_sheet_then_again(capsys: pytest.CaptureFixture[str], event_db: Path, sheet: Path) -> None:
    run(capsys, "event", "add", "--db", str(event_db), "--name", "Réunion de rentrée", "--start", "2026-09-12")
    argv = ("import", "sign-in-sheet", str(sheet), "--db", str(event_db), "--event", "reunion de rentree", "--json")
    code, out, _err = run(capsys, *argv)
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["lines", "matched", "created", "attendances", "consents", "errors", "warnings"]
    # Hélène by phone, Paul by his name; Lan new; line 4 empty; Bruno's e-mail refused; two Léa Roux: a new one.
    assert (data["lines"], data["matched"], data["created"], data["attendances"], data["consents"]) == (6, 2, 2, 4, 4)
    assert [(e["line"], e["field"]) for e in data["errors"]] == [(6, "E-mail")]
    warned = {(w["line"], w["field"]) for w in data["warnings"]}
    assert (4, "Photos") in warned and (7, "Nom") in warned
    code, out, _err = run(capsys, *argv)
    again = json.loads(out)
    assert (code, again["matched"], again["created"], again["attendances"], again["consents"]) == (0, 0, 0, 0, 0)
    code, out, _err = run(capsys, "event", "list", "--db", str(event_db), "--json")
    assert json.loads(out)[0]["attendance"] == 4


def test_the_consents_cite_the_printed_wording(capsys: pytest.CaptureFixture[str], event_db: Path, sheet: Path) -> None:
    run(capsys, "event", "add", "--db", str(event_db), "--name", "Réunion de rentrée", "--start", "2026-09-12")
    run(capsys, "import", "sign-in-sheet", str(sheet), "--db", str(event_db), "--event", "1", "--json")
    db = open_database(event_db)
    try:
        [consent] = gdpr.list_consents(db, SYSTEM, 1)
    finally:
        db.close()
    assert consent.purpose == "newsletter" and "lettre d'information" in consent.wording
    assert consent.source == "Feuille d'émargement — Réunion de rentrée (12/09/2026)"


def test_a_dry_run_writes_nothing_and_an_unknown_event_fails(
    capsys: pytest.CaptureFixture[str], event_db: Path, sheet: Path
) -> None:
    run(capsys, "event", "add", "--db", str(event_db), "--name", "Réunion de rentrée", "--start", "2026-09-12")
    code, out, _err = run(
        capsys, "import", "sign-in-sheet", str(sheet), "--db", str(event_db), "--event", "1", "--dry-run"
    )
    assert code == 0 and "Simulation" in out
    code, out, _err = run(capsys, "event", "list", "--db", str(event_db), "--json")
    assert json.loads(out)[0]["attendance"] == 0
    code, _out, err = run(capsys, "import", "sign-in-sheet", str(sheet), "--db", str(event_db), "--event", "kermesse")
    assert code == 1 and "kermesse" in err


def test_a_dry_run_on_a_missing_base_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sheet: Path
) -> None:
    db = tmp_path / "nouveau dossier" / "association.sqlite3"
    code, _out, err = run(capsys, "import", "sign-in-sheet", str(sheet), "--db", str(db), "--event", "AG", "--dry-run")
    assert code == 1 and "n'existe pas" in err and not db.parent.exists()


def test_a_dry_run_on_an_older_base_leaves_it_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sheet: Path
) -> None:
    import hashlib

    from alembic import command

    from communitydesk.db.migrate import alembic_config

    db = tmp_path / "base" / "ancienne.sqlite3"
    db.parent.mkdir()
    command.upgrade(alembic_config(db), "0005")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, _out, err = run(capsys, "import", "sign-in-sheet", str(sheet), "--db", str(db), "--event", "AG", "--dry-run")
    assert code == 1 and "AG" in err  # simulated on an upgraded copy, which has no such event
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]
