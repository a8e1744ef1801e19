"""``ui.tasks.run_in_background`` for screens that can close while their task runs.

A contact sheet, the duplicates dialog or the import wizard may be closed (and deleted)
before its background read comes back; the result must then be dropped instead of being
shown on widgets that no longer exist. The guard itself lives in ``ui.tasks`` (every
screen has it); ``run_for`` only names the owner first, as these screens call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from communitydesk.ui.tasks import Task, Work, guarded, run_in_background

__all__ = ["guarded", "run_for"]


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
    pause_cycle_collection: bool = False,
) -> Task:
    """Run ``work`` off the UI thread; its callbacks are dropped once ``owner`` is deleted.

    Without ``on_failure`` the message is shown over ``owner`` (when it is a widget).
    """
    return run_in_background(
        parent,
        work,
        on_success=on_success,
        on_failure=on_failure,
        on_cancel=on_cancel,
        label=label,
        cancellable=cancellable,
        owner=owner,
        pause_cycle_collection=pause_cycle_collection,
    )
