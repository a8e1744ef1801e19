"""Date fields default to today in France, whatever zone the machine's clock is in."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate

from communitydesk.formatting import PARIS
from communitydesk.ui.widgets.dates import paris_qdate


@pytest.fixture
def machine_zone():  # type: ignore[no-untyped-def]
    before = os.environ.get("TZ")

    def set_zone(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


# UTC+14 and UTC-12: at any hour, one of them is on another day than Paris.
@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])
def test_today_is_the_paris_day_not_the_machine_day(machine_zone, zone: str) -> None:  # type: ignore[no-untyped-def]
    machine_zone(zone)
    paris = datetime.now(UTC).astimezone(PARIS).date()
    assert paris_qdate() == QDate(paris.year, paris.month, paris.day)
