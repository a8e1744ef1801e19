"""Ambassadeurs: the recruitment funnel, the list and sheets, missions, levels and the charter."""
