"""The temporary folder of the PDFs previewed on screen (directories, shipping lists:
personal data), removed when the window closes; a folder left by a crash is removed at
the next start.

Each folder holds a lock file while its window lives: Qt's QLockFile knows a lock whose
process has gone, so a folder of another running CommunityDesk is never touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QTemporaryDir

PREFIX = "communitydesk-apercus-"
LOCK_NAME = ".en-cours"


def _lock(folder: Path) -> QLockFile:
    lock = QLockFile(str(folder / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock


def sweep_stale(temp_folder: Path | None = None) -> list[Path]:
    """Remove the preview folders whose CommunityDesk has ended without removing them."""
    removed = []
    for folder in sorted((temp_folder or Path(QDir.tempPath())).glob(PREFIX + "*")):
        if not folder.is_dir():
            continue
        lock = _lock(folder)
        if lock.tryLock(0):  # nobody holds it any more (or a dead process did)
            lock.unlock()
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


class PreviewFolder:
    """Where a screen writes the PDFs it previews; ``remove()`` when the window closes."""

    def __init__(self, temp_folder: Path | None = None) -> None:
        sweep_stale(temp_folder)
        self._dir = QTemporaryDir(str((temp_folder or Path(QDir.tempPath())) / (PREFIX + "XXXXXX")))
        self._lock = _lock(Path(self._dir.path()))
        self._lock.tryLock(0)

    def path(self) -> str:
        return self._dir.path()

    def remove(self) -> None:
        self._lock.unlock()
        self._dir.remove()
