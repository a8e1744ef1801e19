"""QR codes (reportlab's own encoder: vector, no image file, nothing more to install)."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

from communitydesk.reports.fonts import SANS, ensure_family
from communitydesk.reports.styles import INK


def qr_code(data: str, size: float) -> Drawing:
    """A square QR code of ``size`` points encoding ``data`` (a URL, a referral link…)."""
    # Drawn at its size directly: asking the widget for its bounds would encode the data twice.
    widget = QrCodeWidget(data, barLevel="M", barWidth=size, barHeight=size, barFillColor=INK)
    # The renderer sets the drawing's font even without text: Helvetica, not embedded, else.
    drawing = Drawing(size, size, initialFontName=ensure_family(SANS))
    drawing.add(widget)
    return drawing
