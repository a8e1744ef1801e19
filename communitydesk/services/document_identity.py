"""The organisation's identity printed on documents, read from Paramètres › Organisation."""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.quick_reads import QuickReader, stored_setting
from communitydesk.records.identity import Identity
from communitydesk.services.document_source import HasPath, reading
from communitydesk.services.permissions import Action, Actor, require


def identity_in(reader: QuickReader) -> Identity:
    """The identity stored in an open base (defaults for what is unset)."""
    saved = stored_setting(reader, "organisation")
    if not isinstance(saved, dict):
        return Identity()
    known = {k: str(v) for k, v in saved.items() if k in Identity.__dataclass_fields__ and v is not None}
    return Identity(**known)


def document_identity(source: Path | HasPath, actor: Actor) -> Identity:
    """The organisation's identity for document headers and footers."""
    require(actor, Action.READ_FIGURES)
    with reading(source) as reader:
        return identity_in(reader)
