"""The lock screen: the signed-in supervisor's password unlocks; *Sign out* ends the session."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.common import FieldErrors, caption_row, error_row, fit_to_contents, password_edit
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.password_check import check_password
from supervisor_app.ui.qt_fixes import emit


class LockDialog(QDialog):
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, idle: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("Locked: supervisor_app"))
        self.setAccessibleName(self.tr("Locked"))
        name = ctx.identity.name if ctx.identity else ""
        layout = QVBoxLayout(self)
        if idle:
            why = self.tr("The app locked itself after %n minute(s) without use.", "", ctx.prefs.idle_minutes)
        else:
            why = self.tr("You locked the app.")
        text = QLabel(
            self.tr(
                "<h3>Locked</h3><p>{why} {name} is signed in; enter the password to continue where you "
                "left off. Anything you were typing is still there.</p>"
            ).format(why=why, name=name),
            self,
        )
        text.setObjectName("lock_reason")
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        layout.addLayout(form)
        self.password = password_edit(self, self.tr("Password of {name}").format(name=name))
        caption_row(form, self.tr("&Password:"), self.password)
        self.error = error_row(form, "password")
        self.errors = FieldErrors({"password": self.error}, fallback=self.error)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.sign_out_button = QPushButton(self.tr("Sign &out…"), self)
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        row.addWidget(self.sign_out_button)
        row.addStretch(1)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        row.addWidget(self.unlock_button)
        self.password.setFocus()
        fit_to_contents(self, 440)

    def unlock(self) -> None:
        if self._busy or self.ctx.supervisor_id is None:
            return
        self.errors.clear()
        supervisor_id = self.ctx.supervisor_id
        password = self.password.text()
        db = self.ctx.db

        def work(_progress: Any) -> None:
            check_password(db, supervisor_id=supervisor_id, password=password)

        self._busy = True
        self.unlock_button.setEnabled(False)
        self.ctx.runner.run(work, on_done=self._on_unlocked, on_error=self._on_error)

    def _on_unlocked(self, _result: Any) -> None:
        self._busy = False
        self.password.clear()
        emit(self.unlocked)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.errors.show(exc)
        fit_to_contents(self)
        self.password.selectAll()
        self.password.setFocus()

    def reject(self) -> None:  # Esc does not unlock
        pass
