"""Tableau de bord: the key figures of the open database (services.figures)."""
