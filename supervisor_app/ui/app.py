"""Starting the desktop app: QApplication, the database, the main window."""

from __future__ import annotations

import sys
from contextlib import ExitStack


def run_app(*, db_target: str | None, demo: bool) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from supervisor_app import APP_NAME, __version__
    from supervisor_app.db import DatabaseError, open_database, temporary_database
    from supervisor_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    with ExitStack() as stack:
        try:
            if demo:
                db = stack.enter_context(temporary_database())
                from supervisor_app.services.demo import load_demo

                with db.uow("demo") as uow:
                    load_demo(uow)
            else:
                db = open_database(db_target)
                stack.callback(db.close)
        except DatabaseError as exc:
            QMessageBox.critical(None, "supervisor_app", str(exc))
            return 1
        window = MainWindow(db, demo=demo)
        window.show()
        return app.exec()
    return 0
