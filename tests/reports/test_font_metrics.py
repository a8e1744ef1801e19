"""Faces built from the shipped metrics are the faces ReportLab parses, and a stale file is ignored."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from communitydesk.paths import resources_dir
from communitydesk.reports.font_metrics import measured, metrics_path, shipped_font

FONTS = resources_dir() / "fonts"
TEXT = "Œuvre « Léa » : 11 439,47 € — Łukasz Ødegaard, ÿ, ß, ﬁ"


@pytest.mark.parametrize("font_file", sorted(FONTS.glob("*.ttf")), ids=lambda path: path.stem)
def test_every_shipped_font_has_current_metrics(font_file: Path) -> None:
    # When this fails after a ReportLab upgrade or a new font: uv run python tools/update_font_metrics.py
    assert metrics_path(font_file).read_bytes() == measured(font_file)


@pytest.mark.parametrize("stem", ["DejaVuSans", "DejaVuSerif-Bold"])
def test_a_shipped_face_is_the_parsed_face(stem: str) -> None:
    font_file = FONTS / f"{stem}.ttf"
    parsed = TTFont(stem, str(font_file))
    shipped = shipped_font(stem, font_file)

    assert shipped is not None
    assert type(shipped) is type(parsed) and type(shipped.face) is type(parsed.face)
    assert vars(shipped).keys() == vars(parsed).keys()
    for key in ("fontName", "_asciiReadable", "shapable"):
        assert getattr(shipped, key) == getattr(parsed, key), key
    assert type(shipped.encoding) is type(parsed.encoding)
    assert vars(shipped.face).keys() == vars(parsed.face).keys()
    for key, value in vars(parsed.face).items():
        if key == "_pdfScale":
            assert [shipped.face._pdfScale(v) for v in (0, 1, 1234, 2048)] == [value(v) for v in (0, 1, 1234, 2048)]
        else:
            assert getattr(shipped.face, key) == value, key
            assert type(getattr(shipped.face, key)) is type(value), key
    assert shipped.stringWidth(TEXT, 11) == parsed.stringWidth(TEXT, 11)


def _pdf_with(font: TTFont) -> bytes:
    pdfmetrics.registerFont(font)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, TEXT)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_pdf_is_the_same_byte_for_byte() -> None:
    font_file = FONTS / "DejaVuSans-Oblique.ttf"
    name = "MetricsCheck"
    shipped = shipped_font(name, font_file)
    assert shipped is not None

    assert _pdf_with(shipped) == _pdf_with(TTFont(name, str(font_file)))


def test_metrics_of_another_font_file_are_ignored(tmp_path: Path) -> None:
    font_file = tmp_path / "DejaVuSans.ttf"
    shutil.copyfile(FONTS / "DejaVuSans.ttf", font_file)
    shutil.copyfile(metrics_path(FONTS / "DejaVuSerif.ttf"), metrics_path(font_file))  # not this font's
    assert shipped_font("Stale", font_file) is None

    metrics_path(font_file).write_bytes(b"\x00 not marshal")
    assert shipped_font("Damaged", font_file) is None

    metrics_path(font_file).unlink()
    assert shipped_font("Missing", font_file) is None


def test_the_metrics_hold_no_path(tmp_path: Path) -> None:
    """A checkout or an installation elsewhere loads them alike: no trace of where they were made."""
    for metrics in FONTS.glob("*.metrics"):
        assert str(FONTS).encode() not in metrics.read_bytes()
    moved = tmp_path / "DejaVuSans.ttf"
    shutil.copyfile(FONTS / "DejaVuSans.ttf", moved)
    shutil.copyfile(metrics_path(FONTS / "DejaVuSans.ttf"), metrics_path(moved))
    font = shipped_font("Moved", moved)
    assert font is not None and font.face.filename == str(moved)
    assert metrics_path(moved).read_bytes() == measured(moved)
