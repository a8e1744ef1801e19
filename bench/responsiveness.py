"""Does any user action freeze the window? The main flows on a 100 000-contact base, timed from the UI thread.

    .venv/bin/python bench/responsiveness.py [--big PATH] [--csv PATH]

A child process (offscreen Qt) opens the real main window on the base and drives, one step at a time:
typing a search letter by letter, scrolling far down the list, opening a contact sheet, the duplicates
view, a CSV export of the whole list, a community report on the Documents page, and an import simulation
of a large CSV file. All along, a 10 ms timer on the UI thread notes how late each tick fires: a late tick
is a moment when the window could not repaint nor answer a click.

Prints, per step, the longest stall and the 99th percentile of the lateness, against the limits at which
people start to feel a delay (longest <= 100 ms, p99 <= 50 ms), each with PASS/FAIL. The figures are
absolute by nature (a stall is felt whatever the machine), so run it on a quiet machine; the baseline
line is the same timer on an idle window in the same run, which shows how noisy the machine is.
Without ``--big`` the 100 000-contact demo is made once in bench/out/ (a few minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TICK_MS = 10
LIMIT_LONGEST_MS = 100.0
LIMIT_P99_MS = 50.0


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class StallWatch:
    """With --why: a thread that notes where the UI thread is while a tick is overdue (which code stalls)."""

    def __init__(self, last_tick: Callable[[], float]) -> None:
        import threading

        self.last_tick = last_tick
        self.main = threading.main_thread().ident
        self.seen: dict[str, int] = {}
        self.step = ""
        self.running = True
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        import traceback

        while self.running:
            time.sleep(0.02)
            if self.step and time.monotonic() - self.last_tick() > 0.06:
                frame = sys._current_frames().get(self.main or 0)
                if frame is None:
                    continue
                ours = [f for f in traceback.extract_stack(frame) if "communitydesk" in f.filename]
                where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(ours[-4:]))
                key = f"{self.step}: {where or traceback.extract_stack(frame)[-1].name}"
                self.seen[key] = self.seen.get(key, 0) + 20


def child(path: Path, csv_file: Path, why: bool = False) -> dict[str, Any]:
    """Runs in the child process: the window on ``path``, each step measured by the lateness of a 10 ms timer."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from communitydesk.services.permissions import SYSTEM
    from communitydesk.ui import tasks
    from communitydesk.ui.current_database import CurrentDatabase, DatabaseState
    from communitydesk.ui.main_window import MainWindow
    from communitydesk.ui.settings import UiSettings

    tasks.MainThreadGarbageCollector.install()  # as app.run_gui does: the window's collector policy
    clock = QElapsedTimer()
    lateness: list[float] = []
    last = [0.0]

    ticked = [time.monotonic()]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        lateness.append(max(0.0, now - last[0] - TICK_MS))
        last[0] = now
        ticked[0] = time.monotonic()

    watch = StallWatch(lambda: ticked[0]) if why else None
    collections: dict[str, list[float]] = {}
    if why:
        import gc
        import threading

        gc_started = [0.0]

        def on_gc(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                gc_started[0] = time.perf_counter()
            elif watch is not None and watch.step:
                where = "ui" if threading.current_thread() is threading.main_thread() else "worker"
                key = f"{watch.step}: gen{info['generation']} in {where}"
                collections.setdefault(key, []).append((time.perf_counter() - gc_started[0]) * 1000)

        gc.callbacks.append(on_gc)

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)

    def wait(condition: Callable[[], object], timeout: float = 600.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.001)

    def pause(seconds: float) -> None:
        end = time.monotonic() + seconds
        wait(lambda: time.monotonic() > end)

    steps: dict[str, dict[str, float]] = {}

    def measure(name: str, action: Callable[[], None]) -> None:
        lateness.clear()
        clock.start()
        last[0] = 0.0
        ticked[0] = time.monotonic()
        timer.start()
        if watch is not None:
            watch.step = name
        started = time.perf_counter()
        action()
        elapsed = time.perf_counter() - started
        if watch is not None:
            watch.step = ""
        timer.stop()
        values = lateness[1:]  # the first tick measures the start, not the step
        steps[name] = {
            "seconds": elapsed,
            "ticks": len(values),
            "longest_ms": max(values, default=0.0),
            "p99_ms": percentile(values, 0.99),
        }

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        settings = UiSettings(QSettings(str(work / "prefs.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, CurrentDatabase(actor=SYSTEM))
        window.resize(1366, 768)
        window.show()
        window.open_database(path)
        wait(lambda: window.database.state is DatabaseState.READY)
        window.database.database()
        pause(1.0)
        measure("idle window (baseline)", lambda: pause(2.0))

        page: Any = window.show_page("contacts")
        wait(lambda: page.model.reloads > 0 and not page.model.is_loading() and bool(page.circle_counts))

        def type_search() -> None:
            search = page.filter_bar.search
            for letter in "martin":
                search.setText(search.text() + letter)
                pause(0.15)  # someone typing quickly
            wait(lambda: not page.model.is_loading())
            pause(0.3)
            search.clear()
            wait(lambda: not page.model.is_loading())
            pause(0.3)

        measure("typing a search", type_search)

        def scroll_far() -> None:
            bar = page.table.verticalScrollBar()
            for share in (0.25, 0.5, 0.75, 1.0, 0.0):
                bar.setValue(int(bar.maximum() * share))
                pause(0.1)
                wait(lambda: not page.model.is_loading())
            pause(0.3)

        measure("scrolling far", scroll_far)

        def open_sheet() -> None:
            page.table.selectRow(5)
            sheet = page.open_current()
            wait(lambda: sheet is not None and not tasks.running_tasks())
            pause(0.5)
            if sheet is not None:
                sheet.close()
            pause(0.2)

        measure("opening a contact sheet", open_sheet)

        def duplicates() -> None:
            dialog = page.review_duplicates()
            wait(lambda: dialog.choice.pair is not None and not dialog.busy)
            pause(0.3)
            dialog.reject()
            pause(0.2)

        measure("duplicates view", duplicates)

        def export_csv() -> None:
            dialog = page.export_contacts()
            target = work / "export.csv"
            dialog.path.setText(str(target))
            done: list[object] = []
            dialog.exported.connect(done.append)
            dialog.export()
            wait(lambda: bool(done))
            pause(0.2)
            dialog.reject()
            pause(0.2)

        measure("CSV export of the whole list", export_csv)

        documents: Any = window.show_page("documents")
        wait(lambda: documents.choices_task is not None and not documents.choices_task.running)
        pause(0.3)

        def community_report() -> None:
            documents.select_kind("community-report")
            made: list[object] = []
            documents.generated.connect(made.append)
            documents.generate()
            wait(lambda: bool(made) and not tasks.running_tasks())
            pause(0.3)

        measure("community report", community_report)

        window.show_page("contacts")
        pause(0.3)

        def import_simulation() -> None:
            wizard = page.import_contacts()
            wizard.file_page.path_edit.setText(str(csv_file))
            wait(wizard.file_page.isComplete)
            wizard.next()
            wait(wizard.mapping_page.isComplete)
            wizard.next()
            wizard.next()
            wait(wizard.dry_run_page.isComplete)
            pause(0.3)
            wizard.reject()
            pause(0.3)

        measure("import simulation", import_simulation)

        window.close()
        tasks.cancel_all_and_wait()
        window.database.close()
    if watch is not None:
        watch.running = False
        for key, ms in sorted(watch.seen.items(), key=lambda item: -item[1])[:25]:
            print(f"stalled ~{ms} ms in {key}", file=sys.stderr)
        for key, times in collections.items():
            if max(times) > 20:
                print(f"stalled gc {key}: {len(times)} runs, longest {max(times):.0f} ms", file=sys.stderr)
    return steps


def big_database(given: Path | None) -> Path:
    if given is not None:
        return given
    path = OUT / "contacts_screen_100000.sqlite3"  # shared with bench/contacts_screen.py
    if not path.exists():
        from communitydesk.services.demo import create_demo_database
        from communitydesk.services.permissions import SYSTEM

        OUT.mkdir(parents=True, exist_ok=True)
        print(f"Création de {path} (100 000 contacts)…", flush=True)
        create_demo_database(path, SYSTEM, contacts=100_000, seed=11)
    return path


def big_csv(given: Path | None) -> Path:
    if given is not None:
        return given
    sys.path.insert(0, str(ROOT / "bench"))
    from contacts_import import csv_path, generate  # the import bench's own file

    path = csv_path(100_000)
    if not path.exists():
        generate(path, 100_000)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--big", type=Path, help="a 100 000-contact database (default: made in bench/out/)")
    parser.add_argument("--csv", type=Path, help="a large contacts CSV for the import simulation")
    parser.add_argument("--why", action="store_true", help="also print where the UI thread was during each stall")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        base, csv_file = args.child
        print(json.dumps(child(base, csv_file, why=args.why)))
        return 0
    base, csv_file = big_database(args.big), big_csv(args.csv)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "base.sqlite3"  # the flows write settings and caches: never into the shared file
        import sqlite3

        with sqlite3.connect(base) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(copy), str(csv_file), *(["--why"] if args.why else [])],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    lines = result.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        print(result.stderr[-4000:], file=sys.stderr)
        return 2
    steps = json.loads(lines[-1])
    if args.why:
        print("\n".join(line for line in result.stderr.splitlines() if line.startswith("stalled")))
    passed = True
    for name, step in steps.items():
        ok = step["longest_ms"] <= LIMIT_LONGEST_MS and step["p99_ms"] <= LIMIT_P99_MS
        baseline = name.startswith("idle")
        passed = passed and (ok or baseline)
        verdict = "" if baseline else ("PASS" if ok else "FAIL")
        print(
            f"{name:<30} {step['seconds']:7.2f} s  longest stall {step['longest_ms']:7.1f} ms  "
            f"p99 {step['p99_ms']:6.1f} ms  ({int(step['ticks'])} ticks) {verdict}"
        )
    print(f"limits: longest <= {LIMIT_LONGEST_MS:.0f} ms, p99 <= {LIMIT_P99_MS:.0f} ms, timer {TICK_MS} ms")
    if result.returncode != 0:  # the figures were printed, then the process died on its way out
        print(f"the window's process ended with code {result.returncode} after the flows:", result.stderr[-600:])
        return 1
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
