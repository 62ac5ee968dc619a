"""Sign in: a supervisor with their password.

There is no way in without one: a supervisee sees their own hours in a review a signed-in
supervisor opens for them (*Review with…* on the supervisee's page), never from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
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
    error_label,
    error_row,
    no_file_to_open_here,
    password_edit,
    supervisor_choice,
)
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.demo_banner import DemoBanner
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.read_only_banner import ReadOnlyBanner


class SignInDialog(QDialog):
    signed_in = Signal(object)  # Identity
    open_other_database = Signal()
    open_hours_files = Signal()  # a supervisee's own hours files, read-only, with no account

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        self.setObjectName("sign_in_dialog")
        self.setWindowTitle(self.tr("Sign in: supervisor_app"))
        self.setAccessibleName(self.tr("Sign in"))
        layout = QVBoxLayout(self)
        if ctx.demo:
            from supervisor_app.services.demo import DEMO_PASSWORD

            layout.addWidget(
                DemoBanner(
                    self,
                    extra=self.tr("Every demo supervisor's password is “{pw}”.").format(pw=DEMO_PASSWORD),
                )
            )
        self.read_only_banner: ReadOnlyBanner | None = None
        if ctx.db.readonly:
            self.read_only_banner = ReadOnlyBanner(ctx.held_by or self.tr("another user"), self)
            layout.addWidget(self.read_only_banner)
        supervisors, agency = ctx.read_now(lambda uow: (roster.supervisors(uow), roster.agency_name(uow)))
        heading = QLabel(
            self.tr("<h2>{agency}</h2><p style='color:#555'>Database: {path}</p>").format(
                agency=agency or self.tr("supervisor_app"), path=ctx.location
            ),
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)

        box = QGroupBox(self.tr("Supervisor"), self)
        form = QFormLayout(box)
        self.supervisor = supervisor_choice(
            box, self.tr("Supervisor"), supervisors, ctx.prefs.last_supervisor_id
        )
        caption_row(form, self.tr("&Who:"), self.supervisor)
        self.password = password_edit(box, self.tr("Password"))
        caption_row(form, self.tr("&Password:"), self.password)
        self.password_error = error_row(form, "password")
        self.sign_in_button = QPushButton(self.tr("&Sign in"), box)
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        form.addRow("", self.sign_in_button)
        self.forgot_button = QPushButton(self.tr("&Forgot password?"), box)
        self.forgot_button.setAccessibleName(self.tr("Forgot password: use the recovery key"))
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.setFlat(True)
        self.forgot_button.setEnabled(bool(supervisors) and not ctx.db.readonly)
        self.forgot_button.clicked.connect(self.forgot_password)
        self.forgot_dialog: QDialog | None = None
        form.addRow("", self.forgot_button)
        layout.addWidget(box)

        note = QLabel(
            self.tr(
                "<span style='color:#555'>A supervisee looking at their own hours: sign in, open them "
                "and choose <i>Review with…</i>. They see only their own records until a supervisor's "
                "password ends the review.</span>"
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)

        bottom = QHBoxLayout()
        layout.addLayout(bottom)
        self.open_button = QPushButton(self.tr("&Open another database…"), self)
        self.open_button.setAccessibleName(self.tr("Open another database"))
        self.open_button.setAutoDefault(False)
        bottom.addWidget(self.open_button)
        self.hours_button = QPushButton(self.tr("Open an &hours file…"), self)
        self.hours_button.setAccessibleName(self.tr("Open a supervisee's hours file, read only"))
        self.hours_button.setToolTip(
            self.tr("A supervisee's signed hours, from their hours file: progress and statement, no account")
        )
        self.hours_button.setAutoDefault(False)
        self.hours_button.clicked.connect(lambda: emit(self.open_hours_files))
        bottom.addWidget(self.hours_button)
        bottom.addStretch(1)
        quit_button = QPushButton(self.tr("&Quit"), self)
        quit_button.setAccessibleName(self.tr("Quit"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        bottom.addWidget(quit_button)

        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        self.errors = FieldErrors(
            {"password": self.password_error, "supervisor": self.password_error}, fallback=self.general_error
        )
        self.sign_in_button.clicked.connect(self.sign_in)
        self.open_button.clicked.connect(self.open_other_database)
        if ctx.on_server:  # a file chooser cannot name a server; the app starts on a file instead
            self.open_button.setEnabled(False)
            self.open_button.setToolTip(no_file_to_open_here())
        self.password.setFocus()
        if not supervisors:
            self.sign_in_button.setEnabled(False)
        self.resize(520, self.sizeHint().height())

    def sign_in(self) -> None:
        if self._busy or self.supervisor.currentIndex() < 0:
            return
        self.errors.clear()
        supervisor_id = int(self.supervisor.currentData())
        password = self.password.text()

        db = self.ctx.db

        def work(_progress: Any) -> Identity:
            from supervisor_app.ui.password_check import check_password  # (argon2 and the ORM)

            found_id, name = check_password(db, supervisor_id=supervisor_id, password=password)
            return Identity(name=name, supervisor_id=found_id)

        self._busy = True
        self.sign_in_button.setEnabled(False)
        self.ctx.runner.run(work, on_done=self._on_signed_in, on_error=self._on_error)

    def _on_signed_in(self, identity: Identity) -> None:
        self._busy = False
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        emit(self.signed_in, identity)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.sign_in_button.setEnabled(True)
        self.errors.show(exc)
        self.password.selectAll()
        self.password.setFocus()

    def forgot_password(self) -> None:
        """The recovery key written down at account creation sets a new password."""
        if self.supervisor.currentIndex() < 0 or self.ctx.db.readonly:
            return
        from supervisor_app.ui.change_password_dialog import ChangePasswordDialog

        supervisor_id = int(self.supervisor.currentData())
        name = self.supervisor.currentText().rsplit(" (", 1)[0]
        dialog = ChangePasswordDialog(self.ctx, self, recovery=(supervisor_id, name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_password_recovered)
        self.forgot_dialog = dialog
        dialog.open()

    def _on_password_recovered(self) -> None:
        self.errors.clear()
        self.password.clear()
        self.password.setPlaceholderText(self.tr("Password changed: type the new one"))
        self.password.setFocus()

    def error_text(self) -> str:
        for label in (self.password_error, self.general_error):
            if not label.isHidden():
                return label.text()
        return ""
