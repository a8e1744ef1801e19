"""What the campaign documents show: the campaign report and the fulfilment checklist."""

from __future__ import annotations

from dataclasses import dataclass

from communitydesk.records.campaign_figures import CampaignDashboard, FulfilmentLine
from communitydesk.records.campaigns import CampaignRecord
from communitydesk.records.identity import Identity
from communitydesk.rules.campaigns import FulfilmentState
from communitydesk.rules.contact_keys import fold


@dataclass(frozen=True)
class CampaignReportData:
    identity: Identity
    dashboard: CampaignDashboard
    fulfilment: dict[str, int]  # rewards per FulfilmentState value, every state present

    @property
    def campaign(self) -> CampaignRecord:
        return self.dashboard.campaign

    @property
    def is_empty(self) -> bool:
        """No valid contribution yet: the report says so instead of drawing empty charts."""
        return self.dashboard.contributions == 0

    @property
    def rewards_owed(self) -> int:
        return sum(self.fulfilment.values())


@dataclass(frozen=True)
class FulfilmentChecklistData:
    identity: Identity
    campaign: CampaignRecord
    lines: list[FulfilmentLine]  # sorted by backer name (accents and case ignored)

    def count(self, state: FulfilmentState) -> int:
        return sum(1 for line in self.lines if line.state == state.value)

    def per_reward(self) -> list[tuple[str, int, int]]:
        """(contrepartie, still to prepare, owed) per reward, an order's line counting its quantity;
        in alphabetical order (accents and case ignored)."""
        figures: dict[int, tuple[str, int, int]] = {}
        for line in self.lines:
            title, to_prepare, owed = figures.get(line.tier_id, (line.tier_title, 0, 0))
            waiting = line.quantity if line.state == FulfilmentState.A_PREPARER.value else 0
            figures[line.tier_id] = (title, to_prepare + waiting, owed + line.quantity)
        return sorted(figures.values(), key=lambda item: fold(item[0]))
