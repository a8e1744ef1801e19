"""The ambassador kit's data, the e-mail signature and the ambassadors' 15-day brief."""

from __future__ import annotations

from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.models.ambassadors import Mission
from communitydesk.records.editorial import PublicationDraft
from communitydesk.services import ambassadors, editorial, settings
from communitydesk.services.ambassador_brief import ambassador_brief, export_ambassador_brief
from communitydesk.services.ambassador_kit import ambassador_kit_data, email_signature
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor

BASE = "https://ateliers.example/rejoindre?parrain="


def enrol(db: Database, actor: Actor, first: str, last: str, kind: str = "passionne", stages: int = 3) -> int:
    """A contact made an ambassador and moved ``stages`` steps along the funnel (3: actif)."""
    contact = create_contact(
        db, actor, ContactInput(first_name=first, last_name=last, email=f"{first.lower()}@example.org")
    )
    ambassador = ambassadors.enrol(db, actor, contact.id, kind)
    for stage in ("selectionne", "accueilli", "actif")[:stages]:
        ambassadors.move_stage(db, actor, ambassador, stage)
    return ambassador


@pytest.fixture
def programme(db: Database, actor: Actor) -> Database:
    with db.transaction() as session:
        settings.save_organisation(
            session,
            actor,
            settings.Organisation(name="Les Ateliers du Lien", website="https://ateliers.example"),
        )
        settings.save_referral_base_url(session, actor, BASE)
    return db


def test_one_ambassador_by_name_or_number(programme: Database, actor: Actor) -> None:
    camille = enrol(programme, actor, "Camille", "Dupont")
    enrol(programme, actor, "Zoé", "Lefèvre", kind="paye")
    by_name = ambassador_kit_data(programme, actor, "  camille DUPONT ")
    by_number = ambassador_kit_data(programme, actor, str(camille))
    assert by_name == by_number
    (kit,) = by_name.ambassadors
    assert kit.name == "Camille Dupont"
    assert kit.referral_url == BASE + kit.referral_code
    assert kit.type_label == "passionné" and not kit.commercially_tied
    assert by_name.identity.name == "Les Ateliers du Lien"
    # The programme's defaults, written at the first enrolment: four roles, five levels, charter v1.
    assert [name for name, _description in by_name.roles] == ["dénicheur", "reporter", "berger", "paparazzi"]
    assert [level.min_months for level in by_name.levels] == [0, 1, 3, 6, 12]
    assert by_name.charter is not None and by_name.charter.version == 1
    assert len(by_name.charter.ambassador_commitments) == len(by_name.charter.organisation_commitments) == 5


def test_without_a_name_every_active_ambassador(programme: Database, actor: Actor) -> None:
    enrol(programme, actor, "Camille", "Dupont")
    enrol(programme, actor, "Zoé", "Lefèvre", kind="salarie")
    enrol(programme, actor, "Ana", "Candidate", stages=0)
    data = ambassador_kit_data(programme, actor, None)
    assert [a.name for a in data.ambassadors] == ["Camille Dupont", "Zoé Lefèvre"]
    assert [a.commercially_tied for a in data.ambassadors] == [False, True]
    # A candidate's kit is printed when asked for by name.
    assert ambassador_kit_data(programme, actor, "Ana Candidate").ambassadors[0].name == "Ana Candidate"


def test_refusals_say_what_to_do(programme: Database, db: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError, match="Aucun ambassadeur actif"):
        ambassador_kit_data(programme, actor, None)
    enrol(programme, actor, "Camille", "Dupont")
    with pytest.raises(ValidationError, match="Aucun ambassadeur « Personne »"):
        ambassador_kit_data(programme, actor, "Personne")
    with programme.transaction() as session:
        settings.save_referral_base_url(session, actor, "")
    with pytest.raises(ValidationError, match="adresse de parrainage"):
        ambassador_kit_data(programme, actor, "Camille Dupont")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.links += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_email_signature_html_and_text(programme: Database, actor: Actor) -> None:
    camille = enrol(programme, actor, "Camille", "<Dupont & fils>")
    html, text = email_signature(programme, actor, camille)
    code = ambassador_kit_data(programme, actor, str(camille)).ambassadors[0].referral_code
    url = BASE + code
    parsed = _Text()
    parsed.feed(html)
    shown = "".join(parsed.text)
    assert "Camille <Dupont & fils>" in shown  # escaped, shown as typed
    assert "Les Ateliers du Lien" in shown and code in shown
    assert url in parsed.links and "https://ateliers.example" in parsed.links
    # Inline styles only: mail clients drop <style> and class names.
    assert "style" not in parsed.tags and "class=" not in html
    assert text.splitlines() == [
        "Camille <Dupont & fils>",
        "Ambassadeur",
        "Les Ateliers du Lien",
        f"Rejoignez-nous avec mon code {code} : {url}",
    ]


def test_the_brief_relays_the_calendar_and_open_missions(programme: Database, actor: Actor) -> None:
    start = date(2026, 12, 1)
    camille = enrol(programme, actor, "Camille", "Dupont")

    def post(title: str, day: date, status: str, link: str = "") -> None:
        draft = PublicationDraft(
            title=title, body=f"Texte de {title}", networks=("linkedin", "instagram"), planned_on=day, link=link
        )
        publication = editorial.create_publication(programme, actor, draft)
        for step in ("a_rediger", "a_valider", "prete", "publiee"):
            if editorial.publication(programme, actor, publication).status == status:
                break
            editorial.move_status(programme, actor, publication, step)

    post("Portes ouvertes", start + timedelta(days=2), "publiee", "https://linkedin.example/p/1")
    post("Appel aux bénévoles", start + timedelta(days=14), "prete")
    post("Une idée datée", start + timedelta(days=3), "idee")
    post("Trop tard", start + timedelta(days=15), "prete")
    with programme.transaction() as session:
        session.add_all(
            [
                Mission(title="Photos du marché", kind="reportage_photo", points=5, due_on=start + timedelta(days=5)),
                Mission(title="Parrainer un voisin", kind="parrainage", points=10, ambassador_id=camille),
                Mission(title="Déjà faite", kind="publication", points=3, status="validee"),
                Mission(title="Échue", kind="publication", points=3, due_on=start - timedelta(days=1)),
            ]
        )
    brief = ambassador_brief(programme, actor, start)
    assert brief.end == date(2026, 12, 15)
    assert [(p.title, p.published, p.networks) for p in brief.posts] == [
        ("Portes ouvertes", True, ("LinkedIn", "Instagram")),
        ("Appel aux bénévoles", False, ("LinkedIn", "Instagram")),
    ]
    assert [(m.title, m.assignee) for m in brief.missions] == [
        ("Photos du marché", ""),
        ("Parrainer un voisin", "Camille Dupont"),
    ]


def test_the_brief_as_html_and_text(programme: Database, actor: Actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    start = date(2026, 12, 1)
    draft = PublicationDraft(title="Fête <de> l'été & co", networks=("facebook",), planned_on=start, status="a_rediger")
    editorial.create_publication(programme, actor, draft)
    html = export_ambassador_brief(programme, actor, tmp_path / "brief.html", "html", start)
    assert (html.posts, html.missions) == (1, 0)
    page = (tmp_path / "brief.html").read_text(encoding="utf-8")
    assert "Fête &lt;de&gt; l&#x27;été &amp; co" in page and "<style" not in page
    assert "À partager du 1er décembre 2026 au 15 décembre 2026" in page
    export_ambassador_brief(programme, actor, tmp_path / "brief.txt", "text", start)
    text = (tmp_path / "brief.txt").read_text(encoding="utf-8")
    assert "- 1er décembre 2026 · Facebook — Fête <de> l'été & co" in text
    assert "le lien suivra à la publication" in text
    assert "Aucune mission ouverte pour le moment." in text
    with pytest.raises(ValidationError, match="Format inconnu"):
        export_ambassador_brief(programme, actor, tmp_path / "brief.pdf", "pdf", start)
