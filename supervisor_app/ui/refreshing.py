"""Refresh-on-change for pages: refresh now when visible, or when next shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from supervisor_app.ui.context import AppContext


class RefreshOnChange:
    """Mixed into a page: calls ``refresh()`` after every "records changed", lazily if hidden."""

    ctx: AppContext
    _stale: bool = True

    def watch_records(self) -> None:
        self.ctx.records_changed.connect(self._on_records_changed)

    def _on_records_changed(self) -> None:
        widget: Any = self
        if isinstance(widget, QWidget) and widget.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError
