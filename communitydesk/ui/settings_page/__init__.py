"""Paramètres: per-computer language, and the database's own settings."""
