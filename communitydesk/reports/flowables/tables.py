"""Tables: long listings split across pages with their header repeated, and small report tables.

Listings are cut into LongTables of at most 500 rows: ReportLab re-measures every remaining
row of a table at each page break, so one table of all rows costs quadratic time (5 000 rows
~2.5 s, 20 000 rows ~25 s) where 500-row tables stay linear.

Listing cells share prepared ``CellStyle`` objects instead of style commands: a FONT or
PADDING command is applied cell by cell (4 000 cells per 500-row table, for every command),
which alone cost more than a third of drawing the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, LongTable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from communitydesk.reports.fonts import SANS, bold, ensure_family, font_runs
from communitydesk.reports.styles import INK, RULE, WHITE, Palette
from communitydesk.rules.french_typography import breakable_words, printed_characters

CHUNK_ROWS = 500
CELL_PADDING = 2.2


class TextMeasure:
    """String widths in one font, ~3x faster than stringWidth for the characters the font has."""

    def __init__(self, font: str) -> None:
        self.font = font
        face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
        self._widths: dict[int, float] = face.charWidths
        self._lookup = self._widths.__getitem__

    def width(self, text: str, size: float) -> float:
        try:
            return sum(map(self._lookup, map(ord, text))) * size / 1000
        except KeyError:  # a character DejaVu lacks: drawn in a fallback font (see fonts.font_runs)
            runs = font_runs(text, self.font) or [(self.font, text)]
            return sum(float(pdfmetrics.stringWidth(part, font, size)) for font, part in runs)


def _fitting_prefix(word: str, width: float, measure: TextMeasure, size: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure.width(word[:middle], size) <= width:
            low = middle
        else:
            high = middle - 1
    # Prefer to break an address after '@', '.' or '-' when one sits in the second half.
    for index in range(low, max(1, low // 2), -1):
        if word[index - 1] in "@.-_/":
            return index
    return low


def wrap_text(text: str, width: float, font: str, size: float, max_lines: int = 3) -> str:
    """``text`` broken into lines (``\\n``) no wider than ``width``; words too long are cut."""
    return _wrap(text, width, TextMeasure(font), size, max_lines)


def _wrap(text: str, width: float, measure: TextMeasure, size: float, max_lines: int = 3) -> str:
    if measure.width(text, size) <= width:
        return text
    lines: list[str] = []
    current = ""
    for word in breakable_words(text):  # numbers and dates hold together
        candidate = f"{current} {word}" if current else word
        if measure.width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while len(word) > 1 and measure.width(word, size) > width:
            cut = _fitting_prefix(word, width, measure, size)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and measure.width(last + "…", size) > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return "\n".join(lines)


class CellFitter:
    """Makes listing cells fit their columns: long texts wrap (cut with "…" only past ``max_lines``)."""

    # 12 lines hold a 200-character name in the narrowest column uncut; past that (long notes) a
    # row is cut so that it never outgrows a page.
    def __init__(self, col_widths: Sequence[float], font: str, size: float, max_lines: int = 12) -> None:
        self.size = size
        self.max_lines = max_lines
        self.measure = TextMeasure(font)
        self.inner = [w - 2 * CELL_PADDING for w in col_widths]
        # No glyph of DejaVu Sans is wider than 1.45 em: shorter strings need no measuring.
        self.safe = [int(w / (size * 1.45)) for w in self.inner]

    def row(self, values: Sequence[str]) -> list[str]:
        out = list(map(printed_characters, values))
        for index, text in enumerate(out):
            if len(text) > self.safe[index]:
                out[index] = _wrap(text, self.inner[index], self.measure, self.size, self.max_lines)
        return out

    def cell(self, index: int, text: str) -> str:
        """One cell of column ``index`` (a column drawn in another font than the row's)."""
        text = printed_characters(text)
        if len(text) <= self.safe[index]:
            return text
        return _wrap(text, self.inner[index], self.measure, self.size, self.max_lines)


def _cell_style(
    name: str, font: str, size: float, colour: Color, *, valign: Literal["TOP", "MIDDLE", "BOTTOM"] = "TOP"
) -> CellStyle:
    style = CellStyle(name)
    style.fontname, style.fontsize, style.leading = font, size, size * 1.2
    style.color = colour
    style.valign = valign
    style.leftPadding = style.rightPadding = CELL_PADDING
    style.topPadding, style.bottomPadding = 1.6, 1.9
    return style


@dataclass
class ListingLook:
    """How listing rows look: shared cell styles plus the few table-wide commands."""

    header: CellStyle
    body: CellStyle
    commands: TableStyle

    def table(
        self,
        rows: Sequence[Sequence[str | Flowable]],
        col_widths: Sequence[float],
        row_styles: Sequence[CellStyle | list[CellStyle]] | None = None,
    ) -> LongTable:
        """A LongTable of ``rows`` (the first is the header, repeated on each page).

        ``row_styles`` gives each body row one style, or one style per cell.
        """
        columns = len(col_widths)
        styles = row_styles or [self.body] * (len(rows) - 1)
        cell_styles = [[self.header] * columns] + [
            list(style) if isinstance(style, list) else [style] * columns for style in styles
        ]
        return LongTable(
            [list(row) for row in rows],
            colWidths=list(col_widths),
            repeatRows=1,
            style=self.commands,
            cellStyles=cell_styles,
        )


def listing_look(palette: Palette, size: float = 7.5, *, padding: float | None = None) -> ListingLook:
    """Header in the primary colour, zebra rows: readable after photocopying."""
    header = _cell_style("listing-header", bold(SANS), size, WHITE)
    body = _cell_style("listing-body", ensure_family(SANS), size, INK)
    if padding is not None:
        for style in (header, body):
            style.topPadding, style.bottomPadding = padding, padding + 0.4
    commands = TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), palette.primary),
            # None: the white rows are left as they are (half the rectangles to draw).
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, palette.primary_light]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ]
    )
    return ListingLook(header=header, body=body, commands=commands)


def chunked_tables(
    header: Sequence[str],
    batches: Iterable[Sequence[Sequence[str]]],
    col_widths: Sequence[float],
    look: ListingLook,
    *,
    chunk: int = CHUNK_ROWS,
    cell_styles: list[CellStyle] | None = None,
    max_lines: int = 12,
) -> Iterator[LongTable]:
    """LongTables of at most ``chunk`` rows, each repeating ``header`` on every page it spans.

    ``cell_styles`` gives every body row one style per column (alignment, size); style
    commands would not do: ReportLab applies them to the shared cell styles in place.
    """
    size = look.body.fontsize
    fit = CellFitter(col_widths, look.body.fontname, size, max_lines).row
    head = CellFitter(col_widths, look.header.fontname, size).row(list(header))
    pending: list[list[str]] = []

    def table(rows: list[list[str]]) -> LongTable:
        styles = None if cell_styles is None else [cell_styles] * len(rows)
        return look.table([head, *rows], col_widths, styles)

    for batch in batches:
        pending.extend(map(fit, batch))
        while len(pending) >= chunk:
            yield table(pending[:chunk])
            del pending[:chunk]
    if pending:
        yield table(pending)


def column_widths(weights: Sequence[float], total: float) -> list[float]:
    scale = total / sum(weights)
    return [w * scale for w in weights]


def summary_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    palette: Palette,
    *,
    numeric_from: int = 1,
    total_row: Sequence[str] | None = None,
    size: float = 8.5,
) -> Table:
    """A small table of figures: text columns left, figures (from ``numeric_from``) right."""
    font, bold_font = ensure_family(SANS), bold(SANS)
    fit = CellFitter(col_widths, font, size).row
    data = [CellFitter(col_widths, bold_font, size).row(list(header))]
    data += [fit([str(v) for v in row]) for row in rows]
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, size, size * 1.2),
            ("FONT", (0, 0), (-1, 0), bold_font, size, size * 1.2),
            ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
            ("TEXTCOLOR", (0, 1), (-1, -1), INK),
            ("BACKGROUND", (0, 0), (-1, 0), palette.primary),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, palette.primary_light]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.8),
        ]
    )
    if total_row is not None:
        data.append(fit([str(v) for v in total_row]))
        style.add("FONT", (0, -1), (-1, -1), bold_font, size, size * 1.2)
        style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, palette.primary)
        style.add("BACKGROUND", (0, -1), (-1, -1), WHITE)
    table = Table(data, colWidths=list(col_widths), repeatRows=1, style=style, hAlign="LEFT")
    table.spaceAfter = 3 * mm
    return table
