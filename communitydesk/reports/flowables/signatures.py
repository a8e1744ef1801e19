"""Signature blocks: who signs, their name (printed or a line to write on), date, a box to sign in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from communitydesk.i18n import _
from communitydesk.reports.fonts import SANS, bold, ensure_family
from communitydesk.reports.styles import INK, MUTED, RULE, Palette

BLOCK_HEIGHT = 44 * mm
GAP = 10 * mm


@dataclass(frozen=True)
class Signatory:
    party: str  # "L'ambassadeur", "Pour Les Ateliers du Lien"
    name: str = ""  # printed when known, else a line to write on
    place_and_date: str = ""  # printed when known


def fitted(text: str, font: str, size: float, width: float, minimum: float = 7) -> tuple[str, float]:
    """``text`` at the largest size down to ``minimum`` that fits ``width``, else cut with "…"."""
    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


class SignatureBlocks(Flowable):
    """Side-by-side blocks, one per signatory, kept whole on one page."""

    def __init__(self, signatories: Sequence[Signatory], palette: Palette) -> None:
        super().__init__()
        self.signatories = list(signatories)
        self.palette = palette
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)
        self.spaceBefore = 6 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, BLOCK_HEIGHT

    def _label_line(self, x: float, y: float, width: float, label: str, value: str) -> None:
        canvas = self.canv
        canvas.setFont(self.font, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(x, y, label)
        start = x + stringWidth(label, self.font, 8.5) + 4
        if value:
            text, size = fitted(value, self.bold, 9, x + width - start)
            canvas.setFillColor(INK)
            canvas.setFont(self.bold, size)
            canvas.drawString(start, y, text)
        else:
            canvas.setStrokeColor(RULE)
            canvas.setDash(1, 2)
            canvas.line(start, y - 1.5, x + width, y - 1.5)
            canvas.setDash()

    def draw(self) -> None:
        canvas = self.canv
        count = max(1, len(self.signatories))
        block_width = (self.width - (count - 1) * GAP) / count
        for index, signatory in enumerate(self.signatories):
            x = index * (block_width + GAP)
            top = BLOCK_HEIGHT
            party, size = fitted(signatory.party, self.bold, 10, block_width)
            canvas.setFillColor(self.palette.primary)
            canvas.setFont(self.bold, size)
            canvas.drawString(x, top - 10, party)
            canvas.setStrokeColor(self.palette.secondary)
            canvas.setLineWidth(1.5)
            canvas.line(x, top - 14, x + 14 * mm, top - 14)
            canvas.setLineWidth(0.6)
            self._label_line(x, top - 28, block_width, _("Nom :"), signatory.name)
            self._label_line(x, top - 42, block_width, _("Lieu et date :"), signatory.place_and_date)
            canvas.setFont(self.font, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawString(x, top - 56, _("Signature, précédée de « lu et approuvé » :"))
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.roundRect(x, 0, block_width, top - 62, 2 * mm, stroke=1, fill=0)
