"""`communitydesk gdpr export` and `communitydesk gdpr erase`, in-process."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.db.erasure_journal import journal_path
from communitydesk.services import contact_search, gdpr, tags, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, get_contact
from communitydesk.services.permissions import Actor

WORDING = "J'accepte de recevoir la lettre d'information."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def person(db: Database, actor: Actor) -> int:
    cid = create_contact(
        db,
        actor,
        ContactInput(
            first_name="Chloé",
            last_name="Mercier",
            email="chloe.mercier@exemple.fr",
            phone="06 98 76 54 32",
            postcode="35000",
            city="Rennes",
            circle="communaute",
        ),
    ).id
    touch_points.add_touch_point(db, actor, cid, "call", "A parlé de sa fille Léa")
    tags.tag_contacts(db, actor, [cid], "bénévole")
    gdpr.add_consent(db, actor, cid, "Lettre d'information", WORDING)
    create_contact(db, actor, ContactInput(first_name="Amélie", last_name="Martin"))
    return cid


def test_export_writes_everything_with_french_keys(
    db: Database, person: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "chloé.json"
    code, printed, err = run(
        capsys, "gdpr", "export", "--db", str(db.path), "--contact", str(person), "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert str(out) in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["contact"]["prénom"] == "Chloé" and data["contact"]["e_mail"] == "chloe.mercier@exemple.fr"
    assert data["contact"]["cercle"] == "communaute"
    assert [m["cercle_d_arrivée"] for m in data["historique_des_cercles"]] == ["communaute"]
    assert [t["résumé"] for t in data["échanges"]] == ["A parlé de sa fille Léa"]
    assert data["consentements"][0]["texte_accepté"] == WORDING
    assert data["étiquettes"] == ["bénévole"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # personal data: its owner only


def test_erase_needs_yes_and_touches_nothing_without_it(
    db: Database, actor: Actor, person: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "gdpr", "erase", "--db", str(db.path), "--contact", str(person))
    assert code == 2
    assert "--yes" in err and "définitif" in err
    assert get_contact(db, actor, person).data.last_name == "Mercier"
    assert not journal_path(db.path).exists()


def test_erase_with_yes_prints_what_was_erased(
    db: Database, actor: Actor, person: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "gdpr", "erase", "--db", str(db.path), "--contact", str(person), "--yes", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "contact_id": person,
        "erased_contacts": [person],
        "touch_points_kept": 1,
        "scrubbed": True,
        "journal": str(journal_path(db.path)),
    }
    assert get_contact(db, actor, person).anonymised_at is not None
    assert contact_search.count(db, actor, "mercier") == 0
    assert contact_search.count(db, actor, "amelie") == 1

    code, _out, err = run(capsys, "gdpr", "erase", "--db", str(db.path), "--contact", str(person), "--yes")
    assert code == 1 and "déjà été effacé" in err


def test_erase_says_it_in_french_without_json(db: Database, person: int, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "gdpr", "erase", "--db", str(db.path), "--contact", str(person), "--yes")
    assert code == 0
    assert f"Contact n° {person} effacé" in out


@pytest.mark.parametrize("verb", ["export", "erase"])
def test_an_unknown_contact_is_a_french_error(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], verb: str
) -> None:
    extra = ["--out", str(tmp_path / "x.json")] if verb == "export" else ["--yes"]
    code, _out, err = run(capsys, "gdpr", verb, "--db", str(db.path), "--contact", "404", *extra)
    assert code == 1
    assert "Erreur : Le contact n° 404 n'existe pas" in err
    assert not (tmp_path / "x.json").exists()


def test_a_missing_base_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "absente.sqlite3"
    code, _out, err = run(capsys, "gdpr", "erase", "--db", str(missing), "--contact", "1", "--yes")
    assert code == 1 and "n'existe pas" in err
    assert not missing.exists()


def test_a_contact_number_must_be_a_number(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["gdpr", "erase", "--db", str(db.path), "--contact", "Chloé", "--yes"])
    assert raised.value.code == 2


def test_export_as_a_readable_pdf_by_its_extension(
    db: Database, person: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "chloé.pdf"
    code, printed, err = run(
        capsys, "gdpr", "export", "--db", str(db.path), "--contact", str(person), "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert str(out) in printed
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Vos données personnelles" in text and "Chloé" in text and "A parlé de sa fille Léa" in text
    assert "bénévole" in text and WORDING.replace("'", "’") in text  # printed with the typographic apostrophe
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_format_option_wins_over_the_extension(
    db: Database, person: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_pdf, as_json = tmp_path / "a.json", tmp_path / "b.pdf"
    base = ("gdpr", "export", "--db", str(db.path), "--contact", str(person))
    assert run(capsys, *base, "--out", str(as_pdf), "--format", "pdf")[0] == 0
    assert run(capsys, *base, "--out", str(as_json), "--format", "json")[0] == 0
    assert as_pdf.read_bytes().startswith(b"%PDF")
    assert json.loads(as_json.read_text(encoding="utf-8"))["contact"]["prénom"] == "Chloé"


def test_export_refusals_write_nothing(
    db: Database, person: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    base = ("gdpr", "export", "--db", str(db.path), "--out", str(out))
    with pytest.raises(SystemExit) as usage:
        main([*base, "--contact", str(person), "--format", "docx"])
    assert usage.value.code == 2 and "docx" in capsys.readouterr().err
    code, _out, err = run(capsys, *base, "--contact", "999999")
    assert code == 1 and err.startswith("Erreur")
    assert [p for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name.startswith(".")] == []


def test_export_pdf_personal_data_needs_the_contact(
    db: Database, person: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.pdf"
    base = ("export", "pdf", "personal-data", "--db", str(db.path), "--out", str(out))
    code, _out, err = run(capsys, *base)
    assert code == 1 and "--contact" in err and not out.exists()
    code, printed, _err = run(capsys, *base, "--contact", str(person))
    assert code == 0 and str(out) in printed and out.read_bytes().startswith(b"%PDF")
