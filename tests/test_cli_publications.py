"""`communitydesk import publications`, `export ics` and `export publications`, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from communitydesk.cli import main

PLAN = (
    "Date;Heure;Réseau;Titre;Statut\r\n"
    "28/03/2027;9h30;LinkedIn, FB;Printemps;prête\r\n"
    "31/02/2027;;FB;Impossible;\r\n"
    ";;;Une idée;\r\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_bytes(PLAN.encode("cp1252"))
    return path


def test_import_json_then_again_creates_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, plan_file: Path
) -> None:
    code, out, _err = run(capsys, "import", "publications", str(plan_file), "--db", str(db_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["created"], data["updated"], data["skipped"]) == (2, 0, 0)
    assert data["errors"] == [{"line": 3, "field": "Date", "message": "cette date n'existe pas : « 31/02/2027 »"}]
    code, out, _err = run(capsys, "import", "publications", str(plan_file), "--db", str(db_path), "--json")
    assert (code, json.loads(out)["created"], json.loads(out)["skipped"]) == (0, 0, 2)


def test_a_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, plan_file: Path, tmp_path: Path
) -> None:
    code, out, _err = run(capsys, "import", "publications", str(plan_file), "--db", str(db_path), "--dry-run")
    assert code == 0 and "Simulation" in out and "2 créées" in out
    code, out, _err = run(capsys, "export", "publications", "--db", str(db_path), "--out", str(tmp_path / "p.csv"))
    assert code == 0 and "0 publication exportée" in out


def test_a_refused_file_exits_1(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    no_title = tmp_path / "sans-titre.csv"
    no_title.write_text("Date;Réseau\n14/01/2027;FB\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", "publications", str(no_title), "--db", str(db_path))
    assert code == 1 and "Erreur" in err and "Titre" in err
    all_bad = tmp_path / "tout-faux.csv"
    all_bad.write_text("Date;Titre\n31/02/2027;Impossible\n", encoding="utf-8")
    code, out, _err = run(capsys, "import", "publications", str(all_bad), "--db", str(db_path), "--json")
    assert code == 1 and json.loads(out)["created"] == 0


def test_export_ics_with_a_period(
    capsys: pytest.CaptureFixture[str], db_path: Path, plan_file: Path, tmp_path: Path
) -> None:
    run(capsys, "import", "publications", str(plan_file), "--db", str(db_path))
    out_file = tmp_path / "calendrier.ics"
    code, out, _err = run(
        capsys,
        "export",
        "ics",
        "--db",
        str(db_path),
        "--out",
        str(out_file),
        "--from",
        "2027-03-01",
        "--to",
        "31/03/2027",
    )
    assert code == 0 and "1 événement écrit" in out
    (event,) = Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "[LinkedIn, Facebook] Printemps"
    code, out, _err = run(capsys, "export", "ics", "--db", str(db_path), "--out", str(out_file), "--only", "events")
    assert code == 0 and "0 événement écrit" in out
    code, _out, err = run(capsys, "export", "ics", "--db", str(db_path), "--out", str(out_file), "--from", "demain")
    assert code == 1 and "--from" in err
    with pytest.raises(SystemExit) as usage:
        main(["export", "ics", "--db", str(db_path), "--out", str(out_file), "--only", "tout"])
    assert usage.value.code == 2


def test_export_publications_then_import_it_back(
    capsys: pytest.CaptureFixture[str], db_path: Path, plan_file: Path, tmp_path: Path
) -> None:
    run(capsys, "import", "publications", str(plan_file), "--db", str(db_path))
    out_file = tmp_path / "plan-exporte.csv"
    code, out, _err = run(capsys, "export", "publications", "--db", str(db_path), "--out", str(out_file))
    assert code == 0 and "2 publications exportées" in out
    code, out, _err = run(capsys, "import", "publications", str(out_file), "--db", str(db_path), "--json")
    assert (code, json.loads(out)) == (0, {"created": 0, "updated": 0, "skipped": 2, "errors": [], "warnings": []})
