"""Start-up imports only what the first window needs: the sign-in screen and the supervisee
list (names) come up before SQLAlchemy (core and ORM), the models, reportlab, Alembic or openpyxl are
imported (issue 7: nothing heavy before the first window shows). Run in a fresh interpreter,
through the app's own start-up objects, on a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from supervisor_app.db import provide_profiles
from supervisor_app.usecases.opening import load_profiles
provide_profiles(load_profiles)  # as the app's start (cli.main) does
from supervisor_app.ui.controller import AppController
from supervisor_app.ui.database_opener import DatabaseOpener
from supervisor_app.ui.context import Identity
from supervisor_app.ui.settings import Preferences
from supervisor_app.ui.tasks import TaskRunner
from supervisor_app.services import roster
from PySide6.QtCore import QSettings

HEAVY = ["sqlalchemy", "sqlalchemy.orm", "supervisor_app.models", "reportlab", "alembic", "openpyxl", "argon2",
         "supervisor_app.services.progress", "supervisor_app.services.signoff"]
seen = {}
runner = TaskRunner(synchronous=True)
prefs = Preferences(QSettings(sys.argv[2], QSettings.Format.IniFormat))
controllers = []

def start(opened):
    controller = AppController.for_opened(opened, runner=runner, prefs=prefs)
    controllers.append(controller)
    controller.start()
    seen["sign_in"] = [m for m in HEAVY if m in sys.modules]
    name = dict((i, n) for i, n, _c in controller.ctx.read_now(roster.supervisors))[int(sys.argv[3])]
    model_reset = []

    def on_reset():
        window = controller.window
        if window is not None and "names" not in seen and window.list_page.model.rowCount():
            seen["names"] = [m for m in HEAVY if m in sys.modules]
            seen["rows"] = window.list_page.model.rowCount()

    import supervisor_app.ui.supervisee_table_model as stm
    original = stm.SuperviseeTableModel.set_rows
    def set_rows(self, rows):
        original(self, rows)
        on_reset()
    stm.SuperviseeTableModel.set_rows = set_rows
    controller.signed_in(Identity(name=name, supervisor_id=int(sys.argv[3])))
    seen["figures"] = all(controller.window.list_page.model.row(i).figures
                          for i in range(controller.window.list_page.model.rowCount()))

opener = DatabaseOpener(runner=runner)
opener.opened.connect(start)
opener.open(sys.argv[1])
print(json.dumps(seen))
for c in controllers:
    c.window.close_for_switch()
    c.close()
"""


def test_the_first_window_comes_up_before_the_orm_and_the_heavy_libraries(world, tmp_path: Path) -> None:
    path = world.db.path
    world.db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUPERVISOR_APP_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), str(tmp_path / "settings.ini"), str(world.dana)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["sign_in"] == []  # the sign-in screen: plain SQL only
    assert seen["rows"] == 4 and seen["names"] == []  # the supervisees listed, nothing heavy yet
    assert seen["figures"]  # and then the figures came (they do import the ORM, off the UI thread)
