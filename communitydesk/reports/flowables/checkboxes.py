"""Checkbox grids to fill in by hand: one row per person or item, one box per column."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from communitydesk.reports.fonts import SANS, bold, ensure_family
from communitydesk.reports.styles import INK, RULE, Palette

ROW_HEIGHT = 7 * mm
BOX = 3.6 * mm


class CheckboxGrid(Flowable):
    """Row labels on the left, column headings on top, an empty box at every crossing.

    Splits across pages (header repeated) so that a sign-in sheet of any length prints whole.
    """

    def __init__(
        self, rows: Sequence[str], columns: Sequence[str], palette: Palette, *, label_share: float = 0.4
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.columns = list(columns)
        self.palette = palette
        self.label_share = label_share
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)

    @property
    def header_height(self) -> float:
        return ROW_HEIGHT + 1 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.header_height + len(self.rows) * ROW_HEIGHT
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fitting = int((available_height - self.header_height) // ROW_HEIGHT)
        if fitting < 1 or fitting >= len(self.rows):
            return []
        return [
            CheckboxGrid(self.rows[:fitting], self.columns, self.palette, label_share=self.label_share),
            CheckboxGrid(self.rows[fitting:], self.columns, self.palette, label_share=self.label_share),
        ]

    def draw(self) -> None:
        canvas = self.canv
        label_width = self.width * self.label_share
        column_width = (self.width - label_width) / max(1, len(self.columns))
        top = self.height
        canvas.setFillColor(self.palette.primary_light)
        canvas.rect(0, top - self.header_height, self.width, self.header_height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(self.bold, 7.5)
        for index, heading in enumerate(self.columns):
            centre = label_width + (index + 0.5) * column_width
            size = 7.5
            while size > 5 and stringWidth(heading, self.bold, size) > column_width - 4:
                size -= 0.5
            canvas.setFont(self.bold, size)
            canvas.drawCentredString(centre, top - self.header_height + 3 * mm, heading)
        canvas.setLineWidth(0.6)
        for row_index, label in enumerate(self.rows):
            y = top - self.header_height - (row_index + 1) * ROW_HEIGHT
            canvas.setStrokeColor(RULE)
            canvas.line(0, y, self.width, y)
            canvas.setFillColor(INK)
            canvas.setFont(self.font, 8.5)
            canvas.drawString(2, y + 2.3 * mm, label)
            canvas.setStrokeColor(INK)
            for index in range(len(self.columns)):
                centre = label_width + (index + 0.5) * column_width
                canvas.rect(centre - BOX / 2, y + (ROW_HEIGHT - BOX) / 2, BOX, BOX, stroke=1, fill=0)
