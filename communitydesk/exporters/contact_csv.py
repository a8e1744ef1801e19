"""Contacts as a CSV file that French Excel opens right, and that CommunityDesk imports back.

UTF-8 with a BOM (without it Excel reads cp1252 and "Hélène" becomes "HÃ©lÃ¨ne"), ``;``
(French Excel's list separator), CRLF, the French column names the importer recognises.

Leading zeros: Excel turns the cell 01000 into the number 1000 and 0612345678 into
612345678. Postcodes and phones are therefore written as Excel text formulas,
``="01000"``, which Excel (and LibreOffice with "formulas" on) shows as 01000; the
importer reads them back as plain text. Other cells starting with = + - @ are prefixed
with ' so that they never run as formulas (CSV injection), and read back without it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from communitydesk.importers.contact_columns import ContactField
from communitydesk.rules.contact_fields import contact_kind_label
from communitydesk.rules.yes_no import yes_no_label

ENCODING = "utf-8-sig"
DELIMITER = ";"

_F = ContactField
COLUMNS: tuple[ContactField, ...] = (
    _F.KIND,
    _F.FIRST_NAME,
    _F.LAST_NAME,
    _F.ORGANISATION,
    _F.ROLE,
    _F.EMAIL,
    _F.EMAIL_SECONDARY,
    _F.PHONE,
    _F.PHONE_SECONDARY,
    _F.ADDRESS,
    _F.POSTCODE,
    _F.CITY,
    _F.COUNTRY,
    _F.CIRCLE,
    _F.TAGS,
    _F.SOURCE,
    _F.IS_AMBASSADOR,
    _F.IS_CRITIC,
    _F.NOTES,
)
_TEXT_NUMBERS = frozenset({_F.PHONE, _F.PHONE_SECONDARY, _F.POSTCODE})
_LOOKS_NUMERIC = re.compile(r"^[+\d][\d\s.()\-/]*$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header() -> list[str]:
    """Column names in the current language (French by default), as the importer knows them."""
    return [column.label for column in COLUMNS]


def excel_cell(contact_field: ContactField, value: str) -> str:
    """The text of one cell, safe from Excel's number guessing and from formula injection."""
    if not value:
        return ""
    if contact_field in _TEXT_NUMBERS and _LOOKS_NUMERIC.match(value):
        return '="' + value.replace('"', '""') + '"'
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def contact_cells(contact: Mapping[str, Any], circle_label: Mapping[str, str]) -> list[str]:
    """One CSV row from a contact's columns (``tags`` as a list of names)."""
    yes, no = yes_no_label(True), yes_no_label(False)
    cells: list[str] = []
    for column in COLUMNS:
        name = column.value
        if column is _F.KIND:
            text = contact_kind_label(str(contact.get("kind", "")))
        elif column is _F.CIRCLE:
            text = circle_label.get(str(contact.get("circle", "")), str(contact.get("circle", "")))
        elif column is _F.TAGS:
            text = ", ".join(contact.get("tags") or ())
        elif column in (_F.IS_AMBASSADOR, _F.IS_CRITIC):
            text = yes if contact.get(name) else no
        else:
            text = str(contact.get(name) or "")
        cells.append(excel_cell(column, text))
    return cells


def write_contacts_csv(stream: TextIO, contacts: Iterable[Mapping[str, Any]], circle_label: Mapping[str, str]) -> int:
    """Write the header and one row per contact to ``stream`` (opened with ``newline=""``
    and ENCODING); returns the number of contacts written."""
    writer = csv.writer(stream, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header())
    count = 0
    for contact in contacts:
        writer.writerow(contact_cells(contact, circle_label))
        count += 1
    return count
