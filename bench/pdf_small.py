"""Small documents, whole process (issue 15 "Performance"): ratio against a bare ReportLab script.

    .venv/bin/python bench/pdf_small.py [--rounds 3] [--contacts 300]

The baseline is a new Python process running a bare ReportLab script that builds one A4
page with three embedded DejaVu fonts, a line chart, a paragraph and a table. Each small
document is exported by a new ``python -m communitydesk export pdf KIND`` process on a demo
base; each must take at most 1.5x the baseline measured in the same run (best of
``--rounds``, rounds interleaved, wall time: what a user waits), with bytecode compiled
once beforehand as in an installed app. Exit status 1 when a document is over. Each line
also gives the median and the range of the ratio taken within each round. With
``--instructions``, each command also runs once under valgrind's callgrind: its ratio of
instructions executed does not move with the load of a shared machine (a guide, not the
criterion: it ignores what the disk and caches cost).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_RATIO = 1.5

BARE_SCRIPT = """
import sys
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

fonts = sys.argv[2]
for name, file in (("DV", "DejaVuSans.ttf"), ("DVB", "DejaVuSans-Bold.ttf"), ("DVS", "DejaVuSerif.ttf")):
    pdfmetrics.registerFont(TTFont(name, f"{fonts}/{file}"))
chart = Drawing(450, 180)
plot = LinePlot()
plot.x, plot.y, plot.width, plot.height = 40, 20, 400, 150
plot.data = [[(day, day * day * 3.5) for day in range(30)], [(day, day * 90.0) for day in range(30)]]
for axis in (plot.xValueAxis, plot.yValueAxis):
    axis.labels.fontName = "DV"
chart.add(plot)
body = ParagraphStyle("body", fontName="DVS", fontSize=10, leading=13)
title = ParagraphStyle("title", fontName="DVB", fontSize=16, leading=20)
rows = [["Contrepartie", "Montant", "Choisie"]]
rows += [[f"Contrepartie n° {n}", f"{n * 10},00 €", str(n)] for n in range(12)]
table = Table(rows, style=[("FONT", (0, 0), (-1, 0), "DVB", 9), ("FONT", (0, 1), (-1, -1), "DV", 9)])
story = [
    Paragraph("Rapport de campagne", title),
    chart,
    Paragraph("Montant cumulé des contributions validées, jour par jour, en euros. " * 4, body),
    table,
]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
"""

# Every small document, with what it needs (the demo's campaign 1 is running, 2 is won).
DOCUMENTS = [
    ("charter", ["--template", "ambassador", "--member-name", "Camille Dupont"]),
    ("charter", ["--template", "collaborator"]),
    ("campaign-report", ["--campaign", "1"]),
    ("campaign-report", ["--campaign", "2"]),
    ("fulfilment-checklist", ["--campaign", "2"]),
    ("ambassador-kit", ["--ambassador", "1"]),
    ("event-kit", ["--event", "1"]),
    ("event-report", ["--event", "1"]),
]


def timed_rounds(rounds: int, commands: list[list[str]], env: dict[str, str]) -> list[list[float]]:
    """Wall time of each command in each round (rounds interleaved: a busy moment hits all alike)."""
    times: list[list[float]] = []
    for _round in range(rounds):
        times.append([])
        for command in commands:
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
            times[-1].append(time.perf_counter() - start)
    return times


def instructions(command: list[str], env: dict[str, str]) -> int:
    """Instructions the whole process executes (valgrind's callgrind), whatever the machine's load."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    assert found, result.stderr[-2000:]
    return int(found[1])


def _referral_address(base: Path) -> None:
    """The kit prints the referral link: the demo leaves its base address for the user to set."""
    from communitydesk.db.database import open_database
    from communitydesk.services import settings
    from communitydesk.services.permissions import SYSTEM

    db = open_database(base)
    try:
        with db.transaction() as session:
            if not settings.referral_base_url(session, SYSTEM):
                settings.save_referral_base_url(session, SYSTEM, "https://exemple.org/parrainage/{code}")
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--contacts", type=int, default=300)
    parser.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    args = parser.parse_args()
    if args.instructions and not shutil.which("valgrind"):
        parser.error("--instructions needs valgrind")
    from communitydesk.services.demo import create_demo_database
    from communitydesk.services.permissions import SYSTEM

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Bytecode as an installed app has it (compiled once, by the warm-up), kept out of the tree.
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(folder / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        base = folder / "demo.sqlite3"
        create_demo_database(base, SYSTEM, contacts=args.contacts, seed=2026)
        _referral_address(base)
        script = folder / "bare.py"
        script.write_text(BARE_SCRIPT, encoding="utf-8")
        fonts = str(ROOT / "resources" / "fonts")
        commands = [[sys.executable, str(script), str(folder / "bare.pdf"), fonts]]
        for index, (kind, options) in enumerate(DOCUMENTS):
            out = str(folder / f"{index}-{kind}.pdf")
            commands.append(
                [
                    sys.executable,
                    "-m",
                    "communitydesk",
                    "export",
                    "pdf",
                    kind,
                    "--db",
                    str(base),
                    "--out",
                    out,
                    *options,
                ]
            )
        timed_rounds(1, commands, env)  # warm-up: the file cache, the bytecode, outside the timings
        rounds = timed_rounds(args.rounds, commands, env)
        counted = [instructions(command, env) for command in commands] if args.instructions else []
    bare, *documents = (min(column) for column in zip(*rounds, strict=True))
    print(f"Petits documents, processus entier, {args.contacts} contacts, meilleur de {args.rounds} :")
    print(f"   script ReportLab nu (1 page A4, 3 polices, courbe, paragraphe, tableau)  {bare:5.2f} s")
    failed = False
    for index, ((kind, options), seconds) in enumerate(zip(DOCUMENTS, documents, strict=True), start=1):
        ratio = seconds / bare
        over = ratio > MAX_RATIO
        failed |= over
        # The ratio within each round too: on a shared machine, its median and spread say how much to trust the best.
        per_round = sorted(times[index] / times[0] for times in rounds)
        spread = f"médiane {statistics.median(per_round):4.2f} ({per_round[0]:4.2f}–{per_round[-1]:4.2f})"
        label = f"{kind} {' '.join(options[:2])}"
        verdict = "TROP LENT" if over else "ok"
        counts = f"   instructions {counted[index] / counted[0]:4.2f}" if counted else ""
        print(f"   {label:<45} {seconds:5.2f} s   ratio {ratio:4.2f} (≤ {MAX_RATIO})  {verdict:<9}  {spread}{counts}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
