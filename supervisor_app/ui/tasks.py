"""Running slow work off the UI thread, with results back on the main thread.

One helper for the whole app (after Anki's ``qt/aqt/operations``): :meth:`TaskRunner.run`
takes a plain function (database work, verification, PDF rendering), runs it on a
``QThreadPool`` thread and calls ``on_done(result)`` or ``on_error(exception)`` on the main
thread. The function never touches a widget; the callbacks may. Tests build the runner with
``synchronous=True`` and everything runs inline, in order.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from supervisor_app.ui.qt_fixes import emit

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class _Relay(QObject):
    """Lives on the main thread; workers emit its signals, Qt queues them to the slots."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int, int)


class _Job(QRunnable):
    def __init__(self, token: int, work: Callable[[Progress], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token = token
        self._work = work
        self._relay = relay

    def run(self) -> None:  # on a pool thread: no widgets here
        try:
            result = self._work(lambda done, total: emit(self._relay.progress, self._token, done, total))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
            if not _is_expected(exc):
                log.error("background task failed:\n%s", "".join(traceback.format_exception(exc)))
            emit(self._relay.failed, self._token, exc)
        else:
            emit(self._relay.done, self._token, result)


def _is_expected(exc: BaseException) -> bool:
    from supervisor_app.services.errors import DomainError

    return isinstance(exc, DomainError)


class TaskRunner(QObject):
    """Run ``work(progress)`` in the background; callbacks come back on the main thread."""

    busy_changed = Signal(bool)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._next = 0
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[BaseException], None], Progress | None]
        ] = {}

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(
        self,
        work: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        """Run ``work`` (given a ``progress(done, total)`` function) and call back with its result."""
        failed = on_error or _log_error
        if self.synchronous:
            try:
                result = work(on_progress or (lambda _d, _t: None))
            except Exception as exc:  # noqa: BLE001
                failed(exc)
            else:
                on_done(result)
            return
        self._next += 1
        token = self._next
        was_busy = self.busy
        self._callbacks[token] = (on_done, failed, on_progress)
        if not was_busy:
            emit(self.busy_changed, True)
        self._pool.start(_Job(token, work, self._relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (tests and shutdown); queued callbacks still need the loop."""
        return self._pool.waitForDone(msecs)

    def _finish(
        self, token: int
    ) -> tuple[Callable[[Any], None], Callable[[BaseException], None], Progress | None] | None:
        callbacks = self._callbacks.pop(token, None)
        if not self.busy:
            emit(self.busy_changed, False)
        return callbacks

    @Slot(int, object)
    def _on_done(self, token: int, result: Any) -> None:
        callbacks = self._finish(token)
        if callbacks is not None and _alive(callbacks[0]):
            callbacks[0](result)

    @Slot(int, object)
    def _on_failed(self, token: int, exc: BaseException) -> None:
        callbacks = self._finish(token)
        if callbacks is not None and _alive(callbacks[1]):
            callbacks[1](exc)

    @Slot(int, int, int)
    def _on_progress(self, token: int, done: int, total: int) -> None:
        callbacks = self._callbacks.get(token)
        if callbacks is not None and callbacks[2] is not None and _alive(callbacks[2]):
            callbacks[2](done, total)


def _alive(callback: Callable[..., Any]) -> bool:
    """False for a method of a widget, or a lambda over one, that was closed and deleted while
    the work ran (a dialog the app replaced, a window closed on a damaged file): its answer has
    nobody to go to."""
    owners = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():  # a lambda over a widget's ``self``
        try:
            owners.append(cell.cell_contents)
        except ValueError:  # an empty cell
            continue
    return all(shiboken6.isValid(owner) for owner in owners if isinstance(owner, QObject))


def _log_error(exc: BaseException) -> None:
    log.error("background task failed: %s", exc)
