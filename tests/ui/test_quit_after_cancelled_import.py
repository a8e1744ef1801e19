"""Quitting after a cancelled import simulation ends the process cleanly (exit 0), never
with « Fatal Python error: bool_dealloc » (exit 134).

The cause was PySide6 6.12.0's ``emit()`` taking a reference off ``True`` at each call: a
long simulation reports its progress thousands of times and the count reached zero, often
while quitting. pyproject.toml excludes that release (tests/ui/test_pyside_references.py probes
the installed one). The scenario runs in a real process, as the user does it, several times.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCENARIO = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    from communitydesk import app as app_module
    from communitydesk.ui.current_database import DatabaseState

    base, csv_file = Path(sys.argv[1]), Path(sys.argv[2])
    qapp = QApplication(sys.argv[:1])


    class Progress(QObject):
        reported = Signal(int, int)


    def when(condition, then):
        if condition():
            then()
        else:
            QTimer.singleShot(20, lambda: when(condition, then))


    def drive():
        window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")

        def contacts_shown():
            page = window.show_page("contacts")
            when(page.is_ready, lambda: import_file(page))

        def import_file(page):
            wizard = page.import_contacts()
            wizard.file_page.path_edit.setText(str(csv_file))
            when(wizard.file_page.isComplete, lambda: mapping(wizard))

        def mapping(wizard):
            wizard.next()
            when(wizard.mapping_page.isComplete, lambda: simulate(wizard))

        def simulate(wizard):
            wizard.next()
            wizard.next()  # Suivant ×3: the simulation starts
            assert wizard.dry_run_page.running()
            wizard.dry_run_page.cancel_button.click()  # Annuler
            when(lambda: not wizard.dry_run_page.running(), lambda: quit_app(wizard))

        def quit_app(wizard):
            assert "annulé" in wizard.dry_run_page.state.text()
            # As many progress reports as a 100 000-line simulation sends, cheaply.
            progress = Progress()
            for done in range(sys.getrefcount(True) + 2000):
                progress.reported.emit(done, 0)
            wizard.reject()
            window.quit_action.trigger()  # Ctrl+Q

        when(lambda: window.database.state is DatabaseState.READY, contacts_shown)


    QTimer.singleShot(0, drive)
    QTimer.singleShot(60000, lambda: qapp.exit(3))  # a hang fails the test, it does not block it
    sys.exit(app_module.run_gui(base, False, "fr"))
    """
)


@pytest.mark.slow
def test_quitting_after_a_cancelled_import_simulation_exits_cleanly(populated_db: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "adhérents.csv"
    lines = ["Prénom;Nom;Courriel;Téléphone"] + [f"P{n};N{n};p{n}@exemple.fr;06{n:08d}" for n in range(20000)]
    csv_file.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    script = tmp_path / "scenario.py"
    script.write_text(SCENARIO, encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNITYDESK_DATA_DIR": str(tmp_path / "data")}
    for _attempt in range(3):
        run = subprocess.run(
            [sys.executable, str(script), str(populated_db), str(csv_file)],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        assert "Fatal Python error" not in run.stderr
