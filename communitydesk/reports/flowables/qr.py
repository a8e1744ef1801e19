"""QR codes (reportlab's own encoder: vector, no image file, nothing more to install)."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

from communitydesk.reports.fonts import SANS, ensure_family
from communitydesk.reports.styles import INK


def qr_code(data: str, size: float) -> Drawing:
    """A square QR code of ``size`` points encoding ``data`` (a URL, a referral link…)."""
    widget = QrCodeWidget(data, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    widget.barFillColor = INK
    drawing = Drawing(
        size,
        size,
        transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), -x0, -y0],
        # The renderer sets the drawing's font even without text: Helvetica, not embedded, else.
        initialFontName=ensure_family(SANS),
    )
    drawing.add(widget)
    return drawing
