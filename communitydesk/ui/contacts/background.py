"""``ui.tasks.run_in_background`` for screens that can close while their task runs.

A contact sheet, the duplicates dialog or the import wizard may be closed (and deleted)
before its background read comes back; the result must then be dropped instead of being
shown on widgets that no longer exist.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from communitydesk.ui.tasks import Task, Work, run_in_background, show_error


def guarded(owner: QObject, callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback``, called only while ``owner`` still exists."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


def run_for(
    owner: QObject,
    work: Work,
    *,
    parent: QWidget | None = None,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    label: str = "",
    cancellable: bool = False,
) -> Task:
    """Run ``work`` off the UI thread; its callbacks are dropped once ``owner`` is deleted.

    Without ``on_failure`` the message is shown over ``owner`` (when it is a widget).
    """
    if on_failure is None:
        window = owner if isinstance(owner, QWidget) else parent

        def on_failure(message: str) -> None:
            show_error(window, message)

    return run_in_background(
        parent,
        work,
        on_success=guarded(owner, on_success) if on_success is not None else None,
        on_failure=guarded(owner, on_failure),
        on_cancel=guarded(owner, on_cancel) if on_cancel is not None else None,
        label=label,
        cancellable=cancellable,
    )
