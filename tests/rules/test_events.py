"""The words printed on a sign-in sheet."""

from __future__ import annotations

import pytest

from communitydesk.rules.events import ConsentPurpose


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        ("Les Ateliers du Lien", "la lettre d'information des Ateliers du Lien,"),
        ("Le Grenier", "la lettre d'information du Grenier,"),
        ("La Ruche", "la lettre d'information de La Ruche,"),
        ("Graines", "la lettre d'information de Graines,"),
        ("", "la lettre d'information de l'association,"),
    ],
)
def test_the_printed_consent_stays_grammatical_whatever_the_organisation_is_called(
    organisation: str, expected: str
) -> None:
    assert expected in ConsentPurpose.NEWSLETTER.default_wording(organisation)
