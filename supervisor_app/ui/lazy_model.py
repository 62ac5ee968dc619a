"""A table model that loads rows a page at a time, as the view scrolls.

The view asks :meth:`canFetchMore` / :meth:`fetchMore` when it reaches the last loaded row;
each call runs one keyset query for the next page (newest first), so a table over a million
records opens with one page and never counts or loads the rest up front. Memory stays bounded
however far the user scrolls: only the pages used last keep their row objects, the others are
fetched again by their keyset boundary when they come back into view.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
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
    """Rows loaded a page at a time, of which only the last ``window`` pages used are kept.

    ``rowCount`` is every row loaded so far, but the row objects of a page the view has not
    asked for lately are dropped: the model remembers only each page's boundary (the key of its
    last row), and fetches a dropped page again, after the previous page's boundary, when the
    view or :meth:`row` asks for one of its rows. Scrolling through half a million sessions so
    holds ``window`` pages of rows, not half a million.
    """

    page_loaded = Signal(int)  # rows loaded so far

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        page_size: int = 200,
        window: int = 20,
        key: Callable[[Any], Any] = lambda row: row.key,
        status: Callable[[Any], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.page_size = page_size
        self.window = max(1, window)
        self._key = key
        self._status = status
        self._fetch: Fetch | None = None
        self._count = 0  # rows loaded so far: every page full but the last
        self._bounds: list[Any] = []  # the key of the last row of each page loaded
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()  # page number -> rows, LRU last
        self._exhausted = True
        self._reload_queued = False
        self.fetch_calls = 0
        self.refetch_calls = 0  # fetches of a page dropped from the window

    # Source --------------------------------------------------------------------------------
    def set_fetch(self, fetch: Fetch | None) -> None:
        """Start over with a new query (new filters); loads the first page."""
        self.beginResetModel()
        self._fetch = fetch
        self._clear()
        self._exhausted = fetch is None
        self.endResetModel()
        if fetch is not None:
            self.fetchMore(QModelIndex())

    @property
    def has_query(self) -> bool:
        """A query was set (an empty table then means nothing matched, not "not loaded yet")."""
        return self._fetch is not None

    def reload(self) -> None:
        """Re-run the query (records changed), reloading at least as many rows as were loaded
        (whole pages), page by page; the pages in the window stay in it."""
        self._reload_queued = False
        if self._fetch is None:
            return
        wanted_pages = max(1, -(-self._count // self.page_size))
        kept = set(self._pages)
        self.beginResetModel()
        self._clear()
        self._exhausted = False
        while len(self._bounds) < wanted_pages and not self._exhausted:
            number = len(self._bounds)
            page = self._next_page()
            if page and (number in kept or number == 0):
                self._remember(number, page)
        self.endResetModel()
        emit(self.page_loaded, self._count)

    def row(self, index: int) -> Any:
        """The row object at ``index`` (fetched again if its page left the window); ``None``
        only if the records changed under the model and it has not been reloaded yet."""
        if not 0 <= index < self._count:
            raise IndexError(index)
        number, offset = divmod(index, self.page_size)
        page = self._page(number)
        return page[offset] if offset < len(page) else None

    def rows(self) -> list[Any]:
        """Every loaded row: fetches the pages outside the window again (costly on long lists)."""
        return [self.row(index) for index in range(self._count)]

    def held_rows(self) -> int:
        """How many row objects the model keeps in memory now (at most ``window`` pages)."""
        return sum(len(page) for page in self._pages.values())

    def _clear(self) -> None:
        self._count = 0
        self._bounds = []
        self._pages = OrderedDict()

    def _next_page(self) -> list[Any]:
        """Fetch the page after the last one loaded and append it (boundary and count)."""
        assert self._fetch is not None
        after = self._bounds[-1] if self._bounds else None
        page = list(self._fetch(after, self.page_size + 1))  # one extra row: is there more?
        self.fetch_calls += 1
        if len(page) <= self.page_size:
            self._exhausted = True
        page = page[: self.page_size]
        if page:
            self._bounds.append(self._key(page[-1]))
            self._count += len(page)
        return page

    def _remember(self, number: int, page: list[Any]) -> None:
        self._pages[number] = page
        self._pages.move_to_end(number)
        while len(self._pages) > self.window:
            self._pages.popitem(last=False)

    def _page(self, number: int) -> list[Any]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        assert self._fetch is not None
        expected = min(self.page_size, self._count - number * self.page_size)
        after = self._bounds[number - 1] if number > 0 else None
        page = list(self._fetch(after, expected))
        self.fetch_calls += 1
        self.refetch_calls += 1
        if len(page) != expected or self._key(page[-1]) != self._bounds[number]:
            self._queue_reload()  # records changed and nobody said so: show them as they are now
        self._remember(number, page)
        return page

    def _queue_reload(self) -> None:
        if not self._reload_queued:
            self._reload_queued = True
            QTimer.singleShot(0, self, self._reload_if_queued)

    def _reload_if_queued(self) -> None:
        if self._reload_queued:
            self.reload()

    # Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        first, number = self._count, len(self._bounds)
        page = self._next_page()
        if page:
            self._remember(number, page)
            self._count = first  # announced first: the view still sees the old count meanwhile
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._count = first + len(page)
            self.endInsertRows()
        emit(self.page_loaded, self._count)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.row(index.row())
        if row is None:
            return None
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
