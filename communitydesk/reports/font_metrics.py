"""A shipped face's metrics, read once at build time instead of in every process.

ReportLab reads a TrueType file's tables each time a process registers a face (character map,
widths, glyph positions): 5-14 ms a DejaVu face, 20-45 ms for a document's three to five faces,
a tenth of a small document's whole export. What it reads depends only on the font file and on
ReportLab's version. So ``tools/update_font_metrics.py`` stores it beside each shipped font,
``resources/fonts/<face>.metrics`` (marshal: plain values, ~1-3 ms to load), and ``fonts.py``
builds the face from it. A metrics file that does not match (another ReportLab, another font
file, a damaged file) is ignored and the face is parsed as before: never a wrong font, at worst
the old speed. tests/reports/test_font_metrics.py checks the shipped files are current and
that a face built from them is the parsed face, attribute for attribute.
"""

from __future__ import annotations

import marshal
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import Version, rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

FORMAT = 1
# Not stored: a function (rebuilt from unitsPerEm), the file's own bytes (read from the file) and
# its path (wherever the app is installed).
_NOT_STORED = ("_pdfScale", "_ttf_data", "filename")


def metrics_path(font_file: Path) -> Path:
    return font_file.with_suffix(".metrics")


def measured(font_file: Path) -> bytes:
    """What ReportLab reads from ``font_file``, as the bytes of its metrics file."""
    data = font_file.read_bytes()
    face = TTFont(font_file.stem, str(font_file)).face
    attributes: dict[str, Any] = {}
    names: list[str] = []
    for key, value in vars(face).items():
        if key in _NOT_STORED:
            continue
        if isinstance(value, TTFNameBytes):
            names.append(key)
            value = bytes(value)
        attributes[key] = value
    stored = {"format": FORMAT, "reportlab": Version, "crc": zlib.crc32(data), "names": names, "face": attributes}
    return marshal.dumps(stored)


def shipped_font(name: str, font_file: Path) -> TTFont | None:
    """The font registered as ``name``, built from the metrics beside ``font_file``; None when
    there are none or they do not match (the caller parses the file)."""
    try:
        stored = marshal.loads(metrics_path(font_file).read_bytes())
        data = font_file.read_bytes()
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (
        not isinstance(stored, dict)
        or stored.get("format") != FORMAT
        or stored.get("reportlab") != Version
        or stored.get("crc") != zlib.crc32(data)
    ):
        return None
    attributes = dict(stored["face"])
    for key in stored["names"]:
        attributes[key] = TTFNameBytes(attributes[key])
    attributes["_ttf_data"] = data
    attributes["filename"] = str(font_file)
    attributes["_pdfScale"] = _scale(attributes["unitsPerEm"])
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(attributes)
    return _font(name, face)


def _scale(units_per_em: int) -> Callable[[float], float]:
    """Font units to PDF's thousandths of an em, as ReportLab's parser sets it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _font(name: str, face: TTFontFace) -> TTFont:
    """What ``TTFont.__init__`` does once its face is parsed (a shipped face is never unshaped-listed
    nor ASCII-readable by choice: ReportLab's defaults)."""
    from fnmatch import fnmatch

    font = TTFont.__new__(TTFont)
    font.__dict__.update(
        fontName=name,
        face=face,
        encoding=TTEncoding(),
        state=WeakKeyDictionary(),
        _asciiReadable=rl_config.ttfAsciiReadable,
    )
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob or ())  # a property
    return font
