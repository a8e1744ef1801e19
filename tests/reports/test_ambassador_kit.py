"""The ambassador kit PDF read back: texts, every QR code decoded, fonts, page sizes, long names."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A3, A4

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DOCUMENTS, DocumentOptions, generate_pdf
from communitydesk.errors import ValidationError
from communitydesk.services import ambassadors, settings
from communitydesk.services.ambassador_kit import ambassador_kit_data
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor

BASE = "https://ateliers-du-lien.example/rejoindre?parrain="
PAGES_PER_KIT = 7  # letter, guide, charter, A4 poster, A3 poster, cards, stickers
# 200 characters: a first name and a last name of 99 and 100 (the contact sheet's limits).
FIRST_NAME = ("Marie-Thérèse-Éléonore " + "Anne-Sophie " * 9)[:99].strip()
LAST_NAME = ("de la Fontaine-Bellevue " * 5)[:100].strip()
LONG_NAME = f"{FIRST_NAME} {LAST_NAME}"


def enrol(db: Database, actor: Actor, first: str, last: str, kind: str = "passionne") -> int:
    contact = create_contact(db, actor, ContactInput(first_name=first, last_name=last))
    ambassador = ambassadors.enrol(db, actor, contact.id, kind)
    for stage in ("selectionne", "accueilli", "actif"):
        ambassadors.move_stage(db, actor, ambassador, stage)
    return ambassador


@pytest.fixture
def kit_db(identity_db: Database, actor: Actor) -> Database:
    with identity_db.transaction() as session:
        settings.save_referral_base_url(session, actor, BASE)
    return identity_db


def test_one_ambassador_kit(kit_db: Database, actor: Actor, tmp_path: Path, read_back, organisation, decoded) -> None:
    camille = enrol(kit_db, actor, "Camille", "Dupont")
    code = ambassador_kit_data(kit_db, actor, str(camille)).ambassadors[0].referral_code
    url = BASE + code
    out = tmp_path / "kit.pdf"
    result = generate_pdf("ambassador-kit", kit_db, actor, DocumentOptions(ambassador="Camille Dupont"), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages == PAGES_PER_KIT
    letter, guide, charter = pdf.flat_text(0), pdf.flat_text(1), pdf.flat_text(2)
    assert "Bienvenue, Camille Dupont" in letter and code in letter
    assert url in "".join(pdf.text(0).split())  # a long link may wrap in its cell
    assert url in pdf.flat_text(3) and url in pdf.flat_text(4)  # whole on the posters
    assert "Programme ambassadeurs des Ateliers du Lien" in letter  # « de Les » contracted
    assert "Guide de l’ambassadeur" in guide and "collaboration commerciale" in guide
    assert "Débutant" in guide and "Ambassadeur" in guide and "reportage photo" in guide
    # The charter v1 written at the first enrolment: five commitments each side, to sign.
    data = ambassador_kit_data(kit_db, actor, str(camille))
    assert data.charter is not None
    for commitment in data.charter.ambassador_commitments + data.charter.organisation_commitments:
        assert " ".join(commitment.split()[:4]) in charter.replace("’", "'") or commitment[:20] in charter
    assert "en deux exemplaires" in charter and "lu et approuvé" in charter and "Camille Dupont" in charter
    # Posters, cards and stickers: the code and the link, without page numbers.
    for page in range(3, PAGES_PER_KIT):
        assert code in pdf.flat_text(page)
        assert "Page " not in pdf.text(page)
    assert "Page 1 / 7" in pdf.text(0)
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.reader.pages]
    a4, a3 = (round(A4[0]), round(A4[1])), (round(A3[0]), round(A3[1]))
    assert sizes == [a4, a4, a4, a4, a3, a4, a4]
    fonts = pdf.embedded_fonts()
    assert fonts and all(fonts.values()), fonts
    assert pdf.metadata["/Title"] == "Kit ambassadeur de Camille Dupont"
    # Every QR code decodes to the referral link: letter, both posters, 10 cards, 21 stickers.
    assert [len(decoded(out, page)) for page in (1, 4, 5, 6, 7)] == [1, 1, 1, 10, 21]
    assert {text for page in (1, 4, 5, 6, 7) for text in decoded(out, page)} == {url}


def test_every_active_ambassador_and_the_paid_ones_warning(
    kit_db: Database, actor: Actor, tmp_path: Path, read_back
) -> None:
    enrol(kit_db, actor, "Camille", "Dupont")
    enrol(kit_db, actor, "Zoé", "Lefèvre", kind="paye")
    out = tmp_path / "kits.pdf"
    generate_pdf("ambassador-kit", kit_db, actor, DocumentOptions(), out)
    pdf = read_back(out)
    assert pdf.pages == 2 * PAGES_PER_KIT
    assert "Bienvenue, Camille Dupont" in pdf.flat_text(0)
    assert "Bienvenue, Zoé Lefèvre" in pdf.flat_text(PAGES_PER_KIT)
    warning = "chacune de vos publications sur l’association doit porter la mention « collaboration commerciale »"
    assert warning not in pdf.flat_text(0)
    assert warning in pdf.flat_text(PAGES_PER_KIT)
    assert pdf.metadata["/Title"] == "Kits ambassadeurs"
    assert DOCUMENTS["ambassador-kit"].uses_ambassador


def test_a_200_character_name_wraps_and_is_never_cut(kit_db: Database, actor: Actor, tmp_path: Path, read_back) -> None:
    enrol(kit_db, actor, FIRST_NAME, LAST_NAME)
    out = tmp_path / "long.pdf"
    generate_pdf("ambassador-kit", kit_db, actor, DocumentOptions(ambassador=LONG_NAME), out)
    pdf = read_back(out)
    assert pdf.pages == PAGES_PER_KIT
    assert "…" not in pdf.text()
    words = LONG_NAME.split()
    for page in (0, 2, 3, 4, 5):  # letter, charter's signature, posters, cards
        text = pdf.flat_text(page)
        assert all(word in text for word in words[-3:]), page


def test_a_kit_needs_the_referral_address(identity_db: Database, actor: Actor, tmp_path: Path) -> None:
    enrol(identity_db, actor, "Camille", "Dupont")
    out = tmp_path / "kit.pdf"
    with pytest.raises(ValidationError, match="adresse de parrainage"):
        generate_pdf("ambassador-kit", identity_db, actor, DocumentOptions(ambassador="Camille Dupont"), out)
    assert not out.exists()


@pytest.mark.slow
def test_the_kit_reads_on_the_quick_path(kit_db: Database, actor: Actor, tmp_path: Path, cli_modules) -> None:
    """``export pdf ambassador-kit`` never imports SQLAlchemy: a small document, fast (#15)."""
    enrol(kit_db, actor, "Camille", "Dupont")
    out = tmp_path / "kit.pdf"
    modules = cli_modules(["export", "pdf", "ambassador-kit", "--db", str(kit_db.path), "--out", str(out)])
    assert "communitydesk.reports.ambassador_kit" in modules
    assert not [name for name in modules if name.startswith(("sqlalchemy", "alembic"))]
    assert out.stat().st_size > 0
