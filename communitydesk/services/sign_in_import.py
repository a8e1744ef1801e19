"""Import a sign-in sheet typed into a spreadsheet, for an event, in one transaction.

Each line goes through ``services.sign_in_sheet.save_line`` (the same checks and matching as
the re-entry grid, the rule choosing the contact: e-mail, then phone, then a name exactly one
contact has; otherwise a new contact, with a warning when the line gave only a name). The
sheet's consents cite the wording the event printed. Counts are what this run added:
importing the same sheet again creates nobody, matches nobody new and counts no attendance
twice. A line the service refuses (an e-mail that is not one…) is an error on its line and
left out; the others are saved. A dry run is the same import rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.sign_in_sheet_csv import read_sign_in_sheet
from communitydesk.models.events import SignInLine
from communitydesk.services import sign_in_sheet
from communitydesk.services.events import load_event
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import unit_of_work

Progress = Callable[[int, int], None]


@dataclass
class SignInImportSummary:
    lines: int = 0  # numbered lines read from the file (empty ones included)
    matched: int = 0  # lines newly linked to a contact already in the base
    created: int = 0  # contacts created
    attendances: int = 0  # people newly marked present
    consents: int = 0  # consent records added
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        """The shape printed by ``communitydesk import sign-in-sheet --json``."""
        return {
            "lines": self.lines,
            "matched": self.matched,
            "created": self.created,
            "attendances": self.attendances,
            "consents": self.consents,
            "errors": [e.as_dict() for e in self.errors],
            "warnings": [w.as_dict() for w in self.warnings],
        }


class _Abort(Exception):
    """Leaves the transaction so that it rolls back (a dry run)."""


def import_sign_in_sheet(
    db: Database, actor: Actor, event_id: int, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> SignInImportSummary:
    """Import ``path`` as the sheet of ``event_id`` (see the module docstring)."""
    require(actor, Action.IMPORT)
    require(actor, Action.ENTER_SIGN_IN)
    parsed = read_sign_in_sheet(path)
    summary = SignInImportSummary(
        lines=len(parsed.lines) + len({e.line for e in parsed.errors}),
        errors=list(parsed.errors),
        warnings=list(parsed.warnings),
        dry_run=dry_run,
    )
    try:
        with unit_of_work(db, _("l'import de la feuille d'émargement")) as session:
            load_event(session, event_id)
            # Each line's contact before this run: what it links anew is what this run added.
            known = select(SignInLine.line_no, SignInLine.contact_id).where(SignInLine.event_id == event_id)
            previous = {line_no: contact_id for line_no, contact_id in session.execute(known)}
            total = len(parsed.lines)
            for done, line in enumerate(parsed.lines, start=1):
                if progress is not None:
                    progress(done, total)
                try:
                    with session.begin_nested():
                        saved = sign_in_sheet.save_line(session, actor, event_id, line.line_no, line.draft)
                except (ValidationError, UserError) as exc:
                    name = getattr(exc, "field", None) or "last_name"
                    summary.errors.append(RowError(line.row, parsed.column_header(name), str(exc)))
                    continue
                if saved.outcome == sign_in_sheet.Outcome.CREATED and saved.contact_id != previous.get(line.line_no):
                    summary.created += 1
                elif saved.outcome == sign_in_sheet.Outcome.MATCHED and saved.contact_id != previous.get(line.line_no):
                    summary.matched += 1
                summary.attendances += saved.added_attendance
                summary.consents += saved.added_consents
                if saved.warning:
                    summary.warnings.append(RowError(line.row, parsed.column_header("last_name"), saved.warning))
            if dry_run:
                raise _Abort
    except _Abort:
        pass
    summary.errors.sort(key=lambda e: e.line)
    summary.warnings.sort(key=lambda e: e.line)
    return summary
