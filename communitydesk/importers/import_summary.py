"""What an import did (or would do, in a dry run), line errors included."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_records import RowError


class ImportMode(StrEnum):
    CREATE = "create"  # "créer seulement": lines matching an existing contact are skipped
    UPDATE = "update"  # "mettre à jour": matching contacts get the line's non-empty cells


@dataclass(frozen=True)
class EveryLine:
    """What an import gives all its lines ("tous ces contacts viennent du salon X, cercle communauté"):
    a circle and a source to the contacts it creates whose cells give none, tags to every contact a
    line creates or updates."""

    circle: str | None = None  # a circle slug
    tags: tuple[str, ...] = ()
    source: str | None = None

    @classmethod
    def of(cls, circle: str | None = None, tags: Sequence[str] = (), source: str | None = None) -> EveryLine:
        """From what the user typed (« Communauté », « salon, bénévole »); a UserError says what is wrong."""
        from communitydesk.importers.contact_records import TAG_MAX_LENGTH, circle_from_text
        from communitydesk.rules.contact_fields import MAX_LENGTHS

        found = circle_from_text(circle) if circle and circle.strip() else None
        if circle and circle.strip() and found is None:
            raise UserError(
                _("Cercle inconnu « {value} » : attendu Proches, Communauté ou Grand public.", value=circle)
            )
        names = [part.strip() for tag in tags for part in tag.split(",") if part.strip()]
        if any(len(name) > TAG_MAX_LENGTH for name in names):
            raise UserError(_("Tag trop long ({count} caractères au plus).", count=TAG_MAX_LENGTH))
        source = (source or "").strip() or None
        if source is not None and len(source) > MAX_LENGTHS["source"]:
            raise UserError(_("Source trop longue ({count} caractères au plus).", count=MAX_LENGTHS["source"]))
        return cls(found.value if found else None, tuple(dict.fromkeys(names)), source)


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
