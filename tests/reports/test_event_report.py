"""The event report PDF: services.event_figures' figures as they are, the consents, the proposed moves."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DOCUMENTS, DocumentOptions, generate_pdf
from communitydesk.errors import ValidationError
from communitydesk.formatting import percent
from communitydesk.records.events import EventDraft, SignInLineDraft
from communitydesk.services import events, sign_in_sheet
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.event_figures import event_report
from communitydesk.services.permissions import Actor


def test_the_report_prints_the_figures_of_the_events_page(
    identity_db: Database, actor: Actor, tmp_path: Path, read_back
) -> None:
    db = identity_db
    draft = EventDraft(
        name="Atelier vélo", starts_on=date(2026, 10, 3), kind="atelier", starts_time=time(14), place="Garage solidaire"
    )
    event_id = events.create_event(db, actor, draft)
    camille = create_contact(db, actor, ContactInput(first_name="Camille", last_name="Dupont", email="c@exemple.fr"))
    for first, last in (("Hélène", "Durand"), ("Bruno", "Petit"), ("Zoé", "Lefèvre")):
        contact = create_contact(db, actor, ContactInput(first_name=first, last_name=last)).id
        events.set_status(db, actor, event_id, contact, "inscrit")
    events.set_status(db, actor, event_id, camille.id, "inscrit")
    # Camille came and ticked the newsletter; a walk-in, new, ticked joining the community and photos.
    line = SignInLineDraft(last_name="Dupont", first_name="Camille", email="c@exemple.fr", consents=("newsletter",))
    sign_in_sheet.save_line(db, actor, event_id, 1, line)
    walk_in = SignInLineDraft(last_name="Nouvelle", first_name="Inès", consents=("communaute", "photos"))
    sign_in_sheet.save_line(db, actor, event_id, 5, walk_in, sign_in_sheet.CREATE)
    report = event_report(db, actor, event_id)
    assert report.registered == 5 and report.present == 2 and report.new_contacts == 1

    out = tmp_path / "report.pdf"
    generate_pdf("event-report", db, actor, DocumentOptions(event="atelier velo"), out)
    pdf = read_back(out)
    text = pdf.flat_text()
    assert "Bilan de l’événement" in text and "Atelier vélo" in text
    assert "samedi 3 octobre 2026, à 14 h" in text and "Atelier · Garage solidaire" in text
    assert report.attendance_rate is not None
    rate = f"{percent(report.attendance_rate)} taux de présence"
    for figure in ("5 personnes inscrites", "2 personnes présentes", rate):
        assert " ".join(figure.split()) in text, figure
    assert "1 nouveau contact" in text and "3 consentements recueillis" in text
    assert "Lettre d’information 1" in text and "Photos 1" in text and "Communauté 1" in text and "Total 3" in text
    for move in report.proposed_moves:
        assert move.name in text
    assert {move.name for move in report.proposed_moves} == {"Camille Dupont", "Inès Nouvelle"}
    assert "Grand public Communauté" in text
    fonts = pdf.embedded_fonts()
    assert fonts and all(fonts.values())
    assert DOCUMENTS["event-report"].uses_event


def test_a_report_before_the_event_says_there_is_nothing_yet(
    identity_db: Database, actor: Actor, tmp_path: Path, read_back
) -> None:
    events.create_event(identity_db, actor, EventDraft(name="Assemblée générale", starts_on=date(2027, 4, 10)))
    out = tmp_path / "report.pdf"
    generate_pdf("event-report", identity_db, actor, DocumentOptions(event="Assemblée"), out)
    text = read_back(out).flat_text()
    assert "— taux de présence" in text and "Aucun changement de cercle proposé" in text
    with pytest.raises(ValidationError, match="Indiquez l'événement"):
        generate_pdf("event-report", identity_db, actor, DocumentOptions(), out)
