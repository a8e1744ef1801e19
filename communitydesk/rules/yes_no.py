"""Yes and no: the words every import accepts, and the words exports and screens write."""

from __future__ import annotations

from communitydesk.i18n import _

# Folded (no case, no accents). French first, then English, then what spreadsheets tick with.
TRUE_WORDS = frozenset({"oui", "o", "vrai", "v", "yes", "y", "true", "ok", "x", "1"})
FALSE_WORDS = frozenset({"non", "n", "faux", "f", "no", "false", "0", "-", ""})


def parse_yes_no(folded: str) -> bool | None:
    """True or False for a folded cell; None when it says neither (the caller names the line)."""
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    return None


def yes_no_label(value: bool) -> str:
    return _("oui") if value else _("non")
