"""A contacts file (CSV or vCard) opened for the import wizard: detection, mapping, preview, lines.

Everything here works on the file alone, without the database: the wizard shows what
was detected and a preview with per-line errors before the user decides to import.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import PurePath

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_columns import ColumnMapping, ContactField
from communitydesk.importers.contact_records import ContactRecord, RecordCleaner, RowError
from communitydesk.importers.csv_reading import CsvTable
from communitydesk.importers.text_decoding import DecodedText, decode_text
from communitydesk.importers.vcard_reading import FIELD_PROPERTIES, looks_like_vcard, read_vcards

CSV, VCARD = "csv", "vcard"
Cleaned = ContactRecord | list[RowError]
_JOINERS = {"notes": "\n", "address": "\n", "tags": ","}


def detect_format(decoded: DecodedText, source_name: str) -> str:
    """``vcard`` when the text starts like a vCard or the file is named .vcf/.vcard, else ``csv``."""
    suffix = PurePath(source_name).suffix.lower()
    if looks_like_vcard(decoded.text) or suffix in (".vcf", ".vcard"):
        return VCARD
    return CSV


@dataclass
class PreviewRow:
    line: int
    cells: list[str]  # as in the file (CSV) or the card's fields (vCard)
    values: dict[str, object]  # what would be saved: field name → cleaned value
    errors: list[RowError]  # the line would not be imported
    warnings: list[RowError] = field(default_factory=list)  # fields it would be imported without


@dataclass
class ContactFilePreview:
    """What the wizard shows: what was detected, the columns, the first lines checked."""

    source_name: str
    file_format: str
    encoding: str  # label for the user: "UTF-8 avec BOM", "Windows-1252 (Excel)"...
    delimiter: str  # ";" "," "\t", or "" for vCard
    headers: list[str]
    mapping: ColumnMapping | None
    rows: list[PreviewRow] = field(default_factory=list)
    estimated_lines: int = 0
    warnings: list[RowError] = field(default_factory=list)  # cells cleaned of control characters

    @property
    def delimiter_name(self) -> str:
        """ "point-virgule", "virgule", "tabulation" (translated), "" for vCard."""
        names = {";": _("point-virgule"), ",": _("virgule"), "\t": _("tabulation")}
        return names.get(self.delimiter, "")


class ContactCsvFile:
    """A decoded CSV file of contacts with its delimiter and header."""

    def __init__(
        self, data: bytes, source_name: str, delimiter: str | None = None, decoded: DecodedText | None = None
    ) -> None:
        self.source_name = source_name
        self.decoded = decoded or decode_text(data, source_name)
        self.table = CsvTable.from_text(self.decoded.text, source_name, delimiter)
        self.headers = self.table.header

    @property
    def delimiter(self) -> str:
        return self.table.delimiter

    def recognised_mapping(self) -> ColumnMapping:
        return ColumnMapping.recognise(self.headers)

    def check_mapping(self, mapping: ColumnMapping) -> None:
        """Refuse a mapping made for another file, or one that cannot tell who a contact is."""
        if len(mapping.headers) != len(self.headers):
            raise UserError(
                _(
                    "La correspondance des colonnes ne correspond pas à « {name} » ({expected} colonnes attendues, "
                    "{found} trouvées).",
                    name=self.source_name,
                    expected=len(mapping.headers),
                    found=len(self.headers),
                )
            )
        if not mapping.can_identify:
            raise UserError(
                _(
                    "« {name} », ligne 1 : aucune colonne ne donne le nom, l'organisation ni l'e-mail des contacts "
                    "(colonnes trouvées : {headers}). Indiquez quelle colonne contient quoi.",
                    name=self.source_name,
                    headers=", ".join(f"« {header} »" for header in self.headers if header) or _("aucune"),
                )
            )

    def cleaner(self, mapping: ColumnMapping) -> RecordCleaner:
        return RecordCleaner(mapping.header_of)

    def checked_lines(self, mapping: ColumnMapping) -> Iterator[tuple[int, list[str], Cleaned]]:
        """(line number, cells, its record or errors) for every data line with something in it:
        the preview shows the first ones, the import takes them all."""
        cleaner = self.cleaner(mapping)
        for line, cells, raw in self.raw_lines(mapping):
            cleaned = cleaner.clean(raw, line)
            if cleaned is not None:  # lines of blanks are not shown (nor imported)
                yield line, cells, cleaned

    def raw_lines(self, mapping: ColumnMapping) -> Iterator[tuple[int, list[str], dict[str, str]]]:
        """(line number, cells, field name → cell text) for every non-empty data line."""
        columns: dict[str, list[int]] = {}
        for index, found in mapping.mapped:
            columns.setdefault(found.value, []).append(index)
        single = [(indexes[0], name) for name, indexes in columns.items() if len(indexes) == 1]
        multi = [(name, indexes) for name, indexes in columns.items() if len(indexes) > 1]
        names = [name for _index, name in single]
        # itemgetter picks the mapped cells in C: this loop runs once per line of the file.
        pick = itemgetter(*[index for index, _name in single]) if len(single) > 1 else None
        width_needed = max((index for index, _name in single), default=-1) + 1
        for line, cells in self.table.rows():
            width = len(cells)
            if pick is not None and width >= width_needed:
                raw = dict(zip(names, pick(cells), strict=True))
            else:
                raw = {name: cells[index] for index, name in single if index < width}
            for name, indexes in multi:
                parts = [cells[index].strip() for index in indexes if index < width and cells[index].strip()]
                if parts:
                    raw[name] = _JOINERS[name].join(parts)
            yield line, cells, raw

    def preview(self, mapping: ColumnMapping | None = None, rows: int = 20) -> ContactFilePreview:
        """The first ``rows`` lines checked; the whole file read once (~0.1 s per 100 000 lines) so that
        a stray quote anywhere refuses it here already, as the import would."""
        for _batch in self.table.batches(5000):
            pass
        mapping = mapping or self.recognised_mapping()
        preview = ContactFilePreview(
            source_name=self.source_name,
            file_format=CSV,
            encoding=self.decoded.label,
            delimiter=self.delimiter,
            headers=self.headers,
            mapping=mapping,
            estimated_lines=self.table.estimated_rows(),
            warnings=self.table.warnings,
        )
        for line, cells, cleaned in self.checked_lines(mapping):
            if len(preview.rows) >= rows:
                break
            preview.rows.append(_preview_row(line, cells, cleaned))
        return preview


class ContactVCardFile:
    """A decoded vCard file: its cards read as contact lines."""

    def __init__(self, data: bytes, source_name: str, decoded: DecodedText | None = None) -> None:
        self.source_name = source_name
        self.decoded = decoded or decode_text(data, source_name)
        self.entries, self.card_errors, self.card_warnings = read_vcards(self.decoded.text, source_name)

    def cleaner(self) -> RecordCleaner:
        return RecordCleaner(FIELD_PROPERTIES)

    def preview(self, rows: int = 20) -> ContactFilePreview:
        cleaner = self.cleaner()
        preview = ContactFilePreview(
            source_name=self.source_name,
            file_format=VCARD,
            encoding=self.decoded.label,
            delimiter="",
            headers=[found.label for found in ContactField],
            mapping=None,
            estimated_lines=len(self.entries) + len(self.card_errors),
            warnings=self.card_warnings,
        )
        for entry in self.entries[:rows]:
            cells = [entry.raw.get(found.value, "") for found in ContactField]
            preview.rows.append(_preview_row(entry.line, cells, cleaner.clean(entry.raw, entry.line)))
        return preview


def _preview_row(line: int, cells: list[str], cleaned: ContactRecord | list[RowError] | None) -> PreviewRow:
    if cleaned is None:
        return PreviewRow(line, cells, {}, [])
    if isinstance(cleaned, ContactRecord):
        values: dict[str, object] = dict(cleaned.values)
        if cleaned.tags:
            values["tags"] = ", ".join(cleaned.tags)
        return PreviewRow(line, cells, values, [], cleaned.warnings)
    return PreviewRow(line, cells, {}, cleaned)
