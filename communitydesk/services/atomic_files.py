"""Writing an export file whole or not at all, readable by its owner only."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.system_errors import os_error_reason

T = TypeVar("T")


def write_atomically(path: Path, encoding: str, write: Callable[[Any], T]) -> T:
    """Call ``write(stream)`` on a text file beside ``path``, then rename it to ``path``.

    An interrupted write never leaves half a file under the final name; the file is created
    by ``mkstemp``, so it is readable by its owner only (0600): exports hold personal data.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise UserError(
            _("Impossible d'écrire « {path} » : {reason}.", path=path, reason=os_error_reason(exc))
        ) from exc
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            result = write(stream)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(
            _("Impossible d'écrire « {path} » : {reason}.", path=path, reason=os_error_reason(exc))
        ) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return result
