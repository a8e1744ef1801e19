"""Turn the bytes of an imported file into text, whatever tool wrote it.

French users mostly bring files from Excel (cp1252, or UTF-8 with a BOM when they chose
"CSV UTF-8"), from LibreOffice (UTF-8), from phones and webmail (UTF-8 vCards) and
sometimes Excel's "Texte Unicode" (UTF-16 with a BOM).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from communitydesk.errors import UserError
from communitydesk.i18n import _

# Single-byte encodings a French user's file can plausibly be in. Left free, charset-normalizer
# calls short French cp1252 files cp1250 or mac_latin2 ("Hél?ne"): we ask it to choose among these.
FRENCH_CANDIDATES = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
SAMPLE_BYTES = 256 * 1024

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
    return DecodedText(*_decode_legacy(data, source_name))


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
    # NUL characters never appear in a text export; they mean a binary file.
    if "\x00" in text[:65536]:
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
