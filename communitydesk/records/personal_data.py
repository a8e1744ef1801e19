"""The right of access as a document: what the JSON export holds, labelled and worded for the person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from communitydesk.records.identity import Identity


@dataclass(frozen=True)
class HeldValue:
    """One value held, with its label (« Prénom », « Chloé »); an empty value prints as a dash."""

    label: str
    value: str


@dataclass(frozen=True)
class HeldItem:
    """One row of a list: an exchange, a consent, a contribution…"""

    heading: str
    values: tuple[HeldValue, ...]


@dataclass(frozen=True)
class HeldSection:
    """A part of the export: its own values, its rows, or the sentence saying there is none."""

    heading: str
    values: tuple[HeldValue, ...] = ()
    items: tuple[HeldItem, ...] = ()
    empty_text: str = ""


@dataclass(frozen=True)
class PersonalDataDocument:
    identity: Identity
    person: str
    contact_id: int
    exported_at: datetime
    export_format: str
    sections: tuple[HeldSection, ...]
