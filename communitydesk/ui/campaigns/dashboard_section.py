"""The "Campagnes en cours" panel of the main dashboard: open campaigns and their progress.

Built from ``services.figures`` (plain sqlite3, already read for the dashboard): no ORM.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from communitydesk import formatting
from communitydesk.rules.campaigns import OPEN_STATUSES, CampaignStatus

if TYPE_CHECKING:
    from communitydesk.services.figures import CampaignFigures


class OpenCampaignsPanel(QWidget):
    def __init__(
        self, campaigns: list[CampaignFigures], today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openCampaigns")
        today = today or formatting.local_today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        shown = [c for c in campaigns if c.status in OPEN_STATUSES]
        # Running campaigns first, then those in preparation; the newest first within each.
        shown.sort(key=lambda c: (c.status != CampaignStatus.EN_COURS.value, -c.id))
        self.rows: dict[int, QProgressBar] = {}
        if not shown:
            empty = QLabel(self.tr("Aucune campagne en cours ni en préparation."))
            empty.setObjectName("noOpenCampaign")
            empty.setStyleSheet("color: #777;")
            layout.addWidget(empty)
        for campaign in shown[:4]:
            ratio = campaign.total_cents / campaign.goal_cents if campaign.goal_cents > 0 else 0.0
            name = QLabel(f"<b>{campaign.name}</b> — {CampaignStatus(campaign.status).label()}")
            name.setWordWrap(True)
            bar = QProgressBar()
            bar.setObjectName(f"campaignProgress_{campaign.id}")
            bar.setRange(0, 1000)
            bar.setValue(min(1000, round(ratio * 1000)))
            bar.setFormat(formatting.percent(ratio))
            bar.setStyleSheet(
                "QProgressBar { border: 1px solid #ddd; border-radius: 5px; background: #f4f4f4; text-align: center; }"
                "QProgressBar::chunk { background: #2E6B5E; border-radius: 4px; }"
            )
            details = self.tr("{total} sur {goal} · {backers} contributeurs").format(
                total=formatting.money(campaign.total_cents),
                goal=formatting.money(campaign.goal_cents) if campaign.goal_cents else "–",
                backers=formatting.number(campaign.backers),
            )
            if campaign.ends_on and campaign.status == CampaignStatus.EN_COURS.value:
                left = (date.fromisoformat(campaign.ends_on) - today).days
                if left >= 0:
                    details += " · " + self.tr("{days} jours restants").format(days=formatting.number(left))
            caption = QLabel(details)
            caption.setStyleSheet("color: #666; font-size: 9pt;")
            layout.addWidget(name)
            layout.addWidget(bar)
            layout.addWidget(caption)
            self.rows[campaign.id] = bar
