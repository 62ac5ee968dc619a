"""The supervisee list: one row per supervisee with progress columns and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from supervisor_app.services.roster import SuperviseeSummary
from supervisor_app.ui.common import status_text
from supervisor_app.ui.progress_delegate import PERCENT_ROLE
from supervisor_app.ui.row_list_model import RowListModel
from supervisor_app.units import fold, hours

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex

_STATUS_ORDER = {"altered": -1, "overdue": 0, "on-track": 1, "eligible": 2, "inactive": 3}
STATUS_COLOURS = {"eligible": "#1e6b1e", "overdue": "#a40000", "inactive": "#6b6b6b", "altered": "#a40000"}


class SuperviseeTableModel(RowListModel[SuperviseeSummary]):
    NAME, CREDENTIAL, SUPERVISOR, SUPERVISION, EXPERIENCE, PENDING, LAST, STATUS = range(8)
    FIGURES = (SUPERVISION, EXPERIENCE, PENDING, LAST, STATUS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on_server = False  # the agency database: the list does not verify every signature itself
        self._headers = [
            self.tr("Supervisee"),
            self.tr("Credential"),
            self.tr("Supervisor"),
            self.tr("Supervision"),
            self.tr("Experience"),
            self.tr("Pending h"),
            self.tr("Last session"),
            self.tr("Status"),
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section in (self.SUPERVISION, self.EXPERIENCE):
                return self.tr("Signed hours that count, as a share of the credential's requirement")
            if section == self.STATUS:
                return self.tr(
                    "Eligible: every requirement met. Overdue: no signed or pending session in the last "
                    "14 days. On track: neither."
                )
        return super().headerData(section, orientation, role)

    def _pair_text(self, pair: Any) -> str:
        """A record amended twice (services.amendment_pairs): both amendments, who signed each
        and where, which one counts."""
        lines = [self.tr("Record {original} has two signed amendments:").format(original=pair.original[:8])]
        for amendment in pair.amendments:
            where = self.tr("signed here") if amendment.here else self.tr("signed in another database")
            counts = self.tr("counts") if amendment.counts else self.tr("left out until one is voided")
            lines.append(
                self.tr("  {record}: {signer}, {when}, {where}; {counts}").format(
                    record=amendment.id[:8],
                    signer=amendment.signer,
                    when=amendment.signed_at[:16],
                    where=where,
                    counts=counts,
                )
            )
        return "\n".join(lines)

    def _figures_pending(self, role: int) -> Any:
        """A row whose totals are still being computed (the list shows names first)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Adding up the signed hours…")
        if role == SORT_ROLE:
            return ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#6b6b6b"))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return s
        if role == SEARCH_ROLE:
            return fold(f"{s.name} {s.credential} {s.supervisor_name} {s.icb_id}")
        if not s.figures and column in self.FIGURES:
            return self._figures_pending(role)
        if role == PERCENT_ROLE:
            if column == self.SUPERVISION:
                return s.supervision_percent
            if column == self.EXPERIENCE:
                return s.experience_percent
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return s.name
            if column == self.CREDENTIAL:
                return s.credential
            if column == self.SUPERVISOR:
                return s.supervisor_name
            if column == self.SUPERVISION:
                return self.tr("{pct}% · {h} h").format(
                    pct=int(s.supervision_percent), h=hours(s.supervision_counted_minutes)
                )
            if column == self.EXPERIENCE:
                return self.tr("{pct}% · {h} h").format(
                    pct=int(s.experience_percent), h=hours(s.experience_counted_minutes)
                )
            if column == self.PENDING:
                total = s.supervision_pending_minutes + s.experience_pending_minutes
                return hours(total) if total else ""
            if column == self.LAST:
                return s.last_session.isoformat() if s.last_session else self.tr("none yet")
            if column == self.STATUS:
                if s.status == "altered":
                    return self.tr("Records fail verification")
                if s.two_amendments:
                    return self.tr("{status} · two amendments").format(status=status_text(s.status))
                return status_text(s.status)
        if role == SORT_ROLE:
            return {
                self.SUPERVISION: s.supervision_percent,
                self.EXPERIENCE: s.experience_percent,
                self.PENDING: s.supervision_pending_minutes + s.experience_pending_minutes,
                self.LAST: s.last_session.isoformat() if s.last_session else "",
                self.STATUS: _STATUS_ORDER.get(s.status, len(_STATUS_ORDER)),
            }.get(column, self.data(index, Qt.ItemDataRole.DisplayRole).casefold())
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and s.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[s.status]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PENDING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS and s.two_amendments:
            return "\n".join([*map(self._pair_text, s.two_amendments), *s.unmet])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS and s.verified is None:
            tip = self.tr("Not verified yet: the file's signatures are being checked.")
            if self.on_server:
                tip = self.tr(
                    "Not verified in this list: on the agency database, Audit ▸ Verify records checks every "
                    "signature, and a supervisee's page checks theirs."
                )
            return "\n".join([tip, *s.unmet])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS and s.unmet:
            return "\n".join(s.unmet)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SUPERVISION:
            return self.tr("{h} of {req} h signed and counted; {p} h waiting for signature").format(
                h=hours(s.supervision_counted_minutes),
                req=hours(s.supervision_required_minutes),
                p=hours(s.supervision_pending_minutes),
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == self.EXPERIENCE:
            return self.tr("{h} of {req} h signed and counted; {p} h waiting for signature").format(
                h=hours(s.experience_counted_minutes),
                req=hours(s.experience_required_minutes),
                p=hours(s.experience_pending_minutes),
            )
        return None
