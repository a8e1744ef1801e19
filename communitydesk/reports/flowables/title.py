"""The block that opens a document: title, subtitle, a few details, an accent rule."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from communitydesk.reports.flowables.outline import HeadingParagraph
from communitydesk.reports.markup import plain
from communitydesk.reports.styles import Palette, Styles


class AccentRule(Flowable):
    """A thin rule in the primary colour, opened by a short bar in the secondary colour."""

    def __init__(self, palette: Palette, space_before: float = 3 * mm, space_after: float = 5 * mm) -> None:
        super().__init__()
        self.palette = palette
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 3

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(self.palette.primary_light)
        canvas.setLineWidth(1)
        canvas.line(0, 1.5, self.width, 1.5)
        canvas.setStrokeColor(self.palette.secondary)
        canvas.setLineWidth(3)
        canvas.line(0, 1.5, 22 * mm, 1.5)


def title_block(styles: Styles, title: str, subtitle: str = "", details: Sequence[str] = ()) -> Flowable:
    """Title (plain text), optional subtitle and detail lines (plain text), kept on one page."""
    parts: list[Flowable] = [Paragraph(plain(title), styles.title)]
    if subtitle:
        parts.append(Paragraph(plain(subtitle), styles.subtitle))
    for line in details:
        parts.append(Paragraph(plain(line), styles.small))
    parts.append(AccentRule(styles.palette))
    return KeepTogether(parts)


def section_heading(styles: Styles, text: str) -> Flowable:
    """A section's heading, listed in the PDF's outline."""
    return HeadingParagraph(plain(text), styles.heading, bookmark=text)


def vertical_space(height_mm: float) -> Flowable:
    return Spacer(1, height_mm * mm)
