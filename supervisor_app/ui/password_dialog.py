"""Asks for the signed-in supervisor's password (once for a batch), optionally with a reason.

Used to sign a batch of records and to void a signed record. The dialog stays open until the
service accepts: a wrong password or a missing reason is shown under its field.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.common import FieldErrors, action_buttons, error_label
from supervisor_app.ui.qt_fixes import emit


class PasswordDialog(QDialog):
    submitted = Signal(str, str)  # password, reason

    def __init__(
        self,
        *,
        title: str,
        message: str,
        action: str,
        signer: str,
        with_reason: bool = False,
        reason_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("What will happen"))
        layout.addWidget(self.message)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        labels = {}
        self.reason: QPlainTextEdit | None = None
        if with_reason:
            self.reason = QPlainTextEdit(self)
            self.reason.setTabChangesFocus(True)
            self.reason.setFixedHeight(64)
            self.reason.setAccessibleName(reason_label or self.tr("Reason"))
            self.reason.setPlaceholderText(self.tr("Required: why, in a sentence"))
            labels["reason"] = error_label(self)
            caption = QLabel(reason_label or self.tr("&Reason:"), self)
            caption.setBuddy(self.reason)
            form.addRow(caption, self.reason)
            form.addRow("", labels["reason"])
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of {name}").format(name=signer))
        labels["password"] = error_label(self)
        caption = QLabel(self.tr("&Password ({name}):").format(name=signer), self)
        caption.setBuddy(self.password)
        form.addRow(caption, self.password)
        form.addRow("", labels["password"])
        self.errors = FieldErrors(labels, fallback=self.general_error)
        self.field_errors = labels
        buttons, self.ok_button = action_buttons(self, action, self._on_ok)
        layout.addWidget(buttons)
        (self.reason or self.password).setFocus()
        self.resize(480, self.sizeHint().height())

    def _on_ok(self) -> None:
        self.errors.clear()
        self.ok_button.setEnabled(False)
        emit(self.submitted, self.password.text(), self.reason.toPlainText() if self.reason else "")

    def fail(self, exc: BaseException) -> None:
        """The service refused: show why, keep the dialog open."""
        self.ok_button.setEnabled(True)
        self.errors.show(exc)
        if getattr(exc, "field", None) == "password":
            self.password.selectAll()
            self.password.setFocus()

    def error_text(self, field: str) -> str:
        label = self.field_errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""
