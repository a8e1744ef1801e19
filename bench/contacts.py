"""Contacts search benchmark (issue 4): ratios against baselines measured in the same run.

    .venv/bin/python bench/contacts.py [--rounds 5]

1. Search as you type, on a 100 000-contact demo base: for every prefix of a few typed
   texts ("h", "hé", "hél"... "06 1", "06 12"...), what the contacts table asks at each
   keystroke, ``contact_search.count()`` + ``contact_search.page()`` (first 200 rows in name
   order), against raw sqlite3 running the same FTS5 prefix MATCH by hand: the count, and
   the first 200 rows joined to contacts in name order. p95 over the prefixes: ratio ≤ 1.5.
2. Opening the contacts screen: the total, the first page and the rings' counts per circle
   (``count`` + ``page`` + ``circle_counts`` with no search), at 100 000 contacts against
   1 000 contacts: ratio ≤ 1.5.

Demo bases are made once in bench/out/ with ``communitydesk demo`` and reused. Best of
``--rounds`` for every timing, rounds interleaved so that load from other programs hits
both sides alike; timed in CPU time of this process (SQLite runs in it), since another
program's load stretches wall time without saying anything about our code. The import part
of the issue's benchmark is bench/contacts_import.py. Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from communitydesk.db.database import Database, open_database  # noqa: E402
from communitydesk.rules.contact_search_text import fts_match_expression  # noqa: E402
from communitydesk.services import contact_search  # noqa: E402
from communitydesk.services.permissions import SYSTEM  # noqa: E402

OUT = ROOT / "bench" / "out"
MAX_SEARCH_RATIO = 1.5
MAX_OPEN_RATIO = 1.5
TYPED = ["hélène martin", "lefèvre", "lyon 69007", "bénévole", "06 12 34 56", "camille", "association", "durand"]

RAW_COUNT = "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?"
RAW_PAGE = (
    "SELECT c.id, c.kind, c.first_name, c.last_name, c.organisation, c.email, c.phone, c.city, c.postcode, "
    "c.circle, c.tags_text, c.last_touch_at, c.created_at, c.is_ambassador, c.is_critic "
    "FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid "
    "WHERE contacts_fts MATCH ? AND c.archived_at IS NULL AND c.anonymised_at IS NULL "
    "ORDER BY c.sort_name, c.id LIMIT 200"
)


def demo_base(contacts: int) -> Path:
    path = OUT / ("contacts100k.sqlite3" if contacts == 100_000 else f"contacts{contacts}.sqlite3")
    if contacts == 1000:
        path = OUT / "contacts1k.sqlite3"
    if not path.exists():
        print(f"Création de la base de démonstration {path.name} ({contacts} contacts)…", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "communitydesk", "demo", "--contacts", str(contacts), "--db", str(path)],
            check=True,
            cwd=ROOT,
        )
    return path


def prefixes(texts: list[str]) -> list[str]:
    """What the search box holds after each keystroke, skipping repeats ("hélène" / "hélène ")."""
    seen: dict[str, str] = {}
    for text in texts:
        for end in range(1, len(text) + 1):
            typed = text[:end]
            seen.setdefault(typed.strip(), typed)
    return list(seen.values())


def cpu_time(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def search_as_you_type(db: Database, rounds: int) -> bool:
    raw = sqlite3.connect(db.path)
    typed = prefixes(TYPED)
    best_ours = [float("inf")] * len(typed)
    best_raw = [float("inf")] * len(typed)

    def ours(text: str) -> None:
        contact_search.count(db, SYSTEM, text)
        contact_search.page(db, SYSTEM, text)

    def by_hand(expression: str) -> None:
        raw.execute(RAW_COUNT, (expression,)).fetchone()
        raw.execute(RAW_PAGE, (expression,)).fetchall()

    for _round in range(rounds):
        for index, text in enumerate(typed):
            expression = fts_match_expression(text)
            assert expression is not None
            best_raw[index] = min(best_raw[index], cpu_time(partial(by_hand, expression)))
            best_ours[index] = min(best_ours[index], cpu_time(partial(ours, text)))
    raw.close()
    ours_p95, raw_p95 = p95(best_ours), p95(best_raw)
    ratio = ours_p95 / raw_p95
    verdict = "PASS" if ratio <= MAX_SEARCH_RATIO else "FAIL"
    print(f"1. Recherche pendant la frappe ({len(typed)} saisies, 100 000 contacts)")
    for label, times in (("sqlite3 FTS5 à la main", best_raw), ("count() + page()      ", best_ours)):
        print(f"   {label} : p95 {p95(times) * 1000:6.1f} ms   médiane {statistics.median(times) * 1000:5.1f} ms")
    print(f"   ratio {ratio:.2f} (≤ {MAX_SEARCH_RATIO})  {verdict}")
    return ratio <= MAX_SEARCH_RATIO


def open_screen(db: Database) -> None:
    contact_search.count(db, SYSTEM)
    contact_search.page(db, SYSTEM)
    contact_search.circle_counts(db, SYSTEM)


def opening_the_screen(small: Database, big: Database, rounds: int) -> bool:
    best_small = best_big = float("inf")
    for _round in range(rounds * 4):
        best_small = min(best_small, cpu_time(lambda: open_screen(small)))
        best_big = min(best_big, cpu_time(lambda: open_screen(big)))
    ratio = best_big / best_small
    verdict = "PASS" if ratio <= MAX_OPEN_RATIO else "FAIL"
    print("2. Ouverture de l'écran Contacts (total, première page, cercles)")
    print(f"   1 000 contacts   : {best_small * 1000:6.2f} ms")
    print(f"   100 000 contacts : {best_big * 1000:6.2f} ms")
    print(f"   ratio {ratio:.2f} (≤ {MAX_OPEN_RATIO})  {verdict}")
    return ratio <= MAX_OPEN_RATIO


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    big, small = open_database(demo_base(100_000)), open_database(demo_base(1000))
    try:
        open_screen(big)  # the search index is up to date before anything is timed
        open_screen(small)
        passed = [search_as_you_type(big, args.rounds), opening_the_screen(small, big, args.rounds)]
    finally:
        big.close()
        small.close()
    return 0 if all(passed) else 1


if __name__ == "__main__":
    sys.exit(main())
