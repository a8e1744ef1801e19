"""The pages of a printable kit (ambassador kit, event kit): A4 pages with the organisation's
header, and bare A4 and A3 pages (posters, card and sticker sheets) with neither header nor
page number. Shared by both kits, so that printing an event's kit loads nothing of the
ambassadors' charter.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from communitydesk.reports.page import DocumentTemplate, PageDecor, PageSetup

POSTER_MARGIN = 15 * mm
# The card grid with its crop marks: 5 rows of 55 mm and the marks above and below.
SHEET_MARGIN = 5 * mm


class KitDecor(PageDecor):
    """The usual header and footer, except on bare pages (posters, sheets), which get neither nor a number."""

    def __init__(self, setup: PageSetup) -> None:
        super().__init__(setup)
        self.bare_pages: set[int] = set()

    def draw_page_number(self, canvas: Canvas, page_number: int, page_count: int) -> None:
        if page_number not in self.bare_pages:
            super().draw_page_number(canvas, page_number, page_count)


class KitTemplate(DocumentTemplate):
    """A4 pages with the organisation's header, plus bare A4 and A3 pages."""

    def __init__(self, target: Any, setup: PageSetup, **kwargs: Any) -> None:
        super().__init__(target, setup, **kwargs)
        self.kit_decor = KitDecor(setup)
        self.decor = self.kit_decor
        self.addPageTemplates(
            [
                _bare_template("poster_a4", A4, POSTER_MARGIN, self._bare),
                _bare_template("poster_a3", A3, POSTER_MARGIN, self._bare),
                _bare_template("sheet", A4, SHEET_MARGIN, self._bare),
            ]
        )

    def _bare(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.kit_decor.bare_pages.add(doc.page)


def _bare_template(name: str, size: tuple[float, float], margin: float, on_page: Any) -> PageTemplate:
    width, height = size
    frame = Frame(
        margin,
        margin,
        width - 2 * margin,
        height - 2 * margin,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return PageTemplate(id=name, frames=[frame], onPage=on_page, pagesize=size)
