"""Add a supervisee: name, credential they are working toward, ICB ID, start date, supervisor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import people
from supervisor_app.ui.common import FieldErrors, action_buttons, error_label, from_qdate
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.qt_fixes import emit


class SuperviseeDialog(QDialog):
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("supervisee_dialog")
        self.setWindowTitle(self.tr("New supervisee"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        labels: dict[str, QLabel] = {}

        def row(caption: str, field: str, widget: QWidget) -> None:
            label = QLabel(caption, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            labels[field] = error_label(self)
            labels[field].setObjectName(f"error_{field}")
            form.addRow("", labels[field])

        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Full name, as on the ICB application"))
        row(self.tr("&Name:"), "name", self.name)
        self.credential = QComboBox(self)
        self.credential.setAccessibleName(self.tr("Credential working toward"))
        for profile in ctx.db.profiles:
            self.credential.addItem(f"{profile.code}: {profile.name}", profile.code)
        self.credential.setCurrentIndex(max(0, self.credential.findData("CRSS")))
        row(self.tr("&Credential:"), "credential", self.credential)
        self.icb_id = QLineEdit(self)
        self.icb_id.setAccessibleName(self.tr("ICB applicant ID"))
        self.icb_id.setPlaceholderText(self.tr("optional; printed on the attestation"))
        row(self.tr("ICB applicant &ID:"), "icb_id", self.icb_id)
        self.position = QLineEdit(self)
        self.position.setAccessibleName(self.tr("Position title"))
        self.position.setPlaceholderText(self.tr("e.g. Peer Support Specialist"))
        row(self.tr("&Position:"), "position", self.position)
        self.has_start = QCheckBox(self.tr("Known"), self)
        self.has_start.setChecked(True)
        self.has_start.setAccessibleName(self.tr("Start date known"))
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setMaximumDate(QDate.currentDate())
        self.start.setDate(QDate.currentDate())
        self.start.setAccessibleName(self.tr("Start date"))
        self.has_start.toggled.connect(self.start.setEnabled)
        row(self.tr("&Start date:"), "start_date", self.start)
        form.addRow("", self.has_start)
        self.supervisor = QComboBox(self)
        self.supervisor.setAccessibleName(self.tr("Supervisor of record"))
        supervisors = ctx.read_now(
            lambda uow: [(s.id, s.name) for s in people.list_supervisors(uow, active_only=True)]
        )
        for supervisor_id, name in supervisors:
            self.supervisor.addItem(name, supervisor_id)
        if ctx.supervisor_id is not None:
            self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(ctx.supervisor_id)))
        row(self.tr("Supervisor of &record:"), "supervisor", self.supervisor)

        buttons, self.save_button = action_buttons(self, self.tr("&Add supervisee"), self.save)
        layout.addWidget(buttons)
        self.errors = FieldErrors(labels, fallback=self.general_error)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        self.errors.clear()
        fields: dict[str, Any] = {
            "name": self.name.text(),
            "credential": self.credential.currentData(),
            "icb_id": self.icb_id.text(),
            "position": self.position.text(),
            "start_date": from_qdate(self.start.date()) if self.has_start.isChecked() else None,
            "supervisor_id": self.supervisor.currentData(),
        }
        self.save_button.setEnabled(False)
        self.ctx.write(
            lambda uow: people.add_supervisee(uow, **fields).id,
            on_done=self._on_saved,
            on_error=self._on_error,
        )

    def _on_saved(self, supervisee_id: int) -> None:
        emit(self.saved, supervisee_id)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
