"""Colours and paragraph styles of every document, derived from the organisation's two colours."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from communitydesk.records.identity import DEFAULT_COLOURS, Identity
from communitydesk.reports.fonts import SANS, SERIF, bold, ensure_family, italic

INK = colors.HexColor("#1F2A30")
MUTED = colors.HexColor("#5F6B73")
RULE = colors.HexColor("#C9D1D6")
PAPER_TINT = colors.HexColor("#F3F5F6")
WHITE = colors.white

# Categorical colours for charts after the organisation's two: readable on paper and in grey.
CHART_EXTRA = ("#4F7CAC", "#B5525C", "#7A9E7E", "#8C6BB1", "#D08C60", "#5B8E9F", "#A3A847", "#6D6875")


def colour(value: str, fallback: str) -> colors.Color:
    """A '#RRGGBB' colour from Paramètres; a mistyped value falls back instead of failing the PDF."""
    try:
        return colors.HexColor(value.strip())
    except (ValueError, AttributeError, TypeError):
        return colors.HexColor(fallback)


def tint(base: colors.Color, amount: float) -> colors.Color:
    """``base`` mixed with white (``amount`` 0 = base, 1 = white)."""
    return colors.Color(
        base.red + (1 - base.red) * amount, base.green + (1 - base.green) * amount, base.blue + (1 - base.blue) * amount
    )


@dataclass(frozen=True)
class Palette:
    primary: colors.Color
    secondary: colors.Color

    @classmethod
    def of(cls, identity: Identity) -> Palette:
        return cls(
            colour(identity.primary_colour, DEFAULT_COLOURS[0]), colour(identity.secondary_colour, DEFAULT_COLOURS[1])
        )

    @property
    def primary_light(self) -> colors.Color:
        return tint(self.primary, 0.88)

    @property
    def secondary_light(self) -> colors.Color:
        return tint(self.secondary, 0.82)

    def series(self, count: int) -> list[colors.Color]:
        """``count`` distinct colours for chart series, the organisation's first."""
        pool = [self.primary, self.secondary] + [colors.HexColor(c) for c in CHART_EXTRA]
        return [pool[i % len(pool)] for i in range(count)]


class Styles:
    """Paragraph styles in the shipped families; built per document (colours vary)."""

    def __init__(self, palette: Palette, family: str = SANS, heading_family: str = SANS) -> None:
        ensure_family(family)
        ensure_family(heading_family)
        self.palette = palette
        self.family = family
        self.heading_family = heading_family

    @cached_property
    def body(self) -> ParagraphStyle:
        return ParagraphStyle(
            "body", fontName=self.family, fontSize=9.5, leading=13.5, textColor=INK, alignment=TA_LEFT, spaceAfter=5
        )

    @cached_property
    def body_justified(self) -> ParagraphStyle:
        return ParagraphStyle("body_justified", parent=self.body, alignment=TA_JUSTIFY)

    @cached_property
    def small(self) -> ParagraphStyle:
        return ParagraphStyle("small", parent=self.body, fontSize=7.5, leading=9.5, textColor=MUTED, spaceAfter=2)

    @cached_property
    def caption(self) -> ParagraphStyle:
        return ParagraphStyle("caption", parent=self.small, fontName=italic(self.family), spaceBefore=2, spaceAfter=8)

    @cached_property
    def title(self) -> ParagraphStyle:
        return ParagraphStyle(
            "title",
            fontName=bold(self.heading_family),
            fontSize=21,
            leading=25,
            textColor=self.palette.primary,
            spaceAfter=3,
        )

    @cached_property
    def subtitle(self) -> ParagraphStyle:
        return ParagraphStyle("subtitle", parent=self.body, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=0)

    @cached_property
    def heading(self) -> ParagraphStyle:
        return ParagraphStyle(
            "heading",
            fontName=bold(self.heading_family),
            fontSize=13,
            leading=16,
            textColor=self.palette.primary,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        )

    @cached_property
    def subheading(self) -> ParagraphStyle:
        return ParagraphStyle(
            "subheading",
            fontName=bold(self.family),
            fontSize=10,
            leading=13,
            textColor=INK,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=1,
        )

    @cached_property
    def cell(self) -> ParagraphStyle:
        return ParagraphStyle("cell", fontName=self.family, fontSize=8.5, leading=10.5, textColor=INK)

    @cached_property
    def cell_right(self) -> ParagraphStyle:
        from reportlab.lib.enums import TA_RIGHT

        return ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)

    @cached_property
    def cell_header(self) -> ParagraphStyle:
        return ParagraphStyle("cell_header", parent=self.cell, fontName=bold(self.family), textColor=WHITE)

    @cached_property
    def centered(self) -> ParagraphStyle:
        return ParagraphStyle("centered", parent=self.body, alignment=TA_CENTER)

    @cached_property
    def empty_state(self) -> ParagraphStyle:
        return ParagraphStyle(
            "empty_state",
            parent=self.body,
            fontSize=11,
            leading=16,
            textColor=MUTED,
            alignment=TA_CENTER,
            spaceBefore=30,
            spaceAfter=10,
        )


def serif_styles(palette: Palette) -> Styles:
    """Serif body and headings: for texts meant to be read and signed (charters)."""
    return Styles(palette, family=SERIF, heading_family=SERIF)
