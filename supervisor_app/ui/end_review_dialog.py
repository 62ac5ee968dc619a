"""Leaving a review needs a supervisor's password: *End review* goes back to that supervisor's
own view (or, when quitting, closes the app). On the lock screen of a review the same password
also *continues* the review, still of the same supervisee."""

from __future__ import annotations

from html import escape
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

from supervisor_app.services import roster
from supervisor_app.ui.common import (
    FieldErrors,
    caption_row,
    error_row,
    fit_to_contents,
    password_edit,
    supervisor_choice,
)
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.qt_fixes import emit


class EndReviewDialog(QDialog):
    ended = Signal(object)  # Identity: the supervisor whose password ended the review
    continued = Signal()  # the lock screen only: the review goes on

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, locked: bool = False, quitting: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.locked = locked
        self._busy = False
        identity = ctx.identity
        assert identity is not None and identity.supervisee_id is not None
        self.supervisee_id = identity.supervisee_id
        name = escape(identity.name)
        self.setObjectName("end_review_dialog")
        layout = QVBoxLayout(self)
        if locked:
            self.setWindowTitle(self.tr("Locked: supervisor_app"))
            self.setAccessibleName(self.tr("Locked"))
            text = self.tr(
                "<h3>Locked</h3><p>Reviewing {name}'s own hours (read only). A supervisor's password "
                "continues the review of {name}, or ends it.</p>"
            ).format(name=name)
        elif quitting:
            self.setWindowTitle(self.tr("End the review and quit"))
            self.setAccessibleName(self.windowTitle())
            text = self.tr(
                "<h3>End the review and quit</h3><p>The app is reviewing {name}'s own hours. A "
                "supervisor's password ends the review and closes supervisor_app.</p>"
            ).format(name=name)
        else:
            self.setWindowTitle(self.tr("End the review"))
            self.setAccessibleName(self.windowTitle())
            text = self.tr(
                "<h3>End the review</h3><p>A supervisor's password ends the review of {name}'s hours "
                "and goes back to that supervisor's own view.</p>"
            ).format(name=name)
        label = QLabel(text, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        layout.addLayout(form)
        self.supervisor = supervisor_choice(
            self, self.tr("Supervisor"), ctx.read_now(roster.supervisors), identity.reviewer_id
        )
        caption_row(form, self.tr("S&upervisor:"), self.supervisor)
        self.password = password_edit(self, self.tr("Supervisor's password"))
        caption_row(form, self.tr("&Password:"), self.password)
        self.error = error_row(form, "password")
        self.errors = FieldErrors({"password": self.error, "supervisor": self.error}, fallback=self.error)

        row = QHBoxLayout()
        layout.addLayout(row)
        self.end_button = QPushButton(
            self.tr("&End review and quit") if quitting else self.tr("&End review"), self
        )
        self.end_button.setAccessibleName(self.end_button.text().replace("&", ""))
        self.end_button.clicked.connect(lambda: self._check(ending=True))
        self.continue_button: QPushButton | None = None
        self.cancel_button: QPushButton | None = None
        if locked:
            self.continue_button = QPushButton(self.tr("&Continue review"), self)
            self.continue_button.setAccessibleName(self.tr("Continue the review"))
            self.continue_button.setDefault(True)
            self.continue_button.clicked.connect(lambda: self._check(ending=False))
            self.end_button.setAutoDefault(False)
            row.addWidget(self.end_button)
            row.addStretch(1)
            row.addWidget(self.continue_button)
        else:
            self.cancel_button = QPushButton(self.tr("Cancel"), self)
            self.cancel_button.setAccessibleName(self.tr("Cancel: stay in the review"))
            self.cancel_button.setAutoDefault(False)
            self.cancel_button.clicked.connect(self.reject)
            self.end_button.setDefault(True)
            row.addWidget(self.cancel_button)
            row.addStretch(1)
            row.addWidget(self.end_button)
        self.password.setFocus()
        fit_to_contents(self, 460)

    def _check(self, *, ending: bool) -> None:
        if self._busy or self.supervisor.currentIndex() < 0:
            return
        self.errors.clear()
        supervisor_id = int(self.supervisor.currentData())
        password = self.password.text()
        supervisee_id = self.supervisee_id
        db = self.ctx.db

        def work(_progress: Any) -> tuple[int, str]:
            from supervisor_app.ui.password_check import check_password  # (argon2 and the ORM)

            return check_password(
                db,
                supervisor_id=supervisor_id,
                password=password,
                ending_review_of=supervisee_id if ending else None,
            )

        def done(found: tuple[int, str]) -> None:
            self._busy = False
            self.password.clear()
            self.accept()
            if ending:
                emit(self.ended, Identity(name=found[1], supervisor_id=found[0]))
            else:
                emit(self.continued)

        self._busy = True
        self._enable(False)
        self.ctx.runner.run(work, on_done=done, on_error=self._on_error)

    def _enable(self, enabled: bool) -> None:
        for button in (self.end_button, self.continue_button):
            if button is not None:
                button.setEnabled(enabled)

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self._enable(True)
        self.errors.show(exc)
        fit_to_contents(self)
        self.password.selectAll()
        self.password.setFocus()

    def reject(self) -> None:
        if not self.locked:  # Esc (Cancel) stays in the review; on the lock screen it does nothing
            super().reject()
