"""Add another supervisor (their details and their own password), or edit a supervisor's
details, credentials and licence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from supervisor_app.services.errors import DomainError
from supervisor_app.ui.common import FieldErrors, action_buttons, error_label
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.password_pair import PasswordPair
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.recovery_key_dialog import RecoveryKeyDialog, show_recovery_key
from supervisor_app.ui.supervisor_form import SupervisorForm


class SupervisorDialog(QDialog):
    saved = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, supervisor_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.supervisor_id = supervisor_id
        self.key_dialog: RecoveryKeyDialog | None = None
        editing = supervisor_id is not None
        self.setObjectName("supervisor_dialog")
        self.setWindowTitle(self.tr("Edit supervisor") if editing else self.tr("New supervisor"))
        self.setMinimumWidth(520)  # dates and e-mail addresses read whole
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Printed on attestation forms as they are when a form is printed. The change is kept "
                "in the audit trail; signed records keep their signatures."
            )
            if editing
            else self.tr(
                "The new supervisor types their own password here; they sign their own records with it."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        self.form = SupervisorForm(self)
        layout.addWidget(self.form)
        labels = dict(self.form.errors)
        self.passwords: PasswordPair | None = None
        if not editing:
            self.passwords = PasswordPair(self, label=self.tr("Their &password:"))
            layout.addWidget(self.passwords)
            labels["password"] = self.passwords.error
        buttons, self.save_button = action_buttons(
            self, self.tr("&Save changes") if editing else self.tr("&Add supervisor"), self.save
        )
        layout.addWidget(buttons)
        self.errors = FieldErrors(labels, fallback=self.general_error)
        if supervisor_id is not None:
            self.form.set_values(ctx.read_now(lambda uow: _details(uow, supervisor_id)))

    def save(self) -> None:
        self.errors.clear()
        values = self.form.values()
        supervisor_id = self.supervisor_id
        if supervisor_id is not None:

            def edit(uow: Any) -> tuple[int, str, None]:
                from supervisor_app.services.supervisors import edit_supervisor

                edit_supervisor(uow, supervisor_id=supervisor_id, **values)
                return supervisor_id, "", None

            work = edit
        else:
            assert self.passwords is not None
            try:
                password = self.passwords.password()
            except DomainError as exc:
                self.errors.show(exc)
                return

            def create(uow: Any) -> tuple[int, str, str | None]:
                from supervisor_app.services.supervisors import create_supervisor

                supervisor, key = create_supervisor(uow, password=password, **values)
                return supervisor.id, supervisor.name, key

            work = create
        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=self._on_saved, on_error=self._on_error)

    def _on_saved(self, result: tuple[int, str, str | None]) -> None:
        supervisor_id, name, key = result
        emit(self.saved, supervisor_id)
        self.key_dialog = show_recovery_key(self.parentWidget(), name, key)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)


def _details(uow: Any, supervisor_id: int) -> dict[str, object]:
    from supervisor_app.services import people
    from supervisor_app.services.supervisors import EDITABLE

    supervisor = people.get_supervisor(uow, supervisor_id)
    return {field: getattr(supervisor, field) for field in EDITABLE}
