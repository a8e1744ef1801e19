"""The event kit PDF read back: the sign-in sheet's names, wordings, versions and numbered lines, badges,
poster and cards (QR codes decoded), the organiser's list, fonts, page sizes, long names."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DOCUMENTS, DocumentOptions, generate_pdf
from communitydesk.errors import ValidationError
from communitydesk.formatting import clock
from communitydesk.i18n import set_language
from communitydesk.records.events import EventDraft
from communitydesk.services import events, settings
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.event_kit import event_kit_data, sheet_people
from communitydesk.services.permissions import Actor

URL = "https://ateliers-du-lien.example/evenements/pentes"
SITE = "https://ateliers-du-lien.example"
EMAIL = "contact@ateliers-du-lien.example"
# 200 characters: a first name and a last name of 99 and 100 (the contact sheet's limits).
FIRST_NAME = ("Marie-Thérèse-Éléonore " + "Anne-Sophie " * 9)[:99].strip()
LAST_NAME = ("de la Fontaine-Bellevue " * 5)[:100].strip()
SHEET_PAGE_LINES = 13  # numbered lines on a landscape page with the repeated header


@pytest.fixture
def kit_db(identity_db: Database, actor: Actor, organisation: settings.Organisation) -> Database:
    with identity_db.transaction() as session:
        settings.save_organisation(session, actor, settings.Organisation(**{**vars(organisation), "email": EMAIL}))
    return identity_db


def event(db: Database, actor: Actor, **fields: object) -> int:
    values: dict[str, object] = {
        "name": "Réunion publique des Pentes",
        "starts_on": date(2027, 6, 12),
        "kind": "reunion_publique",
        "starts_time": time(18, 30),
        "ends_time": time(21, 0),
        "place": "Salle des fêtes de la Croix-Rousse",
        "address": "3 place de la Croix-Rousse\n69004 Lyon",
        "url": URL,
        "description": "Jardin partagé, atelier vélo, fête de quartier : venez en parler.",
    }
    values.update(fields)
    return events.create_event(db, actor, EventDraft(**values))  # type: ignore[arg-type]


def person(db: Database, actor: Actor, event_id: int, first: str, last: str, status: str, **fields: str) -> int:
    contact = create_contact(db, actor, ContactInput(first_name=first, last_name=last, **fields)).id  # type: ignore[arg-type]
    if status == "invite":
        events.invite(db, actor, event_id, [contact])
    else:
        events.set_status(db, actor, event_id, contact, status)
    return contact


def sheet_numbers(text: str) -> list[int]:
    """The line numbers of a sign-in sheet page (each is drawn alone: one line of the text)."""
    return [int(line) for line in text.splitlines() if re.fullmatch(r"\d+", line.strip())]


def straight(text: str) -> str:
    """Typeset text compared with typed text: one apostrophe, ordinary spaces."""
    return " ".join(text.replace("’", "'").split())


def test_the_kit_read_back(kit_db: Database, actor: Actor, tmp_path: Path, read_back, decoded) -> None:
    # The photos wording changed before this event was created: its sheet prints version 2 of it.
    events.update_wording(kit_db, actor, "photos", "J'accepte d'apparaître sur les photos publiées de cet événement.")
    event_id = event(kit_db, actor, capacity=20)
    person(kit_db, actor, event_id, "Zoé", "Lefèvre", "inscrit", phone="06 12 34 56 78", email="zoe@exemple.fr")
    person(kit_db, actor, event_id, "Camille", "Dupont", "inscrit", organisation="Vélo Croix-Rousse")
    person(kit_db, actor, event_id, "Hélène", "Durand", "present")
    person(kit_db, actor, event_id, "Bruno", "Petit", "excuse")
    person(kit_db, actor, event_id, "Ivan", "Ivanov", "invite")
    out = tmp_path / "kit.pdf"
    result = generate_pdf("event-kit", kit_db, actor, DocumentOptions(event="pentes"), out)
    pdf = read_back(out)
    # 20 lines at least (the capacity) then to the end of the page: two sheet pages; badges, poster,
    # cards, the organiser's list.
    assert result.pages == pdf.pages == 6
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.reader.pages]
    wide, tall = tuple(round(x) for x in landscape(A4)), tuple(round(x) for x in A4)
    assert sizes == [wide, wide, tall, tall, tall, tall]

    first, second = pdf.text(0), pdf.text(1)
    for text in (first, second):  # the header, the wordings and the notice on every page of the sheet
        flat = straight(text)
        assert "Feuille d'émargement — Réunion publique des Pentes" in flat
        assert "samedi 12 juin 2027, de 18 h 30 à 21 h" in flat
        assert "Salle des fêtes de la Croix-Rousse, 3 place de la Croix-Rousse 69004 Lyon" in flat
        for wording in events.wordings(kit_db, actor, version=2):
            assert f"{wording.label} (Texte v{wording.version}) : {straight(wording.wording)}" in flat
        assert "(Texte v2) : J'accepte d'apparaître sur les photos" in flat
        assert "Lettre d'information (Texte v1)" in flat
        assert "Conformément au RGPD" in flat and "Responsable du traitement : Les Ateliers du Lien" in flat
        for heading in ("N°", "Nom", "Prénom", "E-mail", "Téléphone", "Photos", "Communauté", "Signature"):
            assert heading in text
    # Registered people by name, then numbered lines; the numbers go on on the next page.
    flat = " ".join(first.split())
    assert flat.index("1 Dupont Camille") < flat.index("2 Durand Hélène") < flat.index("3 Lefèvre Zoé")
    assert "Petit" not in first and "Ivanov" not in first  # excused, only invited
    assert "zoe@exemple.fr" not in first  # the sheet goes round the room: no one's e-mail on it
    assert sheet_numbers(first) == list(range(1, SHEET_PAGE_LINES + 1))
    assert sheet_numbers(second) == list(range(SHEET_PAGE_LINES + 1, 2 * SHEET_PAGE_LINES + 1))
    assert "Page 1 / 6" in first and "Page 2 / 6" in second

    badges, poster, cards, attendees = (pdf.text(page) for page in range(2, 6))
    for name in ("Camille", "Dupont", "Vélo Croix-Rousse", "Hélène", "Durand", "Zoé", "Lefèvre"):
        assert name in badges
    assert badges.count("Prénom") == 5  # 3 badges with names, 5 to fill in: a full sheet of 8
    assert "Petit" not in badges
    poster_text = straight(poster)
    for text in (
        "RÉUNION PUBLIQUE",
        "Réunion publique des Pentes",
        "samedi 12 juin 2027",
        "de 18 h 30 à 21 h",
        "3 place de la Croix-Rousse",
        "69004 Lyon",
        "Jardin partagé, atelier vélo",
        "Inscription et informations",
        URL,
    ):
        assert text in poster_text, text
    assert cards.count(EMAIL) == 10 and cards.count(SITE) == 10
    for page in range(2, 5):
        assert "Page " not in pdf.text(page)  # bare pages: no header, footer nor number
    assert "Liste des inscrits" in attendees and "4 inscrits · 1 présent" in straight(attendees)
    for text in ("zoe@exemple.fr", "06 12 34 56 78", "inscrit", "présent", "excusé", "Petit"):
        assert text in attendees
    assert "Ivanov" not in attendees
    assert "Confidentiel · données personnelles (RGPD)" in attendees and "Page 6 / 6" in attendees

    fonts = pdf.embedded_fonts()
    assert fonts and all(fonts.values()), fonts
    assert pdf.metadata["/Title"] == "Kit de l’événement « Réunion publique des Pentes »"
    assert DOCUMENTS["event-kit"].uses_event
    # The poster's code opens the event's page; each card's, the organisation's site.
    assert decoded(out, 4) == [URL]
    assert decoded(out, 5) == [SITE] * 10


def test_without_its_own_page_the_poster_shows_the_site_and_without_either_no_code(
    kit_db: Database, actor: Actor, tmp_path: Path, read_back, decoded
) -> None:
    event_id = event(kit_db, actor, url="")
    out = tmp_path / "site.pdf"
    generate_pdf("event-kit", kit_db, actor, DocumentOptions(event=str(event_id)), out)
    pdf = read_back(out)
    assert pdf.pages == 5  # one sheet page (no one registered: 5 lines, then the page filled)
    assert sheet_numbers(pdf.text(0)) == list(range(1, SHEET_PAGE_LINES + 1))
    assert decoded(out, 3) == [SITE]
    assert "Pour en savoir plus" in pdf.text(2)
    assert "Personne n’est encore inscrit" in pdf.text(4)

    with kit_db.transaction() as session:
        settings.save_organisation(session, actor, settings.Organisation(name="Les Ateliers du Lien"))
    bare = tmp_path / "bare.pdf"
    generate_pdf("event-kit", kit_db, actor, DocumentOptions(event=str(event_id)), bare)
    pdf = read_back(bare)
    assert decoded(bare, 3) == [] and decoded(bare, 4) == []  # no address to encode: no code at all
    assert "Inscription" not in pdf.text(2) and "Pour en savoir plus" not in pdf.text(2)
    assert "https://" not in pdf.text(3) and "@" not in pdf.text(3)


def test_a_200_character_name_wraps_and_is_never_cut(kit_db: Database, actor: Actor, tmp_path: Path, read_back) -> None:
    event_id = event(kit_db, actor, name="Atelier " + "très long " * 15)
    person(kit_db, actor, event_id, FIRST_NAME, LAST_NAME, "inscrit", organisation="Coopérative " * 8)
    person(kit_db, actor, event_id, "Léa", "Martin", "inscrit")
    out = tmp_path / "long.pdf"
    generate_pdf("event-kit", kit_db, actor, DocumentOptions(event=str(event_id)), out)
    pdf = read_back(out)
    assert "…" not in pdf.text()
    for page in (0, 1, pdf.pages - 1):  # sheet, badges, the organiser's list: each name whole, wrapped
        text = "".join(pdf.text(page).split())
        assert "".join(FIRST_NAME.split()) in text and "".join(LAST_NAME.split()) in text, page
    # The long name's line grew: fewer lines fit on the first page, and numbering still goes on.
    first = sheet_numbers(pdf.text(0))
    assert first == list(range(1, len(first) + 1)) and len(first) < SHEET_PAGE_LINES
    assert pdf.flat_text(0).index("Fontaine-Bellevue") < pdf.flat_text(0).index("2 Martin Léa")


def test_the_kit_names_its_event(kit_db: Database, actor: Actor, tmp_path: Path) -> None:
    out = tmp_path / "kit.pdf"
    with pytest.raises(ValidationError, match="Indiquez l'événement"):
        generate_pdf("event-kit", kit_db, actor, DocumentOptions(), out)
    event(kit_db, actor, name="Atelier vélo", starts_on=date(2027, 3, 6))
    event(kit_db, actor, name="Atelier couture", starts_on=date(2027, 3, 13))
    with pytest.raises(ValidationError, match="Plusieurs événements répondent à « atelier »"):
        generate_pdf("event-kit", kit_db, actor, DocumentOptions(event="atelier"), out)
    with pytest.raises(ValidationError, match="Aucun événement"):
        generate_pdf("event-kit", kit_db, actor, DocumentOptions(event="Concert"), out)
    assert not out.exists()
    assert event_kit_data(kit_db, actor, "VELO").event.name == "Atelier vélo"


def test_the_sheet_prints_its_events_wording_version_not_todays(kit_db: Database, actor: Actor) -> None:
    before = event(kit_db, actor, name="Stand du marché")
    events.update_wording(kit_db, actor, "newsletter", "Je veux recevoir la lettre, une fois par mois.")
    after = event(kit_db, actor, name="Apéro de rentrée")
    old = {w.purpose: w for w in event_kit_data(kit_db, actor, str(before)).wordings}
    new = {w.purpose: w for w in event_kit_data(kit_db, actor, str(after)).wordings}
    assert old["newsletter"].version == 1 and "J'accepte de recevoir" in old["newsletter"].wording
    assert new["newsletter"].version == 2 and new["newsletter"].wording.startswith("Je veux recevoir la lettre")
    assert new["photos"] == old["photos"]


def test_sheet_people_are_the_registered_by_name(kit_db: Database, actor: Actor) -> None:
    event_id = event(kit_db, actor)
    person(kit_db, actor, event_id, "Élodie", "Zola", "inscrit")
    person(kit_db, actor, event_id, "Anne", "Émery", "absent")
    person(kit_db, actor, event_id, "Marc", "Bidule", "excuse")
    person(kit_db, actor, event_id, "Paul", "Abel", "invite")
    assert [(p.last_name, p.status_label) for p in sheet_people(kit_db, actor, event_id)] == [
        ("Émery", "absent"),
        ("Zola", "inscrit"),
    ]


def test_an_organisation_registers_under_its_name(kit_db: Database, actor: Actor) -> None:
    event_id = event(kit_db, actor)
    person(kit_db, actor, event_id, "", "", "inscrit", kind="organisation", organisation="Amap des Pentes")
    person(kit_db, actor, event_id, "Louise", "Bertin", "inscrit", organisation="Amap des Pentes")
    people = sheet_people(kit_db, actor, event_id)
    assert [(p.last_name, p.first_name, p.organisation) for p in people] == [
        ("Amap des Pentes", "", ""),  # « amap des pentes » sorts before « bertin louise »
        ("Bertin", "Louise", "Amap des Pentes"),
    ]


def test_clock_and_english(kit_db: Database, actor: Actor, tmp_path: Path, read_back) -> None:
    assert clock(time(18, 30)) == "18\u00a0h\u00a030" and clock(time(21, 0)) == "21\u00a0h"
    event_id = event(kit_db, actor)
    set_language("en")  # the fixtures put French back after the test
    assert clock(time(9, 5)) == "09:05"
    out = tmp_path / "en.pdf"
    generate_pdf("event-kit", kit_db, actor, DocumentOptions(event=str(event_id)), out)
    text = read_back(out).flat_text(0)
    assert "Saturday, 12 June 2027, from 18:30 to 21:00" in text and "Sign-in sheet" in text


@pytest.mark.slow
def test_the_kit_reads_on_the_quick_path(kit_db: Database, actor: Actor, tmp_path: Path, cli_modules) -> None:
    """``export pdf event-kit`` never imports SQLAlchemy: a small document, fast (#15)."""
    event_id = event(kit_db, actor)
    out = tmp_path / "kit.pdf"
    command = ["export", "pdf", "event-kit", "--db", str(kit_db.path), "--event", str(event_id), "--out", str(out)]
    modules = cli_modules(command)
    assert "communitydesk.reports.event_kit" in modules
    assert not [name for name in modules if name.startswith(("sqlalchemy", "alembic"))]
    assert out.stat().st_size > 0
