"""Export contacts (any filtered view, a segment, or the rows selected) to CSV or vCard.

The selection is the one the contacts list shows: typed search text plus a
``ContactFilter`` (circles, tags, a segment's criteria...), read through
``contact_search.ids_for`` so that the file holds exactly the people on screen; or
explicit contact ids (rows selected in the table). Files are written beside the target
and moved into place at the end: a failed or cancelled export never leaves half a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.exporters import contact_csv, contact_vcard
from communitydesk.i18n import _, babel_locale
from communitydesk.importers.contact_records import circle_from_text
from communitydesk.models.contacts import ACTIVE, Contact, Tag, contact_tags
from communitydesk.rules.circles import CIRCLE_ORDER, circle_label
from communitydesk.services import contact_search
from communitydesk.services.atomic_files import write_atomically
from communitydesk.services.audit import audited
from communitydesk.services.contact_search import ContactFilter
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.private_fields import may_see_notes

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

_CHUNK = 500  # contacts read per query
_COLUMNS = (
    "id",
    "kind",
    "first_name",
    "last_name",
    "organisation",
    "role",
    "email",
    "email_secondary",
    "phone",
    "phone_secondary",
    "phone_key",
    "address",
    "postcode",
    "city",
    "country",
    "circle",
    "source",
    "notes",
    "is_ambassador",
    "is_critic",
)


class ExportFormat(StrEnum):
    CSV = "csv"
    VCARD = "vcard"


class ExportCancelled(UserError):
    """The user stopped the export; no file was written (a previous one is untouched)."""

    def __init__(self) -> None:
        super().__init__(_("Export annulé : aucun fichier n'a été écrit."))


@dataclass(frozen=True)
class ContactSelection:
    """Which contacts to export: a search and filters (as the list), or explicit ids."""

    query: str = ""
    filters: ContactFilter = field(default_factory=ContactFilter)
    contact_ids: tuple[int, ...] | None = None  # rows selected in the table, in their order


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    count: int
    file_format: ExportFormat


def selection_from_options(
    db: Database,
    actor: Actor,
    *,
    circles: Sequence[str] = (),
    tags: Sequence[str] = (),
    segment: str | None = None,
    search: str = "",
) -> ContactSelection:
    """The selection the CLI options describe: ``--circle`` (French labels accepted:
    "Proches", "communauté"...), ``--tag``, ``--segment`` (a saved filter, by name) and
    ``--search`` (text, as typed in the search box)."""
    require(actor, Action.READ_CONTACTS)
    base = ContactFilter()
    if segment:
        from communitydesk.services.segments import segment_by_name

        base = segment_by_name(db, actor, segment).filter
    wanted: list[str] = []
    for text in circles:
        circle = circle_from_text(text)
        if circle is None:
            raise UserError(
                _(
                    "Cercle inconnu « {value} » : attendu {choices}.",
                    value=text,
                    choices=", ".join(circle_label(c) for c in CIRCLE_ORDER),
                )
            )
        wanted.append(circle.value)
    if wanted and base.circles:
        # A segment and --circle together: the contacts in both.
        wanted = [circle for circle in wanted if circle in base.circles] or ["-"]
    filters = ContactFilter(
        **{
            **base.__dict__,
            "circles": tuple(wanted) or base.circles,
            "tags": tuple(dict.fromkeys([*base.tags, *tags])),
        }
    )
    return ContactSelection(query=search, filters=filters)


def selected_ids(db: Database, actor: Actor, selection: ContactSelection) -> list[int]:
    """The ids a selection designates, in list order (name)."""
    require(actor, Action.READ_CONTACTS)
    if selection.contact_ids is not None:
        return list(dict.fromkeys(selection.contact_ids))
    return contact_search.ids_for(db, actor, selection.query, selection.filters)


def export_contacts(
    db: Database,
    actor: Actor,
    out: Path | str,
    file_format: ExportFormat | str = ExportFormat.CSV,
    selection: ContactSelection | None = None,
    *,
    vcard_version: str = contact_vcard.DEFAULT_VERSION,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportSummary:
    """Write the selected contacts to ``out``: CSV for French Excel (UTF-8 with BOM, ``;``,
    CRLF, leading zeros kept) or vCard (3.0 by default, 4.0 on request).

    Archived and erased contacts are never exported. Raises ExportCancelled when
    ``cancel()`` turns true, UserError when the file cannot be written. Audited; refused
    before the file is opened.
    """
    with audited(db, actor, Action.EXPORT_PERSONAL_DATA, f"export:contacts:{ExportFormat(file_format).value}"):
        require(actor, Action.EXPORT_PERSONAL_DATA)
        return _export_contacts(
            db, actor, Path(out), ExportFormat(file_format), selection, vcard_version, progress, cancel
        )


def _export_contacts(
    db: Database,
    actor: Actor,
    path: Path,
    file_format: ExportFormat,
    selection: ContactSelection | None,
    vcard_version: str,
    progress: Progress | None,
    cancel: Cancel | None,
) -> ExportSummary:
    if vcard_version not in contact_vcard.VERSIONS:
        raise UserError(_("Version vCard inconnue « {version} » : 3.0 ou 4.0.", version=vcard_version))
    ids = selected_ids(db, actor, selection or ContactSelection())
    notes = may_see_notes(actor)
    total = len(ids)
    labels = {circle.value: circle_label(circle) for circle in CIRCLE_ORDER}

    def contacts() -> Iterator[dict[str, Any]]:
        done = 0
        for chunk in _read(db, ids):
            if not notes:
                for row in chunk:
                    row["notes"] = ""
            yield from chunk
            done += len(chunk)
            if cancel is not None and cancel():
                raise ExportCancelled()
            if progress is not None:
                progress(done, total)

    def write(stream: Any) -> int:
        if file_format is ExportFormat.CSV:
            return contact_csv.write_contacts_csv(stream, contacts(), labels)
        return contact_vcard.write_vcards(stream, contacts(), vcard_version, country_name)

    encoding = contact_csv.ENCODING if file_format is ExportFormat.CSV else "utf-8"
    count = write_atomically(path, encoding, write)
    if progress is not None:
        progress(total, total)
    return ExportSummary(path=path, count=count, file_format=file_format)


def _read(db: Database, ids: Sequence[int]) -> Iterator[list[dict[str, Any]]]:
    """The contacts of ``ids`` with their tag names, chunk by chunk, in the order of ``ids``."""
    columns = [getattr(Contact, name) for name in _COLUMNS]
    with db.engine.connect() as conn:
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            rows = {
                row[0]: dict(zip(_COLUMNS, row, strict=True))
                for row in conn.execute(select(*columns).where(Contact.id.in_(chunk), ACTIVE))
            }
            tags: dict[int, list[str]] = {}
            for contact_id, name in conn.execute(
                select(contact_tags.c.contact_id, Tag.name)
                .join(Tag, Tag.id == contact_tags.c.tag_id)
                .where(contact_tags.c.contact_id.in_(chunk))
                .order_by(Tag.name)
            ):
                tags.setdefault(contact_id, []).append(name)
            found = []
            for contact_id in chunk:
                row = rows.get(contact_id)
                if row is not None:
                    row["tags"] = tags.get(contact_id, [])
                    found.append(row)
            yield found


@cache
def _territories(locale: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(locale).territories)


def country_name(code: str) -> str:
    """ "FR" → "France" (in the interface language), for vCard addresses."""
    return _territories(babel_locale()).get(code.upper(), code)
