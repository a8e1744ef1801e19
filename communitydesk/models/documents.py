"""Document templates the organisation edits in the app (charters, for now)."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from communitydesk.models.base import Base, Tracked


class CharterTemplate(Tracked, Base):
    """The organisation's own text of a charter, in the simple format of rules/charter_text.py.

    One per kind and language; without one, the template shipped in resources/charters applies.
    """

    __tablename__ = "charter_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # ambassador | collaborator
    language: Mapped[str] = mapped_column(String(5), default="fr")
    body: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("kind", "language", name="uq_charter_templates_kind_language"),)
