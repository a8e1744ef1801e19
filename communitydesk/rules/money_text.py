"""Money typed by people or written by spreadsheets → integer cents. Pure, no I/O.

Understands French and English shapes: ``1 234,50``, ``1 234,50 €``, ``25,00 €``,
``25.00``, ``1.234,50``, ``1,234.50``, ``EUR 12,30``, ``-3,00``, ``(3,00)``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from communitydesk.i18n import _


class MoneyTextError(ValueError):
    """Text that is not an amount; the message is a French phrase for the user."""


def parse_money(text: str) -> int:
    """``"1 234,50 €"`` → ``123450``; may be negative (the caller decides whether it may)."""
    raw = text.strip()
    cleaned = raw.replace("€", "").replace("EUR", "").replace("eur", "")
    for space in (" ", "\u00a0", "\u202f", "'", "\u2009"):
        cleaned = cleaned.replace(space, "")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    if cleaned.startswith("-"):
        negative, cleaned = not negative, cleaned[1:]
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if not cleaned or not re.fullmatch(r"[0-9.,]+", cleaned):
        raise MoneyTextError(_("montant illisible « {value} »", value=raw))
    comma, dot = cleaned.rfind(","), cleaned.rfind(".")
    if comma >= 0 and dot >= 0:
        decimal_sep = "," if comma > dot else "."
        thousands = "." if decimal_sep == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal_sep, ".")
    elif comma >= 0:
        # 1,234,567: English thousands; 12,50: the French decimal comma.
        cleaned = cleaned.replace(",", "") if cleaned.count(",") > 1 else cleaned.replace(",", ".")
    elif dot >= 0 and (cleaned.count(".") > 1 or len(cleaned) - dot - 1 == 3):
        cleaned = cleaned.replace(".", "")  # 1.234 or 1.234.567: French thousands
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise MoneyTextError(_("montant illisible « {value} »", value=raw)) from exc
    cents = value * 100
    if cents != cents.to_integral_value():
        raise MoneyTextError(_("montant « {value} » : plus de deux décimales", value=raw))
    return -int(cents) if negative else int(cents)
