"""What an import did (or would do, in a dry run), line errors included."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_records import RowError


class ImportMode(StrEnum):
    CREATE = "create"  # "créer seulement": lines matching an existing contact are skipped
    UPDATE = "update"  # "mettre à jour": matching contacts get the line's non-empty cells


class ImportCancelled(UserError):
    """The user stopped the import; the database is exactly as it was before."""

    def __init__(self) -> None:
        super().__init__(_("Import annulé : la base n'a pas été modifiée."))


@dataclass
class ImportSummary:
    """Counts per outcome (each imported line has exactly one) and the lines in error.

    created: new contacts; updated: existing contacts changed (update mode); merged: lines
    that repeat a contact already met in the same file (folded into it); skipped: lines
    matching an existing contact that was left alone (create mode, or nothing to change).
    A line with errors is not imported at all and only appears in ``errors``; ``warnings`` are
    changes made to a line that was imported (control characters taken out of a cell).
    """

    created: int = 0
    updated: int = 0
    merged: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    source_name: str = ""
    file_format: str = "csv"  # csv | vcard
    encoding: str = ""

    @property
    def rejected_lines(self) -> int:
        """Lines not imported because of errors (a line may have several errors)."""
        return len({error.line for error in self.errors})

    @property
    def lines_read(self) -> int:
        return self.created + self.updated + self.merged + self.skipped + self.rejected_lines

    def as_json(self) -> dict[str, Any]:
        """The shape printed by ``communitydesk import contacts --json``."""
        return {
            "created": self.created,
            "updated": self.updated,
            "merged": self.merged,
            "skipped": self.skipped,
            "errors": [error.as_dict() for error in self.errors],
            "warnings": [warning.as_dict() for warning in self.warnings],
        }
