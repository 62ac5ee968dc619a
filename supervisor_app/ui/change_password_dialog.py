"""A new password, three ways:

- the signed-in supervisor changes their own (the old one is needed);
- the signed-in supervisor sets another supervisor's: the first password of one created without
  any, or a forgotten one (``for_supervisor``); confirmed with the signed-in one's password;
- on the sign-in screen, a forgotten password replaced with the recovery key (``recovery``).

When the service makes a recovery key (a first password; a used key), it is shown once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from supervisor_app.services.errors import DomainError
from supervisor_app.ui.common import FieldErrors, action_buttons, error_label, fit_to_contents
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.password_pair import PasswordPair
from supervisor_app.ui.recovery_key_dialog import RecoveryKeyDialog, show_recovery_key


class ChangePasswordDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        for_supervisor: tuple[int, str] | None = None,
        recovery: tuple[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.for_supervisor = for_supervisor
        self.recovery = recovery
        self.key_dialog: RecoveryKeyDialog | None = None
        self.setObjectName("change_password_dialog")
        layout = QVBoxLayout(self)
        signed_in = ctx.identity.name if ctx.identity else ""
        if for_supervisor is not None:
            self.setWindowTitle(self.tr("Set the password of {name}").format(name=for_supervisor[1]))
            note = self.tr(
                "For a supervisor who has no password yet, or has forgotten theirs. They type the new "
                "password; you confirm with yours. The audit trail records that you set it."
            )
            old_caption, old_name = (
                self.tr("&Your password ({name}):").format(name=signed_in),
                self.tr("Your password"),
            )
            new_caption = self.tr("&Their new password:")
        elif recovery is not None:
            self.setWindowTitle(self.tr("Forgot password: {name}").format(name=recovery[1]))
            note = self.tr(
                "Type the recovery key written down when the account was made (or last replaced). "
                "Without it, another supervisor of the agency can set a new password for you."
            )
            old_caption, old_name = self.tr("&Recovery key:"), self.tr("Recovery key")
            new_caption = self.tr("&New password:")
        else:
            self.setWindowTitle(self.tr("Change my password"))
            note = ""
            old_caption, old_name = self.tr("&Current password:"), self.tr("Current password")
            new_caption = self.tr("&New password:")
        self.setAccessibleName(self.windowTitle())
        if note:
            label = QLabel(note, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        self.old = QLineEdit(self)
        if recovery is None:
            self.old.setEchoMode(QLineEdit.EchoMode.Password)
        else:
            self.old.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.old.setAccessibleName(old_name)
        caption = QLabel(old_caption, self)
        caption.setBuddy(self.old)
        form.addRow(caption, self.old)
        self.old_error = error_label(self)
        form.addRow("", self.old_error)
        self.passwords = PasswordPair(self, label=new_caption)
        layout.addWidget(self.passwords)
        buttons, self.save_button = action_buttons(
            self,
            self.tr("&Set password") if for_supervisor or recovery else self.tr("&Change password"),
            self.save,
        )
        layout.addWidget(buttons)
        self.errors = FieldErrors(
            {
                "password": self.passwords.error,
                "old_password": self.old_error,
                "recovery_key": self.old_error,
            },
            fallback=self.general_error,
        )
        # With another's password (or a key) first, the new password's field comes second.
        self.old.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            new = self.passwords.password()
        except DomainError as exc:
            self.errors.show(exc)
            return
        old = self.old.text()
        work = self._work(old, new)
        if work is None:
            return
        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=self._on_done, on_error=self._on_error, actor=self._actor())

    def _actor(self) -> str | None:
        return f"supervisor:{self.recovery[0]}" if self.recovery is not None else None

    def _work(self, old: str, new: str) -> Any:
        from supervisor_app.services import auth

        if self.for_supervisor is not None:
            by = self.ctx.supervisor_id
            if by is None:
                return None
            target = self.for_supervisor[0]
            return lambda uow: auth.set_password_by_another(
                uow, supervisor_id=target, new_password=new, by_supervisor_id=by, by_password=old
            )
        if self.recovery is not None:
            target = self.recovery[0]
            return lambda uow: auth.reset_with_recovery_key(
                uow, supervisor_id=target, recovery_key=old, new_password=new
            )
        supervisor_id = self.ctx.supervisor_id
        if supervisor_id is None:
            return None
        return lambda uow: auth.change_password(
            uow, supervisor_id=supervisor_id, old_password=old, new_password=new
        )

    def _on_done(self, key: str | None) -> None:
        if self.for_supervisor is not None:
            name = self.for_supervisor[1]
        elif self.recovery is not None:
            name = self.recovery[1]
        else:
            name = self.ctx.identity.name if self.ctx.identity else ""
        self.key_dialog = show_recovery_key(self.parentWidget(), name, key)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        from supervisor_app.services.auth import WrongPassword

        if isinstance(exc, WrongPassword) or getattr(exc, "field", None) == "recovery_key":
            self.errors.clear()
            self.old_error.setText(str(exc))
            self.old_error.setVisible(True)
            fit_to_contents(self)
            self.old.selectAll()
            self.old.setFocus()
            return
        self.errors.show(exc)

    def error_text(self) -> str:
        for label in (self.old_error, self.passwords.error, self.general_error):
            if not label.isHidden():
                return label.text()
        return ""
