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
    """E.164 form (``+33612345678``) or ``""`` when the number is not valid.

    The common French shapes are recognised by hand: phonenumbers costs ~20 µs a call,
    which is seconds over a 100 000-line import. Anything unusual goes to phonenumbers.
    """
    raw = phone.strip()
    if not raw:
        return ""
    digits = _NOT_DIGIT.sub("", raw)
    if default_region == "FR":
        if len(digits) == 10 and digits[0] == "0" and digits[1] in "123456789" and not raw.startswith("+"):
            return "+33" + digits[1:]
        if len(digits) == 9 and digits[0] in "123456789" and not raw.startswith("+"):
            return "+33" + digits  # the leading 0 eaten by Excel: the same number as above
        if (
            len(digits) == 11
            and digits.startswith("33")
            and digits[2] in "123456789"
            and (raw.startswith("+") or raw.startswith("33"))
        ):
            return "+" + digits
        if len(digits) == 13 and digits.startswith("0033") and digits[4] in "123456789":
            return "+" + digits[2:]
    return _phone_key_slow(raw, default_region)


@lru_cache(maxsize=4096)
def _phone_key_slow(raw: str, default_region: str) -> str:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def name_key(first_name: str, last_name: str, organisation: str = "") -> str:
    """Folded full name (or organisation) for fuzzy duplicate detection."""
    name = f"{first_name} {last_name}".strip() or organisation
    return fold(name)
