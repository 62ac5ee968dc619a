"""UI test fixtures: real widgets over a real SQLite file, background work run inline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from supervisor_app.db import Database
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.controller import AppController
from supervisor_app.ui.main_window import MainWindow
from supervisor_app.ui.settings import Preferences
from supervisor_app.ui.tasks import TaskRunner


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
        if controller.window is not None:
            controller.window.close_for_switch()
        if controller.lock_dialog is not None:
            controller.lock_dialog.done(0)
        if controller.dialog is not None:
            controller.dialog.done(0)
        controller.close()
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
