"""Notices when nobody has touched the keyboard or mouse for a while (the idle lock)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from supervisor_app.ui.qt_fixes import emit

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self.last_input = time.monotonic()
        self.enabled = False
        self._timer = QTimer(self)
        self._timer.setInterval(5_000)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self.last_input = time.monotonic()
        self.enabled = True
        self._timer.start()

    def stop(self) -> None:
        self.enabled = False
        self._timer.stop()

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        if self.enabled and time.monotonic() - self.last_input >= self.minutes * 60:
            self.stop()
            emit(self.idle)
