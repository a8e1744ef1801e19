"""THE way to run a service call off the UI thread: progress, cooperative cancel, errors.

In the spirit of Anki's ``CollectionOp``/``QueryOp``: the work is a plain function that
receives a :class:`TaskContext` and calls services; the result comes back on the UI
thread. Every long operation in the interface goes through :func:`run_in_background`::

    def work(ctx: TaskContext) -> Path:
        # ctx.progress is handed to the service as its (done, total) callback
        return backup_database(source, actor, out=target, progress=ctx.progress)

    run_in_background(self, work, label=self.tr("Sauvegarde…"), cancellable=True,
                      on_success=lambda target: ...)

- Progress: ``ctx.progress(done, total)`` (throttled); shown in the main window's status
  bar (:class:`TaskProgressBar`) when the task has a label, or in a progress dialog when
  the parent is not inside the main window.
- Cancel: the user's Annuler sets a flag. ``ctx.progress`` raises :class:`TaskCancelled`
  at its next call, so every service that reports progress is cancellable for free;
  services may also poll ``ctx.is_cancelled``. A cancelled task emits ``cancelled``.
- Waiting: a write that must wait for another one of the same base (an import) tells the
  task (``db.write_turns`` listener): ``Task.waiting`` carries « En attente de l'import en
  cours… », shown in the main window's status bar; a screen may show it too. A cancel ends
  the wait, nothing written.
- Errors: a :class:`~communitydesk.errors.UserError` is shown as it is (a French sentence
  from the service); anything else is a bug: logged with its traceback, and the user gets
  a generic French message instead of a stack trace.
- Changes: ``task.changes`` says what the work's commits changed (``db/change_feed.py``);
  screens need not read it to refresh, they follow ``CurrentDatabase.data_changed``.
- The work function runs in another thread: it must not touch widgets. It may open its
  own database session through services; it must not share one with the UI thread.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Start-up path: no Qt namespace, no dialogs here (PySide6 builds a class's enums on first
# access, ~40 ms for Qt's); those are imported where they are used.
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from communitydesk.db import write_turns
from communitydesk.db.change_feed import changes_made
from communitydesk.errors import UserError
from communitydesk.records.changes import NOTHING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

#: Where unexpected errors are written; app.py sets it once logging to a file is set up.
error_log_path: Path | None = None

_PROGRESS_INTERVAL_S = 0.05
_RUNNING: set[Task] = set()


class TaskCancelled(Exception):
    """Raised inside the work function when the user asked to cancel."""


class TaskContext:
    """Handed to the work function: progress reporting and the cancel flag; it also hears
    the writes of its work that wait for their turn (a ``write_turns.WaitListener``)."""

    def __init__(
        self, report: Callable[[int, int], None] | None = None, wait_report: Callable[[str], None] | None = None
    ) -> None:
        self._cancel = threading.Event()
        self._report = report
        self._wait_report = wait_report
        self._last_report = 0.0

    def waiting(self, message: str) -> None:
        if self._wait_report is not None:
            self._wait_report(message)

    def still_waiting(self) -> None:
        self.raise_if_cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """Services that loop without reporting progress poll this."""
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled

    def progress(self, done: int, total: int) -> None:
        """The ``(done, total)`` callback for services; raises TaskCancelled after a cancel."""
        self.raise_if_cancelled()
        now = time.monotonic()
        # A callback per row would flood the event queue; 20 updates a second are plenty.
        if self._report is not None and (done >= total or now - self._last_report >= _PROGRESS_INTERVAL_S):
            self._last_report = now
            self._report(done, total)


Work = Callable[[TaskContext], Any]


def unexpected_error_message() -> str:
    message = QCoreApplication.translate(
        "tasks",
        "Une erreur inattendue s'est produite : l'opération n'a pas abouti. "
        "Rien de ce qui était déjà enregistré n'est perdu.",
    )
    if error_log_path is not None:
        message += " " + QCoreApplication.translate(
            "tasks", "Le détail technique est noté dans le journal : {path}"
        ).format(path=error_log_path)
    return message


class Task(QObject):
    """One background run of a work function; lives in the UI thread, reports there."""

    progressed = Signal(int, int)
    waiting = Signal(str)  # « En attente de l'import en cours… »: a write of the work waits its turn
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()  # always, after exactly one of succeeded/failed/cancelled

    # Emitted from the worker thread; queued to this object's (the UI) thread.
    _worker_progress = Signal(int, int)
    _worker_waiting = Signal(str)
    _worker_done = Signal(str, object)

    def __init__(
        self,
        work: Work,
        *,
        label: str = "",
        cancellable: bool = False,
        pause_cycle_collection: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.work = work
        self.label = label
        self.cancellable = cancellable
        self.pause_cycle_collection = pause_cycle_collection
        self.context = TaskContext(self._worker_progress.emit, self._worker_waiting.emit)
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_message = ""
        self.changes = NOTHING  # what the work's commits changed (db/change_feed.py), set before the outcome
        self.state = "new"  # new, running, succeeded, failed, cancelled
        # Emitted from the worker, received here in the UI thread: Qt queues them.
        self._worker_progress.connect(self._on_progress)
        self._worker_waiting.connect(self._on_waiting)
        self._worker_done.connect(self._on_done)

    @property
    def running(self) -> bool:
        return self.state == "running"

    def start(self) -> Task:
        self.state = "running"
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(_Runner(self))
        return self

    def cancel(self) -> None:
        if self.running:
            self.context.cancel()

    def _run_in_worker(self) -> None:
        try:
            with write_turns.listening(self.context), changes_made() as made:
                try:
                    result = self.work(self.context)
                finally:
                    self.changes = made.changes
        except TaskCancelled:
            self._worker_done.emit("cancelled", None)
        except UserError as exc:
            self._worker_done.emit("failed", exc)
        except BaseException as exc:  # a bug: keep it, log it, tell the user plainly
            import logging

            logging.getLogger("communitydesk.ui.tasks").exception(
                "Unexpected error in background task %r", self.label or self.work
            )
            self._worker_done.emit("crashed", exc)
        else:
            self._worker_done.emit("succeeded", result)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.running:
            self.progressed.emit(done, total)

    @Slot(str)
    def _on_waiting(self, message: str) -> None:
        if self.running:
            self.waiting.emit(message)

    @Slot(str, object)
    def _on_done(self, outcome: str, value: object) -> None:
        _RUNNING.discard(self)
        try:
            if outcome == "succeeded":
                self.state = "succeeded"
                self.result = value
                self.succeeded.emit(value)
            elif outcome == "cancelled":
                self.state = "cancelled"
                self.cancelled.emit()
            else:
                self.state = "failed"
                assert isinstance(value, BaseException)
                self.error = value
                self.error_message = str(value) if outcome == "failed" else unexpected_error_message()
                self.failed.emit(self.error_message)
        finally:
            self.finished.emit()
            self._forget_callbacks()

    def _forget_callbacks(self) -> None:
        """Drop the callables connected to this task once it has reported: they often hold the
        task itself or the screen that holds it, a cycle through Qt's connections that Python's
        collector cannot see, which would keep every task and its result for good."""
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # PySide warns for a signal nobody heard
            for signal in (self.progressed, self.waiting, self.succeeded, self.failed, self.cancelled, self.finished):
                signal.disconnect()


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task: Task | None = task

    def run(self) -> None:
        task, self.task = self.task, None  # the pool may keep this runnable a while after: not the task
        if task is not None:
            task._run_in_worker()


def guarded(owner: QObject | None, callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback``, called only while ``owner`` still exists (always, without an owner)."""
    if owner is None:
        return callback

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


class MainThreadGarbageCollector(QObject):
    """Python's cycle collector runs in whichever thread happens to allocate. In a worker it
    may destroy a Qt object of the UI thread (a closed dialog still held by a task's closure)
    and crash the process. So automatic collection is switched off and done here, on the UI
    thread, with the same thresholds (the approach of pyqtgraph's GarbageCollector). The
    window's entry point (app.run_gui) installs it: the process's collector policy is chosen
    there, never by a service. It waits while a task started with ``pause_cycle_collection``
    runs: an import allocates millions of objects and makes no cycles, and collections during
    it would walk them all again and again for nothing.

    A full collection walks every object of the process: on a 100 000-contact base (caches,
    the search index) that holds the UI thread 100-200 ms, a freeze felt by the user. So the
    survivors of each full collection, long-lived by then, are frozen out of the collector's
    sight (``gc.freeze``): the next full collection walks only what was allocated since. Cycles
    among frozen objects that die later are swept by a real full collection every
    ``FULL_SWEEP_S``, when no task runs."""

    INTERVAL_MS = 250
    FULL_SWEEP_S = 600.0
    _installed: MainThreadGarbageCollector | None = None

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._last_sweep = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(self.INTERVAL_MS)

    def collect_if_due(self) -> None:
        if any(task.pause_cycle_collection for task in _RUNNING):
            return
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return
        generation = 0
        if counts[1] > self._thresholds[1]:
            generation = 2 if counts[2] > self._thresholds[2] else 1
        if generation < 2:
            gc.collect(generation)
            return
        if not _RUNNING and time.monotonic() - self._last_sweep >= self.FULL_SWEEP_S:
            self._last_sweep = time.monotonic()
            gc.unfreeze()
        gc.collect(2)
        gc.freeze()  # right after a full collection: only live objects are frozen, never garbage

    @classmethod
    def install(cls) -> None:
        """Once per application, from the UI thread (before the first worker starts)."""
        app = QCoreApplication.instance()
        if cls._installed is not None or app is None or QThread.currentThread() is not app.thread():
            return
        cls._installed = cls(app)


def run_in_background(
    parent: QWidget | None,
    work: Work,
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    label: str = "",
    cancellable: bool = False,
    owner: QObject | None = None,
    pause_cycle_collection: bool = False,
) -> Task:
    """Start ``work(ctx)`` in the thread pool and report back on the UI thread.

    Without ``on_failure`` the error message is shown to the user in a message box.
    With a ``label`` the progress is shown (status bar of the main window, or a dialog).
    The callbacks are dropped once ``owner`` (by default ``parent``) has been deleted: a
    screen closed while its work ran never gets a result on widgets that no longer exist.
    ``pause_cycle_collection``: the work allocates heavily and makes no reference cycles (an
    import); the UI's cycle collector waits until it ends.
    """
    owner = owner if owner is not None else parent
    # Not parented: a page closed meanwhile must not delete the object its worker reports to.
    task = Task(work, label=label, cancellable=cancellable, pause_cycle_collection=pause_cycle_collection)
    if on_success is not None:
        task.succeeded.connect(guarded(owner, on_success))
    if on_failure is not None:
        task.failed.connect(guarded(owner, on_failure))
    else:
        window = owner if isinstance(owner, QWidget) else parent
        task.failed.connect(guarded(owner, lambda message: show_error(window, message)))
    if on_cancel is not None:
        task.cancelled.connect(guarded(owner, on_cancel))
    shown_in = parent if parent is not None else owner if isinstance(owner, QWidget) else None
    task.waiting.connect(lambda message: _show_waiting(shown_in, task, message))
    if label:
        _show_progress(parent, task)
    return task.start()


def _show_waiting(widget: QWidget | None, task: Task, message: str) -> None:
    """The wait in the status bar of the main window ``widget`` is in, until the task ends."""
    from PySide6.QtWidgets import QMainWindow

    if widget is not None and not shiboken6.isValid(widget):
        widget = None
    while widget is not None and not isinstance(widget, QMainWindow):
        widget = widget.parentWidget()
    if widget is None:
        return
    status = widget.statusBar()
    status.showMessage(message)

    def clear() -> None:
        if shiboken6.isValid(status) and status.currentMessage() == message:
            status.clearMessage()

    task.finished.connect(clear)


def running_tasks() -> list[Task]:
    return list(_RUNNING)


def cancel_all_and_wait(timeout_ms: int = 10000) -> bool:
    """On quit: ask every task to stop, then wait for the worker threads (True if all ended)."""
    for task in list(_RUNNING):
        task.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def show_error(parent: QWidget | None, message: str, title: str = "") -> QMessageBox:
    """A window-modal warning that does not block the caller (tests can read it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or "CommunityDesk",
        message,
        QMessageBox.StandardButton.Ok,
        parent.window() if parent is not None else None,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorMessage")
    box.open()
    return box


class TaskProgressBar(QWidget):
    """Label, progress bar and Annuler button for the status bar; follows the latest task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("tasks", "Annuler"), self)
        self.cancel_button.clicked.connect(self._cancel_current)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._tasks: list[Task] = []
        self._waiting: Task | None = None
        self.hide()

    @property
    def current(self) -> Task | None:
        return self._tasks[-1] if self._tasks else None

    def track(self, task: Task) -> None:
        self._tasks.append(task)
        task.progressed.connect(lambda done, total, t=task: self._on_progress(t, done, total))
        task.waiting.connect(lambda message, t=task: self._on_waiting(t, message))
        task.finished.connect(lambda t=task: self._forget(t))
        self._show_current()

    def _show_current(self) -> None:
        task = self.current
        if task is None:
            self.hide()
            return
        self.label.setText(task.label)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setVisible(task.cancellable)
        self.cancel_button.setEnabled(True)
        self.show()

    def _on_waiting(self, task: Task, message: str) -> None:
        if task is self.current:
            self._waiting = task
            self.label.setText(message)

    def _on_progress(self, task: Task, done: int, total: int) -> None:
        if task is not self.current:
            return
        if self._waiting is task:  # its turn came
            self._waiting = None
            self.label.setText(task.label)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self._show_current()

    def _cancel_current(self) -> None:
        task = self.current
        if task is not None:
            task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(QCoreApplication.translate("tasks", "Annulation…"))


def _show_progress(parent: QWidget | None, task: Task) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    window = parent.window() if parent is not None else None
    bars = window.findChildren(TaskProgressBar) if window is not None else []
    if bars:
        bars[0].track(task)
        return
    cancel_text = QCoreApplication.translate("tasks", "Annuler") if task.cancellable else ""
    dialog = QProgressDialog(task.label, cancel_text, 0, 0, window)
    dialog.setWindowTitle("CommunityDesk")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick tasks never flash a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not task.cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(task.cancel)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)

    task.progressed.connect(on_progress)
    task.finished.connect(dialog.deleteLater)
    task.finished.connect(dialog.close)
