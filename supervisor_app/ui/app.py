"""Starting the desktop app: QApplication, the database (its lock, a damaged file, the daily
backup), then first run or sign-in."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path


def run_app(
    *, db_target: str | None, demo: bool, hours_files: list[str] | None = None, language: str | None = None
) -> int:
    """The desktop app, in ``language`` if given (``--lang``), else the one chosen in Settings,
    else the system's."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    from supervisor_app import APP_NAME, __version__
    from supervisor_app.storage import DatabaseError
    from supervisor_app.ui.controller import AppController
    from supervisor_app.ui.database_opener import DatabaseOpener
    from supervisor_app.ui.settings import Preferences
    from supervisor_app.ui.tasks import TaskRunner
    from supervisor_app.usecases.opening import OpenedDatabase

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("supervisor_app")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("supervisor-app")  # matches packaging/linux/supervisor-app.desktop
    app.setWindowIcon(_app_icon())
    from supervisor_app.ui.translations import start_language

    prefs = Preferences()
    # The language chosen in Settings, else the system's: the screens, Qt's own dialogs, the
    # messages and the locale's dates and numbers (a change in Settings applies at the next start).
    start_language(app, prefs.language, language)
    app.setQuitOnLastWindowClosed(False)
    runner = TaskRunner()
    if hours_files:  # a supervisee's own hours files: read only, no database, no sign-in
        return _run_hours_files(app, hours_files, runner=runner, prefs=prefs)
    with ExitStack() as stack:
        controllers: list[AppController] = []

        def start(opened: OpenedDatabase, *, is_demo: bool = False) -> AppController:
            if is_demo:
                controller = AppController(opened.db, runner=runner, prefs=prefs, demo=True)
            else:
                controller = AppController.for_opened(opened, runner=runner, prefs=prefs)
            controllers.append(controller)
            controller.finished.connect(app.exit)
            controller.start()
            return controller

        if demo:
            from supervisor_app.services.demo import demo_database

            splash = QLabel(QCoreApplication.translate("app", "Preparing the sample agency (demo data)…"))
            splash.setWindowFlag(Qt.WindowType.SplashScreen)
            splash.setStyleSheet("padding: 24px 36px; font-size: 15px;")
            splash.show()
            app.processEvents()
            try:
                db = stack.enter_context(demo_database())
            except DatabaseError as exc:
                splash.close()
                QMessageBox.critical(
                    None, QCoreApplication.translate("app", "supervisor_app cannot start the demo"), str(exc)
                )
                return 1
            splash.close()
            start(OpenedDatabase(db), is_demo=True)
        else:
            last = prefs.last_database
            # --db, else $SUPERVISOR_APP_DB (a file, or the agency database's URL), else the file
            # opened last time, else the default one.
            target = start_target(db_target, last)
            opener = DatabaseOpener(runner=runner)
            opener.opened.connect(start)
            # A large file's integrity check finishes after the app is up: the controller on it answers.
            opener.damaged.connect(lambda opened, error: controllers[-1].database_damaged(opened, error))
            opener.checked.connect(lambda opened: controllers[-1].database_checked(opened))
            opener.cancelled.connect(lambda: app.exit(1))
            opener.open(target)
        try:
            return app.exec()
        finally:
            from supervisor_app.services.signoff import resume_verifications, stop_verifications

            for controller in controllers:
                controller.stop_background_checks()  # quitting does not wait for a whole-file read
            stop_verifications()  # nor for a first verification: its worker processes end now
            runner.wait()  # other background work (a large daily backup) finishes before the file closes
            resume_verifications()
            for controller in controllers:
                controller.close()  # closes the database and releases its lock file
    return 0


def start_target(db_target: str | None, last: str | None) -> str | None:
    """What the window opens: ``--db``, else ``$SUPERVISOR_APP_DB`` (set on purpose: it wins over
    the file remembered from last time), else that file if it still exists, else None (the
    default database)."""
    import os

    from supervisor_app.db import ENV_DB

    return db_target or os.environ.get(ENV_DB) or (last if last and Path(last).exists() else None)


def _run_hours_files(app, paths: list[str], *, runner, prefs) -> int:  # type: ignore[no-untyped-def]
    """``--open-hours FILE...``: the files in their own read-only window; quits when it closes.
    A refused file is said in a message box and the app ends with 2, opening nothing."""
    from supervisor_app.ui.hours_window import open_hours_window

    open_hours_window(
        paths,
        runner=runner,
        prefs=prefs,
        on_open=lambda window: window.closed.connect(lambda: app.exit(0)),
        on_refused=lambda exc: _refused(app, exc),
    )
    try:
        return app.exec()
    finally:
        runner.wait()


def _refused(app, exc: BaseException) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    # Context "app", as lupdate names it (app.tr would look the text up as "QApplication").
    QMessageBox.warning(
        None,
        QCoreApplication.translate("app", "Hours file not opened"),
        QCoreApplication.translate("app", "Nothing was opened: {error}").format(
            error=str(exc) or type(exc).__name__
        ),
    )
    app.exit(2)


def _app_icon():  # type: ignore[no-untyped-def]
    """The application icon in every shipped size (Qt picks the right one per screen)."""
    from PySide6.QtGui import QIcon

    from supervisor_app.resources import resource_path

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"supervisor_app-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon
