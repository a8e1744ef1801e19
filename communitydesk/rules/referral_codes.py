"""Referral codes as people type them back: in a spreadsheet cell, from a flyer, in a link.

A code is stored upper-case (6 to 8 letters and digits, without 0/O/1/I); what a file gives
is compared by its key, so that « abcd23 », « ABCD 23 », « abcd-23 » and the referral link
itself all name the same ambassador.
"""

from __future__ import annotations

import re

_NOT_CODE = re.compile(r"[^0-9A-Z]+")


def referral_key(text: str) -> str:
    """`` " abcd-23 " `` → ``"ABCD23"``; a link (``https://…/parrain/ABCD23``, ``…?code=ABCD23``) → its code."""
    text = text.strip().rstrip("/")
    if "/" in text or "=" in text:
        text = re.split(r"[/=]", text)[-1]
    return _NOT_CODE.sub("", text.upper())
