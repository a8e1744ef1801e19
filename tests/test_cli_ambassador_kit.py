"""`communitydesk export pdf ambassador-kit` and `export ambassador-brief`, in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.services import ambassadors, settings
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def camille(db: Database, actor: Actor) -> int:
    with db.transaction() as session:
        settings.save_referral_base_url(session, actor, "https://exemple.org/r/{code}?src=kit")
    contact = create_contact(db, actor, ContactInput(first_name="Camille", last_name="Dupont"))
    return ambassadors.enrol(db, actor, contact.id, "client")


def test_export_pdf_ambassador_kit(
    capsys: pytest.CaptureFixture[str], db_path: Path, camille: int, tmp_path: Path
) -> None:
    out = tmp_path / "kit.pdf"
    code, printed, _err = run(
        capsys, "export", "pdf", "ambassador-kit", "--db", str(db_path), "--ambassador", str(camille), "--out", str(out)
    )
    assert code == 0 and "7 pages" in printed
    text = PdfReader(out).pages[0].extract_text()
    assert "Camille Dupont" in text and "https://exemple.org/r/" in text and "?src=kit" in text
    # Without --ambassador: every active one, and there is none yet (a candidate only).
    code, _out, err = run(capsys, "export", "pdf", "ambassador-kit", "--db", str(db_path), "--out", str(out))
    assert code == 1 and "Aucun ambassadeur actif" in err


def test_export_ambassador_brief(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.txt"
    code, printed, _err = run(
        capsys, "export", "ambassador-brief", "--db", str(db_path), "--out", str(out), "--from", "01/12/2026"
    )
    assert code == 0 and "0 publication, 0 mission" in printed
    assert out.read_text(encoding="utf-8").startswith("À partager du 1er décembre 2026 au 15 décembre 2026")
    html = tmp_path / "brief.html"
    code, _out, _err = run(capsys, "export", "ambassador-brief", "--db", str(db_path), "--out", str(html))
    assert code == 0 and html.read_text(encoding="utf-8").startswith('<div lang="fr">')
    code, _out, err = run(
        capsys, "export", "ambassador-brief", "--db", str(db_path), "--out", str(out), "--from", "31/02/2026"
    )
    assert code == 2 or code == 1
    assert "--from" in err
