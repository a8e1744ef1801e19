"""The one QR encoder (reports.qr_matrix): a full QR code at level M with its quiet zone, computed
once per text, and nothing of ReportLab loaded before the first code (a screen imports it)."""

from __future__ import annotations

import subprocess
import sys

from communitydesk.reports.qr_matrix import QUIET_ZONE, qr_matrix


def finder(matrix_dark: frozenset[tuple[int, int]], top: int, left: int) -> bool:
    """A finder pattern (7×7: dark ring, light ring, dark 3×3 centre) at (top, left)."""
    for row in range(7):
        for column in range(7):
            ring = max(abs(row - 3), abs(column - 3))
            if ((top + row, left + column) in matrix_dark) != (ring != 2):
                return False
    return True


def test_a_matrix_has_its_quiet_zone_and_three_finder_patterns() -> None:
    matrix = qr_matrix("https://fournil.example/rejoindre?code=ABC123")
    modules = matrix.size - 2 * QUIET_ZONE
    assert modules == 33  # version 4 at level M
    dark = matrix.dark()
    assert all(QUIET_ZONE <= row < QUIET_ZONE + modules for row, _ in dark)
    assert all(QUIET_ZONE <= column < QUIET_ZONE + modules for _, column in dark)
    far = QUIET_ZONE + modules - 7
    assert finder(dark, QUIET_ZONE, QUIET_ZONE) and finder(dark, QUIET_ZONE, far) and finder(dark, far, QUIET_ZONE)
    assert not finder(dark, far, far)
    assert all(length > 0 for _, _, length in matrix.runs)
    assert qr_matrix("https://fournil.example/rejoindre?code=ABC123") is matrix  # computed once


def test_a_short_text_is_a_full_qr_code() -> None:
    matrix = qr_matrix("AB12")
    assert matrix.size - 2 * QUIET_ZONE == 21  # version 1, never an 11-17 module Micro QR


def test_importing_the_module_loads_no_reportlab() -> None:
    script = (
        "import sys\n"
        "import communitydesk.reports.qr_matrix\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('reportlab', 'PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_the_encoder_is_loaded_alone_and_encodes_as_its_package() -> None:
    from reportlab.graphics.barcode import qrencoder

    from communitydesk.reports.qr_matrix import _encoder

    assert _encoder() is not qrencoder  # loaded alone, from its file
    for text in ("AB12", "https://exemple.org/parrainage/MARCKQ", "Événement « AG » 2026 — 20/09 " * 4):
        alone, packaged = _encoder().QRCode(None, 0), qrencoder.QRCode(None, 0)  # 0: level M
        for code in (alone, packaged):
            code.addData(text)
            code.make()
        count = packaged.getModuleCount()
        assert alone.getModuleCount() == count
        assert all(alone.isDark(r, c) == packaged.isDark(r, c) for r in range(count) for c in range(count))
    # A kit's code costs no barcode package (and so no drawing stack) in a fresh process.
    probe = (
        "import sys; from communitydesk.reports.qr_matrix import qr_matrix; qr_matrix('AB12');"
        "print(sorted(m for m in sys.modules if m.startswith('reportlab.graphics')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
