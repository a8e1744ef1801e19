"""The reward shipping list as a CSV that French Excel opens right: UTF-8 with BOM, ``;``.

Written to a temporary file beside the target, then moved into place: a failed export
never leaves half a file where the previous list was.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.system_errors import os_error_reason

ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8 (accents intact)
DELIMITER = ";"  # French Excel's list separator


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write ``header`` then ``rows`` to ``path``; returns the number of data rows."""
    path = Path(path)
    count = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".shipping-", suffix=".csv", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding=ENCODING, newline="") as out:
                writer = csv.writer(out, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
                writer.writerow(header)
                for row in rows:
                    writer.writerow([_neutralise(cell) for cell in row])
                    count += 1
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(
            _("Impossible d'écrire « {path} » : {reason}.", path=path, reason=os_error_reason(exc))
        ) from exc
    return count


def _neutralise(cell: str) -> str:
    # A cell starting with = + - @ would run as a formula in Excel (CSV injection).
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell
