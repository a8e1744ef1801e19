"""The editorial plan as a CSV file that French Excel opens right, and that the import reads back.

UTF-8 with a BOM, ``;``, CRLF, the French headers of ``importers/publications_csv`` (one
publication a line, its networks in one cell « LinkedIn, Facebook »). Cells starting with
= + - @ are prefixed with ' so that they never run as formulas; the import takes it off.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from communitydesk.importers.publications_csv import FIELDS, field_label
from communitydesk.records.editorial import PublicationRecord
from communitydesk.rules.editorial import Network

ENCODING = "utf-8-sig"
DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header() -> list[str]:
    return [field_label(name) for name in FIELDS]


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def plan_cells(line: PublicationRecord) -> list[str]:
    day = line.planned_on.strftime("%d/%m/%Y") if line.planned_on else ""
    at = f"{line.planned_time.hour}h{line.planned_time.minute:02d}" if line.planned_time else ""
    values = {
        "date": day,
        "time": at,
        "networks": ", ".join(Network(slug).label() for slug in line.networks),
        "title": line.title,
        "pillar": line.pillar_name,
        "status": line.status_label,
        "author": line.author,
        "body": line.body,
        "link": line.link,
    }
    return [_cell(values[name]) for name in FIELDS]


def write_plan_csv(stream: TextIO, lines: Iterable[PublicationRecord]) -> int:
    """Write the header and one row per publication to ``stream`` (opened with ``newline=""``
    and ENCODING); the number of publications written."""
    writer = csv.writer(stream, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header())
    count = 0
    for line in lines:
        writer.writerow(plan_cells(line))
        count += 1
    return count
