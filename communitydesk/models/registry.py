"""Imports every model module so that ``Base.metadata`` knows every table."""

from communitydesk.models import (  # contacts extras (0002)
    campaigns,  # crowdfunding campaigns (0003)
    consent,
    contacts,
    documents,  # charter templates (0004)
    duplicates,
    organisation,
    segments,
)
from communitydesk.models.base import Base

metadata = Base.metadata

__all__ = ["campaigns", "consent", "contacts", "documents", "duplicates", "metadata", "organisation", "segments"]
