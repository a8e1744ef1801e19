"""Import contacts from CSV (French Excel and others) or vCard files: the wizard's service calls.

The import wizard calls, in order:

1. ``open_contacts_file(actor, path_or_bytes)`` → what was detected (format, encoding,
   delimiter), the columns with their recognised field (a ``ColumnMapping`` it may edit
   with ``mapping.assign(column, field)``) and a preview of the first lines with their errors;
   ``preview_contacts_file(..., mapping=...)`` again after each edit;
2. ``import_contacts_file(db, actor, ..., mapping=..., mode=..., dry_run=True)`` for the
   "simulation" (the same summary as the real run, nothing written);
3. the same with ``dry_run=False``, from a worker thread, with ``progress(done, total)``
   and ``cancel()`` (any callable returning True, e.g. ``threading.Event().is_set``).

Each import is ONE transaction: a field that cannot be read is left out with a warning, a
line with nothing to identify anyone is refused, and a crash, a cancel or a killed process
leaves the database exactly as it was. The contacts it writes are searchable when it commits.
One path for the preview and the import: ``ContactCsvFile.checked_lines`` (or the vCard
cards) → ``RecordCleaner`` → ``ContactImportWriter``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from communitydesk.db.bulk_load import large_page_cache
from communitydesk.db.change_collector import mark
from communitydesk.db.database import Database
from communitydesk.errors import DatabaseError, UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_columns import ColumnMapping, ContactField
from communitydesk.importers.contact_files import (
    CSV,
    VCARD,
    ContactCsvFile,
    ContactFilePreview,
    ContactVCardFile,
    detect_format,
)
from communitydesk.importers.contact_records import ContactRecord, RowError
from communitydesk.importers.contact_writer import BATCH_SIZE, ContactImportWriter
from communitydesk.importers.import_summary import EveryLine, ImportCancelled, ImportMode, ImportSummary
from communitydesk.importers.text_decoding import decode_text
from communitydesk.models.base import utcnow
from communitydesk.records.changes import Changes
from communitydesk.services.contact_search import refresh_search_index
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.system_errors import os_error_reason

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
FileInput = bytes | str | Path | BinaryIO

MAX_FILE_BYTES = 512 * 1024 * 1024  # beyond this, a "contacts file" is a mistake, not an address book
_PROGRESS_EVERY = 1000
#: What an import writes: contacts arriving in circles (with their first move), tags on them.
IMPORT_CHANGES = Changes.of("contacts", "circles", "tags")
REFERRAL_CHANGES = Changes.of("ambassadors")
_NOTHING_FOR_EVERY_LINE = EveryLine()

__all__ = [
    "ColumnMapping",
    "ContactFilePreview",
    "EveryLine",
    "ImportCancelled",
    "ImportMode",
    "ImportSummary",
    "import_contacts_csv",
    "import_contacts_file",
    "import_contacts_vcard",
    "index_imported_contacts",
    "open_contacts_file",
    "preview_contacts_file",
]


def read_input(file_or_bytes: FileInput, file_name: str | None = None) -> tuple[bytes, str]:
    """The bytes and the name (for messages and the contacts' source) of what the user picked."""
    if isinstance(file_or_bytes, bytes | bytearray | memoryview):
        return bytes(file_or_bytes), file_name or _("import.csv")
    if isinstance(file_or_bytes, str | Path):
        path = Path(file_or_bytes)
        name = file_name or path.name
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise UserError(_("« {name} » est trop gros pour un fichier de contacts.", name=name))
            return path.read_bytes(), name
        except FileNotFoundError as exc:
            raise UserError(_("Le fichier « {path} » n'existe pas.", path=path)) from exc
        except IsADirectoryError as exc:
            raise UserError(_("« {path} » est un dossier, pas un fichier de contacts.", path=path)) from exc
        except OSError as exc:
            raise UserError(
                _("Impossible de lire « {path} » : {reason}.", path=path, reason=os_error_reason(exc))
            ) from exc
    data = file_or_bytes.read()
    return data, file_name or Path(str(getattr(file_or_bytes, "name", "") or _("import.csv"))).name


def _open(
    data: bytes, name: str, delimiter: str | None = None, encoding: str | None = None
) -> ContactCsvFile | ContactVCardFile:
    decoded = decode_text(data, name, encoding)
    if detect_format(decoded, name) == VCARD:
        return ContactVCardFile(data, name, decoded=decoded)
    return ContactCsvFile(data, name, delimiter=delimiter, decoded=decoded)


def preview_contacts_file(
    actor: Actor,
    file_or_bytes: FileInput,
    *,
    file_name: str | None = None,
    mapping: ColumnMapping | None = None,
    delimiter: str | None = None,
    rows: int = 20,
    encoding: str | None = None,
) -> ContactFilePreview:
    """Detect format, encoding, delimiter and columns; check the first ``rows`` lines.

    No database is needed: the wizard shows this before anything is decided.
    ``preview.mapping`` (CSV only) is the recognised mapping unless ``mapping`` is given.
    ``encoding`` and ``delimiter``, when given, replace what would be detected.
    """
    require(actor, Action.IMPORT)
    data, name = read_input(file_or_bytes, file_name)
    opened = _open(data, name, delimiter, encoding)
    if isinstance(opened, ContactVCardFile):
        return opened.preview(rows)
    return opened.preview(mapping, rows)


open_contacts_file = preview_contacts_file


def import_contacts_file(
    db: Database,
    actor: Actor,
    file_or_bytes: FileInput,
    mapping: ColumnMapping | None = None,
    mode: ImportMode | str = ImportMode.CREATE,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    file_name: str | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    every_line: EveryLine = _NOTHING_FOR_EVERY_LINE,
) -> ImportSummary:
    """Import a CSV or vCard file, the format told by its content (or .vcf/.csv name).

    ``encoding`` (a Python codec name: "cp1252", "utf-8"...) and ``delimiter``, when given,
    replace what would be detected. ``every_line``: a circle, tags and a source for all the lines.
    """
    require(actor, Action.IMPORT)
    data, name = read_input(file_or_bytes, file_name)
    opened = _open(data, name, delimiter, encoding)
    del data  # the decoded text is all we need now: 15 MB less held during a big import
    if isinstance(opened, ContactVCardFile):
        return _import_vcard(db, actor, opened, ImportMode(mode), dry_run, progress, cancel, every_line)
    return _import_csv(db, actor, opened, mapping, ImportMode(mode), dry_run, progress, cancel, every_line)


def import_contacts_csv(
    db: Database,
    actor: Actor,
    file_or_bytes: FileInput,
    mapping: ColumnMapping | None = None,
    mode: ImportMode | str = ImportMode.CREATE,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    file_name: str | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
) -> ImportSummary:
    """Import contacts from a CSV file (French Excel cp1252 ``;``, UTF-8 with or without BOM, ``,``, tab).

    ``mapping`` defaults to the recognised headers. ``mode`` "create" skips lines matching
    an existing contact (on e-mail, then phone); "update" writes their non-empty cells
    into it (an empty cell never blanks a field). Lines repeating a contact of the same
    file are merged into it. ``dry_run`` computes the same summary and writes nothing.
    ``encoding`` and ``delimiter``, when given, replace what would be detected.
    Raises UserError when the file cannot be read at all, ImportCancelled on cancel.
    """
    require(actor, Action.IMPORT)
    data, name = read_input(file_or_bytes, file_name)
    opened = ContactCsvFile(data, name, delimiter=delimiter, decoded=decode_text(data, name, encoding))
    del data
    return _import_csv(db, actor, opened, mapping, ImportMode(mode), dry_run, progress, cancel)


def import_contacts_vcard(
    db: Database,
    actor: Actor,
    file_or_bytes: FileInput,
    mode: ImportMode | str = ImportMode.CREATE,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    file_name: str | None = None,
    encoding: str | None = None,
) -> ImportSummary:
    """Import a vCard file (2.1, 3.0 or 4.0; several cards; from phones and webmail).

    Same modes, summary and transaction rules as ``import_contacts_csv``; a card that
    cannot be parsed is an error naming its line, the other cards are imported.
    """
    require(actor, Action.IMPORT)
    data, name = read_input(file_or_bytes, file_name or "contacts.vcf")
    opened = ContactVCardFile(data, name, decoded=decode_text(data, name, encoding))
    return _import_vcard(db, actor, opened, ImportMode(mode), dry_run, progress, cancel)


def _import_csv(
    db: Database,
    actor: Actor,
    opened: ContactCsvFile,
    mapping: ColumnMapping | None,
    mode: ImportMode,
    dry_run: bool,
    progress: Progress | None,
    cancel: Cancel | None,
    every_line: EveryLine = _NOTHING_FOR_EVERY_LINE,
) -> ImportSummary:
    mapping = mapping or opened.recognised_mapping()
    opened.check_mapping(mapping)
    summary = ImportSummary(
        dry_run=dry_run,
        source_name=opened.source_name,
        file_format=CSV,
        encoding=opened.decoded.label,
        warnings=list(opened.table.warnings),
    )
    lines = ((line, cleaned) for line, _cells, cleaned in opened.checked_lines(mapping))
    reason = _("Import CSV {name}", name=opened.source_name)
    total = opened.table.estimated_rows()
    referral_column = mapping.header_of(ContactField.REFERRAL_CODE)
    return _run(db, actor, summary, lines, total, mode, reason, progress, cancel, every_line, referral_column)


def _import_vcard(
    db: Database,
    actor: Actor,
    opened: ContactVCardFile,
    mode: ImportMode,
    dry_run: bool,
    progress: Progress | None,
    cancel: Cancel | None,
    every_line: EveryLine = _NOTHING_FOR_EVERY_LINE,
) -> ImportSummary:
    summary = ImportSummary(
        dry_run=dry_run,
        source_name=opened.source_name,
        file_format=VCARD,
        encoding=opened.decoded.label,
        errors=list(opened.card_errors),
        warnings=list(opened.card_warnings),
    )
    cleaner = opened.cleaner()
    lines = ((entry.line, cleaner.clean(entry.raw, entry.line)) for entry in opened.entries)
    reason = _("Import vCard {name}", name=opened.source_name)
    return _run(db, actor, summary, lines, len(opened.entries), mode, reason, progress, cancel, every_line)


def _run(
    db: Database,
    actor: Actor,
    summary: ImportSummary,
    lines: Iterable[tuple[int, ContactRecord | list[RowError] | None]],
    total: int,
    mode: ImportMode,
    reason: str,
    progress: Progress | None,
    cancel: Cancel | None,
    every_line: EveryLine,
    referral_column: str = "",
) -> ImportSummary:
    """Match and write every line in one transaction, a batch of lines at a time; commit unless dry run.

    The new contacts' search rows are built in the same transaction (set-based): the first
    search after the import finds them at once."""
    total = max(total, 1)
    done = 0
    try:
        with db.transaction(_("l'import en cours"), rollback=summary.dry_run) as session:
            conn = session.connection()
            # Core on the session's connection: no session event sees these writes, so they are declared.
            mark(session, IMPORT_CHANGES)
            with large_page_cache(conn):
                writer = ContactImportWriter(
                    conn,
                    mode=mode,
                    source=every_line.source or summary.source_name[:100],
                    moved_by=actor.name,
                    move_reason=reason,
                    now=utcnow(),
                    summary=summary,
                    expected_lines=total,
                    circle=every_line.circle,
                    tags=every_line.tags,
                    referral_column=referral_column,
                )
                for _line, cleaned in lines:
                    writer.add_cleaned(cleaned)
                    done += 1
                    if done % _PROGRESS_EVERY == 0:  # a few checks per thousand lines, not per line
                        _check_cancel(cancel)
                        if progress is not None:
                            progress(done, max(total, done))
                        if writer.batch_size >= BATCH_SIZE:
                            writer.flush()
                _check_cancel(cancel)
                writer.finish(build_indexes=not summary.dry_run)  # a dry run rolls back: nothing to rebuild
                if writer.referred:  # what the ambassadors brought changed
                    mark(session, REFERRAL_CHANGES)
    except DatabaseError as exc:  # locked, read-only, disk full...
        raise DatabaseError(_("{problem} Rien n'a été enregistré.", problem=exc)) from exc
    summary.errors.sort(key=lambda error: error.line)
    summary.warnings.sort(key=lambda warning: warning.line)
    if progress is not None:
        progress(1, 1)
    return summary


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def index_imported_contacts(db: Database, actor: Actor, summary: ImportSummary) -> None:
    """Index whatever else waits for its search data after an import (the import indexes its own
    contacts in its transaction), so that the first search after it is instant.

    Called by whoever ran the import (the CLI, the wizard's worker), after it returned. The
    import is saved whatever happens here: another import holding the base past the busy
    timeout only delays the indexing to the next search (which refreshes whatever is queued),
    and is added to ``summary.warnings``, never raised as a failure of the import.
    """
    require(actor, Action.IMPORT)
    if summary.dry_run:
        return
    try:
        refresh_search_index(db, actor)
    except DatabaseError as exc:
        summary.warnings.append(
            RowError(
                0,  # the whole import, not one line
                "",
                _(
                    "Les contacts sont enregistrés ; la recherche les trouvera après sa prochaine mise à jour, "
                    "faite à la prochaine recherche. Pas maintenant : {problem}",
                    problem=exc,
                ),
            )
        )
