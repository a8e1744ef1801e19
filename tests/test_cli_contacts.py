"""`communitydesk import contacts` and `communitydesk export contacts`, in-process."""

from __future__ import annotations

import json
import sqlite3
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
        "created": 2,
        "updated": 0,
        "merged": 1,
        "skipped": 0,
        "errors": [
            {
                "line": 3,
                "field": "Courriel",
                "message": "Ligne 3, « Courriel » : adresse e-mail non valide « paul@exemple ».",
            }
        ],
    }
    code, out, _err = run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path), "--json")
    # Everyone known: the repeated Hélène line too is now a line matching the base.
    assert (code, json.loads(out)["created"], json.loads(out)["skipped"]) == (0, 0, 3)
    assert count(db_path) == 2


def test_dry_run_and_update_in_words(db_path: Path, excel_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "contacts", str(excel_file), "--db", str(db_path), "--dry-run")
    assert code == 0
    assert out.splitlines() == [
        "Simulation : rien n'a été enregistré.",
        "2 créé(s), 0 mis à jour, 1 fusionné(s) (doublons dans le fichier), 0 ignoré(s) (déjà dans la base).",
    ]
    assert "1 ligne(s) non importée(s) :" in err and "Ligne 3, « Courriel »" in err
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
    assert out.strip() == f"1 contact(s) exporté(s) dans « {out_csv} »."
    assert ';"=""01000""";' in out_csv.read_bytes().decode("utf-8-sig")  # the CSV form of ="01000"

    out_vcf = tmp_path / "presse.vcf"
    code, _out, err = run(capsys, "export", "contacts", "--db", str(db_path), "--out", str(out_vcf), "--tag", "presse")
    assert code == 0, err
    assert out_vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2  # format from the .vcf name

    code, out, _err = run(capsys, "import", "contacts", str(out_vcf), "--db", str(db_path), "--json")
    assert (code, json.loads(out)["skipped"], json.loads(out)["created"]) == (0, 2, 0)

    code, _out, err = run(capsys, "export", "contacts", "--db", str(db_path), "--out", str(out_csv), "--circle", "amis")
    assert code == 1 and "Cercle inconnu « amis »" in err
