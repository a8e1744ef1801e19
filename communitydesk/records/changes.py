"""What a committed write changed, by kind of data: the one message screens refresh on.

In the spirit of Anki's ``OpChanges``: a flat record of booleans, one per kind of data a
screen may show. The database sets them from what each transaction wrote
(``db/change_collector.py``); screens ask whether anything they show is among them::

    if (changes & CONTACTS_PAGE_SHOWS).any(): reload()

Kinds are coarse on purpose: a spurious reload costs a read, a missed one shows stale data.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    contacts: bool = False  # a contact's fields, its arrival, archiving, erasure, last touch
    circles: bool = False  # who is in which circle: moves, arrivals, archived contacts leaving the counts
    touch_points: bool = False
    tags: bool = False  # tag names or which contacts carry them
    segments: bool = False
    campaigns: bool = False  # campaigns, their tiers, their import mappings
    contributions: bool = False
    fulfilments: bool = False
    consents: bool = False
    duplicates: bool = False  # merges, undone merges, pairs set aside
    charters: bool = False  # charter templates
    editorial: bool = False  # the ligne éditoriale (pillars, networks, targets) and follower counts
    publications: bool = False  # publications, their networks, results and status changes
    ambassadors: bool = False  # the ambassador programme: members, stages, missions, levels, rewards, charter
    settings: bool = False  # settings of the base (rhythms, backups kept…), profiles, rights of each role
    audit: bool = False  # the audit log grew

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f: getattr(self, f) or getattr(other, f) for f in KINDS})

    def __and__(self, other: Changes) -> Changes:
        return Changes(**{f: getattr(self, f) and getattr(other, f) for f in KINDS})

    def __sub__(self, other: Changes) -> Changes:
        return Changes(**{f: getattr(self, f) and not getattr(other, f) for f in KINDS})

    def any(self) -> bool:
        return any(getattr(self, f) for f in KINDS)

    def kinds(self) -> tuple[str, ...]:
        """The names of the kinds that changed, in declaration order."""
        return tuple(f for f in KINDS if getattr(self, f))

    @classmethod
    def of(cls, *kinds: str) -> Changes:
        """``Changes.of("contacts", "tags")``; an unknown name is a TypeError."""
        return cls(**dict.fromkeys(kinds, True))


KINDS: tuple[str, ...] = tuple(f.name for f in fields(Changes))
NOTHING = Changes()
EVERYTHING = Changes.of(*KINDS)
