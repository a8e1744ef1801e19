"""The first contact sheet opened imports nothing: the contacts page imported what the sheet
reads while it loaded (ui.contacts.contact_sheet.prepare_reading).

An import in a worker holds the interpreter's lock in long stretches, and the window stalled
~70-100 ms right after the click on a 100 000-contact base (bench/responsiveness.py). The
scenario runs in a fresh process, as the window does: in this test process every module is
long imported by other tests and nothing could be seen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCENARIO = textwrap.dedent(
    """
    import json
    import sys
    import time
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    from communitydesk.services.permissions import SYSTEM
    from communitydesk.ui import tasks
    from communitydesk.ui.current_database import CurrentDatabase, DatabaseState
    from communitydesk.ui.main_window import MainWindow
    from communitydesk.ui.settings import UiSettings

    tasks.MainThreadGarbageCollector.install()
    base, folder = Path(sys.argv[1]), Path(sys.argv[2])


    def wait(condition):
        end = time.monotonic() + 60
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.005)


    settings = UiSettings(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, CurrentDatabase(actor=SYSTEM))
    window.show()
    window.open_database(base)
    wait(lambda: window.database.state is DatabaseState.READY)
    page = window.show_page("contacts")
    loaded = []
    page.choices_loaded.connect(lambda: loaded.append(True))
    wait(lambda: loaded and page.model.rowCount() > 0 and not tasks.running_tasks())

    before = set(sys.modules)
    page.table.selectRow(3)
    sheet = page.open_current()
    wait(lambda: sheet.details is not None and not tasks.running_tasks())
    print(json.dumps({"name": sheet.details.display_name, "new": sorted(set(sys.modules) - before)}))
    sheet.close()
    tasks.cancel_all_and_wait(20000)
    window.database.close()
    """
)


def test_the_first_sheet_opened_imports_nothing(populated_db: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCENARIO, str(populated_db), str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["name"]  # the sheet did read its contact
    assert outcome["new"] == []
