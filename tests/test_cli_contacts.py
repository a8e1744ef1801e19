"""`communitydesk import contacts` and `communitydesk export contacts`, in-process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from communitydesk.cli import main

EXCEL = (
    "Prénom;Nom;Courriel;Portable;Code postal;Ville;Cercle;Étiquettes\r\n"
    "Hélène;Dupré;helene@exemple.fr;06 12 34 56 78;1000;Bourg-en-Bresse;Proches;bénévole\r\n"
    "Paul;Martin;paul@exemple;;;;;\r\n"
    "Zoé;Lambert;zoe@exemple.fr;07 11 22 33 44;75011;Paris;Communauté;presse\r\n"
    "Hélène;Dupré;HELENE@exemple.fr;;;;;presse\r\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def excel_file(tmp_path: Path) -> Path:
    path = tmp_path / "adhérents.csv"
    path.write_bytes(EXCEL.encode("cp1252"))
    return path


def test_import_json_then_again(db_path: Path, excel_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path), "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "created": 3,
        "updated": 0,
        "merged": 1,
        "skipped": 0,
        "errors": [],
        "warnings": [
            {
                "line": 3,
                "field": "Courriel",
                "message": "Ligne 3, « Courriel » : adresse e-mail non valide « paul@exemple ». "
                "Le reste de la ligne est importé.",
            }
        ],
    }
    code, out, _err = run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path), "--json")
    # Everyone known: the repeated Hélène line too is now a line matching the base, and Paul Martin,
    # kept without his mistyped e-mail, is known by his name (nothing else on either side).
    assert (code, json.loads(out)["created"], json.loads(out)["skipped"]) == (0, 0, 4)
    assert count(db_path) == 3


def test_dry_run_and_update_in_words(db_path: Path, excel_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path), "--dry-run")
    assert code == 0
    assert out.splitlines() == [
        "Simulation : rien n'a été enregistré.",
        "3 créés, 0 mis à jour, 1 fusionné (doublons dans le fichier), 0 ignoré (déjà dans la base).",
    ]
    assert "Ligne 3, « Courriel »" in err and "Le reste de la ligne est importé" in err
    assert count(db_path) == 0
    run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path))
    changed = excel_file.with_name("maj.csv")
    changed.write_text("Courriel;Ville\r\nzoe@exemple.fr;Marseille\r\n", encoding="utf-8")
    code, out, _err = run(capsys, "import", "contacts", str(changed), "--db", str(db_path), "--update", "--json")
    assert (code, json.loads(out)["updated"]) == (0, 1)


def test_unreadable_files_fail_with_a_french_sentence(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx = tmp_path / "contacts.xlsx"
    xlsx.write_bytes(b"PK\x03\x04" + bytes(200))
    code, out, err = run(capsys, "import", "contacts", str(xlsx), "--db", str(db_path), "--json")
    assert (code, out) == (1, "")
    assert err.startswith("Erreur : « contacts.xlsx » est un classeur Excel")
    code, _out, err = run(capsys, "import", "contacts", str(tmp_path / "absent.csv"), "--db", str(db_path))
    assert code == 1 and "n'existe pas" in err
    # A write command creates a missing --db (issue 3); the file's problem is still the one reported.
    fresh = tmp_path / "nouveau" / "base.sqlite3"
    code, _out, err = run(capsys, "import", "contacts", str(xlsx), "--db", str(fresh))
    assert code == 1 and "classeur Excel" in err
    assert run(capsys, "check", "--db", str(fresh))[0] == 0


def test_vcard_import_and_exports(
    db_path: Path, excel_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path))
    out_csv = tmp_path / "proches.csv"
    code, out, err = run(
        capsys,
        "export",
        "contacts",
        "--db",
        str(db_path),
        "--format",
        "csv",
        "--out",
        str(out_csv),
        "--circle",
        "Proches",
    )
    assert code == 0, err
    assert out.strip() == f"1 contact exporté dans « {out_csv} »."
    assert ';"=""01000""";' in out_csv.read_bytes().decode("utf-8-sig")  # the CSV form of ="01000"

    out_vcf = tmp_path / "presse.vcf"
    code, _out, err = run(capsys, "export", "contacts", "--db", str(db_path), "--out", str(out_vcf), "--tag", "presse")
    assert code == 0, err
    assert out_vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2  # format from the .vcf name

    code, out, _err = run(capsys, "import", "contacts", str(out_vcf), "--db", str(db_path), "--json")
    assert (code, json.loads(out)["skipped"], json.loads(out)["created"]) == (0, 2, 0)

    code, _out, err = run(capsys, "export", "contacts", "--db", str(db_path), "--out", str(out_csv), "--circle", "amis")
    assert code == 1 and "Cercle inconnu « amis »" in err


def test_search_refresh_held_up_after_the_commit_is_a_warning_not_a_failure(
    db_path: Path,
    excel_file: Path,
    capsys: pytest.CaptureFixture[str],
    search_refresh_held_up: Callable[[], None],
) -> None:
    from communitydesk.db.database import open_database
    from communitydesk.services.contact_search import count as search_count
    from communitydesk.services.permissions import SYSTEM

    code, out, err = run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["created"] == 3
    assert any("enregistrés" in warning["message"] for warning in summary["warnings"])
    assert count(db_path) == 3  # committed, as the exit code says

    code, _out, err = run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path), "--update")
    assert code == 0
    assert "Attention : Les contacts sont enregistrés" in err

    search_refresh_held_up()  # the other program is done
    db = open_database(db_path)
    try:
        assert search_count(db, SYSTEM, "zoé lambert") == 1  # the next search indexes what was left queued
    finally:
        db.close()


# Each process runs the real command; the three meet on SQLite's lock (busy timeout) and each
# either waits for the others or, past the timeout, says that nothing was saved.
IMPORT_WITH_SHORT_WAIT = "import sys; from communitydesk.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.slow
def test_three_imports_started_together_say_what_happened_to_their_contacts(db_path: Path, tmp_path: Path) -> None:
    from communitydesk.db.database import open_database
    from communitydesk.services.contact_search import count as search_count
    from communitydesk.services.permissions import SYSTEM

    files = []
    for k in range(3):
        path = tmp_path / f"fichier{k}.csv"
        lines = [f"Nom{k}x{i};Prénom;p{k}.{i}@exemple.fr" for i in range(4000)]
        path.write_text("Nom;Prénom;E-mail\n" + "\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORT_WITH_SHORT_WAIT, "import", "contacts", str(path), "--db", str(db_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    outcomes = [(p.wait(timeout=300), *p.communicate()) for p in processes]

    conn = sqlite3.connect(db_path)
    try:
        emails = {row[0] for row in conn.execute("SELECT email FROM contacts")}
    finally:
        conn.close()
    for k, (code, out, err) in enumerate(outcomes):
        saved = {email for email in emails if email.startswith(f"p{k}.")}
        if code == 0:
            assert "4000 créés" in out, err
            assert len(saved) == 4000, f"import {k} said it saved its contacts: {err}"
        else:
            assert code == 1, err
            assert "Rien n'a été enregistré" in err, err
            assert saved == set(), f"import {k} said nothing was saved"
            assert "Traceback" not in err
    assert any(code == 0 for code, _out, _err in outcomes)
    db = open_database(db_path)
    try:
        for k, (code, _out, _err) in enumerate(outcomes):
            assert search_count(db, SYSTEM, f"nom{k}x3999") == (1 if code == 0 else 0)
    finally:
        db.close()


def many_contacts(count: int) -> list[str]:
    return ["Prénom;Nom;Courriel"] + [f"P{n};N{n};p{n}@exemple.fr" for n in range(count)]


def stray_quote() -> bytes:
    lines = many_contacts(1000)
    lines[3] = '"P2;N2;p2@exemple.fr'  # line 4: the quote is never closed, the 997 lines after it were one cell
    return ("\r\n".join(lines) + "\r\n").encode()


def two_stray_quotes() -> bytes:
    lines = many_contacts(1000)
    lines[3], lines[200] = '"P2;N2;p2@exemple.fr', 'P199";N199;p199@exemple.fr'
    return ("\r\n".join(lines) + "\r\n").encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (stray_quote(), "« x.csv », ligne 4 : un guillemet (\") ouvre une cellule qui n'est jamais refermée"),
        (two_stray_quotes(), "« x.csv », ligne 4 : une cellule entre guillemets s'étend sur 198 lignes"),
        (b"Nom;Nom;Courriel\r\nDurand;Martin;d@exemple.fr\r\n", "colonne en double dans l'en-tête : « Nom »"),
        ((";".join(f"c{n}" for n in range(1_000_000)) + "\nA\n").encode(), "l'en-tête a 1000000 colonnes"),
        (b"Nom;Notes\nDurand;x\rsuite\n", "ligne 2 : le fichier CSV est mal formé (un retour chariot isolé"),
    ],
    ids=["stray-quote", "two-stray-quotes", "repeated-column", "million-columns", "lone-cr"],
)
def test_a_file_not_read_whole_is_refused_and_nothing_written(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    code, out, err = run(capsys, "import", "contacts", str(path), "--db", str(db_path), "--json")
    assert (code, out, count(db_path)) == (1, "", 0)
    assert err.startswith("Erreur : ") and message in err
    assert len(err) < 400  # a sentence, not the file


def test_control_characters_are_taken_out_and_reported(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.csv"
    # A NUL deep in the file (past the binary sniffing of its start) and an escape character.
    lines = many_contacts(3000)
    lines[2500] = "Zo\x00é;Lam\x1bbert;zoe@exemple.fr"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "contacts", str(path), "--db", str(db_path), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["created"], summary["errors"]) == (3000, [])
    assert summary["warnings"] == [
        {
            "line": 2501,
            "field": field,
            "message": f"Ligne 2501, « {field} » : 1 caractère de contrôle invisible (NUL, échappement…) retiré.",
        }
        for field in ("Prénom", "Nom")
    ]
    conn = sqlite3.connect(db_path)
    try:
        names = conn.execute("SELECT first_name, last_name FROM contacts WHERE email = 'zoe@exemple.fr'").fetchall()
        stray = conn.execute("SELECT COUNT(*) FROM contacts WHERE instr(first_name, char(0)) > 0").fetchone()[0]
    finally:
        conn.close()
    assert (names, stray) == ([("Zoé", "Lambert")], 0)
    code, _out, err = run(capsys, "import", "contacts", str(path), "--db", str(db_path), "--dry-run")
    assert code == 0 and "Attention : Ligne 2501, « Prénom » : 1 caractère de contrôle" in err


def test_vcards_mixing_encodings_and_an_empty_card(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "carnet.vcf"
    phone = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Durand;Amélie;;;\r\nEMAIL:amelie@exemple.fr\r\nEND:VCARD\r\n"
    outlook = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lefèvre;Zoé\r\nEMAIL:zoe@exemple.fr\r\nEND:VCARD\r\n"
    empty = "BEGIN:VCARD\r\nVERSION:3.0\r\nBDAY:1990-01-01\r\nEND:VCARD\r\n"
    path.write_bytes(phone.encode() + outlook.encode("cp1252") + empty.encode())
    code, out, err = run(capsys, "import", "contacts", str(path), "--db", str(db_path), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["created"] == 2
    assert summary["errors"] == [
        {
            "line": 11,
            "field": "VCARD",
            "message": "Ligne 11 : fiche vCard sans nom, organisation, e-mail, téléphone ni adresse : ignorée.",
        }
    ]
    conn = sqlite3.connect(db_path)
    try:
        names = conn.execute("SELECT first_name, last_name FROM contacts ORDER BY id").fetchall()
    finally:
        conn.close()
    assert names == [("Amélie", "Durand"), ("Zoé", "Lefèvre")]


def test_search_finds_the_imported_people_as_json(
    db_path: Path, excel_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path))[0] == 0
    code, out, err = run(capsys, "search", "helene", "--db", str(db_path), "--json")
    assert code == 0, err
    assert json.loads(out) == [{"id": 1, "name": "Hélène Dupré", "circle": "proches"}]
    code, out, _err = run(capsys, "search", "06 12", "--db", str(db_path), "--limit", "5")
    assert (code, out) == (0, "1\tHélène Dupré\tProches\n")
    code, out, err = run(capsys, "search", "personne", "--db", str(db_path), "--json")
    assert (code, json.loads(out), err) == (0, [], "")
    code, out, err = run(capsys, "search", "x", "--db", str(db_path), "--limit", "0")
    assert (code, out) == (1, "") and "--limit" in err
    code, _out, err = run(capsys, "search", "x", "--db", str(tmp_path / "absente.sqlite3"))
    assert code == 1 and "n'existe pas" in err
    assert not (tmp_path / "absente.sqlite3").exists()
    with pytest.raises(SystemExit) as usage:
        main(["search", "--db", str(db_path)])
    assert usage.value.code == 2


def test_a_circle_tags_and_a_source_for_every_line(
    db_path: Path, excel_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    salon = tmp_path / "salon.csv"
    salon.write_text("Prénom;Nom;Ville;Cercle\r\nAnne;Roux;Lyon;\r\nLuc;Blanc;Nantes;Proches\r\n", encoding="utf-8")
    argv = ["import", "contacts", str(salon), "--db", str(db_path), "--circle", "Communauté"]
    argv += ["--tag", "salon X", "--tag", "bénévole, presse", "--source", "Salon X 2026"]
    code, _out, err = run(capsys, *argv)
    assert code == 0, err
    conn = sqlite3.connect(db_path)
    try:
        found = conn.execute("SELECT first_name, circle, source, tags_text FROM contacts ORDER BY id").fetchall()
    finally:
        conn.close()
    assert found == [
        ("Anne", "communaute", "Salon X 2026", "bénévole, presse, salon X"),
        ("Luc", "proches", "Salon X 2026", "bénévole, presse, salon X"),  # the line's own circle wins
    ]
    code, _out, err = run(capsys, "import", "contacts", str(salon), "--db", str(db_path), "--circle", "amis")
    assert code == 1 and "Cercle inconnu « amis »" in err
