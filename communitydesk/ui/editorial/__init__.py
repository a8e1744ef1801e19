"""Calendrier éditorial: the plan of publications, its ligne éditoriale, imports and exports."""
