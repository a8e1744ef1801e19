"""Key-figure cards: a big number, what it counts, and an optional note, side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from communitydesk.reports.fonts import SANS, bold, ensure_family
from communitydesk.reports.styles import INK, MUTED, Palette

CARD_HEIGHT = 21 * mm
GAP = 4 * mm


@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: str
    note: str = ""


def _shrink(text: str, font: str, size: float, width: float, minimum: float = 6) -> float:
    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


class KeyFigureCards(Flowable):
    """One row of cards (``per_row`` at most, more rows if needed) over the available width."""

    def __init__(self, figures: Sequence[KeyFigure], palette: Palette, per_row: int = 4) -> None:
        super().__init__()
        self.figures = list(figures)
        self.palette = palette
        self.per_row = max(1, min(per_row, len(self.figures) or 1))
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)
        self.spaceAfter = 4 * mm

    @property
    def rows(self) -> int:
        return -(-len(self.figures) // self.per_row)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.rows * CARD_HEIGHT + max(0, self.rows - 1) * GAP
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        card_width = (self.width - (self.per_row - 1) * GAP) / self.per_row
        inner = card_width - 8 * mm
        for index, figure in enumerate(self.figures):
            row, column = divmod(index, self.per_row)
            x = column * (card_width + GAP)
            y = self.height - (row + 1) * CARD_HEIGHT - row * GAP
            canvas.setFillColor(self.palette.primary_light)
            canvas.setStrokeColor(self.palette.primary_light)
            canvas.roundRect(x, y, card_width, CARD_HEIGHT, 2.5 * mm, stroke=0, fill=1)
            canvas.setFillColor(self.palette.secondary)
            canvas.rect(x, y + 3 * mm, 1.2 * mm, CARD_HEIGHT - 6 * mm, stroke=0, fill=1)
            size = _shrink(figure.value, self.bold, 17, inner)
            canvas.setFillColor(self.palette.primary)
            canvas.setFont(self.bold, size)
            canvas.drawString(x + 4 * mm, y + CARD_HEIGHT - 9 * mm, figure.value)
            label_size = _shrink(figure.label, self.font, 8, inner)
            canvas.setFillColor(INK)
            canvas.setFont(self.font, label_size)
            canvas.drawString(x + 4 * mm, y + 7 * mm, figure.label)
            if figure.note:
                note_size = _shrink(figure.note, self.font, 6.5, inner, minimum=5)
                canvas.setFillColor(MUTED)
                canvas.setFont(self.font, note_size)
                canvas.drawString(x + 4 * mm, y + 3 * mm, figure.note)
