"""Importing a 100 000-line French Excel CSV then finding the people, against a raw baseline.

    .venv/bin/python bench/contacts_import.py [--rows 100000] [--repeat 3]

Generates ``bench/out/contacts_<rows>_v2.csv`` as French Excel writes it (cp1252, ``;``,
French headers, CRLF, phones typed every which way, 4-digit postcodes where Excel ate
the leading zero, ~2 % repeated people, ~2 % notes with a « ; » and a line break, so
quoted), then times in the same run, whole processes (interpreter start included):

(a) baseline: one Python process that decodes the file, parses it with ``csv.reader``,
    ``executemany``-s the rows into a bare table of a fresh WAL database, builds an FTS5
    index over them (``INSERT … SELECT``, the tokenizer of contacts_fts), commits and runs
    one query;
(b) what a user or a script does: ``communitydesk import contacts FILE --db BASE --json``
    into a migrated empty base (made before the clock starts), then
    ``communitydesk search TEXT --db BASE --json``, which must find the imported people.

Prints both times, the ratio (target <= 5x) with PASS/FAIL, and the peak RSS of the import
process (target < 300 MB).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TARGET_RATIO = 5.0

HEADERS = [
    "Prénom",
    "Nom",
    "Courriel",
    "Téléphone",
    "Adresse",
    "Code postal",
    "Ville",
    "Organisation",
    "Fonction",
    "Cercle",
    "Étiquettes",
    "Ambassadeur",
    "Notes",
]
FIRST = [
    "Hélène",
    "Françoise",
    "Jérôme",
    "Noël",
    "Zoé",
    "Maëlle",
    "Gaëtan",
    "Loïc",
    "Bénédicte",
    "Thérèse",
    "Jean",
    "Camille",
    "Éloïse",
    "Mathéo",
    "Agnès",
    "René",
    "Cécile",
    "Léa",
    "Anaïs",
    "Grégoire",
    "Inès",
    "Jules",
    "Margaux",
    "Théo",
    "Clémence",
    "Raphaël",
    "Solène",
    "Aurélien",
    "Océane",
    "Benoît",
]
LAST = [
    "Durand",
    "Lefèvre",
    "Dupré",
    "Mercier",
    "Fabre",
    "Rousseau",
    "Gauthier",
    "Chevalier",
    "Lemaître",
    "Bérard",
    "Perrin",
    "Faure",
    "André",
    "Mathieu",
    "Barbier",
    "Noël",
    "Besnard",
    "Guérin",
    "Lacroix",
    "Royer",
    "Brunet",
    "Carré",
    "Giraud",
    "Hébert",
    "Leroy",
    "Vidal",
    "Aubert",
    "Marchand",
    "Picard",
    "Renaud",
]
CITIES = [
    ("Bourg-en-Bresse", "01000"),
    ("Laon", "02000"),
    ("Moulins", "03000"),
    ("Lyon", "69007"),
    ("Besançon", "25000"),
    ("Saint-Étienne", "42000"),
    ("Nîmes", "30000"),
    ("Orléans", "45000"),
    ("Paris", "75011"),
    ("Montréal-la-Cluse", "01460"),
    ("Évreux", "27000"),
    ("Périgueux", "24000"),
]
ORGS = [
    "",
    "",
    "",
    "Les Ateliers du Lien",
    "SCIC Énergie Citoyenne",
    "Association Récup'Vélo",
    "Tiers-lieu La Fabrique",
    "Coopérative Les Paniers",
    "Mairie de Saint-Étienne",
]
ROLES = ["Bénévole", "Trésorière", "Président", "Chargée de communication", "Adhérent", ""]
CIRCLES = ["Proches", "Communauté", "Communaute", "Grand public", "grand public", "", ""]
TAGS = [
    "bénévole",
    "donateur",
    "presse",
    "partenaire",
    "élu local",
    "adhérent",
    "newsletter",
    "atelier couture",
    "repair café",
    "jardin partagé",
]
DOMAINS = ["exemple.fr", "courriel.example", "mail.example", "asso.example"]


def _phone(rnd: random.Random) -> str:
    digits = f"0{rnd.choice('6677123459')}{rnd.randrange(10**8):08d}"
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    shape = rnd.random()
    if shape < 0.45:
        return " ".join(pairs)
    if shape < 0.65:
        return digits
    if shape < 0.75:
        return ".".join(pairs)
    if shape < 0.85:
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    if shape < 0.92:
        return "+33" + digits[1:]
    if shape < 0.95:
        return ""
    if shape < 0.97:
        return digits[1:]  # Excel ate the leading zero: goes to phonenumbers
    if shape < 0.99:
        return f"+32 470 {rnd.randrange(100):02d} {rnd.randrange(100):02d} {rnd.randrange(100):02d}"  # Belgium
    return "-"


def _note(rnd: random.Random) -> str:
    draw = rnd.random()
    if draw < 0.1:
        return "Rencontrée à l'atelier réparation"
    if draw < 0.12:  # a « ; » and a line break: Excel writes the cell between quotes
        return "Appel du 3 mars ; à relancer\navant l'AG (« urgent »)"
    return ""


def csv_path(rows: int) -> Path:
    """The generated file; its name changes with what the generator writes (v2: quoted notes)."""
    return OUT / f"contacts_{rows}_v2.csv"


def generate(path: Path, rows: int, seed: int = 2026) -> None:
    rnd = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    written: list[list[str]] = []
    for index in range(rows):
        if written and rnd.random() < 0.02:  # the same person again, typed differently
            again = list(rnd.choice(written[-5000:]))
            again[2] = again[2].upper()
            again[3] = ""
            again[12] = "Vu au salon"
            writer.writerow(again)
            continue
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        city, postcode = rnd.choice(CITIES)
        if postcode.startswith("0") and rnd.random() < 0.3:
            postcode = postcode[1:]  # Excel turned the postcode into a number
        email = f"{first}.{last}{index}@{rnd.choice(DOMAINS)}".lower().replace(" ", "")
        row = [
            first,
            last,
            email,
            _phone(rnd),
            f"{rnd.randrange(1, 120)} rue des Coopérateurs",
            postcode,
            city,
            rnd.choice(ORGS),
            rnd.choice(ROLES),
            rnd.choice(CIRCLES),
            ", ".join(rnd.sample(TAGS, rnd.choice((0, 0, 0, 1, 1, 2)))),
            "oui" if rnd.random() < 0.03 else "",
            _note(rnd),
        ]
        written.append(row)
        writer.writerow(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue().encode("cp1252"))


_BASELINE = r"""
import csv, io, sqlite3, sys
csv_path, db_path, query = sys.argv[1:4]
text = open(csv_path, "rb").read().decode("cp1252")
rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
conn = sqlite3.connect(db_path)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = NORMAL")
width = len(rows[0])
conn.execute(f"CREATE TABLE raw ({', '.join(f'c{i}' for i in range(width))})")
conn.execute("CREATE VIRTUAL TABLE raw_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
body = " || ' ' || ".join(f"c{i}" for i in range(width))
with conn:
    conn.executemany(f"INSERT INTO raw VALUES ({', '.join('?' * width)})", rows[1:])
    conn.execute(f"INSERT INTO raw_fts(rowid, body) SELECT rowid, {body} FROM raw")
found = conn.execute("SELECT rowid FROM raw_fts WHERE raw_fts MATCH ? LIMIT 50", ('"' + query + '"*',)).fetchall()
assert found, "the baseline found nobody"
conn.close()
"""


def baseline(path: Path, work: Path, query: str) -> float:
    """(a): the raw work on the same file, as one process."""
    db = work / "baseline.sqlite3"
    for stale in work.glob("baseline.sqlite3*"):
        stale.unlink()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", _BASELINE, str(path), str(db), query], cwd=ROOT, check=True)
    return time.perf_counter() - started


def _run_measured(argv: list[str], work: Path) -> tuple[float, float, str]:
    """Wall time, peak RSS (MB, the process's own: os.wait4) and standard output of one process."""
    with (work / "out.txt").open("w+b") as out, (work / "err.txt").open("w+b") as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"{' '.join(argv[3:5])} failed:\n{err.read().decode()}")
        return elapsed, usage.ru_maxrss / 1024, out.read().decode()


def import_then_search(path: Path, work: Path, run: int, query: str) -> dict[str, Any]:
    """(b): ``import contacts`` then ``search``, as a script would call them."""
    db = work / f"import-{run}.sqlite3"
    subprocess.run(
        [sys.executable, "-c", f"from communitydesk.db.database import open_database; open_database({str(db)!r})"],
        cwd=ROOT,
        check=True,
    )
    command = [sys.executable, "-m", "communitydesk"]
    imported, peak, out = _run_measured([*command, "import", "contacts", str(path), "--db", str(db), "--json"], work)
    summary = json.loads(out)
    searched, _peak, out = _run_measured([*command, "search", query, "--db", str(db), "--json", "--limit", "5"], work)
    found = json.loads(out)
    if not found:
        sys.exit(f"search {query!r} found nobody after the import")
    return {"import": imported, "search": searched, "peak_rss_mb": peak, "summary": summary, "found": found}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the best time counts")
    args = parser.parse_args()

    path = csv_path(args.rows)
    if not path.exists():
        generate(path, args.rows)
    query = "benoit renaud"  # accents and case left out: the index folds them
    print(f"file: {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.1f} MB, {args.rows} lines, cp1252, ';')")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as work_dir:
        work = Path(work_dir)
        # Interleaved, so that both sides see the same moods of a noisy machine; best of each.
        raw_times = [baseline(path, work, "renaud")]  # a first run warms the page cache for both
        runs = []
        for run in range(args.repeat):
            raw_times.append(baseline(path, work, "renaud"))
            runs.append(import_then_search(path, work, run, query))
    raw = min(raw_times)
    best = min(runs, key=lambda run: run["import"] + run["search"])
    total = best["import"] + best["search"]
    ratio = total / raw
    summary = best["summary"]
    print(f"(a) raw: csv + executemany + FTS5 build + one query, one process: {raw:.2f} s")
    print(f"    (runs: {', '.join(f'{t:.2f}' for t in raw_times)})")
    print(f"(b) communitydesk import contacts + communitydesk search: {total:.2f} s")
    print(
        f"    (import {best['import']:.2f} s, search {best['search']:.2f} s; runs: "
        f"{', '.join(format(r['import'] + r['search'], '.2f') for r in runs)})"
    )
    print(
        f"    created {summary['created']}, merged {summary['merged']}, {len(summary['errors'])} line(s) refused, "
        f"{len(summary['warnings'])} warning(s); search {query!r} found {len(best['found'])}, "
        f"first {best['found'][0]}"
    )
    rss = max(run["peak_rss_mb"] for run in runs)
    print(f"    peak RSS of the import process: {rss:.0f} MB (target < 300 MB)")
    verdict = "PASS" if ratio <= TARGET_RATIO and rss < 300 else "FAIL"
    print(f"ratio (b) / (a) = {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
