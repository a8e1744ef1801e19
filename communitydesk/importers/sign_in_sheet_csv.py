"""Read a sign-in sheet typed into a spreadsheet (French Excel CSV or UTF-8) into numbered lines.

Pure reading: no database here. The columns are those the sheet prints: N°, Nom, Prénom,
E-mail, Téléphone (the contact import's header words are understood too: Courriel, Tél.,
Portable…), then one column per consent headed by its purpose as printed (« Lettre
d'information », « Photos », « Communauté »), ticked with oui/non, x, ✓ or left empty.
A Signature column, and any other, is ignored. Decoding and the delimiter are the
importers' shared readers (``contributions_csv.read_table``).

A line without a number takes the one after the line above; a number typed twice, or not a
number, is an error on that line. A numbered line left empty is kept (as empty): the
service skips it. A consent cell that says neither yes nor no is a warning, and not ticked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_columns import ContactField, header_key, recognise_header
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.contributions_csv import read_table
from communitydesk.records.events import SignInLineDraft
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.events import ConsentPurpose, purpose_from_text, tick_from_text

_NUMBER_HEADERS = frozenset({"n", "no", "n o", "num", "numero", "number", "ligne", "line", "nr"})
_FIELDS = {
    ContactField.LAST_NAME: "last_name",
    ContactField.FIRST_NAME: "first_name",
    ContactField.EMAIL: "email",
    ContactField.PHONE: "phone",
}


def field_label(name: str) -> str:
    """The column heading the sheet prints for a field (and errors name)."""
    if name == "line_no":
        return _("N°")
    if name in _FIELDS.values():
        return contact_field_label(name)
    return ConsentPurpose(name).label()


@dataclass(frozen=True)
class SheetLine:
    """One typed line: its row in the file (header = 1), its number on the paper sheet, what it says."""

    row: int
    line_no: int
    draft: SignInLineDraft


@dataclass
class SheetFile:
    source_name: str
    headers: list[str]
    columns: dict[str, int]  # field or purpose slug -> column index
    encoding: str
    delimiter: str
    lines: list[SheetLine] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    def column_header(self, name: str) -> str:
        index = self.columns.get(name)
        return self.headers[index] if index is not None else field_label(name)


def resolve_columns(headers: list[str]) -> dict[str, int]:
    """{field or purpose: column index}: the first column that names each."""
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = header_key(header.replace("°", "o").replace("º", "o"))
        if key in _NUMBER_HEADERS or header.strip() in ("#", "N°", "Nº"):
            columns.setdefault("line_no", index)
            continue
        purpose = purpose_from_text(header)
        if purpose is not None:
            columns.setdefault(purpose.value, index)
            continue
        known = recognise_header(header)
        if known in _FIELDS:
            columns.setdefault(_FIELDS[known], index)
    return columns


def read_sign_in_sheet(path: Path) -> SheetFile:
    """Decode (UTF-8, else Windows-1252…), split and read the whole sheet."""
    path = Path(path)
    table = read_table(path)
    columns = resolve_columns(table.headers)
    if not {"last_name", "first_name", "email", "phone"} & columns.keys():
        raise UserError(
            _(
                "« {name} » : aucune colonne « Nom », « Prénom », « E-mail » ni « Téléphone » dans l'en-tête ; "
                "colonnes lues : {headers}. Rien n'a été importé.",
                name=path.name,
                headers=", ".join(f"« {h} »" for h in table.headers if h),
            )
        )
    parsed = SheetFile(
        source_name=path.name,
        headers=table.headers,
        columns=columns,
        encoding=table.encoding,
        delimiter=table.delimiter,
        warnings=list(table.warnings),
    )
    seen: dict[int, int] = {}  # line number on the sheet -> row in the file
    previous = 0
    for row, cells in table.rows:
        line = _read_line(parsed, row, cells, previous, seen)
        if line is not None:
            parsed.lines.append(line)
            seen[line.line_no] = row
            previous = line.line_no
    return parsed


def _read_line(parsed: SheetFile, row: int, cells: list[str], previous: int, seen: dict[int, int]) -> SheetLine | None:
    def cell(name: str) -> str:
        index = parsed.columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    number_text = cell("line_no").rstrip(".")
    if not number_text:
        line_no = previous + 1
    elif number_text.isdigit() and int(number_text) > 0:
        line_no = int(number_text)
    else:
        message = _("« {value} » n'est pas un numéro de ligne", value=number_text)
        parsed.errors.append(RowError(row, parsed.column_header("line_no"), message))
        return None
    if line_no in seen:
        message = _("la ligne n° {number} est déjà à la ligne {row} du fichier", number=line_no, row=seen[line_no])
        parsed.errors.append(RowError(row, parsed.column_header("line_no"), message))
        return None
    ticked: list[str] = []
    for purpose in ConsentPurpose:
        if purpose.value not in parsed.columns:
            continue
        tick = tick_from_text(cell(purpose.value))
        if tick is None:
            message = _("« {value} » ne dit ni oui ni non : case comptée comme non cochée", value=cell(purpose.value))
            parsed.warnings.append(RowError(row, parsed.column_header(purpose.value), message))
        elif tick:
            ticked.append(purpose.value)
    draft = SignInLineDraft(
        last_name=cell("last_name"),
        first_name=cell("first_name"),
        email=cell("email"),
        phone=cell("phone"),
        consents=tuple(ticked),
    )
    return SheetLine(row, line_no, draft)
