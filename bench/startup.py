"""Start-up time of the whole program, as ratios over a bare PySide6 window shown the same way.

    .venv/bin/python bench/startup.py [--runs 7] [--contacts 100000]

Each measurement is a whole process (``python -m communitydesk --db BASE``, offscreen Qt),
timed from spawn to exit, median of several runs, interleaved with the baseline so that
they share the machine's mood:

- baseline: a bare ``QMainWindow`` shown, then quit on the first event loop turn;
- (a) the main window shown (``COMMUNITYDESK_EXIT_AFTER=shown``): at most 2.0x;
- (b) the dashboard showing its real figures (``COMMUNITYDESK_EXIT_AFTER=figures``) on a
  demo base of 100 000 contacts: at most 4.0x.

The base is created once in bench/out/ with ``communitydesk demo`` and reused. Prints the
medians, the ratios and PASS/FAIL; exits 1 on FAIL.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
LIMITS = {"shown": 2.0, "figures": 4.0}

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def environment(scratch: Path, exit_after: str = "") -> dict[str, str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        COMMUNITYDESK_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),
    )
    env.pop("COMMUNITYDESK_EXIT_AFTER", None)
    if exit_after:
        env["COMMUNITYDESK_EXIT_AFTER"] = exit_after
    return env


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(command)} exited with {result.returncode}:\n{result.stderr[-3000:]}")
    return elapsed


def prepare_base(contacts: int) -> Path:
    """The demo base, created once; a base left by an older schema is recreated."""
    sys.path.insert(0, str(ROOT))
    from communitydesk.db.schema_version import SchemaState, probe

    base = OUT / f"demo-{contacts}.sqlite3"
    state = probe(base).state if base.exists() else SchemaState.MISSING
    if state is not SchemaState.CURRENT:
        print(f"Creating {base.relative_to(ROOT)} ({contacts} contacts; once, then reused)…", flush=True)
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "communitydesk",
                "demo",
                "--db",
                str(base),
                "--contacts",
                str(contacts),
                "--replace",
            ],
            cwd=ROOT,
            check=True,
        )
    return base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="measure on this existing base instead")
    args = parser.parse_args()
    base = args.db.resolve() if args.db else prepare_base(args.contacts)
    app = [sys.executable, "-m", "communitydesk", "--db", str(base)]
    commands = {
        "bare": ([sys.executable, "-c", BARE_WINDOW], ""),
        "shown": (app, "shown"),
        "figures": (app, "figures"),
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for round_number in range(args.runs + 1):
            for name, (command, exit_after) in commands.items():
                elapsed = timed(command, environment(scratch, exit_after))
                if round_number > 0:  # the first round only warms caches
                    samples[name].append(elapsed)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"Base: {base} ; median of {args.runs} runs, offscreen.")
    print(f"  bare QMainWindow shown     {medians['bare']:.3f} s")
    failed = False
    for name, label in (("shown", "(a) main window shown     "), ("figures", "(b) dashboard with figures")):
        ratio = medians[name] / medians["bare"]
        verdict = "PASS" if ratio <= LIMITS[name] else "FAIL"
        failed |= verdict == "FAIL"
        spread = f"min {min(samples[name]):.3f} / max {max(samples[name]):.3f}"
        print(f"  {label} {medians[name]:.3f} s  ratio {ratio:.2f}x (limit {LIMITS[name]:.1f}x, {spread})  {verdict}")
    print("FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
