"""Crop marks around cards (business cards, badges) printed several to a sheet."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from communitydesk.reports.styles import INK

MARK_LENGTH = 4 * mm
MARK_OFFSET = 1.5 * mm  # the gap keeps the marks off the card once cut


def draw_crop_marks(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
    """Eight short hairlines that extend the card's edges beyond its corners."""
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.25)
    for corner_x, corner_y, sx, sy in (
        (x, y, -1, -1),
        (x + width, y, 1, -1),
        (x, y + height, -1, 1),
        (x + width, y + height, 1, 1),
    ):
        canvas.line(corner_x + sx * MARK_OFFSET, corner_y, corner_x + sx * (MARK_OFFSET + MARK_LENGTH), corner_y)
        canvas.line(corner_x, corner_y + sy * MARK_OFFSET, corner_x, corner_y + sy * (MARK_OFFSET + MARK_LENGTH))
    canvas.restoreState()


# (canvas, index of the card, width, height), origin at the card's lower-left corner.
CardPainter = Callable[[Canvas, int, float, float], None]


class CardSheet(Flowable):
    """Cards of one size in a grid, each painted by ``paint``, with crop marks.

    Without a gutter (the default, 2 × 4 business cards fit an A4 page) the cards touch and
    the marks extend every cutting line beyond the grid; with one, each card has its own.
    Splits between rows, so that any number of cards (badges, business cards) prints.
    """

    def __init__(
        self,
        count: int,
        card_width: float,
        card_height: float,
        paint: CardPainter,
        gutter: float = 0,
        first_index: int = 0,
    ) -> None:
        super().__init__()
        self.count = count
        self.card_width = card_width
        self.card_height = card_height
        self.paint = paint
        self.gutter = gutter
        self.first_index = first_index
        self.columns = 1

    def _columns(self, available_width: float) -> int:
        return max(1, int((available_width + self.gutter) // (self.card_width + self.gutter)))

    def _height(self, rows: int) -> float:
        return rows * self.card_height + max(0, rows - 1) * self.gutter + 2 * (MARK_OFFSET + MARK_LENGTH)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.columns = self._columns(available_width)
        self.width = available_width
        self.height = self._height(-(-self.count // self.columns))
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        columns = self._columns(available_width)
        rows = 0
        while self._height(rows + 1) <= available_height:
            rows += 1
        fitting = rows * columns
        if fitting < 1 or fitting >= self.count:
            return []
        return [
            CardSheet(fitting, self.card_width, self.card_height, self.paint, self.gutter, self.first_index),
            CardSheet(
                self.count - fitting,
                self.card_width,
                self.card_height,
                self.paint,
                self.gutter,
                self.first_index + fitting,
            ),
        ]

    def draw(self) -> None:
        margin = MARK_OFFSET + MARK_LENGTH
        grid_width = self.columns * self.card_width + (self.columns - 1) * self.gutter
        left = (self.width - grid_width) / 2
        for index in range(self.count):
            row, column = divmod(index, self.columns)
            x = left + column * (self.card_width + self.gutter)
            y = self.height - margin - (row + 1) * self.card_height - row * self.gutter
            self.canv.saveState()
            self.canv.translate(x, y)
            self.paint(self.canv, self.first_index + index, self.card_width, self.card_height)
            self.canv.restoreState()
            if self.gutter:
                draw_crop_marks(self.canv, x, y, self.card_width, self.card_height)
        if not self.gutter:
            rows = -(-self.count // self.columns)
            self._grid_marks(left, self.height - margin - rows * self.card_height, rows)

    def _grid_marks(self, left: float, bottom: float, rows: int) -> None:
        canvas = self.canv
        right = left + self.columns * self.card_width
        top = bottom + rows * self.card_height
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.25)
        for column in range(self.columns + 1):
            x = left + column * self.card_width
            canvas.line(x, top + MARK_OFFSET, x, top + MARK_OFFSET + MARK_LENGTH)
            canvas.line(x, bottom - MARK_OFFSET, x, bottom - MARK_OFFSET - MARK_LENGTH)
        for row in range(rows + 1):
            y = bottom + row * self.card_height
            canvas.line(left - MARK_OFFSET, y, left - MARK_OFFSET - MARK_LENGTH, y)
            canvas.line(right + MARK_OFFSET, y, right + MARK_OFFSET + MARK_LENGTH, y)
        canvas.restoreState()


def business_card_size() -> tuple[float, float]:
    """85 × 55 mm, the usual French business card."""
    return 85 * mm, 55 * mm
