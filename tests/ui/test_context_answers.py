"""AppContext.read and .write hand their answer (or error) to a widget only while it lives: a
dialog closed while its save ran gets nothing (calling it would reach deleted widgets), and the
save still counts (records_changed). One rule for both, the runner's (ui/tasks.py)."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QCheckBox, QWidget

from supervisor_app.services import people
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.tasks import TaskRunner


class Dialog(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.box = QCheckBox("Only mine", self)
        self.seen: list[object] = []

    def on_done(self, result: object) -> None:
        self.seen.append((result, self.box.isChecked()))  # raises once the box is deleted

    def on_error(self, exc: BaseException) -> None:
        self.seen.append((str(exc), self.box.isChecked()))


def closed_while_working(qtbot, ctx: AppContext, start) -> tuple[Dialog, Dialog]:  # type: ignore[no-untyped-def]
    """Two dialogs each start the same work; the first is closed (deleted) while it runs."""
    go = threading.Event()
    closed, open_ = Dialog(), Dialog()
    for dialog in (closed, open_):
        start(dialog, go)
    closed.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(closed), timeout=5000)
    go.set()
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10000)
    return closed, open_


def context(world, prefs) -> AppContext:  # type: ignore[no-untyped-def]
    ctx = AppContext(world.db, runner=TaskRunner(), prefs=prefs)
    ctx.set_identity(Identity(name="Dana Whitaker", supervisor_id=world.dana))
    return ctx


def test_a_write_answers_only_a_living_dialog_and_still_counts(qtbot, world, prefs) -> None:
    ctx = context(world, prefs)
    changed: list[bool] = []
    ctx.records_changed.connect(lambda: changed.append(True))

    def start(dialog: Dialog, go: threading.Event) -> None:
        def work(uow):  # type: ignore[no-untyped-def]
            go.wait(5)
            return people.add_supervisee(
                uow, name="Noor Example", credential="CRSS", supervisor_id=world.dana
            ).id

        ctx.write(work, on_done=dialog.on_done, on_error=dialog.on_error)

    try:
        _closed, open_ = closed_while_working(qtbot, ctx, start)
        assert len(open_.seen) == 1 and open_.seen[0][1] is False  # the living one got its answer
        assert changed == [True, True]  # both saves were committed and counted
        with ctx.db.uow(reading=True) as uow:
            assert (
                len([row for row in uow.rows("SELECT name FROM supervisee") if row[0] == "Noor Example"]) == 2
            )
    finally:
        ctx.runner.wait()
        ctx.close()


def test_a_failed_write_or_read_answers_only_a_living_dialog(qtbot, world, prefs) -> None:
    ctx = context(world, prefs)

    def refused(go: threading.Event):  # type: ignore[no-untyped-def]
        def work(_uow):  # type: ignore[no-untyped-def]
            go.wait(5)
            raise ValueError("refused here")

        return work

    try:
        _closed, open_ = closed_while_working(
            qtbot, ctx, lambda d, go: ctx.write(refused(go), on_done=d.on_done, on_error=d.on_error)
        )
        assert open_.seen == [("refused here", False)]
        _closed, open_ = closed_while_working(
            qtbot, ctx, lambda d, go: ctx.read(refused(go), on_done=d.on_done, on_error=d.on_error)
        )
        assert open_.seen == [("refused here", False)]
    finally:
        ctx.runner.wait()
        ctx.close()
