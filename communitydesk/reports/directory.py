"""A printable directory of a segment to take to an event: name, organisation, phone, e-mail.

Grouped by initial letter, with a box to tick when the person is met or present.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle
from reportlab.platypus.tables import CellStyle

from communitydesk.formatting import number
from communitydesk.i18n import _
from communitydesk.records.contact_listing import ContactListing
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.flowables.outline import LetterMark
from communitydesk.reports.flowables.tables import (
    CHUNK_ROWS,
    CellFitter,
    column_widths,
    listing_look,
)
from communitydesk.reports.flowables.title import title_block
from communitydesk.reports.fonts import SANS, bold
from communitydesk.reports.markup import plain
from communitydesk.reports.styles import WHITE
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.personal_data_notice import confidential_notice

FONT_SIZE = 8.5
BOX = "☐"
DIRECTORY_KEYS = ("last_name", "first_name", "organisation", "phone", "email")
# The phone column holds "+33 6 12 34 56 78" on one line at 8.5 pt (a cell wraps only what
# does not fit its column).
WEIGHTS = (0.22, 1.9, 1.4, 1.25, 2.15)


def directory_row(last_name: str, first_name: str, organisation: str, phone: str, email: str) -> tuple[str, ...]:
    """``DURAND Hélène`` for people; the organisation's own name for an organisation."""
    if last_name or first_name:
        name = f"{last_name.upper()} {first_name}".strip()
    else:
        name, organisation = organisation, ""
    return (BOX, name, organisation, phone, email)


def initial(name: str) -> str:
    folded = fold(name)[:1].upper()
    return folded if folded.isalpha() else "#"


class DirectoryRenderer(DocumentRenderer):
    kind = "directory"
    holds_personal_data = True

    def __init__(self, listing: ContactListing, **kwargs: object) -> None:
        super().__init__(listing.identity, **kwargs)  # type: ignore[arg-type]
        if tuple(listing.columns) != DIRECTORY_KEYS:
            raise ValueError(f"a directory needs the columns {DIRECTORY_KEYS}")
        self.listing = listing

    def title(self) -> str:
        return _("Annuaire")

    def subject(self) -> str:
        return self.listing.description

    def progress_steps(self) -> int:
        return 1 + -(-(self.listing.count + 27) // CHUNK_ROWS)

    def _groups(self) -> Iterator[tuple[str, list[tuple[str, ...]]]]:
        letter, group = "", list[tuple[str, ...]]()
        for batch in self.listing.batches:
            for row in batch:
                entry = directory_row(*row)
                current = initial(entry[1])
                if current != letter and group:
                    yield letter, group
                    group = []
                letter = current
                group.append(entry)
        if group:
            yield letter, group

    def _tables(self, widths: Sequence[float]) -> Iterator[LongTable]:
        """One long listing: a tinted row opens each letter; cut every 500 rows (see tables.py)."""
        look = listing_look(self.palette, FONT_SIZE, padding=3)
        header = CellFitter(widths, look.header.fontname, FONT_SIZE).row(
            ["", *(contact_field_label(f) for f in ("display_name", "organisation", "phone", "email"))]
        )
        fitter = CellFitter(widths, look.body.fontname, FONT_SIZE)
        # Names are bold: measured in bold so that they stay inside their column.
        name_fitter = CellFitter(widths, bold(SANS), FONT_SIZE)
        letter_style = look.body.copy()
        letter_style.fontname, letter_style.fontsize, letter_style.leading = bold(SANS), 10, 12
        letter_style.color = self.palette.primary
        name_style = look.body.copy()
        name_style.fontname = bold(SANS)
        entry_styles = [look.body, name_style, look.body, look.body, look.body]
        rows: list[list[str | Flowable]] = [[*header]]
        styles: list[CellStyle | list[CellStyle]] = []
        letters: list[int] = []

        def fit(entry: tuple[str, ...]) -> list[str | Flowable]:
            box, name, organisation, phone, email = entry
            row: list[str | Flowable] = [*fitter.row([box, "", organisation, phone, email])]
            row[1] = name_fitter.cell(1, name)
            return row

        def table() -> LongTable:
            built = look.table(rows, widths, styles)
            commands: list[tuple[Any, ...]] = [("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE])]
            for index in letters:
                commands += [
                    ("SPAN", (0, index), (-1, index)),
                    # A letter is never left alone at the foot of a page: it goes with its first name.
                    ("NOSPLIT", (0, index), (-1, index + 1)),
                    ("BACKGROUND", (0, index), (-1, index), self.palette.primary_light),
                ]
            built.setStyle(TableStyle(commands))
            return built

        for letter, group in self._groups():
            for position, entry in enumerate(group):
                if len(rows) > CHUNK_ROWS:
                    yield table()
                    rows, styles, letters = [[*header]], [], []
                if position == 0:
                    letters.append(len(rows))
                    rows.append([LetterMark(letter, bold(SANS), 10, self.palette.primary), "", "", "", ""])
                    styles.append(letter_style)
                rows.append(fit(entry))
                styles.append(entry_styles)
        if len(rows) > 1:
            yield table()

    def story(self) -> Iterable[Flowable]:
        listing = self.listing
        count_text = _("{count} contacts", count=number(listing.count)) if listing.count != 1 else _("1 contact")
        details = [count_text, _("Cochez la case des personnes rencontrées ou présentes."), confidential_notice()]
        yield title_block(self.styles, self.title(), listing.description, details)
        if listing.count == 0:
            yield Paragraph(plain(self.listing.empty_text), self.styles.empty_state)
            return
        yield from self._tables(column_widths(WEIGHTS, self.content_width))
