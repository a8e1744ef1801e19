"""The organisation as printed on every document (Paramètres › Organisation)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The organisation's colours until it chooses its own (services.settings.Organisation too).
DEFAULT_COLOURS = ("#2E6B5E", "#E3A33B")


@dataclass(frozen=True)
class Identity:
    """Name, legal id, address, logo and colours printed in headers and footers."""

    name: str = ""
    legal_id: str = ""
    website: str = ""
    address: str = ""
    email: str = ""  # the organisation's contact address (the event kit's cards)
    logo_path: str = ""
    primary_colour: str = DEFAULT_COLOURS[0]
    secondary_colour: str = DEFAULT_COLOURS[1]

    @property
    def display_name(self) -> str:
        return self.name or "CommunityDesk"

    @property
    def logo(self) -> Path | None:
        """The logo file when it is set and still exists (a moved file is not an error)."""
        if not self.logo_path:
            return None
        path = Path(self.logo_path).expanduser()
        return path if path.is_file() else None
