"""Normalised keys that recognise the same person across spellings: e-mail, phone, name.

Pure functions, used by imports (matching), duplicate detection and search.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_DIGIT = re.compile(r"\D")
_SPACES = re.compile(r"\s+")


def email_key(email: str) -> str:
    """``  Hélène.Durand@Exemple.FR `` → ``hélène.durand@exemple.fr``."""
    return unicodedata.normalize("NFC", email.strip()).lower()


def fold(text: str) -> str:
    """Lower case without accents nor extra spaces: ``"  Hélène  Œuvre"`` → ``"helene oeuvre"``."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def phone_key(phone: str, default_region: str = "FR") -> str:
    """E.164 form (``+33612345678``), or ``""`` when the text cannot be a phone number.

    Every notation of one number gives one key: ``06 12 34 56 78``, ``6 12 34 56 78`` (the 0
    eaten by Excel), ``+33 6…``, ``+33 (0)6…``, ``+33 06…``, ``0033 6…``, ``tel:+33-6-…``. A
    number phonenumbers calls possible but not valid (a fictional or new range, an overseas
    number written the French way ``+33 (0)5 90…``, keyed as ``05 90…`` is) keeps its key: the person is not lost
    because a table is out of date. The common French shapes are read by hand: phonenumbers
    costs ~20 µs a call, seconds over a 100 000-line import.
    """
    raw = phone.strip()
    digits = _NOT_DIGIT.sub("", raw)
    if len(digits) == 10 and raw[0] == "0" and digits[1] != "0" and default_region == "FR":
        return "+33" + digits[1:]  # "06 12 34 56 78", "06.12…": most cells, at once
    if raw[:4].lower() == "tel:":
        raw = raw[4:].strip()
    if "(" in raw:
        raw = _TRUNK_ZERO.sub(" ", raw)  # "+33 (0)6": the 0 one dials only from inside the country
        digits = _NOT_DIGIT.sub("", raw)
    if not digits:
        return ""
    international = raw.startswith(("+", "00"))
    if raw.startswith("00"):
        digits = digits[2:]
    if international and digits.startswith("33"):
        national = digits[2:]
        if len(national) == 10 and national[0] == "0":  # "+33 06…"
            national = national[1:]
    elif default_region == "FR" and not international:
        national = digits
        if len(national) == 11 and national.startswith("33") and raw.startswith("33"):  # "33 6 12…", no +
            national = national[2:]
        elif len(national) == 10 and national[0] == "0":
            national = national[1:]
    else:
        national = ""
    if len(national) == 9 and national[0] != "0":
        return "+33" + national
    return _phone_key_slow("+" + digits if international else raw, default_region)


_TRUNK_ZERO = re.compile(r"\(\s*0\s*\)")


@lru_cache(maxsize=4096)
def _phone_key_slow(raw: str, default_region: str) -> str:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException:
        return ""
    if not (phonenumbers.is_valid_number(parsed) or phonenumbers.is_possible_number(parsed)):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def name_key(first_name: str, last_name: str, organisation: str = "") -> str:
    """Folded full name (or organisation) for fuzzy duplicate detection."""
    name = f"{first_name} {last_name}".strip() or organisation
    return fold(name)
