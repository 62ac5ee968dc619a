"""Starting the desktop app: QApplication, the database, then first run or sign-in."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path


def run_app(*, db_target: str | None, demo: bool) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from supervisor_app import APP_NAME, __version__
    from supervisor_app.db import DatabaseError, open_database, temporary_database
    from supervisor_app.ui.controller import AppController
    from supervisor_app.ui.settings import Preferences
    from supervisor_app.ui.tasks import TaskRunner

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("supervisor_app")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)
    prefs = Preferences()
    with ExitStack() as stack:
        try:
            if demo:
                from PySide6.QtWidgets import QLabel

                from supervisor_app.services.demo import load_demo

                splash = QLabel(app.tr("Preparing the sample agency (demo data)…"))
                splash.setWindowFlag(Qt.WindowType.SplashScreen)
                splash.setStyleSheet("padding: 24px 36px; font-size: 15px;")
                splash.show()
                app.processEvents()
                db = stack.enter_context(temporary_database())
                with db.uow("demo") as uow:
                    load_demo(uow)
                splash.close()
            else:
                last = prefs.last_database
                target = db_target or (last if last and Path(last).exists() else None)
                db = open_database(target)
                stack.callback(db.close)
        except DatabaseError as exc:
            QMessageBox.critical(None, app.tr("supervisor_app cannot open the database"), str(exc))
            return 1
        runner = TaskRunner()
        controller = AppController(db, runner=runner, prefs=prefs, demo=demo)
        stack.callback(controller.close)
        stack.callback(runner.wait)
        controller.finished.connect(app.exit)
        controller.start()
        return app.exec()
    return 0
