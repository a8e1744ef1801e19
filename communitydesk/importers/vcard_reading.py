"""Address books exported by phones and webmail (vCard 2.1, 3.0, 4.0) read as contact lines.

The file is cut into cards here, and each card is parsed alone by vobject: one broken
card becomes an error naming its line, the others are still imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_columns import ContactField
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.control_characters import (
    control_characters_warning,
    has_control_characters,
    without_control_characters,
)
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


# Binary data the app does not store (a 40 MB photo took vobject over ten minutes): left out
# before parsing, with its folded or base64 lines.
_LEFT_OUT = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_PROPERTY = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")  # [group.]NAME then ; or :


class _CardLines:
    """The lines of one card as vobject will read them, unfolded here (RFC 6350: a line end then a
    space or tab continues the line): vobject re-joins the whole value at every continuation line,
    so a long folded value took time in the square of its size. Photos and the like are left out."""

    def __init__(self, first: str) -> None:
        self.lines: list[str] = []
        self.pieces: list[str] = [first]  # of the line being unfolded
        self.head = ""  # its first physical line, lower case
        self.leaving_out = False
        self.quoted_printable = False  # a soft line break: vobject joins the next line to this one

    def add(self, line: str) -> None:
        if not line.strip():  # ends a property (vobject does the same), and a 2.1 base64 block
            self._flush()
            self.leaving_out = self.quoted_printable = False
            return
        if self.quoted_printable:
            self._flush()  # vobject joins it to the line before after a line end: kept apart
            self.pieces = [line]
        elif line[0] in " \t":
            if self.leaving_out:
                return
            self.pieces.append(line[1:])
        else:
            found = _PROPERTY.match(line)
            if self.leaving_out and found is None:
                return  # vCard 2.1 base64 lines, not always indented
            self._flush()
            self.leaving_out = found is not None and found.group(1).upper() in _LEFT_OUT
            if self.leaving_out:
                return
            self.pieces, self.head = [line], line.lower()
        self.quoted_printable = line.endswith("=") and "quoted-printable" in self.head

    def _flush(self) -> None:
        if self.pieces:
            self.lines.append("".join(self.pieces))
            self.pieces = []

    def text(self) -> str:
        self._flush()
        return "\r\n".join(self.lines) + "\r\n"


def split_cards(text: str, source_name: str) -> tuple[list[CardText], list[RowError]]:
    """The cards of a file, each with its first line; an unfinished card is an error."""
    cards: list[CardText] = []
    errors: list[RowError] = []
    current: _CardLines | None = None
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
            current, start = _CardLines(line), number
        elif current is not None:
            current.add(line)
            if word == "END:VCARD":
                cards.append(CardText(start, current.text()))
                current = None
    if current is not None:
        errors.append(_unfinished(start))
    if not seen_begin:
        raise UserError(_("« {name} » ne contient aucune fiche vCard (BEGIN:VCARD).", name=source_name))
    return cards, errors


def _unfinished(line: int) -> RowError:
    return RowError(line, "END:VCARD", _("Ligne {line} : fiche vCard incomplète (END:VCARD manquant).", line=line))


def read_vcards(text: str, source_name: str) -> tuple[list[VCardEntry], list[RowError], list[RowError]]:
    """Every card of ``text`` as raw contact fields, one error per unreadable or empty card, and
    one warning per field cleaned of control characters."""
    cards, errors = split_cards(text, source_name)
    entries: list[VCardEntry] = []
    warnings: list[RowError] = []
    for card in cards:
        try:
            raw = card_fields(card.text)
        # vobject raises anything (ParseError, ValueError, LookupError for a bogus CHARSET,
        # binascii errors...) on a broken card: one bad card must not stop the others.
        except Exception:  # noqa: BLE001
            errors.append(
                RowError(
                    card.line,
                    "VCARD",
                    _(
                        "Ligne {line} : fiche vCard illisible (une propriété ne suit pas le format vCard).",
                        line=card.line,
                    ),
                )
            )
            continue
        if not raw:
            errors.append(
                RowError(
                    card.line,
                    "VCARD",
                    _(
                        "Ligne {line} : fiche vCard sans nom, organisation, e-mail, téléphone ni adresse : ignorée.",
                        line=card.line,
                    ),
                )
            )
            continue
        for name, value in raw.items():
            if has_control_characters(value):
                warnings.append(control_characters_warning(card.line, FIELD_PROPERTIES[ContactField(name)], value))
                raw[name] = without_control_characters(value)
        entries.append(VCardEntry(card.line, raw))
    return entries, errors, warnings


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
