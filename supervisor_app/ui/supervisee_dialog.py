"""Add a supervisee (name, credential they are working toward, ICB ID, start date, supervisor),
or change an existing one's details."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from supervisor_app.i18n import LANGUAGES
from supervisor_app.services import people
from supervisor_app.services.supervisee_edits import credential_locked_reason, update_supervisee
from supervisor_app.ui.common import (
    field_row,
    fit_to_contents,
    from_qdate,
    past_date_edit,
    to_qdate,
)
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.form_dialog import FormDialog


class SuperviseeDialog(FormDialog):
    """A new supervisee, or (``supervisee_id`` given) an edit of one's own details; their
    supervisor of record is not changed here."""

    saved = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, supervisee_id: int | None = None
    ) -> None:
        super().__init__(ctx, parent, name="supervisee_dialog")
        self.supervisee_id = supervisee_id
        layout, form, labels = self._open_form(
            self.tr("New supervisee") if supervisee_id is None else self.tr("Edit supervisee")
        )

        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Full name, as on the ICB application"))
        field_row(form, labels, self.tr("&Name:"), "name", self.name)
        self.credential = QComboBox(self)
        self.credential.setAccessibleName(self.tr("Credential working toward"))
        for profile in ctx.db.profiles:
            self.credential.addItem(f"{profile.code}: {profile.name}", profile.code)
        self.credential.setCurrentIndex(max(0, self.credential.findData("CRSS")))
        field_row(form, labels, self.tr("&Credential:"), "credential", self.credential)
        self.credential_note = QLabel(self)
        self.credential_note.setObjectName("credential_note")
        self.credential_note.setWordWrap(True)
        self.credential_note.setStyleSheet("color: palette(dark);")
        self.credential_note.setAccessibleName(self.tr("Why the credential cannot change"))
        self.credential_note.setVisible(False)
        form.addRow("", self.credential_note)
        self.icb_id = QLineEdit(self)
        self.icb_id.setAccessibleName(self.tr("ICB applicant ID"))
        self.icb_id.setPlaceholderText(self.tr("optional; printed on the attestation"))
        field_row(form, labels, self.tr("ICB applicant &ID:"), "icb_id", self.icb_id)
        self.position = QLineEdit(self)
        self.position.setAccessibleName(self.tr("Position title"))
        self.position.setPlaceholderText(self.tr("e.g. Peer Support Specialist"))
        field_row(form, labels, self.tr("&Position:"), "position", self.position)
        self.has_start = QCheckBox(self.tr("Known"), self)
        self.has_start.setChecked(True)
        self.has_start.setAccessibleName(self.tr("Start date known"))
        self.start = past_date_edit(self, self.tr("Start date"))
        self.has_start.toggled.connect(self.start.setEnabled)
        field_row(form, labels, self.tr("&Start date:"), "start_date", self.start)
        form.addRow("", self.has_start)
        # The day the agency hired them (an employer's credential deadline counts from it); an
        # edit only: a new supervisee's is set here afterwards.
        self.has_hire = QCheckBox(self.tr("Known"), self)
        self.has_hire.setAccessibleName(self.tr("Hire date known"))
        self.hire = past_date_edit(self, self.tr("Hire date"))
        self.hire.setToolTip(
            self.tr("The day the agency hired them: the Due view counts an employer's deadline from it.")
        )
        self.hire.setEnabled(False)
        self.has_hire.toggled.connect(self.hire.setEnabled)
        field_row(form, labels, self.tr("&Hire date:"), "hire_date", self.hire)
        form.addRow("", self.has_hire)
        # The language of their progress statement and of the review mode; None: the app's.
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of statements and review"))
        self.language.setToolTip(
            self.tr("Their progress statement is printed, and the review with them shown, in this language.")
        )
        self.language.addItem(self.tr("As the app"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        field_row(form, labels, self.tr("&Language of statements and review:"), "language", self.language)
        self.supervisor = QComboBox(self)
        self.supervisor.setAccessibleName(self.tr("Supervisor of record"))
        supervisors = ctx.read_now(
            lambda uow: [(s.id, s.name) for s in people.list_supervisors(uow, active_only=True)]
        )
        for supervisor_id, name in supervisors:
            self.supervisor.addItem(name, supervisor_id)
        if ctx.supervisor_id is not None:
            self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(ctx.supervisor_id)))
        field_row(form, labels, self.tr("Supervisor of &record:"), "supervisor", self.supervisor)

        action = self.tr("&Add supervisee") if supervisee_id is None else self.tr("&Save changes")
        self._close_form(layout, action, self.save)
        if supervisee_id is not None:
            form.setRowVisible(self.supervisor, False)  # a change of supervisor is not an edit
            form.setRowVisible(labels["supervisor"], False)
            self._fill(supervisee_id)
        else:
            for widget in (self.hire, labels["hire_date"], self.has_hire):
                form.setRowVisible(widget, False)
        self._initial = self._fields()
        self.resize(520, self.sizeHint().height())
        fit_to_contents(self)

    def _fill(self, supervisee_id: int) -> None:
        def load(uow: Any) -> tuple[dict[str, Any], str]:
            person = people.get_supervisee(uow, supervisee_id)
            values = {
                key: getattr(person, key)
                for key in ("name", "credential", "icb_id", "position", "start_date", "hire_date", "language")
            }
            return values, credential_locked_reason(uow, supervisee_id)

        values, locked = self.ctx.read_now(load)
        self.name.setText(values["name"])
        self.credential.setCurrentIndex(max(0, self.credential.findData(values["credential"])))
        self.icb_id.setText(values["icb_id"])
        self.position.setText(values["position"])
        self.has_start.setChecked(values["start_date"] is not None)
        if values["start_date"] is not None:
            self.start.setDate(to_qdate(values["start_date"]))
        self.has_hire.setChecked(values["hire_date"] is not None)
        if values["hire_date"] is not None:
            self.hire.setDate(to_qdate(values["hire_date"]))
        self.language.setCurrentIndex(max(0, self.language.findData(values["language"])))
        self.credential.setEnabled(not locked)
        self.credential_note.setText(locked)
        self.credential_note.setVisible(bool(locked))

    def _fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "name": self.name.text(),
            "credential": self.credential.currentData(),
            "icb_id": self.icb_id.text(),
            "position": self.position.text(),
            "start_date": from_qdate(self.start.date()) if self.has_start.isChecked() else None,
            "language": self.language.currentData(),
        }
        if self.supervisee_id is None:
            fields["supervisor_id"] = self.supervisor.currentData()
        else:
            fields["hire_date"] = from_qdate(self.hire.date()) if self.has_hire.isChecked() else None
        return fields

    def is_dirty(self) -> bool:
        return self._fields() != self._initial

    def save(self) -> None:
        self.errors.clear()
        fields = self._fields()
        supervisee_id = self.supervisee_id
        self._write(
            (lambda uow: people.add_supervisee(uow, **fields).id)
            if supervisee_id is None
            else (lambda uow: update_supervisee(uow, supervisee_id=supervisee_id, **fields).id),
            self.saved,
        )

    def reject(self) -> None:
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self.tr("Close without saving? What you typed about this supervisee will be lost.")
            if self.supervisee_id is None
            else self.tr("Close without saving? Your changes to this supervisee will be lost."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
