"""The background runner: work on a pool thread, callbacks on the main thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from supervisor_app.services.errors import DomainError
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.tasks import TaskRunner
from tests.ui.helpers import choose


def test_work_runs_off_the_ui_thread_and_results_come_back_on_it(qtbot, qapp) -> None:
    runner = TaskRunner()
    main = QApplication.instance().thread()
    seen: dict[str, object] = {}

    def work(progress):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.current_thread() is threading.main_thread()
        progress(1, 2)
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_on_main"] = QThread.currentThread() is main

    def progressed(done_: int, total: int) -> None:
        seen["progress_on_main"] = QThread.currentThread() is main

    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    runner.run(work, on_done=done, on_progress=progressed)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen == {"worker": False, "result": 42, "done_on_main": True, "progress_on_main": True}
    assert busy == [True, False]

    errors: list[BaseException] = []
    runner.run(
        lambda _p: (_ for _ in ()).throw(DomainError("nope", code="test.nope", field="x")),
        on_done=lambda _r: None,
        on_error=errors.append,
    )
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], DomainError) and errors[0].field == "x"
    runner.wait()


def test_verify_in_the_background_with_a_real_pool(world, qtbot, prefs) -> None:
    from supervisor_app.ui.main_window import MainWindow

    ctx = AppContext(world.db, runner=TaskRunner(), prefs=prefs)
    ctx.set_identity(Identity(name="Dana Whitaker", supervisor_id=world.dana))
    window = MainWindow(ctx)
    window.show()
    try:
        choose(qtbot, window, window.verify_action)
        assert not window.audit.verify_button.isEnabled()  # busy while it runs
        qtbot.waitUntil(lambda: window.audit.report is not None, timeout=10000)
        assert "All good" in window.audit.result.text()
        qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10000)
    finally:
        ctx.runner.wait()
        qtbot.wait(50)
        window._closing_for_switch = True
        window.close()
        ctx.close()


def test_emitting_many_signals_keeps_true_alive(qapp) -> None:
    """PySide6 6.12 on Python 3.11 loses a reference to True per emit; the helper gives it back."""
    import sys

    from PySide6.QtCore import QObject, Signal

    from supervisor_app.ui.qt_fixes import emit

    class Source(QObject):
        changed = Signal(bool)

    source = Source()
    before = sys.getrefcount(True)
    for _ in range(20_000):
        emit(source.changed, True)
    assert sys.getrefcount(True) >= before - 10


def test_an_answer_for_a_closed_widget_is_dropped_even_through_a_lambda(qtbot, qapp) -> None:
    """A list page closed while its figures were being added up (the window closed on a
    damaged file): the lambda over its ``self`` must not reach the deleted widgets."""
    import threading

    from PySide6.QtWidgets import QCheckBox, QWidget

    class Page(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.box = QCheckBox("Only mine", self)
            self.seen: list[object] = []

        def on_loaded(self, result: object) -> None:
            self.seen.append((result, self.box.isChecked()))  # raises once the box is deleted

    runner = TaskRunner()
    go = threading.Event()
    page, alive = Page(), Page()
    runner.run(lambda _p: go.wait(5) and 1, on_done=lambda result: page.on_loaded(result))
    runner.run(lambda _p: go.wait(5) and 2, on_done=lambda result: alive.on_loaded(result))
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=5000)
    go.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert alive.seen == [(2, False)]  # the living page still gets its answer
