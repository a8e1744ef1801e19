"""The modules of a QR code, computed once per text: what the PDFs draw and the screen paints.

One encoder for every picture of a code, ReportLab's ``qrencoder`` (error correction M, always
a full QR code, never a Micro QR), so that the code an ambassador sees on screen is the very
one the kit prints. Neither Qt nor a canvas here: ``reports/flowables/qr.py`` turns the runs
into one PDF path, ``ui/ambassadors/ambassador_panel.qr_pixmap`` into a pixmap.

The encoder module is loaded on its own, from its file, on the first code computed (``_encoder``).
Imported through its package, it would run ``reportlab.graphics.barcode``'s ``__init__``, which
registers every barcode widget and so loads ReportLab's drawing stack: ~10 ms of a kit's export,
~0.35 s of a screen's first opening, for a module that needs only ``re`` and ``itertools``.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


class QrMatrix(NamedTuple):
    """A QR code as runs of dark modules, in a square that includes the quiet zone.

    ``size`` is the number of modules per side, quiet zone included; each run is
    ``(row, first column, length)``, rows from the top, columns from the left, both counted
    from the square's corner (so the first dark module is at ``(QUIET_ZONE, QUIET_ZONE)``).
    """

    size: int
    runs: tuple[tuple[int, int, int], ...]

    def dark(self) -> frozenset[tuple[int, int]]:
        """Every dark module as ``(row, column)`` in the square."""
        return frozenset((row, column + i) for row, column, length in self.runs for i in range(length))


@lru_cache(maxsize=1)
def _encoder() -> ModuleType:
    """ReportLab's ``qrencoder`` module, loaded alone; through its package should a ReportLab
    release make it need the package (a relative import, say)."""
    graphics = importlib.util.find_spec("reportlab.graphics")
    if graphics is not None and graphics.submodule_search_locations:
        source = Path(next(iter(graphics.submodule_search_locations))) / "barcode" / "qrencoder.py"
        spec = importlib.util.spec_from_file_location("communitydesk_qrencoder", source)
        if spec is not None and spec.loader is not None and source.is_file():
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
                return module
            except ImportError:
                pass
    from reportlab.graphics.barcode import qrencoder

    return qrencoder


@lru_cache(maxsize=64)
def qr_matrix(data: str) -> QrMatrix:
    """The QR code of ``data`` (error correction M), with a quiet zone of ``QUIET_ZONE`` modules."""
    qrencoder = _encoder()

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(data)
    code.make()
    count = code.getModuleCount()
    runs: list[tuple[int, int, int]] = []
    for row in range(count):
        column = 0
        while column < count:
            if code.isDark(row, column):
                start = column
                while column < count and code.isDark(row, column):
                    column += 1
                runs.append((QUIET_ZONE + row, QUIET_ZONE + start, column - start))
            else:
                column += 1
    return QrMatrix(count + 2 * QUIET_ZONE, tuple(runs))
