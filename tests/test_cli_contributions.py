"""`communitydesk import contributions` and the campaigns of `stats --json`, in-process."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from communitydesk.cli import main

ULULE = (
    "N° de commande;Date de création;Montant;Prénom;Nom;Email;Contrepartie;Statut;Anonyme\n"
    "U-1;01/03/2026 09:00;50,00 €;Hélène;Durand;helene@exemple.fr;Tote bag;Payé;non\n"
    "U-2;02/03/2026;1 200,00 €;Zoé;Marchand;zoe@exemple.fr;;Payé;oui\n"
    "U-3;03/03/2026;15,00 €;Zoé;Marchand;zoe@exemple.fr;;Remboursé;non\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_import_twice_then_stats(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "ulule.csv"
    export.write_bytes(ULULE.encode("cp1252"))
    args = (
        "import",
        "contributions",
        str(export),
        "--db",
        str(db_path),
        "--campaign",
        "Vélo-école",
        "--platform",
        "ulule",
        "--json",
    )
    code, out, err = run(capsys, *args)
    assert code == 1 and "--create" in err  # no such campaign yet
    code, out, _err = run(capsys, *args, "--create")
    assert code == 0
    assert json.loads(out) == {"created": 3, "updated": 0, "skipped": 0, "errors": [], "warnings": []}
    code, out, _err = run(capsys, *args)
    assert code == 0
    assert json.loads(out) == {"created": 0, "updated": 0, "skipped": 3, "errors": [], "warnings": []}

    code, out, _err = run(capsys, "stats", "--db", str(db_path), "--json")
    assert code == 0
    (campaign,) = json.loads(out)["campaigns"]
    assert campaign["name"] == "Vélo-école"
    assert (campaign["total_cents"], campaign["contributions"], campaign["backers"]) == (125_000, 2, 2)
    assert campaign["by_circle_cents"] == {"proches": 0, "communaute": 0, "grand_public": 125_000}


def test_bad_rows_exit_1_and_write_nothing(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "bad.csv"
    export.write_text(
        "Référence;Date;Montant;Courriel\nA1;01/03/2026;10,00;a@exemple.fr\n"
        "A2;01/03/2026;-4,00;b@exemple.fr\nA3;1er mars;4,00;c@exemple.fr\n",
        encoding="utf-8",
    )
    code, out, _err = run(
        capsys,
        "import",
        "contributions",
        str(export),
        "--db",
        str(db_path),
        "--campaign",
        "Caisse",
        "--platform",
        "generic",
        "--create",
        "--json",
    )
    assert code == 1
    result = json.loads(out)
    assert [(e["line"], e["field"]) for e in result["errors"]] == [(3, "Montant"), (4, "Date")]
    assert result["created"] == 0
    assert count(db_path, "contributions") == 0 and count(db_path, "campaigns") == 0
    assert count(db_path, "contacts") == 0


def test_mapping_file_and_dry_run(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "caisse.csv"
    export.write_text('Num,Quand,Somme\nT1,02/03/2026,"12,50"\n', encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"columns": {"reference": "Num", "date": "Quand", "amount": "Somme"}}))
    base = (
        "import",
        "contributions",
        str(export),
        "--db",
        str(db_path),
        "--campaign",
        "Caisse",
        "--platform",
        "generic",
        "--mapping",
        str(mapping),
        "--create",
        "--json",
    )
    code, out, _err = run(capsys, *base, "--dry-run")
    assert code == 0 and json.loads(out)["created"] == 1
    assert count(db_path, "contributions") == 0
    code, out, _err = run(capsys, *base)
    assert code == 0 and count(db_path, "contributions") == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (ULULE.replace("U-2;", '"U-2;', 1) + "U-4;04/03/2026;5;A;B;a@exemple.fr;;Payé;non\n", "ligne 3 : un guillemet"),
        (ULULE.replace("Montant;Prénom", "Montant;Montant", 1), "colonne en double dans l'en-tête : « Montant »"),
    ],
    ids=["stray-quote", "repeated-column"],
)
def test_a_file_not_read_whole_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    export = tmp_path / "ulule.csv"
    export.write_text(text, encoding="utf-8")
    code, out, err = run(
        capsys,
        *("import", "contributions", str(export), "--db", str(db_path)),
        *("--campaign", "Vélo-école", "--platform", "ulule", "--create", "--json"),
    )
    assert (code, out) == (1, "")
    assert err.startswith("Erreur : « ulule.csv », ") and message in err
    assert count(db_path, "contributions") == count(db_path, "campaigns") == 0


SAMPLE = Path(__file__).parent / "samples" / "ulule_commandes.csv"


def test_skip_bad_lines_imports_the_good_ones_and_exits_0(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "mixed.csv"
    export.write_text(
        "Référence;Date;Montant;Courriel\nA1;01/03/2026;10,00;a@exemple.fr\n"
        "A2;01/03/2026;-4,00;b@exemple.fr\nA3;02/03/2026;4,00;c@exemple.fr\n",
        encoding="utf-8",
    )
    base = ("import", "contributions", str(export), "--db", str(db_path), "--campaign", "Caisse")
    code, out, err = run(capsys, *base, "--platform", "generic", "--create")
    assert code == 1 and "--skip-bad-lines" in err  # strict by default: nothing written
    assert count(db_path, "contributions") == 0
    code, out, err = run(capsys, *base, "--platform", "generic", "--create", "--skip-bad-lines")
    assert code == 0 and "0 mise à jour" in out and "1 ligne laissée de côté" in err
    assert "Ligne 3, « Montant »" in err
    assert count(db_path, "contributions") == 2
    code, out, _err = run(capsys, *base, "--platform", "generic", "--skip-bad-lines", "--json")
    assert code == 0
    result = json.loads(out)
    assert (result["created"], result["skipped"], [e["line"] for e in result["errors"]]) == (0, 2, [3])


def test_skip_bad_lines_exits_1_when_every_line_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "bad.csv"
    export.write_text("Référence;Date;Montant\nA1;hier;10\nA2;01/03/2026;-4\n", encoding="utf-8")
    code, out, _err = run(
        capsys,
        *("import", "contributions", str(export), "--db", str(db_path), "--campaign", "Caisse"),
        *("--platform", "generic", "--create", "--skip-bad-lines", "--json"),
    )
    assert code == 1 and json.loads(out)["created"] == 0
    assert count(db_path, "contributions") == count(db_path, "campaigns") == 0


def test_ulule_order_export(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys,
        *("import", "contributions", str(SAMPLE), "--db", str(db_path), "--campaign", "Vélo-école"),
        *("--platform", "ulule", "--create", "--json"),
    )
    assert code == 0
    assert json.loads(out) == {"created": 5, "updated": 0, "skipped": 0, "errors": [], "warnings": []}
    assert count(db_path, "contributions") == 5 and count(db_path, "contribution_lines") == 7
