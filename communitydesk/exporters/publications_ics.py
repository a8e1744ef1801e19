"""Calendar entries as an iCalendar (.ics) file that Thunderbird, Outlook and Google Calendar open.

A timed entry is written in Europe/Paris time with its VTIMEZONE, so every client shows the
local time the team planned on both sides of a daylight-saving change; an entry without a
time is a whole day (``VALUE=DATE``). The UID stays the same from one export to the next and
SEQUENCE follows the row's version: importing the file again updates the events instead of
adding copies. Publications and the organisation's events fill entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

PARIS = ZoneInfo("Europe/Paris")
# A publication is a moment, not a meeting: a short slot that clients draw visibly.
TIMED_LENGTH = timedelta(minutes=30)
PRODUCT = "-//CommunityDesk//Calendrier éditorial//FR"


@dataclass(frozen=True)
class CalendarEntry:
    """One event of the exported calendar."""

    uid: str
    sequence: int
    day: date
    at: time | None  # Paris wall-clock time; None: the whole day
    summary: str
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()
    ends_at: time | None = None  # Paris wall-clock end; None: a short slot (a post) after ``at``
    location: str = ""
    busy: bool = False  # a meeting one attends (an event), not a moment one publishes


def build_calendar(entries: Iterable[CalendarEntry], name: str, stamp: datetime | None = None) -> Calendar:
    """The VCALENDAR of ``entries``, with the VTIMEZONE its timed events need."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    stamp = stamp or datetime.now(UTC)
    calendar_entries = list(entries)
    if any(entry.at is not None for entry in calendar_entries):  # before the events that name it
        calendar.add_component(paris_timezone())
    for entry in calendar_entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", entry.sequence)
        if entry.at is None:
            event.add("dtstart", entry.day)
            event.add("dtend", entry.day + timedelta(days=1))
        else:
            start = datetime.combine(entry.day, entry.at, PARIS)
            event.add("dtstart", start)
            end = start + TIMED_LENGTH
            if entry.ends_at is not None and entry.ends_at > entry.at:
                end = datetime.combine(entry.day, entry.ends_at, PARIS)
            event.add("dtend", end)
        event.add("summary", entry.summary)
        if entry.description:
            event.add("description", entry.description)
        if entry.url:
            event.add("url", entry.url)
        if entry.categories:
            event.add("categories", list(entry.categories))
        if entry.location:
            event.add("location", entry.location)
        event.add("transp", "OPAQUE" if entry.busy else "TRANSPARENT")  # a post does not make anyone busy
        calendar.add_component(event)
    return calendar


def paris_timezone() -> Timezone:
    """Europe/Paris by its rule (last Sunday of March and of October, in force since 1996),
    as Thunderbird and Google write it: Outlook reads a rule where a list of dates may fail."""
    zone = Timezone()
    zone.add("tzid", "Europe/Paris")
    zone.add("x-lic-location", "Europe/Paris")
    for part, name, offsets, start, month in (
        (TimezoneDaylight(), "CEST", (1, 2), datetime(1970, 3, 29, 2), 3),
        (TimezoneStandard(), "CET", (2, 1), datetime(1970, 10, 25, 3), 10),
    ):
        part.add("tzname", name)
        part.add("tzoffsetfrom", timedelta(hours=offsets[0]))
        part.add("tzoffsetto", timedelta(hours=offsets[1]))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def write_calendar(stream: TextIO, calendar: Calendar) -> int:
    """Write ``calendar`` to ``stream`` (opened with ``newline=""``, UTF-8); the number of events."""
    stream.write(calendar.to_ical().decode("utf-8"))
    return len(calendar.walk("VEVENT"))
