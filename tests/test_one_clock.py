"""One time zone everywhere: what is shown and how files are dated come from
``formatting.local_today``/``local_now`` (Europe/Paris) or stored UTC moments, never from
the machine's own clock zone, which may be another one (a laptop set to UTC)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "communitydesk"
MACHINE_CLOCK = re.compile(
    r"date\.today\(|datetime\.today\(|datetime\.now\(\)|\.astimezone\(\)|time\.localtime\(|"
    r"QDate\.currentDate\(|QDateTime\.currentDateTime\(|QTime\.currentTime\("
)


def lines_matching(pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_no_code_reads_the_machine_s_clock_zone() -> None:
    assert lines_matching(MACHINE_CLOCK) == []


def test_today_is_the_paris_day_whatever_the_machine_s_zone() -> None:
    # 14 hours ahead of UTC: most of the day, the machine's date is already tomorrow's in Paris.
    script = (
        "from datetime import datetime; from zoneinfo import ZoneInfo; "
        "from communitydesk.formatting import local_now, local_today; "
        "paris = datetime.now(ZoneInfo('Europe/Paris')); "
        "print(local_today() == paris.date(), local_now().utcoffset() == paris.utcoffset())"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env={"TZ": "Pacific/Kiritimati", "PATH": ""}, capture_output=True, text=True
    )
    assert run.stdout.split() == ["True", "True"], run.stderr


# A UTC moment turned into a day or a stamp in a name (a backup named the previous day after
# midnight in Paris): days and file names come from local_now()/local_today(), or to_local().
UTC_AS_A_DAY = re.compile(r"(now\(UTC\)|utcnow\(\))\)?\.(strftime\(|date\(\))")


def test_no_code_names_a_day_or_a_file_from_a_utc_now() -> None:
    assert lines_matching(UTC_AS_A_DAY) == []
