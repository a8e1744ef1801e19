"""What the contact search indexes and how typed text becomes an FTS5 query.

Pure functions, shared by the search service (which keeps the index up to date) and by
migration 0002 (which builds it for existing rows). The index tokenizer is FTS5's
``unicode61 remove_diacritics 2``: case and accents are ignored on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from communitydesk.rules.contact_keys import fold

# FTS5 options of contacts_fts (see migration 0002 for the why of each).
FTS_TOKENIZE = "unicode61 remove_diacritics 2"

_NOT_DIGIT = re.compile(r"\D")
# unicode61 keeps letters (L*), numbers (N*) and private-use (Co) characters in tokens.
_TOKEN_CATEGORIES = ("L", "N", "Co")
_PHONE_LIKE = re.compile(r"^[\d\s.\-+()/]+$")


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """``fold`` with a memory: first names, last names and cities repeat a lot, and folding
    100 000 contacts' names one character at a time costs seconds."""
    return fold(text)


def folded_words(*parts: str) -> str:
    """Same as ``fold(" ".join(parts))``, folding each part once for all contacts."""
    return " ".join(f for f in (folded(p) for p in parts) if f)


def sort_name(kind: str, first_name: str, last_name: str, organisation: str, email: str) -> str:
    """Folded key for sorting by name: "martin helene" for people, the organisation else."""
    if kind == "organisation" and organisation.strip():
        return folded(organisation)
    person = folded_words(last_name, first_name)
    if person:
        return person
    return folded(organisation or email)


def city_sort(city: str) -> str:
    """Folded key for sorting by city: "Évry" sorts with the E's, not after "Z"."""
    return folded(city)


def tags_text(tag_names: Iterable[str]) -> str:
    """Tag names as shown in the list and indexed: sorted, comma-separated."""
    return ", ".join(sorted(tag_names, key=folded))  # the same few tags on many contacts


def phone_tokens(*phones: str) -> list[str]:
    """Digit forms under which a phone is found: ``06 12 34 56 78`` → 0612345678 612345678;
    a French number written ``+33 6 12 34 56 78`` → 33612345678 612345678 0612345678."""
    tokens: list[str] = []
    for phone in phones:
        digits = _NOT_DIGIT.sub("", phone) if phone else ""  # most second phones are blank
        if not digits:
            continue
        tokens.append(digits)
        if phone.lstrip().startswith("+33"):
            tokens += [digits[2:], "0" + digits[2:]]
        elif digits.startswith("0"):
            tokens.append(digits.lstrip("0"))
    return list(dict.fromkeys(t for t in tokens if t))


def search_body(
    *,
    first_name: str,
    last_name: str,
    organisation: str,
    role: str,
    email: str,
    email_secondary: str,
    phone: str,
    phone_secondary: str,
    phone_key: str,
    postcode: str,
    city: str,
    tags: str,
) -> str:
    """The one text column indexed for a contact (NFC, so that accents fold the same way)."""
    parts = [
        first_name,
        last_name,
        organisation,
        role,
        email,
        email_secondary,
        " ".join(phone_tokens(phone, phone_secondary, phone_key)),
        postcode,
        city,
        tags,
    ]
    return unicodedata.normalize("NFC", " ".join(p for p in parts if p))


def _is_token_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def query_terms(text: str) -> list[str]:
    """Typed text → the terms to look for, split exactly where the index tokenizer splits.

    Digit groups typed with spaces, dots or dashes are joined ("06 12" → "0612"), since
    phones are indexed as one run of digits.
    """
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return []
    if _PHONE_LIKE.match(text) and sum(ch.isdigit() for ch in text) >= 2:
        return [_NOT_DIGIT.sub("", text)]
    terms: list[str] = []
    current: list[str] = []
    for char in text + " ":
        if _is_token_char(char):
            current.append(char)
        elif current:
            terms.append("".join(current))
            current = []
    return _join_digit_runs(terms)


def _join_digit_runs(terms: list[str]) -> list[str]:
    joined: list[str] = []
    for term in terms:
        if joined and term.isdigit() and joined[-1].isdigit():
            joined[-1] += term
        else:
            joined.append(term)
    return joined


def fts_match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression where every term is a quoted prefix: ``"hel"* "06"*``.

    Quoting makes FTS5 operators (AND, OR, NOT, NEAR, ^, :, parentheses) plain words, so no
    typed text can produce a syntax error. ``None`` when there is nothing to search for.
    """
    terms = query_terms(text)
    if not terms:
        return None
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)
