"""The shape every page shares: its title, the grey line beside it that sums up what the page
shows (« 3 à venir · 12 passés »), and, for a page read from top to bottom (the dashboard, the
settings), the whole content in one frameless scroll area."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


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


def scrolling_content(page: QWidget, content: QWidget, spacing: int) -> QVBoxLayout:
    """Put ``content`` in a scroll area filling ``page``; the layout to fill ``content`` with."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(28, 22, 28, 22)
    layout.setSpacing(spacing)
    return layout
