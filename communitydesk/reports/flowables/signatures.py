"""Signature blocks: who signs, their name (printed or a line to write on), date, a box to sign in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from communitydesk.i18n import _
from communitydesk.reports.flowables.tables import wrap_text
from communitydesk.reports.fonts import SANS, bold, ensure_family
from communitydesk.reports.styles import INK, MUTED, RULE, Palette

BLOCK_HEIGHT = 44 * mm
GAP = 10 * mm


@dataclass(frozen=True)
class Signatory:
    party: str  # "L'ambassadeur", "Pour Les Ateliers du Lien"
    name: str = ""  # printed when known, else a line to write on
    place_and_date: str = ""  # printed when known


PARTY_SIZE, PARTY_LEADING = 10, 12
VALUE_SIZE, VALUE_LEADING = 9, 11
LABEL_SIZE = 8.5
LINE_GAP = 14  # from one labelled line to the next
BOX_HEIGHT = BLOCK_HEIGHT - 62  # the box to sign in
MAX_LINES = 12  # a name this long is already absurd: wrap, never shrink nor cut


def wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at ``size`` (a name is never shrunk nor cut)."""
    return wrap_text(text, width, font, size, max_lines=MAX_LINES).split("\n") if text else []


class SignatureBlocks(Flowable):
    """Side-by-side blocks, one per signatory, kept whole on one page; long names wrap."""

    def __init__(self, signatories: Sequence[Signatory], palette: Palette) -> None:
        super().__init__()
        self.signatories = list(signatories)
        self.palette = palette
        self.font = ensure_family(SANS)
        self.bold = bold(SANS)
        self.spaceBefore = 6 * mm
        self.width = 0.0
        self.height = BLOCK_HEIGHT
        self._layouts: list[tuple[list[str], list[str], list[str]]] = []

    def _value_width(self, label: str, block_width: float) -> float:
        return block_width - stringWidth(label, self.font, LABEL_SIZE) - 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        count = max(1, len(self.signatories))
        block_width = (available_width - (count - 1) * GAP) / count
        self._layouts = [
            (
                wrapped(signatory.party, self.bold, PARTY_SIZE, block_width),
                wrapped(signatory.name, self.bold, VALUE_SIZE, self._value_width(_("Nom :"), block_width)),
                wrapped(
                    signatory.place_and_date,
                    self.bold,
                    VALUE_SIZE,
                    self._value_width(_("Lieu et date :"), block_width),
                ),
            )
            for signatory in self.signatories
        ]
        extra = max(
            (
                max(len(party) - 1, 0) * PARTY_LEADING + sum(max(len(v) - 1, 0) * VALUE_LEADING for v in values)
                for party, *values in self._layouts
            ),
            default=0,
        )
        self.height = BLOCK_HEIGHT + extra
        return available_width, self.height

    def _label_lines(self, x: float, y: float, width: float, label: str, lines: list[str]) -> float:
        """Draws ``label`` and its value (or a dotted line to write on); returns the last baseline."""
        canvas = self.canv
        canvas.setFont(self.font, LABEL_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawString(x, y, label)
        start = x + stringWidth(label, self.font, LABEL_SIZE) + 4
        if not lines:
            canvas.setStrokeColor(RULE)
            canvas.setDash(1, 2)
            canvas.line(start, y - 1.5, x + width, y - 1.5)
            canvas.setDash()
            return y
        canvas.setFillColor(INK)
        canvas.setFont(self.bold, VALUE_SIZE)
        for number, line in enumerate(lines):
            canvas.drawString(start, y - number * VALUE_LEADING, line)
        return y - (len(lines) - 1) * VALUE_LEADING

    def draw(self) -> None:
        canvas = self.canv
        count = max(1, len(self.signatories))
        block_width = (self.width - (count - 1) * GAP) / count
        for index, (party, name, place) in enumerate(self._layouts):
            x = index * (block_width + GAP)
            y = self.height - 10
            canvas.setFillColor(self.palette.primary)
            canvas.setFont(self.bold, PARTY_SIZE)
            for line in party:
                canvas.drawString(x, y, line)
                y -= PARTY_LEADING
            y += PARTY_LEADING - 4
            canvas.setStrokeColor(self.palette.secondary)
            canvas.setLineWidth(1.5)
            canvas.line(x, y, x + 14 * mm, y)
            canvas.setLineWidth(0.6)
            y = self._label_lines(x, y - LINE_GAP, block_width, _("Nom :"), name)
            self._label_lines(x, y - LINE_GAP, block_width, _("Lieu et date :"), place)
            canvas.setFont(self.font, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawString(x, BOX_HEIGHT + 6, _("Signature, précédée de « lu et approuvé » :"))
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.roundRect(x, 0, block_width, BOX_HEIGHT, 2 * mm, stroke=1, fill=0)
