"""Refresh-on-change for pages: refresh now when visible, or when next shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from supervisor_app.ui.common import show_error
from supervisor_app.ui.context import AppContext


class RefreshOnChange:
    """Mixed into a page: calls ``refresh()`` after every "records changed", lazily if hidden."""

    ctx: AppContext
    _stale: bool = True
    _token: int = 0

    def watch_records(self) -> None:
        self.ctx.records_changed.connect(self._on_records_changed)

    def _on_records_changed(self) -> None:
        widget: Any = self
        if isinstance(widget, QWidget) and widget.isVisible():
            self.refresh()
        else:
            self._stale = True

    def read_latest(self, work: Callable[[Any], Any], on_loaded: Callable[[Any], None]) -> None:
        """Read by ``work(uow)`` off the UI thread and hand the result to ``on_loaded``, unless a
        newer read has started meanwhile (its result is the one to show); a failure shows in a
        message box."""
        self._token += 1
        token = self._token

        def done(result: Any) -> None:
            if token == self._token:
                on_loaded(result)

        self.ctx.read(work, on_done=done, on_error=lambda exc: show_error(self, exc))  # type: ignore[arg-type]

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError
