"""UI test fixtures: real widgets over a real SQLite file, background work run inline."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from supervisor_app.db import Database
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.controller import AppController
from supervisor_app.ui.database_opener import DatabaseOpener
from supervisor_app.ui.main_window import MainWindow
from supervisor_app.ui.settings import Preferences
from supervisor_app.ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def _translations(qapp: QApplication) -> Iterator[None]:
    """English with its plural forms, as ``run_app`` installs them (a test that switched to
    Spanish leaves English behind)."""
    from supervisor_app.ui.translations import install_translations

    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def runner(qapp: QApplication) -> TaskRunner:
    return TaskRunner(synchronous=True)


@pytest.fixture
def make_controller(qtbot, runner: TaskRunner, prefs: Preferences) -> Iterator:  # type: ignore[no-untyped-def]
    made: list[AppController] = []

    def make(db: Database, *, demo: bool = False) -> AppController:
        controller = AppController(db, runner=runner, prefs=prefs, demo=demo)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        _close_controller(controller)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(0)


@pytest.fixture
def make_window(qtbot, runner: TaskRunner, prefs: Preferences) -> Iterator:  # type: ignore[no-untyped-def]
    """A main window signed in as ``supervisor_id`` (or reviewing ``supervisee_id``)."""
    made: list[tuple[MainWindow, AppContext]] = []

    def make(
        db: Database,
        *,
        supervisor_id: int | None = None,
        supervisee_id: int | None = None,
        name: str = "Dana Whitaker",
    ) -> MainWindow:
        ctx = AppContext(db, runner=runner, prefs=prefs)
        ctx.set_identity(Identity(name=name, supervisor_id=supervisor_id, supervisee_id=supervisee_id))
        window = MainWindow(ctx)
        window.show()
        made.append((window, ctx))
        return window

    yield make
    for window, ctx in made:
        for dialog in window.findChildren(QDialog):
            dialog.done(0)
        window._closing_for_switch = True
        window.close()
        ctx.close()


class Launch:
    """The start-up flow (:class:`DatabaseOpener`) with what it opened or whether it gave up."""

    def __init__(self, runner: TaskRunner, prefs: Preferences) -> None:
        self.runner = runner
        self.prefs = prefs
        self.opener = DatabaseOpener(runner=runner)
        self.opened: list = []
        self.cancelled = 0
        self.controllers: list[AppController] = []
        self.opener.opened.connect(self.opened.append)
        self.opener.cancelled.connect(self._on_cancelled)

    def _on_cancelled(self) -> None:
        self.cancelled += 1

    def open(self, target: Path | str) -> Launch:
        self.opener.open(target)
        return self

    @property
    def dialog(self):  # type: ignore[no-untyped-def]
        return self.opener.dialog

    def controller(self) -> AppController:
        """The app on what was opened last, started (first run or sign in)."""
        assert self.opened, "nothing was opened"
        controller = AppController.for_opened(self.opened[-1], runner=self.runner, prefs=self.prefs)
        self.controllers.append(controller)
        controller.start()
        return controller

    def close(self) -> None:
        for controller in self.controllers:
            _close_controller(controller)
        known = {id(c.ctx.db) for c in self.controllers}
        for opened in self.opened:
            if id(opened.db) not in known:
                opened.close()
        if self.opener.dialog is not None:
            self.opener.dialog.done(0)


def _close_controller(controller: AppController) -> None:
    if controller.window is not None:
        controller.window.close_for_switch()
    if controller.lock_dialog is not None:
        controller.lock_dialog.done(0)
    if controller.dialog is not None:
        controller.dialog.done(0)
    if controller.message_box is not None:
        controller.message_box.done(0)
    controller.close()


@pytest.fixture
def launch(qtbot, runner: TaskRunner, prefs: Preferences) -> Iterator:  # type: ignore[no-untyped-def]
    made: list[Launch] = []

    def make(target: Path | str) -> Launch:
        started = Launch(runner, prefs)
        made.append(started)
        return started.open(target)

    yield make
    for started in made:
        started.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(0)


@pytest.fixture
def other_app(db_path: Path) -> Iterator[subprocess.Popen]:
    """Another copy of the app holds ``db_path``: a live process named in its lock file."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    lock = Path(str(db_path) + ".lock")
    lock.write_text(
        json.dumps(
            {
                "user": "rosa",
                "host": socket.gethostname(),
                "pid": process.pid,
                "since": "2026-01-05T09:30:00+00:00",
            }
        ),
        encoding="utf-8",
    )
    try:
        yield process
    finally:
        process.kill()
        process.wait()
