"""Charters: both kinds, both languages, the organisation's own template, signatures, footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DocumentOptions, generate_pdf
from communitydesk.i18n import set_language
from communitydesk.services import charters
from communitydesk.services.permissions import Actor


def test_ambassador_charter(
    identity_db: Database, actor: Actor, tmp_path: Path, read_back, page_ink, organisation
) -> None:
    out = tmp_path / "charte.pdf"
    options = DocumentOptions(template="ambassador", member_name="Łukasz Ødegaard", signatory_name="Zoé Lefèvre")
    result = generate_pdf("charter", identity_db, actor, options, out)
    pdf = read_back(out)
    assert result.pages == pdf.pages == 1
    text = pdf.flat_text()
    assert "Charte des ambassadeurs" in text
    assert "Les 5 engagements de l’ambassadeur" in text
    # {organisation} is replaced, in the text and the headings.
    assert f"En retour, {organisation.name} s’engagent à" in text  # « Les Ateliers… »: plural
    assert "{organisation}" not in text
    assert "Łukasz Ødegaard" in text and "Zoé Lefèvre" in text
    assert "lu et approuvé" in text
    assert "Charte version 2026.1 (modèle CommunityDesk)" in text
    assert "Page 1 / 1" in text
    assert "RNA W751234567" in text
    assert pdf.metadata["/Title"] == "Charte des ambassadeurs"
    assert pdf.metadata["/Author"] == organisation.name
    assert pdf.metadata["/Subject"] == "Charte des ambassadeurs"
    assert pdf.language == "fr-FR"
    assert any("DejaVuSerif" in name for name in pdf.fonts())
    assert page_ink(out) > 0.02


def test_collaborator_charter_in_english(identity_db: Database, actor: Actor, tmp_path: Path, read_back) -> None:
    set_language("en")
    out = tmp_path / "charter.pdf"
    generate_pdf("charter", identity_db, actor, DocumentOptions(template="collaborator"), out)
    pdf = read_back(out)
    text = pdf.flat_text()
    assert "Staff and volunteers’ social media charter" in text
    assert "commercial collaboration" in text
    assert "Page 1 / 1" in text and "Signature" in text
    assert pdf.language == "en-GB"


def test_the_organisation_template_is_printed_with_its_markup(
    identity_db: Database, actor: Actor, tmp_path: Path, read_back
) -> None:
    template = (
        "# Charte des jardiniers\nVersion : 4.2\n\n"
        "Le **jardin partagé** de {organisation} est _ouvert à tous_ & gratuit <sans inscription>.\n\n"
        "## Le jardinier s’engage à\n1. Arroser le mardi\n2. Partager la récolte\n"
        "## {organisation} s’engage à\n1. Fournir les graines\n"
    )
    charters.save_charter_template(identity_db, actor, "ambassador", template, "fr")
    out = tmp_path / "jardin.pdf"
    generate_pdf("charter", identity_db, actor, DocumentOptions(template="ambassador"), out)
    pdf = read_back(out)
    text = pdf.flat_text()
    assert "Charte des jardiniers" in text
    # Markup became bold/italic, and the user's & and <...> are text, not markup.
    assert "jardin partagé" in text and "**" not in text and "ouvert à tous" in text
    assert "& gratuit <sans inscription>" in text
    assert "Charte version 4.2 du" in text
    assert "Fournir les graines" in text
    assert pdf.metadata["/Title"] == "Charte des jardiniers"


def test_a_long_charter_flows_onto_more_pages(identity_db: Database, actor: Actor, tmp_path: Path, read_back) -> None:
    long_item = "Un engagement détaillé qui prend beaucoup de place sur la page, " * 6
    template = "# Longue charte\n\n" + "## A\n" + "".join(f"{i}. {long_item}\n" for i in range(1, 9))
    template += "## B\n" + "".join(f"{i}. {long_item}\n" for i in range(1, 9))
    charters.save_charter_template(identity_db, actor, "collaborator", template, "fr")
    out = tmp_path / "longue.pdf"
    result = generate_pdf("charter", identity_db, actor, DocumentOptions(template="collaborator"), out)
    assert result.pages >= 2
    pdf = read_back(out)
    assert f"Page {result.pages} / {result.pages}" in pdf.text(result.pages - 1)


def test_unknown_template_is_refused(identity_db: Database, actor: Actor, tmp_path: Path) -> None:
    from communitydesk.errors import ValidationError

    with pytest.raises(ValidationError, match="Modèle de charte inconnu"):
        generate_pdf("charter", identity_db, actor, DocumentOptions(template="membre"), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
