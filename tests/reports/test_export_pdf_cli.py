"""``communitydesk export pdf KIND``: every document headless, French errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.services.demo import populate
from communitydesk.services.permissions import Actor


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        ("charter", ["--template", "collaborator", "--member-name", "Łukasz Ødegaard"], "Łukasz Ødegaard"),
        ("community-report", ["--from", "01/01/2026", "--to", "2026-12-31"], "Du 1er janvier 2026 au 31 décembre 2026"),
        ("contact-list", ["--circle", "proches", "--columns", "last_name,first_name,postcode"], "Cercle : Proches"),
        ("directory", ["--tag", "bénévole"], "Tag : bénévole"),
    ],
)
def test_every_kind_from_the_command_line(
    db: Database, db_path: Path, actor: Actor, tmp_path: Path, capsys, read_back, kind, extra, expected
) -> None:
    populate(db, actor, contacts=80, seed=4)
    db.close()
    out = tmp_path / f"{kind}.pdf"
    assert main(["export", "pdf", kind, "--db", str(db_path), "--out", str(out), *extra]) == 0
    pdf = read_back(out)
    assert expected in pdf.flat_text()
    message = capsys.readouterr().out
    assert f"Document écrit : {out}" in message and (f"({pdf.pages} pages)" in message or "(1 page)" in message)


def test_english_from_the_command_line(db_path: Path, tmp_path: Path, capsys, read_back) -> None:
    out = tmp_path / "charter.pdf"
    assert main(["export", "pdf", "charter", "--db", str(db_path), "--out", str(out), "--lang", "en"]) == 0
    assert read_back(out).language == "en-GB"
    assert "Ambassador charter" in read_back(out).flat_text()
    assert "Document written" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["community-report", "--from", "31/02/2026"], "La date « 31/02/2026 » (--from) n'est pas valide"),
        (["community-report", "--from", "2026-06-01", "--to", "2026-01-01"], "La période est inversée"),
        (["brochure"], "Document inconnu : « brochure »"),
        (["contact-list", "--circle", "amis"], "Cercle inconnu : « amis »"),
        (["contact-list", "--columns", "nom"], "Colonne inconnue : nom"),
        (["contact-list", "--segment", "Jamais enregistré"], "Aucun segment ne s'appelle « Jamais enregistré »"),
    ],
)
def test_mistakes_get_a_french_sentence_and_exit_1(
    db_path: Path, tmp_path: Path, capsys, arguments: list[str], message: str
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["export", "pdf", arguments[0], "--db", str(db_path), "--out", str(out), *arguments[1:]]) == 1
    error = capsys.readouterr().err
    assert error.startswith("Erreur : ") and message in error
    assert "Traceback" not in error
    assert not out.exists()


def test_missing_database(tmp_path: Path, capsys) -> None:
    code = main(
        ["export", "pdf", "charter", "--db", str(tmp_path / "absente.sqlite3"), "--out", str(tmp_path / "x.pdf")]
    )
    assert code == 1
    assert "n'existe pas" in capsys.readouterr().err
    assert not (tmp_path / "absente.sqlite3").exists()
