"""The embedded fonts: DejaVu Sans and Serif, shipped in resources/fonts, registered once.

DejaVu covers all of Latin Extended (é ç œ ÿ € « » ’, Łukasz, Ødegaard) where the PDF base
fonts cannot. Each family is registered on first use only: parsing the TrueType files costs
~20 ms each, and a contact list never needs the serif faces.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from communitydesk.paths import resources_dir

SANS = "DejaVuSans"
SERIF = "DejaVuSerif"

# family → (regular, bold, italic, bold italic) file stems in resources/fonts.
_FAMILIES: dict[str, tuple[str, str, str, str]] = {
    SANS: ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    SERIF: ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"),
}

_registered: set[str] = set()
_lock = threading.Lock()  # documents may be built from a worker thread while another starts


def bold(family: str) -> str:
    return _FAMILIES[family][1]


def italic(family: str) -> str:
    return _FAMILIES[family][2]


def ensure_family(family: str = SANS) -> str:
    """Register ``family`` (idempotent) so that ``<b>``/``<i>`` pick its faces; returns its name."""
    if family in _registered:
        return family
    with _lock:
        if family in _registered:
            return family
        faces = _FAMILIES[family]
        folder = resources_dir() / "fonts"
        registered = set(pdfmetrics.getRegisteredFontNames())
        for stem in faces:
            if stem not in registered:
                pdfmetrics.registerFont(TTFont(stem, str(folder / f"{stem}.ttf")))
        regular, bold_face, italic_face, bold_italic = faces
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold_face)
        addMapping(regular, 0, 1, italic_face)
        addMapping(regular, 1, 1, bold_italic)
        _registered.add(family)
    return family


def ensure_fonts() -> None:
    """Register every shipped family (documents that mix sans and serif)."""
    for family in _FAMILIES:
        ensure_family(family)
