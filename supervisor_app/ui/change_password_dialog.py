"""Change the signed-in supervisor's password (the old one is needed)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from supervisor_app.services.auth import change_password
from supervisor_app.services.errors import DomainError
from supervisor_app.ui.common import FieldErrors, action_buttons, error_label, fit_to_contents
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.password_pair import PasswordPair


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        self.old = QLineEdit(self)
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setAccessibleName(self.tr("Current password"))
        caption = QLabel(self.tr("&Current password:"), self)
        caption.setBuddy(self.old)
        form.addRow(caption, self.old)
        self.old_error = error_label(self)
        form.addRow("", self.old_error)
        self.passwords = PasswordPair(self, label=self.tr("&New password:"))
        layout.addWidget(self.passwords)
        buttons, self.save_button = action_buttons(self, self.tr("&Change password"), self.save)
        layout.addWidget(buttons)
        self.errors = FieldErrors({"password": self.passwords.error}, fallback=self.general_error)

    def save(self) -> None:
        self.errors.clear()
        try:
            new = self.passwords.password()
        except DomainError as exc:
            self.errors.show(exc)
            return
        supervisor_id = self.ctx.supervisor_id
        if supervisor_id is None:
            return
        old = self.old.text()
        self.save_button.setEnabled(False)
        self.ctx.write(
            lambda uow: change_password(uow, supervisor_id=supervisor_id, old_password=old, new_password=new),
            on_done=lambda _r: self.accept(),
            on_error=self._on_error,
        )

    def _on_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        from supervisor_app.services.auth import WrongPassword

        if isinstance(exc, WrongPassword):
            self.errors.clear()
            self.old_error.setText(str(exc))
            self.old_error.setVisible(True)
            fit_to_contents(self)
            self.old.selectAll()
            self.old.setFocus()
            return
        self.errors.show(exc)
