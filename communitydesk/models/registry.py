"""Imports every model module so that ``Base.metadata`` knows every table."""

from communitydesk.models import contacts, organisation
from communitydesk.models.base import Base

metadata = Base.metadata

__all__ = ["contacts", "metadata", "organisation"]
