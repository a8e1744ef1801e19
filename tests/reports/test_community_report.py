"""Community report: figures and charts for a period; a new organisation gets a sensible page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DocumentOptions, generate_pdf
from communitydesk.formatting import number
from communitydesk.i18n import set_language
from communitydesk.rules.periods import Period
from communitydesk.services.community_report import community_report_data
from communitydesk.services.demo import populate
from communitydesk.services.permissions import Actor


def test_report_of_a_living_community(db: Database, actor: Actor, tmp_path: Path, read_back, page_ink) -> None:
    populate(db, actor, contacts=400, seed=11)
    period = Period.default()
    out = tmp_path / "rapport.pdf"
    result = generate_pdf("community-report", db, actor, DocumentOptions(period=period), out)
    data = community_report_data(db, actor, period)
    pdf = read_back(out)
    assert result.pages == pdf.pages >= 2
    text = pdf.flat_text()
    for heading in (
        "Contacts par cercle",
        "Déplacements entre cercles",
        "Nouveaux contacts par source",
        "Points de contact par semaine",
        "Contacts à relancer",
        "Tags les plus portés",
    ):
        assert heading in text
    # Totals printed are the service's.
    assert f"Total {number(sum(data.by_circle_at_start.values()))} {number(data.total)}" in text
    assert f"Total {number(data.new_total)} 100 %" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert f"{data.moves_inward} contacts rapprochés du projet" in text
    assert "Grand public → Communauté" in text
    assert "bouche-à-oreille" in text and "Événement" in text and "bénévole" in text
    assert f"Page {pdf.pages} / {pdf.pages}" in text
    assert "Les Ateliers du Lien" in text  # the demo's organisation, in the header
    assert pdf.metadata["/Title"] == "Rapport de communauté"
    assert pdf.metadata["/Subject"].startswith("Rapport de communauté — Du ")
    assert pdf.language == "fr-FR"
    assert page_ink(out) > 0.03
    assert page_ink(out, 2) > 0.03


def test_report_in_english(db: Database, actor: Actor, tmp_path: Path, read_back) -> None:
    populate(db, actor, contacts=60, seed=3)
    set_language("en")
    out = tmp_path / "report.pdf"
    period = Period(date(2026, 1, 1), date(2026, 12, 31))
    generate_pdf("community-report", db, actor, DocumentOptions(period=period), out)
    pdf = read_back(out)
    text = pdf.flat_text()
    assert "Community report" in text and "From 1 January 2026 to 31 December 2026" in text
    assert pdf.language == "en-GB"


def test_a_new_organisation_gets_a_sensible_report(
    identity_db: Database, actor: Actor, tmp_path: Path, read_back, page_ink
) -> None:
    out = tmp_path / "vide.pdf"
    period = Period(date(2026, 1, 1), date(2026, 3, 31))
    result = generate_pdf("community-report", identity_db, actor, DocumentOptions(period=period), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages == 1
    text = pdf.flat_text()
    assert "Aucun contact n’est encore enregistré." in text or "Aucun contact n'est encore enregistré." in text
    assert "importez un fichier CSV" in text
    assert "Du 1er janvier 2026 au 31 mars 2026" in text
    assert "Page 1 / 1" in text
    assert page_ink(out) > 0.005


def test_a_quiet_period_says_so_instead_of_drawing_nothing(
    db: Database, actor: Actor, tmp_path: Path, read_back, add_people
) -> None:
    add_people(db, [{"first_name": "Łukasz", "last_name": "Ødegaard", "circle": "proches", "tags": ["œnologie"]}])
    out = tmp_path / "calme.pdf"
    # A period long before anybody arrived: no move, no new contact, no touch point.
    period = Period(date(2020, 1, 1), date(2020, 1, 31))
    generate_pdf("community-report", db, actor, DocumentOptions(period=period), out)
    text = read_back(out).flat_text()
    assert "Aucun déplacement entre cercles sur la période." in text
    assert "Aucun nouveau contact sur la période." in text
    assert "Aucun point de contact enregistré sur la période." in text
    assert "œnologie" in text  # tags are counted today, whatever the period
