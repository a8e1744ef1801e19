"""The ambassadors' 15-day brief: the posts to relay and the missions open, in the user's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class BriefPost:
    """A post of the editorial calendar to relay: the link once it is published."""

    day: date
    title: str
    body: str
    networks: tuple[str, ...]  # network labels
    status_label: str
    link: str
    published: bool


@dataclass(frozen=True)
class BriefMission:
    title: str
    description: str
    kind_label: str
    points: int
    due_on: date | None
    assignee: str  # empty: open to anyone


@dataclass(frozen=True)
class AmbassadorBrief:
    organisation: str
    start: date
    end: date  # included
    posts: tuple[BriefPost, ...]
    missions: tuple[BriefMission, ...]
