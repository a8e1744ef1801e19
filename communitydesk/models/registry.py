"""Imports every model module so that ``Base.metadata`` knows every table."""

from communitydesk.models import contacts, organisation
from communitydesk.models import consent, duplicates, segments  # contacts extras (0002)
from communitydesk.models import campaigns  # crowdfunding campaigns (0003)
from communitydesk.models import documents  # charter templates (0004)
from communitydesk.models.base import Base

metadata = Base.metadata

__all__ = ["campaigns", "consent", "contacts", "documents", "duplicates", "metadata", "organisation", "segments"]
