"""The automatic backups of the open database: when, why, how big; newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from supervisor_app.storage import BackupInfo
from supervisor_app.ui.row_list_model import RowListModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def reason_text(reason: str) -> str:
    return {
        "daily": QCoreApplication.translate("BackupTableModel", "Daily"),
        "before-upgrade": QCoreApplication.translate("BackupTableModel", "Before upgrade"),
        "before-restore": QCoreApplication.translate("BackupTableModel", "Before restore"),
        "manual": QCoreApplication.translate("BackupTableModel", "By hand"),
    }.get(reason, reason or QCoreApplication.translate("BackupTableModel", "Backup"))


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("BackupTableModel", "{n} KB").format(n=max(1, round(size / 1024)))
    return QCoreApplication.translate("BackupTableModel", "{n} MB").format(n=f"{size / (1024 * 1024):.1f}")


class BackupTableModel(RowListModel[BackupInfo]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Taken"), self.tr("Why"), self.tr("Size")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == ROW_ROLE:
            return info
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == 0:
                return info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if column == 1:
                return reason_text(info.reason)
            return size_text(info.size)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
