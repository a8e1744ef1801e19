"""The embedded fonts: registered once, with their bold and italic faces, covering our names."""

from __future__ import annotations

import subprocess
import sys

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from communitydesk.paths import resources_dir
from communitydesk.reports.fonts import SANS, SERIF, ensure_family, ensure_fonts


def test_families_register_once_with_their_faces() -> None:
    ensure_fonts()
    registered = set(pdfmetrics.getRegisteredFontNames())
    ensure_fonts()
    assert set(pdfmetrics.getRegisteredFontNames()) == registered
    assert ensure_family(SANS) == SANS
    assert tt2ps(SANS, 1, 0) == "DejaVuSans-Bold"
    assert tt2ps(SANS, 0, 1) == "DejaVuSans-Oblique"
    assert tt2ps(SANS, 1, 1) == "DejaVuSans-BoldOblique"
    assert tt2ps(SERIF, 1, 1) == "DejaVuSerif-BoldItalic"


def test_a_face_is_read_when_first_asked_for_and_keeps_its_bold_and_italic() -> None:
    # A new process: this one's fonts were read by other tests.
    code = (
        "from reportlab.lib.fonts import ps2tt, tt2ps\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from communitydesk.reports.fonts import SANS, ensure_fonts\n"
        "ensure_fonts()\n"
        "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith('DejaVu')))\n"
        "pdfmetrics.getFont(SANS)\n"
        "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith('DejaVu')))\n"
        "print(tt2ps(SANS, 1, 0), tt2ps(SANS, 0, 1), ps2tt('DejaVuSans-Oblique'))\n"
    )
    lines = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert lines == ["[]", "['DejaVuSans']", "DejaVuSans-Bold DejaVuSans-Oblique ('dejavusans', 0, 1)"]


def test_every_character_our_users_write_has_a_glyph() -> None:
    ensure_fonts()
    text = "é è ê ç à ù œ Œ æ ÿ Ÿ € « » ’ … — Łukasz Ødegaard Ñuñez Šťastný Dürr"
    # ☐ (directory) and → (moves) are drawn in the regular sans face only.
    assert all(ord(ch) in pdfmetrics.getFont(SANS).face.charWidths for ch in "☐→")  # type: ignore[attr-defined]
    for face in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif", "DejaVuSerif-Bold"):
        widths = pdfmetrics.getFont(face).face.charWidths  # type: ignore[attr-defined]
        missing = [ch for ch in text if ch != " " and ord(ch) not in widths]
        assert missing == [], face


def test_the_licence_ships_with_the_fonts() -> None:
    folder = resources_dir() / "fonts"
    assert "Bitstream" in (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert len(list(folder.glob("*.ttf"))) == 8
