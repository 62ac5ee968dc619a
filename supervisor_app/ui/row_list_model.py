"""A table model over a list of row objects that are loaded whole (small lists: supervisees,
printed attestations, backups). Subclasses set ``_headers`` and implement ``data``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

RowT = TypeVar("RowT")
_Index = QModelIndex | QPersistentModelIndex


class RowListModel(QAbstractTableModel, Generic[RowT]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._headers: list[str] = []

    def set_rows(self, rows: list[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_rows(self, rows: list[RowT], key: Callable[[RowT], Any]) -> None:
        """Put each of ``rows`` in place of the row with the same ``key`` (rows without one are
        ignored): no reset, so the view keeps its selection, scroll position and sort."""
        position = {key(row): i for i, row in enumerate(self._rows)}
        last = self.columnCount() - 1
        for row in rows:
            i = position.get(key(row))
            if i is not None:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row(self, index: int) -> RowT:
        return self._rows[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
