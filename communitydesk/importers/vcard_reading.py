"""Address books exported by phones and webmail (vCard 2.1, 3.0, 4.0) read as contact lines.

The file is cut into cards here, and each card is parsed alone by vobject: one broken
card becomes an error naming its line, the others are still imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_columns import ContactField
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.csv_reading import physical_lines

_F = ContactField

# Our own properties: what vCard has no word for survives an export → import round trip.
X_CIRCLE = "X-COMMUNITYDESK-CIRCLE"
X_SOURCE = "X-COMMUNITYDESK-SOURCE"
X_AMBASSADOR = "X-COMMUNITYDESK-AMBASSADOR"
X_CRITIC = "X-COMMUNITYDESK-CRITIC"

# How a field is named in error messages: the vCard property the user may look for.
FIELD_PROPERTIES: dict[ContactField, str] = {
    _F.FIRST_NAME: "N",
    _F.LAST_NAME: "N",
    _F.FULL_NAME: "FN",
    _F.KIND: "KIND",
    _F.ORGANISATION: "ORG",
    _F.ROLE: "TITLE",
    _F.EMAIL: "EMAIL",
    _F.EMAIL_SECONDARY: "EMAIL",
    _F.PHONE: "TEL",
    _F.PHONE_SECONDARY: "TEL",
    _F.ADDRESS: "ADR",
    _F.POSTCODE: "ADR",
    _F.CITY: "ADR",
    _F.COUNTRY: "ADR",
    _F.CIRCLE: X_CIRCLE,
    _F.SOURCE: X_SOURCE,
    _F.NOTES: "NOTE",
    _F.TAGS: "CATEGORIES",
    _F.IS_AMBASSADOR: X_AMBASSADOR,
    _F.IS_CRITIC: X_CRITIC,
}


@dataclass(frozen=True)
class CardText:
    line: int  # line of BEGIN:VCARD in the file
    text: str


@dataclass(frozen=True)
class VCardEntry:
    line: int
    raw: dict[str, str]  # field name → text, as RecordCleaner.clean takes it


def looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:11].upper() == "BEGIN:VCARD"


def split_cards(text: str, source_name: str) -> tuple[list[CardText], list[RowError]]:
    """The cards of a file, each with its first line; an unfinished card is an error."""
    cards: list[CardText] = []
    errors: list[RowError] = []
    current: list[str] | None = None
    start = 0
    seen_begin = False
    # Cut at line ends only: str.splitlines would also cut at \u2028 or \x85 inside a NOTE.
    for number, raw_line in enumerate(physical_lines(text), start=1):
        line = raw_line.rstrip("\r\n")
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            seen_begin = True
            if current is not None:
                errors.append(_unfinished(start))
            current, start = [line], number
        elif current is not None:
            current.append(line)
            if word == "END:VCARD":
                cards.append(CardText(start, "\r\n".join(current) + "\r\n"))
                current = None
    if current is not None:
        errors.append(_unfinished(start))
    if not seen_begin:
        raise UserError(_("« {name} » ne contient aucune fiche vCard (BEGIN:VCARD).", name=source_name))
    return cards, errors


def _unfinished(line: int) -> RowError:
    return RowError(line, "END:VCARD", _("Ligne {line} : fiche vCard incomplète (END:VCARD manquant).", line=line))


def read_vcards(text: str, source_name: str) -> tuple[list[VCardEntry], list[RowError]]:
    """Every card of ``text`` as raw contact fields, plus one error per unreadable card."""
    cards, errors = split_cards(text, source_name)
    entries: list[VCardEntry] = []
    for card in cards:
        try:
            raw = card_fields(card.text)
        # vobject raises anything (ParseError, ValueError, LookupError for a bogus CHARSET,
        # binascii errors...) on a broken card: one bad card must not stop the others.
        except Exception as exc:  # noqa: BLE001
            errors.append(
                RowError(
                    card.line,
                    "VCARD",
                    _("Ligne {line} : fiche vCard illisible ({reason}).", line=card.line, reason=_reason(exc)),
                )
            )
            continue
        entries.append(VCardEntry(card.line, raw))
    return entries, errors


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return (text[0][:120] if text else "") or type(exc).__name__


def card_fields(card_text: str) -> dict[str, str]:
    """The contact fields of one card (vobject parses it, we pick what a contact needs)."""
    import vobject  # ~80 ms: only when a vCard is imported

    card = vobject.readOne(card_text, allowQP=True, ignoreUnreadable=True)
    raw: dict[ContactField, str] = {}
    lines: dict[str, list[Any]] = {name.upper(): found for name, found in card.contents.items()}

    def first(name: str) -> Any:
        found = lines.get(name)
        return found[0].value if found else None

    name = first("N")
    if name is not None and not isinstance(name, str):
        raw[_F.FIRST_NAME] = _text(name.given)
        raw[_F.LAST_NAME] = _text(name.family)
    organisation = first("ORG")
    if organisation:
        raw[_F.ORGANISATION] = _text(organisation[0] if isinstance(organisation, list) else organisation)
    kind = _text(first("KIND") or first("X-ABSHOWAS") or "").lower()
    is_org = kind in ("org", "organization", "company")
    if is_org:
        raw[_F.KIND] = "organisation"
    full_name = _text(first("FN"))
    # FN names the person, unless the card is an organisation's (then FN repeats ORG).
    if (
        full_name
        and not raw.get(_F.FIRST_NAME)
        and not raw.get(_F.LAST_NAME)
        and not is_org
        and (full_name != raw.get(_F.ORGANISATION))
    ):
        raw[_F.FULL_NAME] = full_name
    role = first("TITLE") or first("ROLE")
    if role:
        raw[_F.ROLE] = _text(role)

    emails = _by_preference(lines.get("EMAIL", []))
    phones = [_phone_text(value) for value in _by_preference(lines.get("TEL", []))]
    for found, values in ((_F.EMAIL, emails), (_F.PHONE, phones)):
        values = [value for value in values if value]
        if values:
            raw[found] = values[0]
        if len(values) > 1:
            raw[_F.EMAIL_SECONDARY if found is _F.EMAIL else _F.PHONE_SECONDARY] = values[1]

    addresses = _by_preference(lines.get("ADR", []))
    if addresses and not isinstance(addresses[0], str):
        address = addresses[0]
        street = [_text(getattr(address, part, "")) for part in ("box", "extended", "street")]
        raw[_F.ADDRESS] = "\n".join(part for part in street if part)
        raw[_F.POSTCODE] = _text(address.code)
        raw[_F.CITY] = _text(address.city)
        raw[_F.COUNTRY] = _text(address.country)

    notes = [_text(line.value) for line in lines.get("NOTE", [])]
    if notes:
        raw[_F.NOTES] = "\n".join(note for note in notes if note)
    categories: list[str] = []
    for line in lines.get("CATEGORIES", []):
        categories.extend(_text(part) for part in (line.value if isinstance(line.value, list) else [line.value]))
    if categories:
        raw[_F.TAGS] = ",".join(category.replace(",", " ") for category in categories if category)

    for found, property_name in (
        (_F.CIRCLE, X_CIRCLE),
        (_F.SOURCE, X_SOURCE),
        (_F.IS_AMBASSADOR, X_AMBASSADOR),
        (_F.IS_CRITIC, X_CRITIC),
    ):
        value = first(property_name)
        if value:
            raw[found] = _text(value)
    return {found.value: value for found, value in raw.items() if value}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(part) for part in value if part).strip()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").strip()
    return str(value).strip()


def _by_preference(found: list[Any]) -> list[Any]:
    """Values with TYPE=pref (3.0) or PREF=1 (4.0) first, then in file order."""

    def rank(line: Any) -> int:
        params = {key.upper(): [str(v).lower() for v in values] for key, values in line.params.items()}
        if "pref" in params.get("TYPE", []) or "1" in params.get("PREF", []):
            return 0
        if any(str(word).lower() == "pref" for word in getattr(line, "singletonparams", [])):
            return 0
        return 1

    return [line.value for line in sorted(found, key=rank)]


def _phone_text(value: Any) -> str:
    text = _text(value)
    if text.lower().startswith("tel:"):  # vCard 4.0 writes TEL;VALUE=uri:tel:+33-6-12-34-56-78
        text = text[4:].split(";", 1)[0]
    return text
