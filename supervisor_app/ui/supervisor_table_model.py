"""The supervisors of Settings > Supervisors: who, credentials, license, expiry, status."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from supervisor_app import clock
from supervisor_app.services.roster import SupervisorRow
from supervisor_app.ui.row_list_model import RowListModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SOON_DAYS = 60  # an expiry this close is shown as coming
_Index = QModelIndex | QPersistentModelIndex


class SupervisorTableModel(RowListModel[SupervisorRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = clock.today()
        self._headers = [
            self.tr("Name"),
            self.tr("Credentials"),
            self.tr("License"),
            self.tr("Expiry"),
            self.tr("Status"),
        ]

    def set_rows(self, rows: list[SupervisorRow], *, today: dt.date | None = None) -> None:
        self.today = today or clock.today()
        super().set_rows(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 3 and self._expired(row):
                return QColor("#a40000")
            if not row.active:
                return QColor("#666666")
        return None

    def _expired(self, row: SupervisorRow) -> bool:
        return any(
            day is not None and day < self.today for day in (row.certification_expires, row.license_expires)
        )

    def _text(self, row: SupervisorRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.credentials
        if column == 2:
            return " ".join(v for v in (row.license_type, row.license_number) if v)
        if column == 3:
            return "; ".join(self._expiry_notes(row))
        if not row.active:
            if row.successor_name:
                return self.tr("Left {day}; successor {name}").format(
                    day=row.left_on.isoformat() if row.left_on else "", name=row.successor_name
                )
            return self.tr("Inactive")
        return self.tr("Active") if row.has_password else self.tr("Active, no password yet")

    def _expiry_notes(self, row: SupervisorRow) -> list[str]:
        notes = []
        for label, day in (
            (self.tr("certification"), row.certification_expires),
            (self.tr("license"), row.license_expires),
        ):
            if day is None:
                continue
            if day < self.today:
                notes.append(self.tr("{what} expired {day}").format(what=label, day=day.isoformat()))
            elif (day - self.today).days <= SOON_DAYS:
                notes.append(self.tr("{what} expires {day}").format(what=label, day=day.isoformat()))
            else:
                notes.append(self.tr("{what} to {day}").format(what=label, day=day.isoformat()))
        return notes
