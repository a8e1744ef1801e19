"""Regularity at a glance, above the calendar: each network's count against its target for one
week, and the coming windows that fall short, named (« aucune publication LinkedIn la semaine
du 7 décembre »). The figures and sentences are ``rules.editorial_figures``'s, as on the
dashboard and in the editorial report.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from communitydesk import formatting
from communitydesk.rules.editorial_figures import Window, gap_text, gaps, network_label

MAX_GAPS = 4


class RegularityStrip(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regularityStrip")
        self.setWordWrap(True)
        self.setStyleSheet("background: #F3F1EC; border-radius: 6px; padding: 4px 8px;")
        self.hide()

    def show_windows(self, windows: list[Window], week: date, today: date) -> None:
        """``week``: the Monday whose counts are shown; gaps are named from ``today`` on."""
        if not windows:
            self.hide()  # no network has a target yet: nothing to measure against
            return
        counts = []
        for window in windows:
            if window.starts_on <= week <= window.ends_on:
                colour = "#B3261E" if window.short and window.ends_on >= today else "#2E6B5E"
                counts.append(
                    f'{network_label(window.network)} <b style="color: {colour}">'
                    + self.tr("{planned} sur {target}").format(planned=window.planned, target=window.target)
                    + "</b>"
                )
        lines = [
            self.tr("Semaine du {day} : {counts}").format(day=formatting.day(week, "d MMMM"), counts=" · ".join(counts))
        ]
        coming = [window for window in gaps(windows) if window.ends_on >= today]
        if coming:
            named = " ; ".join(gap_text(window) for window in coming[:MAX_GAPS])
            if len(coming) > MAX_GAPS:
                named += " " + self.tr("(et {count} autres)").format(count=len(coming) - MAX_GAPS)
            lines.append(self.tr("À prévoir : {gaps}.").format(gaps=named))
        self.setText("<br>".join(lines))
        self.show()
