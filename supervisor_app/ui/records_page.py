"""All records: every session and experience entry in the agency, filterable, newest first.

Loaded a page at a time, so it opens at once on a database with a million sessions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import overview
from supervisor_app.ui.common import status_text
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.record_actions import RecordActions
from supervisor_app.ui.record_table import (
    RecordTable,
    experience_columns,
    experience_query,
    session_columns,
    session_query,
)
from supervisor_app.ui.refreshing import RefreshOnChange


class RecordsPage(RefreshOnChange, QWidget):
    def __init__(self, ctx: AppContext, actions: RecordActions | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("records_page")
        self.setAccessibleName(self.tr("Records"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Records</h2>"), self))
        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Find records by supervisee, topic, site, setting or record id (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Find records"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.whose = QComboBox(self)
        self.whose.setAccessibleName(self.tr("Whose records"))
        self.whose.addItem(self.tr("Everyone's records"), None)
        if ctx.supervisor_id is not None:
            self.whose.addItem(self.tr("Records I supervise"), ctx.supervisor_id)
        bar.addWidget(self.whose)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), None)
        for value in ("pending", "signed", "amended", "voided"):
            self.status.addItem(status_text(value), value)
        bar.addWidget(self.status)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Kinds of record"))
        layout.addWidget(self.tabs, 1)
        self.sessions = RecordTable(
            ctx, actions, kind="session", columns=session_columns(), name=self.tr("Sessions"), parent=self
        )
        self.experience = RecordTable(
            ctx,
            actions,
            kind="experience",
            columns=experience_columns(),
            name=self.tr("Experience entries"),
            parent=self,
        )
        self.tabs.addTab(self.sessions, self.tr("Supervision &sessions"))
        self.tabs.addTab(self.experience, self.tr("E&xperience entries"))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.whose.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self._applied = False
        self.watch_records()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._applied:
            self.apply_filters()
        else:
            self.refresh_if_stale()

    def apply_filters(self) -> None:
        self._applied = True
        self._stale = False
        supervisor_id = self.whose.currentData()
        status = self.status.currentData()
        search = self.search.text()
        filtered = bool(search.strip()) or supervisor_id is not None or status is not None
        for table, noun in (
            (self.sessions, self.tr("sessions")),
            (self.experience, self.tr("experience entries")),
        ):
            table.set_empty_text(
                self.tr("No {noun} match “{text}” with these filters.").format(noun=noun, text=search.strip())
                if search.strip()
                else self.tr("No {noun} match these filters.").format(noun=noun)
                if filtered
                else ""
            )
        self.sessions.set_query(
            *session_query(overview.SessionFilter(supervisor_id=supervisor_id, status=status, search=search))
        )
        self.experience.set_query(
            *experience_query(
                overview.ExperienceFilter(supervisor_id=supervisor_id, status=status, search=search)
            )
        )

    def refresh(self) -> None:
        self._stale = False
        if not self._applied:
            return
        self.sessions.refresh()
        self.experience.refresh()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.sessions)
        self.search.setFocus()
        self.search.selectAll()
