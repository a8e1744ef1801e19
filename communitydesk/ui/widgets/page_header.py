"""The labels at the top of every page: its title, and the grey line beside it that sums up
what the page shows (« 3 à venir · 12 passés »)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def page_title(text: str) -> QLabel:
    title = QLabel(text)
    title.setObjectName("pageTitle")
    title.setStyleSheet("font-size: 18pt; font-weight: 600;")
    return title


def page_summary(name: str) -> QLabel:
    """Empty until the page has read what it sums up; ``name`` is its object name, for tests."""
    summary = QLabel()
    summary.setObjectName(name)
    summary.setStyleSheet("color: #5F5B52; padding-left: 12px;")
    return summary
