"""PDF bookmarks (the viewer's outline panel): one per section, one per letter of a directory."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph


def add_bookmark(canvas: Canvas, title: str, top: float, level: int = 0) -> None:
    """A bookmark named ``title`` pointing at height ``top`` of the current drawing position."""
    count = getattr(canvas, "_communitydesk_bookmarks", 0) + 1
    canvas._communitydesk_bookmarks = count  # type: ignore[attr-defined]
    key = f"bookmark-{count}"
    canvas.bookmarkHorizontal(key, 0, top)
    canvas.addOutlineEntry(title, key, level=level, closed=True)
    if count == 1:
        canvas.showOutline()  # the viewer opens with the outline panel shown


class HeadingParagraph(Paragraph):
    """A section heading that is also a bookmark."""

    def __init__(self, *args: Any, bookmark: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bookmark = bookmark

    def draw(self) -> None:
        super().draw()
        if self.bookmark:
            add_bookmark(self.canv, self.bookmark, self.height)

    def split(self, available_width: float, available_height: float) -> list[Any]:
        # ReportLab builds the parts with this class (and no bookmark): only the first part marks.
        parts = super().split(available_width, available_height)
        if parts and isinstance(parts[0], HeadingParagraph):
            parts[0].bookmark = self.bookmark
        return parts


class LetterMark(Flowable):
    """The initial letter opening a group in a directory table, bookmarked."""

    def __init__(self, letter: str, font: str, size: float, colour: Color) -> None:
        super().__init__()
        self.letter, self.font, self.size, self.colour = letter, font, size, colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.size * 1.2

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.colour)
        canvas.setFont(self.font, self.size)
        canvas.drawString(0, self.size * 0.25, self.letter)
        add_bookmark(canvas, self.letter, self.size * 1.2)
