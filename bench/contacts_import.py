"""Importing a 100 000-line French Excel CSV, against a raw csv + sqlite3 baseline.

    .venv/bin/python bench/contacts_import.py [--rows 100000] [--repeat 3]

Generates ``bench/out/contacts_<rows>_v2.csv`` as French Excel writes it (cp1252, ``;``,
French headers, CRLF, phones typed every which way, 4-digit postcodes where Excel ate
the leading zero, ~2 % repeated people, ~2 % notes with a « ; » and a line break, so
quoted), then times in the same run:

(a) baseline: read + decode + ``csv.reader`` + ``sqlite3.executemany`` of the same rows
    into a bare table (no index, no trigger) in a fresh WAL database;
(b) ``import_contacts_file`` (the service behind ``communitydesk import contacts``):
    encoding and delimiter detection, header recognition, normalisation and checks,
    duplicate detection (in the file and against the database), contacts + circle history
    + tags, the triggers of the schema (search queue, circle counts), one transaction; into a
    fresh migrated database (so in bulk mode: indexes rebuilt at the end, see
    importers/contact_writer.py), in a child process so that its peak RSS is its own. The search
    index refresh runs after the commit (``index_imported_contacts``, as the CLI and the wizard's
    worker do): timed and printed apart, not in the ratio.

Prints both times, the ratio (target <= 5x) with PASS/FAIL, the import's peak RSS, where
its time goes, and for reference what the schema alone costs: the same cells, unchecked,
written with a plain INSERT into the real contacts table (its indexes and triggers).

``--instructions`` (needs valgrind) also counts the CPU instructions of (a) and (b) with
callgrind, switched on around the measured call only: the same count run after run, where
wall times on a shared machine vary by +-25 %. Use it to tell whether a small change helps
(~1 min per 20 000 lines); the verdict stays the one on time.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def baseline(path: Path, work: Path) -> float:
    """Raw: decode, parse, executemany into a bare table; committed."""
    db = work / "baseline.sqlite3"
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    text = path.read_bytes().decode("cp1252")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE TABLE raw ({', '.join(f'c{i}' for i in range(len(HEADERS)))})")
    with conn:
        conn.executemany(f"INSERT INTO raw VALUES ({', '.join('?' * len(HEADERS))})", rows[1:])
    conn.close()
    return time.perf_counter() - started


_SCHEMA_FLOOR = r"""
import csv, io, sqlite3, sys, time
from pathlib import Path
from communitydesk.db.database import open_database

csv_path, db_path = Path(sys.argv[1]), Path(sys.argv[2])
open_database(db_path).close()  # migrated before the clock starts
started = time.perf_counter()
text = csv_path.read_bytes().decode("cp1252")
rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]
stamp = "2026-11-25 12:00:00.000000"
# The cells as they are into the real table: no checks, no keys, no history, no tags.
values = [(r[0], r[1], r[7], r[8], r[2], "", r[3], "", r[2], "", r[4], r[5], r[6], "FR", r[9] or "grand_public", "",
           r[12], 0, 0, stamp, stamp, 1) for r in rows]
conn = sqlite3.connect(db_path)
conn.execute("PRAGMA foreign_keys = ON")
with conn:
    conn.executemany(
        "INSERT INTO contacts (first_name, last_name, organisation, role, email, email_secondary, phone, "
        "phone_secondary, email_key, phone_key, address, postcode, city, country, circle, source, notes, "
        "is_ambassador, is_critic, created_at, updated_at, version_id, kind) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'person')", values)
print(time.perf_counter() - started)
"""


def schema_floor(path: Path, work: Path, run: int) -> float:
    """Reference only: the same cells, unchecked, into the real contacts table (its indexes and triggers)."""
    db = work / f"floor-{run}.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", _SCHEMA_FLOOR, str(path), str(db)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"schema floor failed:\n{result.stderr}")
    return float(result.stdout.strip().splitlines()[-1])


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from communitydesk.db import search_index
from communitydesk.db.database import open_database
from communitydesk.importers.contact_writer import ContactImportWriter
from communitydesk.services.permissions import SYSTEM
from communitydesk.services.contact_import import import_contacts_file

spent = {"write": 0.0, "index": 0.0, "rebuild": 0.0}

def timed(function, part):
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[part] += time.perf_counter() - started
    return run

ContactImportWriter.flush = timed(ContactImportWriter.flush, "write")
from communitydesk.db.bulk_load import SuspendedIndexes
SuspendedIndexes.restore = timed(SuspendedIndexes.restore, "rebuild")
search_index.refresh = timed(search_index.refresh, "index")
csv_path, db_path = Path(sys.argv[1]), Path(sys.argv[2])
db = open_database(db_path)  # migrated before the clock starts
from communitydesk.cycle_collection import headless_command
with headless_command():  # the collector policy `communitydesk import contacts` runs under
    started, cpu = time.perf_counter(), time.process_time()
    summary = import_contacts_file(db, SYSTEM, csv_path)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
count = db.engine.connect().exec_driver_sql("SELECT COUNT(*) FROM contacts").scalar()
index_in_import = spent["index"]
from communitydesk.services.contact_import import index_imported_contacts
after = time.perf_counter()
index_imported_contacts(db, SYSTEM, summary)  # what the CLI and the wizard run after the commit
deferred = time.perf_counter() - after
counts = {k: v for k, v in summary.as_json().items() if k != "errors"}
print(json.dumps({"seconds": elapsed, "cpu": cpu, "summary": counts,
                  "errors": len(summary.errors), "contacts": count, "write": spent["write"], "index": index_in_import,
                  "rebuild": spent["rebuild"],
                  "deferred_index": deferred,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def service_import(path: Path, work: Path, run: int) -> dict[str, object]:
    db = work / f"import-{run}.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(db)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"import failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


_COUNTED = r"""
import os, subprocess, sys
from pathlib import Path
sys.path.insert(0, str(Path.cwd() / "bench"))
import contacts_import as bench
from communitydesk.db.database import open_database
from communitydesk.services.permissions import SYSTEM
from communitydesk.services.contact_import import import_contacts_file
import charset_normalizer, phonenumbers  # loaded before counting: once per process, not per import

side, csv_path, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
db = open_database(work / "counted.sqlite3") if side == "import" else None
from communitydesk.cycle_collection import headless_command
subprocess.run(["callgrind_control", "--instr=on", str(os.getpid())], check=True, capture_output=True)
if db is None:
    bench.baseline(csv_path, work)
else:
    with headless_command():  # as the CLI runs it
        import_contacts_file(db, SYSTEM, csv_path)
subprocess.run(["callgrind_control", "--instr=off", str(os.getpid())], check=True, capture_output=True)
"""


def instructions(side: str, path: Path, work: Path) -> int:
    """CPU instructions of one side's measured call, counted by callgrind."""
    for stale in work.glob("*.sqlite3*"):
        stale.unlink()
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={work / 'callgrind.out'}",
            sys.executable,
            "-c",
            _COUNTED,
            side,
            str(path),
            str(work),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = [line for line in result.stderr.splitlines() if "Collected :" in line]
    if result.returncode != 0 or not found:
        sys.exit(f"callgrind failed ({side}):\n{result.stderr[-2000:]}")
    return int(found[-1].split(":")[-1])


def count_instructions(rows: int) -> None:
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        sys.exit("--instructions needs valgrind (apt install valgrind)")
    path = csv_path(rows)
    if not path.exists():
        generate(path, rows)
    with tempfile.TemporaryDirectory(prefix="bench-import-count-") as work_dir:
        raw = instructions("baseline", path, Path(work_dir))
        counted = instructions("import", path, Path(work_dir))
    print(
        f"instructions ({rows} lines, callgrind): raw {raw / 1e6:.0f} M, import {counted / 1e6:.0f} M, "
        f"ratio {counted / raw:.2f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the best time counts")
    parser.add_argument(
        "--instructions",
        type=int,
        nargs="?",
        const=20_000,
        metavar="ROWS",
        help="also count CPU instructions with callgrind on a file of ROWS lines (default 20000)",
    )
    args = parser.parse_args()
    if args.instructions:
        count_instructions(args.instructions)

    path = csv_path(args.rows)
    if not path.exists():
        generate(path, args.rows)
    print(f"file: {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.1f} MB, {args.rows} lines, cp1252, ';')")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as work_dir:
        work = Path(work_dir)
        # Interleaved, so that both sides see the same moods of a noisy machine; best of each.
        raw_times = [baseline(path, work)]  # a first run warms the page cache for both
        runs = []
        for run in range(args.repeat):
            raw_times.append(baseline(path, work))
            runs.append(service_import(path, work, run))
        floor = min(schema_floor(path, work, run) for run in range(args.repeat))
    raw = min(raw_times)
    best = min(runs, key=lambda run: float(run["seconds"]))  # type: ignore[arg-type]
    seconds = float(best["seconds"])  # type: ignore[arg-type]
    ratio = seconds / raw
    print(f"(a) raw csv + sqlite3 executemany: {raw:.2f} s   (runs: {', '.join(f'{t:.2f}' for t in raw_times)})")
    run_times = ", ".join(f"{float(run['seconds']):.2f}" for run in runs)  # type: ignore[arg-type]
    print(f"(b) import_contacts_file:          {seconds:.2f} s   (runs: {run_times})")
    print(f"    summary {best['summary']}, {best['errors']} line errors, {best['contacts']} contacts in the database")
    write, index, rebuild = (float(best[key]) for key in ("write", "index", "rebuild"))  # type: ignore[arg-type]
    print(
        f"    of which: reading, checking, matching, commit {seconds - write - index - rebuild:.2f} s; writing "
        f"contacts, history and tags {write:.2f} s; indexes rebuilt after a bulk load {rebuild:.2f} s; "
        f"search index (db.search_index.refresh) {index:.2f} s"
    )
    print(f"    CPU time of the import: {float(best['cpu']):.2f} s")  # type: ignore[arg-type]
    print(
        f"    then, after the commit and not counted: search index refresh {float(best['deferred_index']):.2f} s"  # type: ignore[arg-type]
    )
    print(f"    peak RSS of the import process: {float(best['peak_rss_mb']):.0f} MB")  # type: ignore[arg-type]
    print(
        f"(ref) raw csv + plain INSERT of the unchecked cells into the real contacts table (its indexes and "
        f"triggers): {floor:.2f} s = {floor / raw:.1f}x (a); the import is {seconds / floor:.1f}x this"
    )
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(f"ratio import / raw = {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
