"""Campagnes: crowdfunding campaigns, their pace, tiers, contributions, imports and rewards."""
