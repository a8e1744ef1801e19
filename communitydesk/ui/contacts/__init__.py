"""Contacts: the circles view, the paged contacts table, the contact sheet, import/export, duplicates."""
