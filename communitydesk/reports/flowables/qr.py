"""QR codes as vectors: encoded once per text (``reports/qr_matrix``, the encoder the screen
uses too), drawn once per PDF as a form that every copy reuses (a sheet of stickers costs one
drawing).

Dark modules of a row are merged into runs and the whole code is one filled path: crisp at
any size, decodable from a 100 dpi rendering, a few hundred bytes.
"""

from __future__ import annotations

import hashlib

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from communitydesk.reports.qr_matrix import qr_matrix
from communitydesk.reports.styles import INK


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """The QR code of ``data`` as a ``size`` square whose lower-left corner is (x, y), quiet zone included."""
    modules, runs = qr_matrix(data)
    name = "qr" + hashlib.sha1(data.encode("utf-8")).hexdigest()[:16]
    if not canvas.hasForm(name):
        canvas.beginForm(name, 0, 0, modules, modules)
        canvas.setFillColor(INK)
        path = canvas.beginPath()
        for row, column, length in runs:
            path.rect(column, modules - row - 1, length, 1)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / modules, size / modules)
    canvas.doForm(name)
    canvas.restoreState()


class QrCode(Flowable):
    """A square QR code of ``size`` points, for a story or a table cell."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.data, 0, 0, self.width)


def qr_code(data: str, size: float) -> QrCode:
    """A square QR code of ``size`` points encoding ``data`` (a URL, a referral link…)."""
    return QrCode(data, size)
