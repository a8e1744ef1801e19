"""A sign-in sheet (feuille d'émargement) that fills whole pages: header, consent wordings, numbered lines.

Each page repeats the event's header, the exact wording of each consent (a page that goes
astray still says what its ticks mean) and the column headings. Registered people come first,
one line each (a long name wraps and its line grows); empty numbered lines follow until at
least ``total_lines`` are printed and the last page is full. Numbers continue across pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from communitydesk.reports.flowables.outline import add_bookmark
from communitydesk.reports.flowables.tables import TextMeasure, wrap_text
from communitydesk.reports.fonts import SANS, bold, ensure_family
from communitydesk.reports.styles import INK, Palette
from communitydesk.rules.french_typography import breakable_words

ROW_HEIGHT = 9 * mm  # room to write by hand
BOX = 7.5 * mm  # a consent box a pen can tick
NUMBER_WIDTH = 10 * mm
TEXT_SIZE = 9
TEXT_LEADING = 11
HEADING_SIZE = 7.5
HEADING_LEADING = 9
CELL_PAD = 1.6 * mm
MAX_LINES = 12  # a name this long is already absurd: it wraps, never cut
# Dark enough to survive a photocopy, lighter than the boxes people write in.
GRID = HexColor("#7D878D")


@dataclass(frozen=True)
class SheetPerson:
    """A pre-filled line: the names as registered."""

    last_name: str
    first_name: str


@dataclass(frozen=True)
class SheetColumns:
    """Headings of the text columns (N°, Nom, Prénom, E-mail, Téléphone), the consents, Signature."""

    number: str
    last_name: str
    first_name: str
    email: str
    phone: str
    consents: tuple[str, ...]
    signature: str


# Draws the page's header (title, event, wordings, notice) from the top-left corner down; returns its height.
# Called with ``draw=False`` to measure.
HeaderPainter = Callable[[Canvas | None, float, float, bool], float]


class SignInSheet(Flowable):
    """As many whole pages of the sheet as its lines need; split page by page."""

    def __init__(
        self,
        header: HeaderPainter,
        columns: SheetColumns,
        people: Sequence[SheetPerson],
        total_lines: int,
        palette: Palette,
        *,
        first_number: int = 1,
        bookmark: str = "",
    ) -> None:
        super().__init__()
        self.header = header
        self.columns = columns
        self.people = list(people)
        self.total_lines = total_lines
        self.palette = palette
        self.first_number = first_number
        self.bookmark = bookmark
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)
        self._page: _Page | None = None

    # -- layout
    def _widths(self, width: float) -> list[float]:
        """N°, Nom, Prénom, E-mail, Téléphone, one column per consent (as wide as its longest word), Signature."""
        measure = TextMeasure(self.bold)
        consents = [
            max(
                BOX + 4 * mm, *(measure.width(word, HEADING_SIZE) + 2 * CELL_PAD + 1 for word in breakable_words(label))
            )
            for label in self.columns.consents
        ]
        rest = width - NUMBER_WIDTH - sum(consents)
        shares = [0.19, 0.16, 0.3, 0.15, 0.2]  # Nom, Prénom, E-mail, Téléphone, Signature
        last_name, first_name, email, phone, signature = (rest * share for share in shares)
        return [NUMBER_WIDTH, last_name, first_name, email, phone, *consents, signature]

    def _headings(self) -> list[str]:
        c = self.columns
        return [c.number, c.last_name, c.first_name, c.email, c.phone, *c.consents, c.signature]

    def _heading_lines(self, widths: list[float]) -> list[list[str]]:
        return [
            wrap_text(text, width - 2 * CELL_PAD, self.bold, HEADING_SIZE, max_lines=MAX_LINES).split("\n")
            for text, width in zip(self._headings(), widths, strict=True)
        ]

    def _person_lines(self, person: SheetPerson, widths: list[float]) -> tuple[list[str], list[str]]:
        def lines(text: str, width: float) -> list[str]:
            return wrap_text(text, width - 2 * CELL_PAD, self.font, TEXT_SIZE, max_lines=MAX_LINES).split("\n")

        return lines(person.last_name, widths[1]), lines(person.first_name, widths[2])

    def _layout(self, width: float, height: float) -> _Page:
        widths = self._widths(width)
        header = self.header(None, 0, width, False)
        headings = self._heading_lines(widths)
        heading_height = max(len(lines) for lines in headings) * HEADING_LEADING + 2 * CELL_PAD
        room = height - header - heading_height
        rows: list[_Row] = []
        people = 0
        number = self.first_number
        while True:
            is_person = people < len(self.people)
            if is_person:
                last, first = self._person_lines(self.people[people], widths)
                lines = max(len(last), len(first))
                row = _Row(number, last, first, max(ROW_HEIGHT, lines * TEXT_LEADING + 2 * CELL_PAD))
            else:
                row = _Row(number, [], [], ROW_HEIGHT)
            if rows and row.height > room:  # the page is full (a page always holds one line)
                break
            rows.append(row)
            room -= row.height
            number += 1
            people += is_person
        done = people >= len(self.people) and number > self.total_lines
        return _Page(widths, header, headings, heading_height, rows, people, number, done)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._page = self._layout(available_width, available_height)
        self.width = available_width
        # The whole frame, and more while lines remain: the frame then asks for a split.
        self.height = available_height if self._page.done else available_height + 1
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        page = self._layout(available_width, available_height)
        if page.done:
            return []
        this = SignInSheet(
            self.header,
            self.columns,
            self.people[: page.people],
            page.next_number - 1,
            self.palette,
            first_number=self.first_number,
            bookmark=self.bookmark,
        )
        rest = SignInSheet(
            self.header,
            self.columns,
            self.people[page.people :],
            self.total_lines,
            self.palette,
            first_number=page.next_number,
        )
        return [this, rest]

    # -- drawing
    def draw(self) -> None:
        assert self._page is not None
        canvas = self.canv
        page = self._page
        top = self.height
        if self.bookmark:
            add_bookmark(canvas, self.bookmark, top)
        self.header(canvas, top, self.width, True)
        top -= page.header_height
        widths = page.widths
        table_height = page.heading_height + sum(row.height for row in page.rows)
        bottom = top - table_height
        lefts = [sum(widths[:index]) for index in range(len(widths))]
        # Headings on a light tint (grey once photocopied), in ink.
        canvas.setFillColor(self.palette.primary_light)
        canvas.rect(0, top - page.heading_height, self.width, page.heading_height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(self.bold, HEADING_SIZE)
        for index, lines in enumerate(page.headings):
            y = top - CELL_PAD - HEADING_SIZE
            centre = lefts[index] + widths[index] / 2
            for line in lines:
                if index == 0 or index >= 5:  # N°, consents and signature: centred
                    canvas.drawCentredString(centre, y, line)
                else:
                    canvas.drawString(lefts[index] + CELL_PAD, y, line)
                y -= HEADING_LEADING
        y = top - page.heading_height
        consent_columns = range(5, 5 + len(self.columns.consents))
        for row in page.rows:
            self._draw_row(canvas, row, y, lefts, widths, consent_columns)
            y -= row.height
        # The grid: ruled lines, a frame and column separators.
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        line_y = top - page.heading_height
        for row in page.rows:
            line_y -= row.height
            canvas.line(0, line_y, self.width, line_y)
        for left in lefts[1:]:
            canvas.line(left, bottom, left, top)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.rect(0, bottom, self.width, table_height, stroke=1, fill=0)
        canvas.line(0, top - page.heading_height, self.width, top - page.heading_height)

    def _draw_row(
        self,
        canvas: Canvas,
        row: _Row,
        top: float,
        lefts: list[float],
        widths: list[float],
        consent_columns: range,
    ) -> None:
        first_baseline = top - CELL_PAD - TEXT_SIZE
        if len(row.last_name) <= 1 and len(row.first_name) <= 1:  # one line: centred in the row's height
            first_baseline = top - row.height / 2 - TEXT_SIZE * 0.35
        canvas.setFillColor(INK)
        canvas.setFont(self.bold, TEXT_SIZE)
        canvas.drawCentredString(lefts[0] + widths[0] / 2, first_baseline, str(row.number))
        canvas.setFont(self.font, TEXT_SIZE)
        for column, lines in ((1, row.last_name), (2, row.first_name)):
            y = first_baseline
            for line in lines:
                canvas.drawString(lefts[column] + CELL_PAD, y, line)
                y -= TEXT_LEADING
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        box_top = top - (ROW_HEIGHT - BOX) / 2
        for column in consent_columns:
            centre = lefts[column] + widths[column] / 2
            canvas.rect(centre - BOX / 2, box_top - BOX, BOX, BOX, stroke=1, fill=0)


@dataclass
class _Row:
    number: int
    last_name: list[str]
    first_name: list[str]
    height: float


@dataclass
class _Page:
    widths: list[float]
    header_height: float
    headings: list[list[str]]
    heading_height: float
    rows: list[_Row]
    people: int  # how many pre-filled lines this page holds
    next_number: int
    done: bool  # nothing left for a next page
