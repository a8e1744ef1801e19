"""The name a contact is shown by, wherever it is shown (lists, sheets, merges, the CLI)."""

from __future__ import annotations

from communitydesk.i18n import _


def display_name(kind: str, first_name: str, last_name: str, organisation: str, email: str) -> str:
    """The name shown for a contact: the organisation for organisations, else "Prénom Nom"."""
    if kind == "organisation" and organisation:
        return organisation
    name = f"{first_name} {last_name}".strip()
    return name or organisation or email or _("(sans nom)")
