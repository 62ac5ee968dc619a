"""A supervisee's jobs, each with its answer to the CRSS/CPRS question whether at least 51% of
its duties are recovery support and its job description (text or file). Shown as the Jobs tab
of a supervisee; the verification form prints the answers for the jobs in its period."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import jobs
from supervisor_app.ui.common import push_button, row_table
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.row_list_model import RowListModel

_Index = QModelIndex | QPersistentModelIndex


class JobModel(RowListModel[jobs.JobRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Job title"), self.tr("Employer or agency"), self.tr("From"), self.tr("To"),
            self.tr("51% recovery support"), self.tr("Answered by"), self.tr("Job description"),
        ]  # fmt: skip

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self.row(index.row())
        answer = {True: self.tr("Yes"), False: self.tr("No"), None: self.tr("Not answered")}[row.answer]
        answered = (
            self.tr("{name}, {date}").format(
                name=row.answered_by, date=row.answered_at.astimezone().date().isoformat()
            )
            if row.answered_at
            else "—"
        )
        if row.file_name:
            description = self.tr("File: {name}").format(name=row.file_name)
        else:
            description = self.tr("Text") if row.description else self.tr("None recorded")
        return [
            row.title, row.employer or "—", row.date_from.isoformat(),
            row.date_to.isoformat() if row.date_to else self.tr("present"), answer, answered, description,
        ][index.column()]  # fmt: skip


class JobsPanel(RefreshOnChange, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.supervisee_id: int | None = None
        self.dialog: QWidget | None = None
        self.setObjectName("jobs_panel")
        self.setAccessibleName(self.tr("Jobs and the 51% recovery-support answer"))
        layout = QVBoxLayout(self)
        self.note = QLabel(
            self.tr(
                "For a CRSS or CPRS, the board asks whether at least 51% of the applicant's job duties are "
                "recovery support, with the job description. The form prints the answer for each job held "
                "in its period; a job not answered is left blank for you to complete by hand."
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.model = JobModel(self)
        self.table = row_table(self, self.model, self.tr("Jobs"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = push_button(self, self.tr("New &job…"), self.tr("Record a job"), self.new_job)
        self.edit_button = push_button(
            self,
            self.tr("Change jo&b…"),
            self.tr("Change the selected job or its answer"),
            self.edit_selected,
        )
        self.view_button = push_button(
            self,
            self.tr("View job &description"),
            self.tr("Show the selected job's description file"),
            self.view_description,
        )
        for button in (self.new_button, self.edit_button, self.view_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()
        self.watch_records()

    def show_supervisee(self, supervisee_id: int) -> None:
        self.supervisee_id = supervisee_id
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.supervisee_id is None:
            return
        supervisee_id = self.supervisee_id
        self.read_latest(lambda uow: jobs.list_jobs(uow, supervisee_id=supervisee_id), self._on_loaded)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def _on_loaded(self, rows: list[jobs.JobRow]) -> None:
        self.model.set_rows(rows)
        self._enable()

    def selected(self) -> jobs.JobRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _enable(self) -> None:
        job = self.selected()
        writable = not self.ctx.read_only and self.supervisee_id is not None
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and job is not None)
        self.view_button.setEnabled(job is not None and bool(job.file_name))
        for button in (self.new_button, self.edit_button):
            button.setVisible(not self.ctx.read_only)

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def new_job(self) -> QWidget | None:
        if self.supervisee_id is None or not self.new_button.isEnabled():
            return None
        from supervisor_app.ui.job_editor import JobEditor

        return self._open(JobEditor(self.ctx, supervisee_id=self.supervisee_id, parent=self))

    def edit_selected(self) -> QWidget | None:
        job = self.selected()
        if job is None or self.supervisee_id is None or not self.edit_button.isEnabled():
            return None
        from supervisor_app.ui.job_editor import JobEditor

        return self._open(JobEditor(self.ctx, supervisee_id=self.supervisee_id, job=job, parent=self))

    def view_description(self) -> QWidget | None:
        job = self.selected()
        if job is None or not job.file_name:
            return None
        from supervisor_app.ui.certificate_viewer import stored_file_viewer

        viewer = stored_file_viewer(
            self.ctx, lambda uow: jobs.description_file(uow, job.id), self, job_description=True
        )
        return self._open(viewer) if viewer is not None else None
