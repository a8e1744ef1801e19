"""Which recorded consents allow writing to a person by e-mail (« Copier les e-mails »).

A consent's purpose is free text (the demo writes « Lettre d'information », a team may
write « Newsletter » or « Être recontacté par e-mail »). A purpose allows e-mails when,
accents and case aside, it names the newsletter or being contacted by e-mail; « Droit à
l'image » or « Partage aux partenaires » do not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from communitydesk.rules.contact_keys import fold

# Folded words and phrases; a purpose containing one of them (as whole words) allows e-mails.
EMAILING_PURPOSE_WORDS = (
    "lettre d'information",
    "lettre d information",
    "lettre info",
    "newsletter",
    "infolettre",
    "e-mail",
    "email",
    "e mail",
    "courriel",
    "mailing",
    "relance",
    "recontacte",
    "etre contacte",
)
_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in EMAILING_PURPOSE_WORDS) + r")")


@lru_cache(maxsize=1024)  # a base holds a handful of purposes, repeated on every consent
def allows_emailing(purpose: str) -> bool:
    """Whether a consent given for ``purpose`` covers e-mails to the person."""
    return _PATTERN.search(fold(purpose).replace("’", "'")) is not None
