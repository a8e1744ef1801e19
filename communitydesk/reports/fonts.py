"""The embedded fonts: DejaVu Sans and Serif, shipped in resources/fonts, registered once.

DejaVu covers all of Latin Extended (é ç œ ÿ € « » ’, Łukasz, Ødegaard) where the PDF base
fonts cannot. A family is declared cheaply (its bold and italic mappings); each face's file
is loaded only when ReportLab first asks for that face (most documents use two or three of the
eight), from the metrics shipped beside it (reports/font_metrics.py), else parsed.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from communitydesk.paths import resources_dir
from communitydesk.reports.font_metrics import shipped_font

SANS = "DejaVuSans"
SERIF = "DejaVuSerif"

# family → (regular, bold, italic, bold italic) file stems in resources/fonts.
_FAMILIES: dict[str, tuple[str, str, str, str]] = {
    SANS: ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    SERIF: ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"),
}

_FACES = {stem for faces in _FAMILIES.values() for stem in faces}
_declared: set[str] = set()
_lock = threading.RLock()  # documents may be built from a worker thread while another starts


def bold(family: str) -> str:
    return _FAMILIES[family][1]


def italic(family: str) -> str:
    return _FAMILIES[family][2]


def ensure_family(family: str = SANS) -> str:
    """Declare ``family`` (idempotent) so that ``<b>``/``<i>`` pick its faces; returns its name.

    No file is read here: ``_find_font`` parses a face the first time ReportLab looks it up.
    """
    if family in _declared:
        return family
    with _lock:
        if family not in _declared:
            _map_faces(family)
            _declared.add(family)
    return family


def _map_faces(family: str) -> None:
    regular, bold_face, italic_face, bold_italic = _FAMILIES[family]
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold_face)
    addMapping(regular, 0, 1, italic_face)
    addMapping(regular, 1, 1, bold_italic)


def _register_face(stem: str) -> None:
    with _lock:
        if stem in pdfmetrics.getRegisteredFontNames():
            return
        font_file = resources_dir() / "fonts" / f"{stem}.ttf"
        pdfmetrics.registerFont(shipped_font(stem, font_file) or TTFont(stem, str(font_file)))
        # registerFont maps the face to itself for <b> and <i>: its family's mapping is put back.
        _map_faces(next(family for family, faces in _FAMILIES.items() if stem in faces))


_reportlab_find_font = pdfmetrics.findFontAndRegister


def _find_font(fontName: str) -> pdfmetrics.Font:  # ReportLab's parameter name
    """ReportLab's own hook for a font name it does not know yet (``pdfmetrics.getFont``): our faces first."""
    if fontName in _FACES:
        _register_face(fontName)
        return pdfmetrics.getFont(fontName)
    return _reportlab_find_font(fontName)


pdfmetrics.findFontAndRegister = _find_font


def ensure_fonts() -> None:
    """Register every shipped family (documents that mix sans and serif)."""
    for family in _FAMILIES:
        ensure_family(family)


# -- Fallback for characters DejaVu lacks (Chinese, Japanese…): a system font, embedded too.
# ReportLab embeds TrueType outlines only (not the CFF of Noto CJK or PingFang): candidates are
# tried in order and one it cannot read is skipped.
_KNOWN_FALLBACKS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)

_fallbacks: list[tuple[str, dict[int, int]]] = []  # (registered name, its character map)
_tried_files: set[tuple[str, int]] = set()
_known_tried = False
_font_of_char: dict[int, str | None] = {}  # code point → fallback font, None: no font has it


def _characters(font: str) -> dict[int, int] | None:
    """The character map of a registered TrueType font (None for the PDF base fonts)."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return getattr(face, "charToGlyph", None)


def _register_fallback(path: str, index: int) -> bool:
    if (path, index) in _tried_files or not os.path.isfile(path):
        return False
    _tried_files.add((path, index))
    name = f"Fallback-{Path(path).stem}-{index}"
    try:
        font = TTFont(name, path, subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):  # CFF outlines, broken or locked file
        return False
    pdfmetrics.registerFont(font)
    for is_bold in (0, 1):  # one face: <b> and <i> inside a fallback run keep it
        for is_italic in (0, 1):
            addMapping(name, is_bold, is_italic, name)
    _fallbacks.append((name, font.face.charToGlyph))
    return True


def _system_font_for(code: int) -> tuple[str, int] | None:
    """The file (and index in a collection) fontconfig proposes for ``code``."""
    import shutil  # with subprocess: only for a character DejaVu lacks, rare
    import subprocess

    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        found = subprocess.run(
            [fc_match, "-f", "%{file}\t%{index}", f":charset={code:x}"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _tab, index = found.partition("\t")
    return (path, int(index or 0)) if path else None


def fallback_font(char: str) -> str | None:
    """A registered font that has a glyph for ``char`` when DejaVu Sans lacks one, if the system has any."""
    code = ord(char)
    if code in _font_of_char:
        return _font_of_char[code]
    with _lock:
        global _known_tried
        found = next((name for name, chars in _fallbacks if code in chars), None)
        if found is None:
            proposed = _system_font_for(code)
            if proposed is not None and _register_fallback(*proposed) and code in _fallbacks[-1][1]:
                found = _fallbacks[-1][0]
        if found is None and not _known_tried:
            _known_tried = True
            for path in _KNOWN_FALLBACKS:
                _register_fallback(path, 0)
            found = next((name for name, chars in _fallbacks if code in chars), None)
        _font_of_char[code] = found
    return found


def font_runs(text: str, font: str) -> list[tuple[str, str]] | None:
    """``text`` cut into (font, text) runs, each drawn in a font that has its glyphs.

    None when ``font`` has them all (the usual case, checked first and cheaply). A character
    no font has stays in ``font`` (it prints as a box: nothing better exists on this system).
    """
    if text.isascii():  # DejaVu has every ASCII glyph; checked first: listings draw many cells
        return None
    chars = _characters(font)
    if chars is None or all(map(chars.__contains__, map(ord, text))):
        return None
    runs: list[tuple[str, str]] = []
    for char in text:
        chosen = font if ord(char) in chars or char.isspace() else (fallback_font(char) or font)
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + char)
        else:
            runs.append((chosen, char))
    return runs


_TAG = re.compile(r"(<[^>]*>)")
# Beyond Latin (< U+0250), the punctuation French texts use: both DejaVu families have it.
_IN_BOTH = frozenset("‘’‚“”„…–—€\u202f\u2009\u2007\u2060•")


def with_fallback_fonts(markup: str) -> str:
    """Paragraph markup where characters DejaVu lacks sit in ``<font>`` runs of a font that has them.

    Paragraph styles may be sans or serif; DejaVu Serif lacks a few symbols that DejaVu Sans
    has (☐, arrows): those are set in Sans rather than printed as boxes.
    """
    if markup.isascii() or all(ord(c) < 0x250 or c in _IN_BOTH for c in markup):
        return markup
    sans = _characters(ensure_family(SANS)) or {}
    serif = _characters(ensure_family(SERIF)) or {}
    if all(ord(c) in serif and ord(c) in sans for c in markup):
        return markup
    out: list[str] = []
    for piece in _TAG.split(markup):
        if piece.startswith("<"):
            out.append(piece)
            continue
        current: str | None = None
        for char in piece:
            code = ord(char)
            if (code in serif and code in sans) or char.isspace():
                wanted = None
            elif code in sans:
                wanted = SANS
            else:
                wanted = fallback_font(char)
            if wanted != current:
                if current is not None:
                    out.append("</font>")
                if wanted is not None:
                    out.append(f'<font name="{wanted}">')
                current = wanted
            out.append(char)
        if current is not None:
            out.append("</font>")
    return "".join(out)
