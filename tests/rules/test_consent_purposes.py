"""Which consent purposes allow e-mails: the newsletter and being contacted by e-mail, whatever the spelling."""

from __future__ import annotations

import pytest

from communitydesk.rules.consent_purposes import allows_emailing


@pytest.mark.parametrize(
    "purpose",
    [
        "Lettre d'information",
        "LETTRE D’INFORMATION",
        "Newsletter",
        "Infolettre",
        "Être recontacté(e) par e-mail",
        "Courriel",
        "Relances par mail",
    ],
)
def test_purposes_that_allow_emails(purpose: str) -> None:
    assert allows_emailing(purpose)


@pytest.mark.parametrize("purpose", ["Droit à l'image", "Partage aux partenaires", "Photos", ""])
def test_purposes_that_do_not(purpose: str) -> None:
    assert not allows_emailing(purpose)
