"""Record or change one of a supervisee's jobs and its answer to the CRSS/CPRS question whether
at least 51% of its duties are recovery support, with the job description as text or as a
file (PDF or image, kept inside the database). Errors show beside their field; nothing is
saved until every field is right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from supervisor_app.services import jobs
from supervisor_app.ui.attachment_row import AttachmentTexts, add_attachment
from supervisor_app.ui.common import (
    field_row,
    from_qdate,
    past_date_edit,
    to_qdate,
)
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.form_dialog import FormDialog


class JobEditor(FormDialog):
    saved = Signal(int)  # the job's id

    def __init__(
        self,
        ctx: AppContext,
        *,
        supervisee_id: int,
        job: jobs.JobRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent, name="job_editor")
        self.supervisee_id, self.job = supervisee_id, job
        layout, form, labels = self._open_form(self.tr("Change job") if job else self.tr("New job"))
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Job title"))
        self.title.setPlaceholderText(self.tr("As on the job description"))
        field_row(form, labels, self.tr("Job t&itle:"), "title", self.title)
        self.employer = QLineEdit(self)
        self.employer.setAccessibleName(self.tr("Employer or agency"))
        field_row(form, labels, self.tr("&Employer or agency:"), "employer", self.employer)
        self.date_from = past_date_edit(self, self.tr("First day in the job"))
        field_row(form, labels, self.tr("&From:"), "date_from", self.date_from)
        to_row = QHBoxLayout()
        self.date_to = past_date_edit(self, self.tr("Last day in the job"))
        self.current = QCheckBox(self.tr("Still in this jo&b"), self)
        self.current.setAccessibleName(self.tr("Still in this job (no last day)"))
        self.current.toggled.connect(lambda on: self.date_to.setEnabled(not on))
        self.current.setChecked(True)
        to_row.addWidget(self.date_to)
        to_row.addWidget(self.current)
        to_row.addStretch(1)
        to_box = QWidget(self)
        to_box.setLayout(to_row)
        to_row.setContentsMargins(0, 0, 0, 0)
        to_box.setFocusProxy(self.date_to)
        field_row(form, labels, self.tr("&To:"), "date_to", to_box)
        self.answer = QComboBox(self)
        self.answer.setAccessibleName(self.tr("Are at least 51% of the job's duties recovery support?"))
        self.answer.addItem(self.tr("Not answered yet (blank on the form)"), jobs.UNANSWERED)
        self.answer.addItem(self.tr("Yes"), jobs.YES)
        self.answer.addItem(self.tr("No"), jobs.NO)
        field_row(form, labels, self.tr("51% &recovery support duties:"), "answer", self.answer)
        self.answered = QLabel(self)
        self.answered.setObjectName("answered_by")
        self.answered.setVisible(False)
        form.addRow("", self.answered)
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName(self.tr("Job description (text)"))
        self.description.setPlaceholderText(
            self.tr("Paste the job description, or attach it as a file below")
        )
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(110)
        field_row(form, labels, self.tr("Job &description:"), "description", self.description)

        self.attachment = add_attachment(
            self,
            layout,
            labels,
            "description_file",
            AttachmentTexts(
                none=self.tr("No file attached"),
                name=self.tr("Job description file"),
                attach=self.tr("&Attach file…"),
                attach_name=self.tr("Attach the job description (PDF or image, at most 5 MB)"),
                remove=self.tr("Re&move file"),
                remove_name=self.tr("Remove the job description file"),
                dialog_title=self.tr("Attach the job description"),
                dialog_filter=self.tr("Job descriptions (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
            ),
            read=jobs.read_description_file,
            stored=job.file_name if job is not None else None,
        )
        self.file_name = self.attachment.name
        self.attach_button, self.remove_button = self.attachment.attach_button, self.attachment.remove_button
        self._close_form(layout, self.tr("&Save"), self._on_save)
        if job is not None:
            self.title.setText(job.title)
            self.employer.setText(job.employer)
            self.date_from.setDate(to_qdate(job.date_from))
            self.current.setChecked(job.date_to is None)
            if job.date_to is not None:
                self.date_to.setDate(to_qdate(job.date_to))
            self.answer.setCurrentIndex(max(0, self.answer.findData(jobs.answer_word(job.answer))))
            if job.answered_at is not None:
                self.answered.setText(
                    self.tr("Answered by {name} on {date}").format(
                        name=job.answered_by, date=job.answered_at.astimezone().date().isoformat()
                    )
                )
                self.answered.setVisible(True)
            self.description.setPlainText(job.description)
        self.title.setFocus()
        self.resize(560, self.sizeHint().height())

    def _values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "employer": self.employer.text(),
            "date_from": from_qdate(self.date_from.date()),
            "date_to": None if self.current.isChecked() else from_qdate(self.date_to.date()),
            "answer": self.answer.currentData(),
            "description": self.description.toPlainText(),
        }

    def _on_save(self) -> None:
        self.errors.clear()
        values = self._values()
        job, file, remove, supervisee_id = (
            self.job,
            self.attachment.file,
            self.attachment.remove,
            self.supervisee_id,
        )
        name = self.ctx.identity.name if self.ctx.identity else ""

        def work(uow: Any) -> int:
            if job is None:
                return jobs.add_job(
                    uow, supervisee_id=supervisee_id, description_file=file, answered_by=name, **values
                )
            jobs.edit_job(
                uow,
                job_id=job.id,
                description_file=file,
                remove_description_file=remove and file is None,
                answered_by=name,
                **values,
            )
            return job.id

        self._write(work, self.saved)
