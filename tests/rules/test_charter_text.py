"""The charter template format: shipped templates parse, mistakes name their line."""

from __future__ import annotations

import pytest

from communitydesk.errors import ValidationError
from communitydesk.paths import resources_dir
from communitydesk.rules.charter_text import CHARTER_KINDS, parse_charter


@pytest.mark.parametrize("kind", CHARTER_KINDS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_shipped_templates_have_five_commitments_each_side(kind: str, language: str) -> None:
    text = (resources_dir() / "charters" / f"{kind}.{language}.md").read_text(encoding="utf-8")
    charter = parse_charter(text)
    assert charter.title
    assert charter.version == "2026.1"
    assert len(charter.preamble) >= 1
    assert [len(section.items) for section in charter.commitments] == [5, 5]
    assert "{organisation}" in charter.commitments[1].heading


def test_structure_placeholders_and_continuation_lines() -> None:
    charter = parse_charter(
        "# Charte d’essai\n"
        "Version : 3\n"
        "\n"
        "Premier paragraphe\nsur deux lignes.\n"
        "\n"
        "Second paragraphe chez {organisation}.\n"
        "## Mes engagements\n"
        "1. Venir aux réunions\n"
        "   et prévenir en cas d’absence.\n"
        "2) Partager les nouvelles\n"
        "## Engagements de {organisation}\n"
        "- Répondre vite\n"
        "## Durée\n"
        "Un an.\n"
    ).with_organisation("Les Ateliers du Lien")
    assert charter.title == "Charte d’essai"
    assert charter.version == "3"
    assert charter.preamble == ["Premier paragraphe sur deux lignes.", "Second paragraphe chez Les Ateliers du Lien."]
    first, second = charter.commitments
    assert first.items == ["Venir aux réunions et prévenir en cas d’absence.", "Partager les nouvelles"]
    assert second.heading == "Engagements des Ateliers du Lien"
    assert second.items == ["Répondre vite"]
    assert [(s.heading, s.paragraphs) for s in charter.other_sections] == [("Durée", ["Un an."])]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "vide"),
        ("Pas de titre\n## S\n1. x\n", "Ligne 1"),
        ("\n\nPas de titre", "Ligne 3"),
        ("# T\n1. engagement hors section\n", "Ligne 2"),
        ("# T\n## S\n1. a\n# Autre titre\n", "Ligne 4"),
        ("# T\n##   \n", "Ligne 2"),
        ("# T\nPréambule seul.\n", "aucun engagement"),
        ("# T\n## S\n1. a\n\nTexte libre\n", "mélange"),
    ],
)
def test_mistakes_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_charter(text)
    assert fragment in str(caught.value)
    assert caught.value.field == "text"
