"""The printed attestations: serial, who and what, how many times, the fingerprint."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from supervisor_app.reports.data import fingerprint_groups
from supervisor_app.services.attestation import AttestationEntry
from supervisor_app.ui.row_list_model import RowListModel
from supervisor_app.units import hours

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class AttestationTableModel(RowListModel[AttestationEntry]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Serial"),
            self.tr("First printed"),
            self.tr("Supervisee"),
            self.tr("Supervisor"),
            self.tr("Range"),
            self.tr("Records"),
            self.tr("Supervision h"),
            self.tr("Experience h"),
            self.tr("Prints"),
            self.tr("Fingerprint"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        if role == ROW_ROLE:
            return a
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 9:
            return fingerprint_groups(a.fingerprint)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (5, 6, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            a.serial,
            a.printed_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            a.supervisee_name,
            a.supervisor_name,
            f"{a.date_from.isoformat() if a.date_from else '…'} – {a.date_to.isoformat() if a.date_to else '…'}",
            str(a.record_count),
            hours(a.supervision_minutes),
            hours(a.experience_minutes),
            str(a.times_printed),
            " ".join(fingerprint_groups(a.fingerprint).split()[:4]) + " …",
        ][index.column()]
