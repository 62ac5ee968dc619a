"""Due: what needs doing soon, from every rule of :mod:`supervisor_app.services.due`, by date.

Each item opens the place to act: a supervisee's page (their Training tab for credentials,
renewals and the deadline from hire), To sign for old pending records, a supervisor's
training and credentials. The main window shows the count beside the screen's name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import clock
from supervisor_app.services import due
from supervisor_app.ui.common import row_table
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.row_list_model import RowListModel

_Index = QModelIndex | QPersistentModelIndex


class DueModel(RowListModel[due.DueItem]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("When"), self.tr("What"), self.tr("What is due")]
        self.today = clock.today()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.row(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return [item.date.isoformat(), self.rule_text(item.rule), item.text][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return item.text
        if role == Qt.ItemDataRole.ForegroundRole and item.date < self.today:
            return QColor("#a40000")
        return None

    def rule_text(self, rule: str) -> str:
        return {
            "expiring": self.tr("Credential"),
            "renewal": self.tr("Renewal CEUs"),
            "supervision": self.tr("Supervision"),
            "window": self.tr("Experience window"),
            "pending": self.tr("To sign"),
            "hire": self.tr("Deadline from hire"),
            "qualification": self.tr("Who may supervise"),
        }.get(rule, rule)


class DuePage(RefreshOnChange, QWidget):
    open_supervisee = Signal(int, str)  # supervisee id, tab ("training" or "progress")
    open_to_sign = Signal()
    open_supervisor = Signal(int)  # their training and credentials
    count_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("due_page")
        self.setAccessibleName(self.tr("Due"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("<h2 style='margin:0'>Due</h2>"), self)
        top.addWidget(title)
        top.addStretch(1)
        caption = QLabel(self.tr("&Look ahead:"), self)
        self.days = QSpinBox(self)
        self.days.setObjectName("due_days")
        self.days.setRange(0, due.MAX_DAYS)
        self.days.setValue(due.DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Days to look ahead"))
        self.days.valueChanged.connect(lambda _v: self.refresh())
        caption.setBuddy(self.days)
        top.addWidget(caption)
        top.addWidget(self.days)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setObjectName("due_summary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        layout.addWidget(self.summary)
        self.model = DueModel(self)
        self.table = row_table(self, self.model, self.tr("What is due"), object_name="due_table")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.act(index.row()))
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setAccessibleName(self.tr("Open the place to act on the selected item"))
        self.open_button.clicked.connect(self._on_open)
        bottom.addWidget(self.open_button)
        note = QLabel(
            self.tr("Enter or double-click opens where to act. Figures come from the credential profiles."),
            self,
        )
        note.setStyleSheet("color:#555555;")
        note.setWordWrap(True)
        bottom.addWidget(note, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()
        self.watch_records()

    def refresh(self) -> None:
        self._stale = False
        days = self.days.value()
        self.read_latest(lambda uow: due.due_items(uow, days=days), self._on_loaded)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def _on_loaded(self, items: list[due.DueItem]) -> None:
        self.model.today = clock.today()
        self.model.set_rows(items)
        self.table.resizeRowsToContents()
        overdue = sum(1 for item in items if item.date < self.model.today)
        if items:
            self.summary.setText(
                self.tr("%n item(s) due in the next {days} days or overdue", "", len(items)).format(
                    days=self.days.value()
                )
                + (self.tr(" (%n overdue, in red).", "", overdue) if overdue else ".")
            )
        else:
            self.summary.setText(
                self.tr("Nothing is due in the next {days} days.").format(days=self.days.value())
            )
        self._enable()
        emit(self.count_changed, len(items))

    def _enable(self) -> None:
        self.open_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _on_open(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.act(rows[0].row())

    def act(self, row: int) -> None:
        """Open the place to act on item ``row``."""
        item = self.model.row(row)
        if item.target == due.TO_SIGN:
            emit(self.open_to_sign)
        elif item.target == due.SUPERVISOR and item.supervisor_id is not None:
            emit(self.open_supervisor, item.supervisor_id)
        elif item.supervisee_id is not None:
            tab = "progress" if item.rule in ("supervision", "window") else "training"
            emit(self.open_supervisee, item.supervisee_id, tab)
