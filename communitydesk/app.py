"""QApplication bootstrap: settings, language, translations, the main window, then the database.

The window is shown first; everything slow (reading the database, SQLAlchemy, Alembic,
Faker for the demo) happens after, in background tasks (see ui/current_database.py).
Nothing here may import sqlalchemy, alembic, faker, reportlab or babel.messages: a test
and ``bench/startup.py`` check it.

``COMMUNITYDESK_EXIT_AFTER=shown|figures`` (for bench/startup.py) quits as soon as the
window is shown, or as soon as the dashboard's figures are displayed (or the profile
chooser, for a base with passwords; exit code 1 if the database could not be opened), so
that whole-process start-up times can be measured.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from communitydesk import __version__
from communitydesk.i18n import set_language
from communitydesk.paths import resources_dir
from communitydesk.ui import tasks
from communitydesk.ui.current_database import CurrentDatabase
from communitydesk.ui.main_window import MainWindow
from communitydesk.ui.settings import APPLICATION_NAME, ORGANISATION_NAME, UiSettings

EXIT_AFTER_VARIABLE = "COMMUNITYDESK_EXIT_AFTER"
DEMO_FILENAME = "demo.sqlite3"
WARM_UP_DELAY_MS = 1500

_QT_LOCALES = {
    "fr": QLocale(QLocale.Language.French, QLocale.Country.France),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our .qm for English (the source text is French), and Qt's own for standard dialogs."""
    QLocale.setDefault(_QT_LOCALES.get(language, _QT_LOCALES["fr"]))
    installed = []
    candidates = [(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if language != "fr":
        candidates.append((f"communitydesk_{language}", str(translations_dir())))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
            if name.startswith("qtbase_"):
                from communitydesk.ui.mnemonic_translations import MnemonicFallback

                fallback = MnemonicFallback(translator, app)  # after Qt's: asked first
                app.installTranslator(fallback)
                installed.append(fallback)
        else:
            import logging

            logging.getLogger("communitydesk").warning("Translation %s not found in %s", name, folder)
    return installed


LOG_MAX_BYTES = 1_000_000


def setup_logging() -> Path | None:
    """Warnings and unexpected errors go to a log file in the data folder (one old file kept)."""
    import logging  # plain FileHandler: logging.handlers would pull in socket & co.

    from communitydesk.paths import data_dir

    log_file = data_dir() / "logs" / "communitydesk.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        if log_file.exists() and log_file.stat().st_size > LOG_MAX_BYTES:
            log_file.replace(log_file.with_suffix(".log.1"))
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("communitydesk")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    tasks.error_log_path = log_file
    return log_file


def install_excepthook(window: MainWindow) -> None:
    """An exception escaping a slot is a bug: log it, tell the user plainly, keep running."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        import logging

        logging.getLogger("communitydesk").error("Unexpected error", exc_info=(kind, value, trace))
        previous(kind, value, trace)
        if not issubclass(kind, KeyboardInterrupt):
            tasks.show_error(window, tasks.unexpected_error_message())

    sys.excepthook = hook


def database_to_open(db: Path | None, demo: bool) -> Path | Callable[[], Path]:
    """The file to open, or a function finding it (run in the background: platformdirs is slow)."""
    if demo:
        return demo_database_path  # never --db: the demo replaces its file each time
    if db is not None:
        return db
    from communitydesk.paths import default_database_path

    return default_database_path


def demo_database_path() -> Path:
    from communitydesk.paths import data_dir

    return data_dir() / DEMO_FILENAME


def run_gui(db: Path | None, demo: bool, language: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    app.setApplicationDisplayName("CommunityDesk")
    app.setApplicationVersion(__version__)
    settings = UiSettings()
    language = language or settings.language
    set_language(language)
    install_translators(app, language)
    # The window's collector policy: cycles are collected on this thread only (ui/tasks.py).
    tasks.MainThreadGarbageCollector.install()

    exit_after = os.environ.get(EXIT_AFTER_VARIABLE, "")
    database = CurrentDatabase()
    if not demo and exit_after != "shown":
        # The cheap probe and the figures are read while the window is being built and shown.
        database.open(database_to_open(db, demo))
    window = MainWindow(settings, database)
    database.attach(window)
    window.show()

    if exit_after == "shown":
        QTimer.singleShot(0, app.quit)
    else:
        if exit_after == "figures":
            database.figures_changed.connect(lambda _figures: QTimer.singleShot(0, app.quit))
            database.failed.connect(lambda _message: app.exit(1))

            def quit_on_chooser() -> None:
                if window.session.covering:
                    QTimer.singleShot(0, app.quit)

            database.changed.connect(quit_on_chooser)
        else:
            database.figures_changed.connect(lambda _figures: QTimer.singleShot(WARM_UP_DELAY_MS, database.warm_up))
            database.figures_changed.connect(
                lambda _figures: QTimer.singleShot(WARM_UP_DELAY_MS, database.back_up_automatically)
            )

        def start() -> None:
            if demo:  # its progress bar needs the window: started once it is shown
                database.open(database_to_open(db, demo), demo=True)
                if db is not None:
                    window.statusBar().showMessage(
                        QCoreApplication.translate(
                            "app", "--db est ignoré avec --demo : la démonstration a sa propre base."
                        ),
                        10000,
                    )
            setup_logging()
            install_excepthook(window)

        QTimer.singleShot(0, start)

    code = app.exec()
    tasks.cancel_all_and_wait()
    database.close()
    return code
