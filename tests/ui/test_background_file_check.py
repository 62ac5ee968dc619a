"""The app's whole-file check of a large file, when due, runs in the background: the window is
up and usable meanwhile and says the check is running; damage it finds closes the file (nothing
more is written) and says so plainly. Real files, a real background thread."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from supervisor_app.services import records
from supervisor_app.ui.controller import AppController
from supervisor_app.ui.database_opener import DatabaseOpener
from supervisor_app.ui.database_problem_dialog import DatabaseProblemDialog
from supervisor_app.ui.tasks import TaskRunner
from supervisor_app.usecases import opening
from tests.conftest import PASSWORD, damage_an_index, last_full_check_ago, session_fields
from tests.ui.conftest import _close_controller
from tests.ui.helpers import sign_in


def _app_on(path: Path, runner: TaskRunner, prefs) -> tuple[DatabaseOpener, list[AppController]]:  # type: ignore[no-untyped-def]
    """The app's own wiring (ui/app.py) on ``path``."""
    opener = DatabaseOpener(runner=runner)
    controllers: list[AppController] = []

    def start(opened) -> None:  # type: ignore[no-untyped-def]
        controller = AppController.for_opened(opened, runner=runner, prefs=prefs)
        controllers.append(controller)
        controller.start()

    opener.opened.connect(start)
    opener.damaged.connect(lambda opened, error: controllers[-1].database_damaged(opened, error))
    opener.checked.connect(lambda opened: controllers[-1].database_checked(opened))
    opener.open(path)
    return opener, controllers


def _held_check(monkeypatch) -> threading.Event:  # type: ignore[no-untyped-def]
    """The background check waits for the returned event before reading the file, so the test
    can use the window while it runs."""
    go = threading.Event()
    real = opening.check_file

    def held(path, **kwargs):  # type: ignore[no-untyped-def]
        assert go.wait(30)
        return real(path, **kwargs)

    monkeypatch.setattr(opening, "check_file", held)
    return go


def _file_check_label(window) -> QLabel | None:  # type: ignore[no-untyped-def]
    return window.findChild(QLabel, "file_check_label")


def test_damage_found_by_the_background_check_closes_the_file_and_says_so(
    world, monkeypatch, qtbot, prefs
) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    path = world.db.path
    world.db.close()
    damaged = damage_an_index(path)
    last_full_check_ago(path, dt.timedelta(days=1, hours=1))  # the daily check is due
    monkeypatch.setattr(opening, "LARGE_DATABASE_BYTES", 0)  # checked in the background
    go = _held_check(monkeypatch)
    runner = TaskRunner()  # a real thread pool
    try:
        opener, controllers = _app_on(path, runner, prefs)
        controller = controllers[0]
        sign_in(controller, world.dana, PASSWORD)  # the app is up while the check runs
        qtbot.waitUntil(lambda: controller.window is not None, timeout=20_000)  # (sign-in checks off-thread)
        window = controller.window
        assert window.isVisible()
        label = _file_check_label(window)
        assert label is not None and label.isVisible()
        assert label.text() == "Checking the whole database file (once a day)…"
        assert window.busy.isVisible()
        shown = window.stack.currentWidget()
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # usable meanwhile: the next page opens
        assert window.stack.currentWidget() is not shown and controller.window is window

        # The supervisee list's own background read ends first: its answer arriving after the
        # window closed meets deleted widgets (a race outside this check, reported separately).
        qtbot.waitUntil(lambda: not window.list_page._loading, timeout=20_000)
        go.set()
        qtbot.waitUntil(lambda: controller.damage_opener is not None, timeout=20_000)
        problem = controller.damage_opener.dialog
        assert isinstance(problem, DatabaseProblemDialog) and problem.isVisible()
        text = problem.message.text()
        assert "found damage" in text and "writes nothing more to it" in text and "Traceback" not in text
        assert controller.window is None  # the window on the damaged file is gone: nothing can be saved
        assert not Path(str(path) + ".lock").exists()
        assert path.read_bytes() == damaged
        problem.done(0)
    finally:
        go.set()
        runner.wait()
        for made in controllers:
            _close_controller(made)


def test_a_sound_file_checked_in_the_background_says_so_and_stays_open(
    world, monkeypatch, qtbot, prefs
) -> None:
    path = world.db.path
    world.db.close()
    last_full_check_ago(path, dt.timedelta(days=3))
    monkeypatch.setattr(opening, "LARGE_DATABASE_BYTES", 0)
    go = _held_check(monkeypatch)
    runner = TaskRunner()
    try:
        _opener, controllers = _app_on(path, runner, prefs)
        controller = controllers[0]
        sign_in(controller, world.dana, PASSWORD)
        qtbot.waitUntil(lambda: controller.window is not None, timeout=20_000)
        window = controller.window
        assert _file_check_label(window) is not None
        go.set()
        qtbot.waitUntil(lambda: _file_check_label(window) is None, timeout=20_000)
        assert window.statusBar().currentMessage() == "The whole database file was checked: every page reads."
        assert controller.window is window and window.isVisible()
        from supervisor_app import check_state

        assert check_state.full_check_due(path) is None  # recorded: not again today
    finally:
        go.set()
        runner.wait()
        for made in controllers:
            _close_controller(made)
