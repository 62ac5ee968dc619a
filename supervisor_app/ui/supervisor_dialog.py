"""Add another supervisor (their details and their own password)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from supervisor_app.services import people
from supervisor_app.services.errors import DomainError
from supervisor_app.ui.common import FieldErrors, action_buttons, error_label
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.password_pair import PasswordPair
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.supervisor_form import SupervisorForm


class SupervisorDialog(QDialog):
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("supervisor_dialog")
        self.setWindowTitle(self.tr("New supervisor"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("The new supervisor types their own password here; they sign their own records with it."),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        self.form = SupervisorForm(self)
        layout.addWidget(self.form)
        self.passwords = PasswordPair(self, label=self.tr("Their &password:"))
        layout.addWidget(self.passwords)
        buttons, self.save_button = action_buttons(self, self.tr("&Add supervisor"), self.save)
        layout.addWidget(buttons)
        labels = dict(self.form.errors)
        labels["password"] = self.passwords.error
        self.errors = FieldErrors(labels, fallback=self.general_error)

    def save(self) -> None:
        self.errors.clear()
        try:
            password = self.passwords.password()
        except DomainError as exc:
            self.errors.show(exc)
            return
        values = self.form.values()

        def work(uow: Any) -> int:
            return people.add_supervisor(uow, password=password, **values).id

        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=self._on_saved, on_error=self._on_error)

    def _on_saved(self, supervisor_id: int) -> None:
        emit(self.saved, supervisor_id)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
