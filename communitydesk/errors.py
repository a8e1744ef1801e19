"""Errors a user can understand and fix; anything else is a bug and keeps its traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on; ``str()`` is the translated message, no traceback shown."""


class DatabaseError(UserError):
    """The database file cannot be used (not SQLite, damaged, locked, too new...)."""


class ConflictError(UserError):
    """Someone else saved the same record since it was read: the save is refused, not merged."""


class PermissionDenied(UserError):
    """The acting profile may not do this."""


class ValidationError(UserError):
    """Input that cannot be saved as it is; ``field`` names the field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class LoginRefused(UserError):
    """A wrong name, password or PIN, or a try made while the delay after failed ones runs."""


class ProfileGone(LoginRefused):
    """A locked session whose profile was deleted, or lost its password, meanwhile: the chooser shows."""


class AuditUnavailable(UserError):
    """On a shared PC (profiles with passwords), an export naming people whose audit entry cannot
    be written: refused before anything is read or written."""
