"""A4 page templates: the organisation's header, a footer with "page n / N", PDF metadata.

The total page count is known only at the end; the canvas keeps each finished page and
draws every page number in ``save()`` (one layout pass instead of building twice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.tables import CellStyle

from communitydesk import __version__
from communitydesk.formatting import day, to_local
from communitydesk.i18n import _, current_language
from communitydesk.records.identity import Identity
from communitydesk.reports.flowables.tables import wrap_text
from communitydesk.reports.fonts import SANS, bold, ensure_family, font_runs
from communitydesk.reports.styles import MUTED, RULE, Palette

# Binary (compressed) streams instead of ASCII85 text: files ~20 % smaller, and ReportLab's
# pure-Python ASCII85 encoder costs ~10 % of building a long listing. Nothing else here uses it.
rl_config.useA85 = 0
# A table cell sets its font even when it holds a flowable and no text: ReportLab's default is
# Helvetica, which is not embedded; every table then names the embedded sans instead.
CellStyle.fontname = ensure_family(SANS)

PDF_LANGUAGES = {"fr": "fr-FR", "en": "en-GB"}
SIDE_MARGIN = 16 * mm
HEADER_HEIGHT = 24 * mm
FOOTER_HEIGHT = 18 * mm


@dataclass(frozen=True)
class PageSetup:
    """What every page of one document shows around its content."""

    identity: Identity
    palette: Palette
    title: str
    subject: str
    generated_at: datetime
    is_landscape: bool = False
    footer_note: str = ""  # e.g. the charter's version

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.is_landscape else A4


NAME_LEADING = 11
TITLE_LEADING = 9.5
FOOTER_LEADING = 8.5
PAGE_NUMBER_SPACE = 30 * mm
MAX_LINES = 6  # an organisation name or address this long wraps: never cut, never dropped


@dataclass(frozen=True)
class DecorTexts:
    """Header and footer lines, wrapped once: they are the same on every page."""

    name: list[str]
    title: list[str]
    details: list[str]
    generated: str

    @property
    def header_extra(self) -> float:
        """Height the header needs beyond one name line and one title line."""
        return max(len(self.name) - 1, 0) * NAME_LEADING + (len(self.title) - 1) * TITLE_LEADING

    @property
    def footer_extra(self) -> float:
        return max(len(self.details) - 1, 0) * FOOTER_LEADING


class PageDecor:
    """Draws header and footer; the page number is drawn once the total is known."""

    def __init__(self, setup: PageSetup) -> None:
        self.setup = setup
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)
        self._logo: ImageReader | bool | None = False  # False: not loaded yet
        self._texts: DecorTexts | None = None

    def logo_width(self) -> float:
        logo = self.logo()
        if logo is None:
            return 0.0
        image_width, image_height = logo.getSize()
        return float(image_width * min(13 * mm / image_height, 40 * mm / image_width))

    def texts(self) -> DecorTexts:
        """Organisation name, title, footer details (name, address, RNA/SIRET, site) and generation line."""
        if self._texts is None:
            width, _height = self.setup.pagesize
            identity = self.setup.identity
            header_width = width - 2 * SIDE_MARGIN - self.logo_width() - 6 * mm
            footer_width = width - 2 * SIDE_MARGIN - PAGE_NUMBER_SPACE
            parts = [
                part
                for part in (identity.name, identity.address.replace("\n", ", "), identity.legal_id, identity.website)
                if part
            ]
            generated = _(
                "Généré le {day} à {time} avec CommunityDesk {version}",
                day=day(self.setup.generated_at, "long"),
                time=to_local(self.setup.generated_at).strftime("%H:%M"),
                version=__version__,
            )
            self._texts = DecorTexts(
                # No identity yet: the title alone, never the software's name in the organisation's place.
                name=_lines(identity.name, self.bold, 10, header_width) if identity.name else [],
                title=_lines(self.setup.title, self.font, 8, header_width),
                details=_footer_lines(parts, self.font, 7, footer_width),
                generated=generated,
            )
        return self._texts

    def logo(self) -> ImageReader | None:
        if self._logo is False:
            path = self.setup.identity.logo
            try:
                self._logo = ImageReader(str(path)) if path else None
                if self._logo is not None:
                    self._logo.getSize()
            except (OSError, ValueError):  # an unreadable image must not cost the user the whole document
                self._logo = None
        return self._logo  # type: ignore[return-value]

    def draw(self, canvas: Canvas, page_number: int) -> None:
        width, height = self.setup.pagesize
        palette = self.setup.palette
        texts = self.texts()
        canvas.saveState()
        # Header: organisation name and document title on the left, logo on the right.
        top = height - 11 * mm
        logo = self.logo()
        if logo is not None:
            image_width, image_height = logo.getSize()
            logo_width = self.logo_width()
            logo_height = image_height * logo_width / image_width
            canvas.drawImage(
                logo, width - SIDE_MARGIN - logo_width, top - logo_height + 8, logo_width, logo_height, mask="auto"
            )
        canvas.setFillColor(palette.primary)
        canvas.setFont(self.bold, 10)
        for line in texts.name:
            canvas.drawString(SIDE_MARGIN, top, line)
            top -= NAME_LEADING
        canvas.setFillColor(MUTED)
        canvas.setFont(self.font, 8)
        for line in texts.title:
            canvas.drawString(SIDE_MARGIN, top, line)
            top -= TITLE_LEADING
        rule_y = height - HEADER_HEIGHT - texts.header_extra + 5 * mm
        canvas.setStrokeColor(palette.primary)
        canvas.setLineWidth(1.2)
        canvas.line(SIDE_MARGIN, rule_y, width - SIDE_MARGIN, rule_y)
        canvas.setStrokeColor(palette.secondary)
        canvas.setLineWidth(3)
        canvas.line(SIDE_MARGIN, rule_y, SIDE_MARGIN + 18 * mm, rule_y)
        # Footer: identity on the left (wrapped), generation date below it, page number on the right.
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(SIDE_MARGIN, 13 * mm + texts.footer_extra, width - SIDE_MARGIN, 13 * mm + texts.footer_extra)
        canvas.setFillColor(MUTED)
        canvas.setFont(self.font, 7)
        for number, line in enumerate(texts.details):
            canvas.drawString(SIDE_MARGIN, 9 * mm + texts.footer_extra - number * FOOTER_LEADING, line)
        canvas.drawString(SIDE_MARGIN, 5.5 * mm, texts.generated)
        if self.setup.footer_note:
            canvas.drawRightString(width - SIDE_MARGIN, 5.5 * mm, self.setup.footer_note)
        canvas.restoreState()

    def draw_page_number(self, canvas: Canvas, page_number: int, page_count: int) -> None:
        width, _height = self.setup.pagesize
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(self.bold, 7.5)
        canvas.drawRightString(
            width - SIDE_MARGIN, 9 * mm, _("Page {page} / {count}", page=page_number, count=page_count)
        )
        canvas.restoreState()


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    return wrap_text(text, width, font, size, max_lines=MAX_LINES).split("\n")


def _footer_lines(parts: list[str], font: str, size: float, width: float) -> list[str]:
    """Parts joined by " · ", a part moving whole to the next line when it fits there (RNA/SIRET never split)."""
    lines: list[str] = []
    for part in parts:
        candidate = f"{lines[-1]} · {part}" if lines else part
        if lines and stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.extend(_lines(part, font, size, width))
    return lines


def _with_fallback(draw: Callable[..., None], anchor: float) -> Callable[..., None]:
    """``draw`` (a Canvas string method), or runs of fallback fonts when the current font lacks a glyph."""

    def method(self: Any, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        runs = None if text.isascii() else font_runs(text, self._fontname)
        if runs is None:
            draw(self, x, y, text, *args, **kwargs)
        else:
            self._draw_runs(x, y, runs, anchor)

    return method


def numbered_canvas(decor: PageDecor) -> type[Canvas]:
    """A canvas class that holds back each page until the total number of pages is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []
            # Accessibility: viewers and screen readers announce the title, not the file name.
            self.setViewerPreference("DisplayDocTitle", "true")

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # what Canvas.showPage does after drawing

        # Strings drawn straight on the canvas (table cells, header, footer, charts, signatures):
        # characters the current font lacks are drawn in a fallback font, run by run.
        drawString = _with_fallback(Canvas.drawString, 0.0)
        drawCentredString = _with_fallback(Canvas.drawCentredString, 0.5)
        drawRightString = _with_fallback(Canvas.drawRightString, 1.0)

        def _draw_runs(self, x: float, y: float, runs: list[tuple[str, str]], anchor: float) -> None:
            font, size, leading = self._fontname, self._fontsize, self._leading  # type: ignore[attr-defined]
            x -= anchor * sum(stringWidth(part, name, size) for name, part in runs)
            for name, part in runs:
                self.setFont(name, size, leading)
                Canvas.drawString(self, x, y, part)
                x += stringWidth(part, name, size)
            self.setFont(font, size, leading)

        def save(self) -> None:
            count = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                decor.draw_page_number(self, number, count)
                super().showPage()
            super().save()

    return NumberedCanvas


class DocumentTemplate(BaseDocTemplate):
    """One A4 document: margins, header/footer, metadata, progress and cancellation hooks."""

    def __init__(
        self,
        target: Any,
        setup: PageSetup,
        *,
        on_flowable: Callable[[], None] | None = None,
    ) -> None:
        width, height = setup.pagesize
        decor = PageDecor(setup)
        texts = decor.texts()
        # A long name or address makes header or footer taller, never cut: the frame gives way.
        self.header_height = HEADER_HEIGHT + texts.header_extra
        self.footer_height = FOOTER_HEIGHT + texts.footer_extra
        super().__init__(
            target,
            pagesize=setup.pagesize,
            leftMargin=SIDE_MARGIN,
            rightMargin=SIDE_MARGIN,
            topMargin=self.header_height,
            bottomMargin=self.footer_height,
            title=setup.title,
            author=setup.identity.display_name,
            subject=setup.subject,
            creator=f"CommunityDesk {__version__}",
            producer=f"CommunityDesk {__version__}",
            keywords=["CommunityDesk"],
            lang=PDF_LANGUAGES.get(current_language(), "fr-FR"),
            initialFontName=ensure_family(SANS),
            # Compression trades ~10 % of the time for files 3-4 times smaller: worth it to e-mail them.
            pageCompression=1,
        )
        self.setup = setup
        self.decor = decor
        self._on_flowable = on_flowable
        frame = Frame(
            SIDE_MARGIN,
            self.footer_height,
            width - 2 * SIDE_MARGIN,
            height - self.header_height - self.footer_height,
            id="content",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    @property
    def content_width(self) -> float:
        return float(self.setup.pagesize[0] - 2 * SIDE_MARGIN)

    @property
    def content_height(self) -> float:
        return float(self.setup.pagesize[1] - self.header_height - self.footer_height)

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.decor.draw(canvas, doc.page)

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - ReportLab's name
        if self._on_flowable is not None:
            self._on_flowable()

    def build_story(self, story: list[Any]) -> int:
        """Lay out ``story``; returns the number of pages."""
        self.build(story, canvasmaker=numbered_canvas(self.decor))
        return int(self.page)
