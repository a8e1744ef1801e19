"""Previewed PDFs (personal data) leave the temporary folder when the window closes, and
those left by a crash go at the next start; another running window's stay."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from communitydesk.ui.documents.page import DocumentsPage
from communitydesk.ui.documents.preview_files import PREFIX, PreviewFolder, sweep_stale


def test_the_previews_are_deleted_when_the_window_closes(qtbot, make_window, populated_db: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(populated_db)
    page = window.show_page("documents")
    assert isinstance(page, DocumentsPage)
    qtbot.waitUntil(lambda: page.choices_task is not None and not page.choices_task.running, timeout=60000)
    page.select_kind("contact-list")
    with qtbot.waitSignal(page.generated, timeout=60000) as blocker:
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    preview = Path(blocker.args[0].path)
    assert preview.exists() and preview.parent.name.startswith(PREFIX)
    window.close()
    assert not preview.exists() and not preview.parent.exists()


def test_a_crash_s_previews_are_swept_and_a_running_window_s_kept(tmp_path: Path) -> None:
    mine = PreviewFolder(tmp_path)
    (Path(mine.path()) / "annuaire-1.pdf").write_bytes(b"%PDF")
    # A CommunityDesk killed while its previews were on disk: its lock names a dead process.
    crashed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; from pathlib import Path; "
            "from communitydesk.ui.documents.preview_files import PreviewFolder; "
            "folder = PreviewFolder(Path(sys.argv[1])); (Path(folder.path()) / 'envois-1.pdf').write_bytes(b'%PDF'); "
            "print(folder.path(), flush=True); os._exit(9)",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    left = Path(crashed.stdout.strip())
    assert (left / "envois-1.pdf").exists()
    assert sweep_stale(tmp_path) == [left]
    assert not left.exists()
    assert (Path(mine.path()) / "annuaire-1.pdf").exists()  # its window still runs
    mine.remove()
    assert not Path(mine.path()).exists()
