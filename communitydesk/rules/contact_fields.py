"""Limits of the contact fields, shared by the contact sheet's checks and the importers.

Mirrors the String(n) lengths of models/contacts.py (tests/importers/test_contact_records.py
checks they agree); kept here so that checking a value never needs SQLAlchemy.
"""

from __future__ import annotations

import re

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
