"""Événements: the list, an event's sheet and participants, the editor, and the re-entry of a sign-in sheet."""
