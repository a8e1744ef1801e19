"""Contacts as vCards for phones, webmail and desktop address books.

vCard 3.0 is the default: it is the version every address book imports (Android and
iOS Contacts, Google Contacts, Outlook, Thunderbird, macOS Contacts), whereas 4.0 is
still refused or half-read by several of them (Outlook imports only 2.1/3.0, Android's
importer drops 4.0-only parameters). 4.0 is available for tools that ask for it.

Written by hand rather than with vobject: the format is small, and 100 000 cards go
out in a second instead of a minute. What vCard has no property for (circle, source,
ambassador/critic flags) travels in X-COMMUNITYDESK-* properties, which other address
books keep or ignore and our importer reads back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO

from communitydesk.importers.vcard_reading import X_AMBASSADOR, X_CIRCLE, X_CRITIC, X_SOURCE

VERSIONS = ("3.0", "4.0")
DEFAULT_VERSION = "3.0"
_LINE_OCTETS = 75  # RFC 6350/2426: lines longer than this are folded


def escape(value: str) -> str:
    """Text value escaping: backslash, comma, semicolon, line breaks."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets (UTF-8), never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= _LINE_OCTETS:
        return line + "\r\n"
    parts: list[str] = []
    limit = _LINE_OCTETS
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = char, width, _LINE_OCTETS - 1  # continuation lines start with a space
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def _is_mobile(phone_key: str) -> bool:
    return phone_key.startswith(("+336", "+337"))


def vcard_text(
    contact: Mapping[str, Any], version: str = DEFAULT_VERSION, country_name: Callable[[str], str] = str
) -> str:
    """One card, CRLF line ends, folded. ``country_name`` turns "FR" into "France"."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version {version!r} not in {VERSIONS}")
    v4 = version == "4.0"

    def get(name: str) -> str:
        return str(contact.get(name) or "")

    first, last, organisation = get("first_name"), get("last_name"), get("organisation")
    is_org = contact.get("kind") == "organisation"
    full_name = organisation if is_org and organisation else f"{first} {last}".strip() or organisation or get("email")
    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    if v4:
        lines.append("KIND:org" if is_org else "KIND:individual")
    lines.append(f"N:{escape(last)};{escape(first)};;;")
    lines.append(f"FN:{escape(full_name)}")
    if organisation:
        lines.append(f"ORG:{escape(organisation)}")
    if get("role"):
        lines.append(f"TITLE:{escape(get('role'))}")
    for index, name in enumerate(("email", "email_secondary")):
        if get(name):
            if v4:
                lines.append(f"EMAIL{';PREF=1' if index == 0 else ''}:{escape(get(name))}")
            else:
                lines.append(f"EMAIL;TYPE=INTERNET{',PREF' if index == 0 else ''}:{escape(get(name))}")
    for index, name in enumerate(("phone", "phone_secondary")):
        if get(name):
            mobile = _is_mobile(get("phone_key")) if index == 0 else get(name).lstrip().startswith(("06", "07"))
            kind = "CELL" if mobile else "VOICE"
            if v4:  # text value (as typed) rather than a tel: URI: what the user wrote comes back
                lines.append(f"TEL;VALUE=text;TYPE={kind.lower()}{';PREF=1' if index == 0 else ''}:{escape(get(name))}")
            else:
                lines.append(f"TEL;TYPE={kind}{',PREF' if index == 0 else ''}:{escape(get(name))}")
    if get("address") or get("postcode") or get("city"):
        country = country_name(get("country")) if get("country") else ""
        components = ["", "", get("address"), get("city"), "", get("postcode"), country]
        where = "work" if is_org else "home"
        lines.append(f"ADR;TYPE={where if v4 else where.upper()}:" + ";".join(escape(part) for part in components))
    if get("notes"):
        lines.append(f"NOTE:{escape(get('notes'))}")
    tags = [str(tag) for tag in contact.get("tags") or ()]
    if tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in tags))
    if is_org and not v4:
        lines.append("X-ABShowAs:COMPANY")  # Apple's way, read by most 3.0 address books
    if get("circle"):
        lines.append(f"{X_CIRCLE}:{escape(get('circle'))}")
    if get("source"):
        lines.append(f"{X_SOURCE}:{escape(get('source'))}")
    if contact.get("is_ambassador"):
        lines.append(f"{X_AMBASSADOR}:oui")
    if contact.get("is_critic"):
        lines.append(f"{X_CRITIC}:oui")
    lines.append("END:VCARD")
    return "".join(fold_line(line) for line in lines)


def write_vcards(
    stream: TextIO,
    contacts: Iterable[Mapping[str, Any]],
    version: str = DEFAULT_VERSION,
    country_name: Callable[[str], str] = str,
) -> int:
    """Write one card per contact to ``stream`` (UTF-8, ``newline=""``); returns the count."""
    count = 0
    for contact in contacts:
        stream.write(vcard_text(contact, version, country_name))
        count += 1
    return count
