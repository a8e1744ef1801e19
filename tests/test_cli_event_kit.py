"""`communitydesk export pdf event-kit --event NAME_OR_ID`, in-process."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.records.events import EventDraft
from communitydesk.services import events
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_pdf_event_kit(
    capsys: pytest.CaptureFixture[str], db: Database, actor: Actor, db_path: Path, tmp_path: Path
) -> None:
    event_id = events.create_event(db, actor, EventDraft(name="Stand du marché", starts_on=date(2027, 5, 8)))
    contact = create_contact(db, actor, ContactInput(first_name="Camille", last_name="Dupont")).id
    events.set_status(db, actor, event_id, contact, "inscrit")
    out = tmp_path / "kit.pdf"
    command = ["export", "pdf", "event-kit", "--db", str(db_path), "--out", str(out)]
    code, printed, _err = run(capsys, *command, "--event", "stand du marche")
    assert code == 0 and "5 pages" in printed
    text = PdfReader(out).pages[0].extract_text()
    assert "Stand du marché" in text and "samedi 8 mai 2027" in text and "Dupont" in text
    code, _out, _err = run(capsys, *command, "--event", str(event_id))
    assert code == 0
    # Without --event, or naming no event: refused, nothing written.
    out.unlink()
    code, _out, err = run(capsys, *command)
    assert code == 1 and "Indiquez l'événement (--event NOM_OU_NUMÉRO)" in err
    code, _out, err = run(capsys, *command, "--event", "Concert")
    assert code == 1 and "Aucun événement ne s'appelle « Concert »" in err
    assert not out.exists()
