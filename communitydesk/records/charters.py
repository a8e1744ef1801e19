"""A charter to print: its template's text and the names that fill it in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from communitydesk.records.identity import Identity


@dataclass(frozen=True)
class CharterSource:
    """A charter template's text: the organisation's own (saved in the app) or the shipped default."""

    kind: str
    language: str
    text: str
    updated_at: datetime | None
    customised: bool


@dataclass(frozen=True)
class CharterData:
    identity: Identity
    template: CharterSource
    member_name: str = ""
    signatory_name: str = ""
