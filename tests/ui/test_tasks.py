"""The one helper for background work: results, progress, cancel and errors reach the UI thread."""

from __future__ import annotations

import gc
import logging
import threading
import time
import weakref

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from communitydesk.errors import ValidationError
from communitydesk.ui import tasks
from communitydesk.ui.tasks import TaskCancelled, TaskContext, TaskProgressBar, run_in_background


@pytest.fixture
def parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_comes_back_on_the_ui_thread(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def work(_ctx: TaskContext) -> str:
        seen["worker"] = threading.current_thread()
        return "fait"

    def done(result: str) -> None:
        seen["result"] = result
        seen["ui"] = threading.current_thread()

    with qtbot.waitSignal(run_in_background(parent, work, on_success=done).finished, timeout=5000):
        pass
    assert seen["result"] == "fait"
    assert seen["ui"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()


def test_progress_is_reported_and_ends_at_the_total(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    reports: list[tuple[int, int]] = []

    def work(ctx: TaskContext) -> int:
        for done in range(1, 6):
            time.sleep(0.06)  # longer than the throttle interval: every report goes through
            ctx.progress(done, 5)
        return 5

    task = tasks.Task(work)
    task.progressed.connect(lambda done, total: reports.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert task.state == "succeeded"
    assert task.result == 5
    assert reports[-1] == (5, 5)
    assert len(reports) >= 3
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_cancel_stops_a_service_at_its_next_progress_report(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    steps: list[int] = []

    def work(ctx: TaskContext) -> None:
        for step in range(1000):
            started.set()
            steps.append(step)
            ctx.progress(step, 1000)  # raises TaskCancelled once cancelled
            time.sleep(0.005)

    cancelled: list[bool] = []
    succeeded: list[object] = []
    task = run_in_background(parent, work, on_cancel=lambda: cancelled.append(True), on_success=succeeded.append)
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert cancelled == [True]
    assert succeeded == []
    assert task.state == "cancelled"
    assert len(steps) < 1000


def test_services_may_poll_the_cancel_flag() -> None:
    ctx = TaskContext()
    assert not ctx.is_cancelled()
    ctx.cancel()
    assert ctx.is_cancelled()
    with pytest.raises(TaskCancelled):
        ctx.raise_if_cancelled()
    with pytest.raises(TaskCancelled):
        ctx.progress(1, 2)


def test_user_error_reaches_the_user_as_is(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    def work(_ctx: TaskContext) -> None:
        raise ValidationError("Le SIRET doit compter 14 chiffres.", field="legal_id")

    messages: list[str] = []
    task = run_in_background(parent, work, on_failure=messages.append)
    qtbot.waitUntil(lambda: task.state == "failed", timeout=5000)
    assert messages == ["Le SIRET doit compter 14 chiffres."]
    assert isinstance(task.error, ValidationError) and task.error.field == "legal_id"


def test_a_bug_is_logged_with_its_traceback_and_told_plainly(
    qtbot,
    parent: QWidget,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    def work(_ctx: TaskContext) -> None:
        raise ZeroDivisionError("division by zero")

    messages: list[str] = []
    with caplog.at_level(logging.ERROR, logger="communitydesk"):
        task = run_in_background(parent, work, on_failure=messages.append, label="Calcul")
        qtbot.waitUntil(lambda: task.state == "failed", timeout=5000)
    assert len(messages) == 1
    assert "erreur inattendue" in messages[0]
    assert "ZeroDivisionError" not in messages[0]
    assert any(record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records)


def test_without_a_failure_handler_the_message_is_shown_in_a_box(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    def work(_ctx: TaskContext) -> None:
        raise ValidationError("La base « x » est verrouillée.")

    parent.show()
    task = run_in_background(parent, work)
    qtbot.waitUntil(lambda: task.state == "failed", timeout=5000)
    boxes = [box for box in parent.findChildren(QMessageBox) if box.objectName() == "errorMessage"]
    assert [box.text() for box in boxes] == ["La base « x » est verrouillée."]
    assert boxes[0].isVisible()
    boxes[0].close()


def test_status_bar_progress_follows_the_task_and_its_cancel_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = TaskProgressBar(window)
    window.statusBar().addPermanentWidget(bar)
    window.show()
    release = threading.Event()

    def work(ctx: TaskContext) -> None:
        ctx.progress(3, 10)
        while not release.wait(0.01):
            ctx.progress(3, 10)

    task = run_in_background(window, work, label="Sauvegarde…", cancellable=True)
    qtbot.waitUntil(lambda: bar.bar.maximum() == 10 and bar.bar.value() == 3, timeout=5000)
    assert bar.isVisible()
    assert bar.label.text() == "Sauvegarde…"
    assert bar.cancel_button.isVisible()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        bar.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert bar.current is None


def test_results_for_a_deleted_parent_are_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    gate = threading.Event()
    calls: list[object] = []
    widget = QWidget()

    def work(_ctx: TaskContext) -> str:
        gate.wait(5)
        return "trop tard"

    task = run_in_background(widget, work, on_success=lambda result: calls.append(("succès", widget.objectName())))
    shiboken6.delete(widget)  # the screen is closed and deleted while its read runs
    assert not shiboken6.isValid(widget)
    with qtbot.waitSignal(task.finished, timeout=5000):
        gate.set()
    assert task.state == "succeeded"
    assert calls == []  # no callback on the deleted widget


def test_errors_and_cancels_for_a_deleted_owner_are_dropped(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    owner = QWidget()
    seen: list[str] = []
    gate = threading.Event()

    def failing(_ctx: TaskContext) -> None:
        gate.wait(5)
        raise ValidationError("Champ faux.", field="x")

    def cancelled(ctx: TaskContext) -> None:
        gate.wait(5)
        ctx.progress(1, 2)

    failed = run_in_background(parent, failing, owner=owner)  # default: a message box over the owner
    stopped = run_in_background(parent, cancelled, owner=owner, on_cancel=lambda: seen.append("annulé"))
    stopped.cancel()
    shiboken6.delete(owner)
    with qtbot.waitSignals([failed.finished, stopped.finished], timeout=5000):
        gate.set()
    assert (failed.state, stopped.state) == ("failed", "cancelled")
    assert seen == []
    assert parent.window().findChildren(QMessageBox) == []


def test_results_reach_a_living_owner(qtbot, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[str] = []
    task = run_in_background(None, lambda _ctx: "fait", owner=owner, on_success=seen.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == ["fait"]


class _Node:
    other: object = None


def _a_lost_cycle() -> weakref.ref[_Node]:
    """Two objects that only hold each other: only the cycle collector frees them."""
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_cycles_are_collected_on_the_ui_thread_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    import gc

    from communitydesk.ui.tasks import MainThreadGarbageCollector

    MainThreadGarbageCollector.install()
    assert not gc.isenabled()  # a worker thread never runs the cycle collector

    gone = _a_lost_cycle()
    kept = [_Node() for _ in range(gc.get_threshold()[0] + 10)]  # past the first threshold
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)
    assert len(kept) > gc.get_threshold()[0]


def test_the_ui_collector_waits_while_a_task_asks_it_to(qtbot) -> None:  # type: ignore[no-untyped-def]
    import gc
    import threading

    from communitydesk.ui.tasks import MainThreadGarbageCollector

    MainThreadGarbageCollector.install()
    release = threading.Event()
    task = run_in_background(
        None, lambda ctx: release.wait(10), on_failure=lambda _m: None, pause_cycle_collection=True
    )
    other = run_in_background(None, lambda ctx: None, on_failure=lambda _m: None)  # an ordinary task: no say
    qtbot.waitUntil(lambda: other.state == "succeeded", timeout=5000)

    gone = _a_lost_cycle()
    kept = [_Node() for _ in range(gc.get_threshold()[0] + 10)]  # past the first threshold
    qtbot.wait(3 * MainThreadGarbageCollector.INTERVAL_MS)
    assert gone() is not None  # no collection while the import-like task runs
    release.set()
    qtbot.waitUntil(lambda: task.state == "succeeded", timeout=5000)
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # and one soon after
    assert kept


def test_a_write_waiting_its_turn_is_shown_and_a_cancel_ends_the_wait(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = TaskProgressBar(window)
    window.statusBar().addPermanentWidget(bar)
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with db.transaction("l'import en cours"):
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(30)

        def work(_ctx: TaskContext) -> None:
            with db.transaction() as session:
                session.execute(text("INSERT INTO tags (name) VALUES ('jamais')"))

        task = run_in_background(window, work, label="Enregistrement…", cancellable=True)
        messages: list[str] = []
        task.waiting.connect(messages.append)
        qtbot.waitUntil(lambda: messages == ["En attente de l'import en cours…"], timeout=10000)
        assert window.statusBar().currentMessage() == "En attente de l'import en cours…"
        assert bar.label.text() == "En attente de l'import en cours…"
        with qtbot.waitSignal(task.cancelled, timeout=10000):
            task.cancel()  # e.g. the window closing: no 5 s limit, but no endless wait either
    finally:
        release.set()
        holder.join(30)
    assert window.statusBar().currentMessage() == ""
    with db.snapshot() as session:
        assert session.execute(text("SELECT count(*) FROM tags")).scalar_one() == 0


LEAK_CHECK = """
import gc, sys
import communitydesk.ui
from PySide6.QtCore import QCoreApplication, QTimer
from communitydesk.ui.tasks import Task, run_in_background

app = QCoreApplication([])
done = []
for _ in range(20):
    task = run_in_background(None, lambda _ctx: [0] * 100_000, on_success=lambda _result: done.append(1))
    task.finished.connect(lambda held=task: held.state)  # a callback that holds its task
del task


def check():
    if len(done) < 20:
        QTimer.singleShot(20, check)
        return
    report(0)


def report(tries):
    gc.collect()
    alive = sum(isinstance(o, Task) for o in gc.get_objects())
    if alive and tries < 100:  # until the workers have let go of their runnables too
        QTimer.singleShot(50, lambda: report(tries + 1))
        return
    print(alive)
    app.quit()


QTimer.singleShot(0, check)
app.exec()
"""


def test_finished_tasks_and_their_results_are_freed() -> None:
    """Callbacks holding the task (the status bar's, a screen's) form a cycle through Qt's
    connections that Python's collector cannot see: the task forgets them once it reported.
    In a process of its own, so that no other test's objects are counted."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", LEAK_CHECK], capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "0", run.stderr[-2000:]


def _allocate_until(condition) -> None:  # type: ignore[no-untyped-def]
    """Allocate past the first threshold and let the UI collector run (what its timer does), until ``condition()``."""
    from communitydesk.ui.tasks import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector._installed
    assert collector is not None
    kept: list[object] = []
    for _ in range(2000):
        if condition():
            return
        kept.append([[] for _ in range(gc.get_threshold()[0] + 10)])
        collector.collect_if_due()
    raise AssertionError("the collector never got there")


def test_a_full_collection_freezes_its_survivors_so_the_next_one_is_short(qtbot) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.ui.tasks import MainThreadGarbageCollector

    MainThreadGarbageCollector.install()
    gc.unfreeze()
    _allocate_until(lambda: gc.get_freeze_count() > 0)
    gone = _a_lost_cycle()  # born after the freeze: still collected as usual
    _allocate_until(lambda: gone() is None)


def test_the_periodic_full_sweep_collects_a_frozen_cycle(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.ui.tasks import MainThreadGarbageCollector

    MainThreadGarbageCollector.install()
    gone = _a_lost_cycle()
    gc.freeze()  # as if it had been alive at the last full collection
    monkeypatch.setattr(MainThreadGarbageCollector, "FULL_SWEEP_S", 0.0)
    _allocate_until(lambda: gone() is None)
