"""Imports every model module so that ``Base.metadata`` knows every table."""

# One line per model module (alphabetical, ruff keeps it so); the revision that added it.
from communitydesk.models import (
    ambassadors,  # ambassador programme (0009)
    campaigns,  # crowdfunding campaigns (0003)
    consent,  # contacts extras (0002), the event of a consent (0012)
    contacts,  # 0001, the event of a touch point (0013)
    documents,  # charter templates (0004)
    duplicates,  # contacts extras (0002)
    editorial,  # editorial calendar (0008)
    events,  # events and sign-in sheets (0010)
    organisation,  # 0001
    profiles,  # rights of each role, audit log (0011)
    segments,  # contacts extras (0002)
)
from communitydesk.models.base import Base

metadata = Base.metadata

__all__ = [
    "ambassadors",
    "campaigns",
    "consent",
    "contacts",
    "documents",
    "duplicates",
    "editorial",
    "events",
    "metadata",
    "organisation",
    "profiles",
    "segments",
]
