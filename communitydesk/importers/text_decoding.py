"""Turn the bytes of an imported file into text, whatever tool wrote it.

French users mostly bring files from Excel (cp1252, or UTF-8 with a BOM when they chose
"CSV UTF-8"), from LibreOffice (UTF-8), from phones and webmail (UTF-8 vCards) and
sometimes Excel's "Texte Unicode" (UTF-16 with a BOM).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from itertools import pairwise

from communitydesk.errors import UserError
from communitydesk.i18n import _

# Single-byte encodings a French user's file can plausibly be in. Left free, charset-normalizer
# calls short French cp1252 files cp1250 or mac_latin2 ("Hél?ne"): we ask it to choose among these.
FRENCH_CANDIDATES = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
SAMPLE_BYTES = 256 * 1024
# The encoding of a vCard file whose cards were written by different tools (merged address books).
MIXED_CARDS = "utf-8+cp1252"
_CARD_START = re.compile(rb"^[ \t]*BEGIN:VCARD", re.IGNORECASE | re.MULTILINE)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Files people pick by mistake in an import dialog: tell them what to do instead.
_BINARY_SIGNATURES = (
    (b"PK\x03\x04", "xlsx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),
    (b"%PDF", "pdf"),
    (b"SQLite format 3\x00", "sqlite"),
)


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # Python codec name: "utf-8-sig", "utf-8", "cp1252"...

    @property
    def label(self) -> str:
        """A name the user knows: UTF-8, UTF-8 avec BOM, Windows-1252..."""
        return {
            "utf-8": "UTF-8",
            "utf-8-sig": _("UTF-8 avec BOM"),
            "cp1252": "Windows-1252 (Excel)",
            "latin_1": "ISO-8859-1",
            "iso8859_15": "ISO-8859-15",
            "mac_roman": "Mac Roman",
            "cp850": "DOS (CP850)",
            "utf-16": "UTF-16",
            "utf-32": "UTF-32",
            MIXED_CARDS: _("UTF-8 et Windows-1252 selon la fiche"),
        }.get(self.encoding, self.encoding)


def decode_text(data: bytes, source_name: str, encoding: str | None = None) -> DecodedText:
    """Decode ``data``; raise UserError for files that are not text (spreadsheets, PDF...).

    ``encoding`` (a Python codec name) is the user's choice when the detection got it
    wrong: the file is then decoded with it, strictly, or refused with a French message.
    """
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UserError(_binary_message(kind, source_name))
    if encoding:
        return _decode_as(data, source_name, encoding)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise _undecodable(source_name, encoding) from exc
    # Fast path, and the only sure one: valid UTF-8 is UTF-8 (plain ASCII included).
    if _may_be_utf8(data):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        else:
            encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
            return DecodedText(_refuse_binary(text, source_name), encoding)
    if _CARD_START.match(data[:4096].lstrip(codecs.BOM_UTF8 + b" \t\r\n")):
        return _decode_by_card(data, source_name)
    return DecodedText(*_decode_legacy(data, source_name))


def _decode_by_card(data: bytes, source_name: str) -> DecodedText:
    """A vCard file that is not UTF-8 as a whole: each card that is valid UTF-8 is UTF-8 (a phone's),
    the others Windows-1252 (an old Outlook's; Latin-1 where cp1252 has no character). When no card
    is UTF-8, the file is decoded as any other (the encoding detected for the whole)."""
    starts = [match.start() for match in _CARD_START.finditer(data)]
    bounds = [0, *starts[1:], len(data)]
    cards = [data[start:end] for start, end in pairwise(bounds)]
    texts: list[str | None] = []
    for card in cards:
        try:
            texts.append(card.decode("utf-8-sig"))
        except UnicodeDecodeError:
            texts.append(None)
    if all(text is None for text in texts):
        return DecodedText(*_decode_legacy(data, source_name))
    decoded = [text if text is not None else _windows_1252(card) for card, text in zip(cards, texts, strict=True)]
    return DecodedText(_refuse_binary("".join(decoded), source_name), MIXED_CARDS)


def _windows_1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin_1")


def _may_be_utf8(data: bytes) -> bool:
    """False when the start of the file is already not UTF-8 (a character cut by the end of the
    sample does not count): a failed decode copies all its input into the exception, ~15 ms
    for a 15 MB file from Excel."""
    head = data[:SAMPLE_BYTES]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return len(data) > len(head) and exc.start >= len(head) - 3
    return True


def _decode_as(data: bytes, source_name: str, encoding: str) -> DecodedText:
    try:
        codec = encoding  # the name the wizard offers: DecodedText.label knows it
        if codecs.lookup(encoding).name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"  # the BOM is not part of the first header
        return DecodedText(_refuse_binary(data.decode(codec), source_name), codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise UserError(
            _(
                "« {name} » ne peut pas être lu avec l'encodage {encoding} : choisissez-en un autre.",
                name=source_name,
                encoding=encoding,
            )
        ) from exc


def _decode_legacy(data: bytes, source_name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # ~30 ms to import: only for non-UTF-8 files

    # A sample is enough to choose among single-byte encodings, and 30x faster on a
    # 15 MB file; the whole file is then decoded strictly with the choice.
    sample = data if len(data) <= SAMPLE_BYTES else data[: data.rfind(b"\n", 0, SAMPLE_BYTES) + 1 or SAMPLE_BYTES]
    best = from_bytes(sample, cp_isolation=FRENCH_CANDIDATES).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in ("latin_1", "iso8859_15"):
        # Excel writes cp1252; it only differs from Latin-1 where Latin-1 has control codes.
        encoding = "cp1252"
    for candidate in (encoding, "cp1252", "latin_1"):  # latin_1 decodes any byte
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        return _refuse_binary(text, source_name), candidate
    raise _undecodable(source_name, encoding)  # pragma: no cover - latin_1 never fails


def _refuse_binary(text: str, source_name: str) -> str:
    # NUL characters never appear in a text export: many of them mean a binary file (or UTF-16
    # without its BOM). A stray one in a cell is taken out by the readers, and reported.
    sample = text[:65536]
    if sample.count("\x00") > max(8, len(sample) // 100):
        raise UserError(
            _(
                "« {name} » n'est pas un fichier texte (CSV ou vCard) : il contient des données binaires.",
                name=source_name,
            )
        )
    return text


def _binary_message(kind: str, source_name: str) -> str:
    if kind in ("xlsx", "xls"):
        return _(
            "« {name} » est un classeur Excel, pas un fichier CSV : dans Excel, choisissez "
            "Fichier > Enregistrer sous > « CSV (séparateur : point-virgule) » puis importez ce fichier.",
            name=source_name,
        )
    return _("« {name} » n'est pas un fichier texte (CSV ou vCard).", name=source_name)


def _undecodable(source_name: str, encoding: str) -> UserError:
    return UserError(
        _(
            "Impossible de lire « {name} » : le texte n'est pas valide en {encoding}.",
            name=source_name,
            encoding=encoding,
        )
    )
