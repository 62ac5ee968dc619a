"""A table model that loads rows a page at a time, as the view scrolls.

The view asks :meth:`canFetchMore` / :meth:`fetchMore` when it reaches the last loaded row;
each call runs one keyset query for the next page (newest first), so a table over a million
records opens with one page and never counts or loads the rest up front.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from supervisor_app.ui.qt_fixes import emit

Fetch = Callable[[Any, int], Sequence[Any]]
"""``fetch(after_key, limit)``: up to ``limit`` rows after the row whose key is ``after_key``."""

ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    right: bool = False
    tooltip: Callable[[Any], str] | None = None


class LazyTableModel(QAbstractTableModel):
    page_loaded = Signal(int)  # rows loaded so far

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        page_size: int = 200,
        key: Callable[[Any], Any] = lambda row: row.key,
        status: Callable[[Any], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.page_size = page_size
        self._key = key
        self._status = status
        self._fetch: Fetch | None = None
        self._rows: list[Any] = []
        self._exhausted = True
        self.fetch_calls = 0

    # Source --------------------------------------------------------------------------------
    def set_fetch(self, fetch: Fetch | None) -> None:
        """Start over with a new query (new filters); loads the first page."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._exhausted = fetch is None
        self.endResetModel()
        if fetch is not None:
            self.fetchMore(QModelIndex())

    def reload(self) -> None:
        """Re-run the query (records changed), reloading as many rows as were loaded."""
        if self._fetch is None:
            return
        wanted = max(len(self._rows), self.page_size)
        self.beginResetModel()
        rows = list(self._fetch(None, wanted + 1))
        self._exhausted = len(rows) <= wanted
        self._rows = rows[:wanted]
        self.fetch_calls += 1
        self.endResetModel()
        emit(self.page_loaded, len(self._rows))

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rows(self) -> list[Any]:
        return list(self._rows)

    # Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        after = self._key(self._rows[-1]) if self._rows else None
        page = list(self._fetch(after, self.page_size + 1))  # one extra row: is there more?
        self.fetch_calls += 1
        if len(page) <= self.page_size:
            self._exhausted = True
        page = page[: self.page_size]
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        emit(self.page_loaded, len(self._rows))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == ROW_ROLE:
            return row
        if self._status is not None and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            status = self._status(row)
            if role == Qt.ItemDataRole.ForegroundRole and status in ("voided", "amended"):
                return QBrush(QColor("#6b6b6b"))
            if role == Qt.ItemDataRole.ForegroundRole and status == "pending":
                return QBrush(QColor("#7a4b00"))
            if role == Qt.ItemDataRole.FontRole and status == "voided":
                font = QFont()
                font.setStrikeOut(True)
                return font
        return None
