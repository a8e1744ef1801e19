"""Profiles and audit entries as screens and the CLI read them (no hash ever leaves the service)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ProfileRecord:
    id: int
    name: str
    role: str  # services.permissions.Role value
    has_password: bool
    has_pin: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime  # aware UTC
    user: str
    action: str  # an Action value, or login / login_failed / logout / lock / unlock
    target: str
    outcome: str  # ok | refused | failed
    detail: str
    target_label: str = ""  # the target in words (services.audit_labels), for people

    def as_json(self) -> dict[str, str]:
        return {
            "at": self.at.isoformat(),
            "user": self.user,
            "action": self.action,
            "target": self.target,
            "target_label": self.target_label,
            "outcome": self.outcome,
        }
