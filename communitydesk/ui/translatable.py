"""``QT_TRANSLATE_NOOP`` typed as returning ``str`` (PySide6's stubs say ``object``).

Marks a French source text for pyside6-lupdate without translating it yet, for tables of
constants (page titles, column names) translated when shown with
``QCoreApplication.translate(context, text)``. Import it under this exact name: lupdate
finds the calls by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6 import QtCore

QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
