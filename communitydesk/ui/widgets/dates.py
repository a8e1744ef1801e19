"""Dates in widgets: the app's days are Paris days (formatting.local_today), not the machine's."""

from __future__ import annotations

from PySide6.QtCore import QDate

from communitydesk.formatting import local_today


def paris_qdate() -> QDate:
    """Today in France as a QDate: the default and the maximum of "when did it happen" fields."""
    today = local_today()
    return QDate(today.year, today.month, today.day)
