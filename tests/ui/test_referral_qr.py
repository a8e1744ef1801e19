"""The referral QR code on screen is the one the kit prints: one matrix (reports.qr_matrix),
painted by the ambassador sheet and drawn by the PDFs, module for module, read by zxing-cpp."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPixmap
from pytestqt.qtbot import QtBot

from communitydesk.reports.qr_matrix import QUIET_ZONE, qr_matrix
from communitydesk.services import ambassadors, settings
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui import tasks
from communitydesk.ui.ambassadors.ambassador_panel import qr_pixmap
from communitydesk.ui.ambassadors.page import AmbassadorsPage
from communitydesk.ui.main_window import MainWindow

WAIT = 30_000
URL = "https://fournil.example/rejoindre?code=ABC123"


def grey_rows(image: QImage) -> list[bytes]:
    """The image's pixels in grey, one ``bytes`` per row (0 black, 255 white)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    line = grey.bytesPerLine()
    return [data[y * line : y * line + grey.width()] for y in range(grey.height())]


def dark_modules(rows: list[bytes], size: int) -> frozenset[tuple[int, int]]:
    """The modules of a ``size``-module square picture that are dark, read at their centres."""
    assert len(rows) == len(rows[0]) and len(rows) % size == 0, (len(rows), size)
    scale = len(rows) // size
    middle = scale // 2
    return frozenset(
        (row, column)
        for row in range(size)
        for column in range(size)
        if rows[row * scale + middle][column * scale + middle] < 128
    )


def decoded(rows: list[bytes]) -> list[tuple[str, str]]:
    """(text, format) of every code zxing-cpp (what a phone reads) finds in the picture."""
    zxingcpp = pytest.importorskip("zxingcpp")
    image_module = pytest.importorskip("PIL.Image")
    image = image_module.frombytes("L", (len(rows[0]), len(rows)), b"".join(rows))
    return [(barcode.text, barcode.format.name) for barcode in zxingcpp.read_barcodes(image)]


def pdf_rows(tmp_path: Path, text: str, pixels: int) -> list[bytes]:
    """The kits' drawing (flowables.qr.draw_qr) of ``text`` on a ``pixels``-point page, rendered at 72 dpi."""
    from reportlab.pdfgen.canvas import Canvas

    from communitydesk.reports.flowables.qr import draw_qr

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) n'est pas installé : rendu du PDF non vérifié")
    pdf = tmp_path / "qr.pdf"
    canvas = Canvas(str(pdf), pagesize=(pixels, pixels))
    draw_qr(canvas, text, 0, 0, pixels)
    canvas.showPage()
    canvas.save()
    out = tmp_path / "qr"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "72", "-singlefile", str(pdf), str(out)], check=True, capture_output=True
    )
    magic, width, height, _maxval, pixels_data = out.with_suffix(".pgm").read_bytes().split(maxsplit=4)
    assert magic == b"P5" and int(width) == int(height) == pixels
    return [pixels_data[y * pixels : (y + 1) * pixels] for y in range(pixels)]


@pytest.mark.parametrize("text", [URL, "AB12"])
def test_the_screen_paints_the_matrix_the_pdf_draws(tmp_path: Path, text: str) -> None:
    matrix = qr_matrix(text)
    pixmap = qr_pixmap(text, scale=3)
    assert pixmap.width() == pixmap.height() == matrix.size * 3  # the standard quiet zone included
    screen = grey_rows(pixmap.toImage())
    assert set(b"".join(screen)) <= {0, 255}  # black on white, no blur between modules
    shown = dark_modules(screen, matrix.size)
    assert shown == matrix.dark()
    assert all(QUIET_ZONE <= row < matrix.size - QUIET_ZONE for row, _ in shown)
    assert all(QUIET_ZONE <= column < matrix.size - QUIET_ZONE for _, column in shown)
    # A short code too is a full QR code (a second encoder could pick a Micro QR, which the PDF never prints).
    assert decoded(screen) == [(text, "QRCode")]

    printed = dark_modules(pdf_rows(tmp_path, text, matrix.size * 4), matrix.size)
    assert printed == shown


def test_the_sheet_shows_the_referral_link_as_the_kit_prints_it(qtbot: QtBot, make_window, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(db_path)
    db = window.database.database()
    values = settings.read_database_settings(db, SYSTEM)
    values.referral_base_url = "https://fournil.example/rejoindre?code={code}"
    settings.save_database_settings(db, SYSTEM, values)
    contact = create_contact(db, SYSTEM, ContactInput(first_name="Lina", last_name="Garnier"))
    lina = ambassadors.enrol(db, SYSTEM, contact.id, "passionne")

    page = window.show_page("ambassadors")
    assert isinstance(page, AmbassadorsPage)
    qtbot.waitUntil(lambda: page.data is not None and not tasks.running_tasks(), timeout=WAIT)
    page.open_ambassador(lina)
    qtbot.waitUntil(lambda: page.panel.record is not None and not tasks.running_tasks(), timeout=WAIT)

    url = page.panel.url_edit.text()
    assert url.endswith(page.panel.code_label.text()) and page.panel.qr_label.toolTip() == url
    shown: QPixmap = page.panel.qr_label.pixmap()
    rows = grey_rows(shown.toImage())
    assert dark_modules(rows, qr_matrix(url).size) == qr_matrix(url).dark()
    assert decoded(rows) == [(url, "QRCode")]
