"""Contact fields: their labels, and their limits shared by the contact sheet's checks and the importers.

Mirrors the String(n) lengths of models/contacts.py (tests/importers/test_contact_records.py
checks they agree); kept here so that checking a value never needs SQLAlchemy.
"""

from __future__ import annotations

import re

from communitydesk.i18n import _

MAX_LENGTHS: dict[str, int] = {
    "first_name": 100,
    "last_name": 100,
    "organisation": 200,
    "role": 100,
    "email": 254,
    "email_secondary": 254,
    "phone": 40,
    "phone_secondary": 40,
    "postcode": 20,
    "city": 100,
    "source": 100,
}

# One rule for the contact sheet and every import: a plain address, no display name, no
# list, a dotted domain whose last part has two letters or more.
EMAIL_PATTERN = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[^@\s<>(),;:\"\[\]\\.]{2,}$")


def is_email(text: str) -> bool:
    return EMAIL_PATTERN.match(text) is not None


def contact_field_label(name: str) -> str:
    """The name of a contact field in the current language: the one table for the contact sheet,
    the contacts table, the import wizard, CSV export headers, printed lists and error messages.
    ``name`` is the ``contacts`` column (``full_name``, ``display_name`` and ``tags`` too)."""
    labels = {
        "kind": _("Type"),
        "first_name": _("Prénom"),
        "last_name": _("Nom"),
        "full_name": _("Nom complet"),
        "display_name": _("Nom"),
        "organisation": _("Organisation"),
        "role": _("Fonction"),
        "email": _("E-mail"),
        "email_secondary": _("E-mail secondaire"),
        "phone": _("Téléphone"),
        "phone_secondary": _("Téléphone secondaire"),
        "address": _("Adresse"),
        "postcode": _("Code postal"),
        "city": _("Ville"),
        "country": _("Pays"),
        "circle": _("Cercle"),
        "source": _("Source"),
        "notes": _("Notes"),
        "tags": _("Tags"),
        "is_ambassador": _("Ambassadeur"),
        "is_critic": _("Détracteur"),
        "referral_code": _("Code parrain"),
        "last_touch_at": _("Dernier contact"),
        "created_at": _("Ajouté le"),
    }
    return labels.get(name, name)


def contact_kind_label(kind: str) -> str:
    """« Personne » or « Organisation », for a contact's ``kind``."""
    return _("Organisation") if kind == "organisation" else _("Personne")
