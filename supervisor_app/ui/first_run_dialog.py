"""First run: the agency and the first supervisor account (password twice, strength hint).

"Create and sign in" is the default button whatever has the focus, so Enter never quits;
every mistake the screen can see is shown at once, beside its field (the service stays the
judge of the rest); leaving with something typed asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import i18n
from supervisor_app.services import people
from supervisor_app.services.auth import check_new_password
from supervisor_app.services.errors import DomainError
from supervisor_app.services.validation import clean_text
from supervisor_app.ui.common import FieldErrors, error_label
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.password_pair import PasswordPair
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.screen_fit import dialog_body, narrow, short, usable_height
from supervisor_app.ui.supervisor_form import SupervisorForm


class FirstRunDialog(QDialog):
    created = Signal(int, str)  # supervisor id, name
    back_requested = Signal()  # with ``back_to``: Back, Esc or closing the window
    open_hours_files = Signal()  # a supervisee's own hours files, read-only, with no account

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, back_to: str = "") -> None:
        """``back_to``: the database the app had open before this new one (its file name), to
        go back to instead of quitting."""
        super().__init__(parent)
        self.ctx = ctx
        self._saving = False
        self.key_dialog: QDialog | None = None
        self._back = bool(back_to)
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Welcome: set up supervisor_app"))
        self.setAccessibleName(self.windowTitle())
        outer = QVBoxLayout(self)
        compact = narrow(parent) or short(parent, 640)  # a laptop at 125-150%: one column, scrolling
        layout = dialog_body(self, outer, compact=compact)
        text = self.tr(
            "<h2>Welcome</h2><p>This database is new. Enter your agency and create your own supervisor "
            "account. Everything stays on this computer; nothing is sent anywhere.</p>"
            "<p style='color:#555'>Database: {path}</p>"
        )
        if ctx.on_server:  # the agency database: on its server, for everyone at the agency
            text = self.tr(
                "<h2>Welcome</h2><p>The agency database is new. Enter your agency and create your own "
                "supervisor account: it is kept on the agency's server.</p>"
                "<p style='color:#555'>Agency database: {path}</p>"
            )
        intro = QLabel(text.format(path=escape(ctx.location)), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)

        columns = QHBoxLayout()
        if compact:
            columns.setDirection(QHBoxLayout.Direction.TopToBottom)
        layout.addLayout(columns)
        agency_box = QGroupBox(self.tr("Agency"), self)
        agency_form = QFormLayout(agency_box)
        self.agency = QLineEdit(agency_box)
        self.agency.setAccessibleName(self.tr("Agency name"))
        self.agency.setObjectName("agency_name")
        self.agency.setPlaceholderText(self.tr("required"))
        self.address = QLineEdit(agency_box)
        self.address.setAccessibleName(self.tr("Agency address"))
        self.agency_phone = QLineEdit(agency_box)
        self.agency_phone.setAccessibleName(self.tr("Agency phone"))
        # Wide enough to read what is typed (the form beside it took all the room otherwise).
        for edit in (self.agency, self.address, self.agency_phone):
            edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 26))
        labels: dict[str, QLabel] = {}
        for caption, edit, field in (
            (self.tr("A&gency name:"), self.agency, "agency"),
            (self.tr("A&ddress:"), self.address, "address"),
            (self.tr("Agency &phone:"), self.agency_phone, "agency_phone"),
        ):
            label = QLabel(caption, agency_box)
            label.setBuddy(edit)
            agency_form.addRow(label, edit)
            labels[field] = error_label(agency_box)
            agency_form.addRow("", labels[field])
        note = QLabel(self.tr("Printed on attestation forms, as ICB asks."), agency_box)
        note.setWordWrap(True)
        agency_form.addRow(note)
        columns.addWidget(agency_box, 2)

        you_box = QGroupBox(self.tr("You (the first supervisor)"), self)
        you_layout = QVBoxLayout(you_box)
        self.supervisor = SupervisorForm(you_box)
        you_layout.addWidget(self.supervisor)
        self.passwords = PasswordPair(you_box)
        you_layout.addWidget(self.passwords)
        pw_note = QLabel(
            self.tr(
                "Your password signs records. It is stored only as a one-way hash. Next you are shown "
                "a recovery key to write down: it sets a new password if you forget this one."
            ),
            you_box,
        )
        pw_note.setWordWrap(True)
        pw_note.setStyleSheet("color: palette(dark);")
        you_layout.addWidget(pw_note)
        columns.addWidget(you_box, 3)

        buttons = QDialogButtonBox(self)
        self.create_button = buttons.addButton(
            self.tr("&Create and sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setAccessibleName(self.tr("Create and sign in"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        if back_to:
            label = self.tr("&Back to {name}").format(name=back_to.replace("&", "&&"))
            cancel = buttons.addButton(label, QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setAccessibleName(self.tr("Back to {name}").format(name=back_to))
        else:
            cancel = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setAccessibleName(self.tr("Quit"))
        self.cancel_button = cancel
        cancel.setAutoDefault(False)  # Enter on a focused Quit still means "Create", never "quit"
        cancel.clicked.connect(self.reject)
        # A supervisee with their hours file and no account here: read-only, nothing created.
        self.hours_button = buttons.addButton(
            self.tr("Open an &hours file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.hours_button.setAccessibleName(self.tr("Open a supervisee's hours file, read only"))
        self.hours_button.setAutoDefault(False)
        self.hours_button.clicked.connect(lambda: emit(self.open_hours_files))
        outer.addWidget(buttons)
        labels.update(self.supervisor.errors)
        labels["password"] = self.passwords.error
        self.field_errors = labels
        self.errors = FieldErrors(labels, fallback=self.general_error)
        self.fields: dict[str, QLineEdit] = {
            "agency": self.agency,
            "address": self.address,
            "agency_phone": self.agency_phone,
            **self.supervisor.edits,
            "password": self.passwords.first,
        }
        self.confirm_leave: Callable[[], bool] = self._confirm_leave
        self.agency.setFocus()
        # Qt opens a window with wrapped text at the height its width needs, which the form
        # layout computes a few pixels short of its fields: open at the full height instead.
        # (Never taller than the screen: there the fields scroll, above the buttons.)
        self.setMinimumHeight(min(self.sizeHint().height(), usable_height(parent)))

    def typed(self) -> bool:
        """Whether anything was typed (that leaving would lose)."""
        return any(edit.text().strip() for edit in self.findChildren(QLineEdit))

    def reject(self) -> None:
        """Quit (or Back, Esc, closing the window) asks first when something was typed. With
        ``back_to`` it asks to go back; the screen stays until the other file is open, since
        opening it may fail."""
        if self._saving or (self.typed() and not self.confirm_leave()):
            return
        if self._back:
            emit(self.back_requested)
            return
        super().reject()

    def _confirm_leave(self) -> bool:
        if self._back:
            title = self.tr("Go back without creating the account?")
            leave_text = self.tr("&Go back")
        else:
            title = self.tr("Quit without creating the account?")
            leave_text = self.tr("&Quit")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            self.tr(
                "What you typed on this screen is not saved, and this database stays without a supervisor."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        stay = box.addButton(self.tr("&Stay and finish"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(leave_text, QMessageBox.ButtonRole.DestructiveRole)
        leave.setAccessibleName(leave_text.replace("&", ""))
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAccessibleName(title)
        box.exec()
        return box.clickedButton() is leave

    def check(self) -> list[DomainError]:
        """Every mistake this screen can see, all at once (the rules are the services': the
        same checks, with the same words). The service still checks everything on Create."""
        errors: list[DomainError] = []
        values = self.supervisor.values()

        def run(check: Callable[[], object]) -> None:
            try:
                check()
            except DomainError as exc:
                errors.append(exc)

        run(
            lambda: clean_text(
                self.agency.text(), field="agency", label=self.tr("Agency name"), required=True
            )
        )
        run(lambda: clean_text(values["name"], field="name", label=self.tr("Supervisor name"), required=True))
        run(
            lambda: clean_text(
                values["credentials"], field="credentials", label=self.tr("Credentials"), required=True
            )
        )
        email = values.get("email", "").strip()
        if email and ("@" not in email or " " in email):
            errors.append(
                DomainError(
                    i18n._("{email!r} does not look like an email address.").format(email=email),
                    field="email",
                    code="person.bad_email",
                    params={"email": email},
                )
            )
        run(self.passwords.password)  # the two the same
        run(lambda: check_new_password(self.passwords.first.text()))
        return errors

    def _show_errors(self, errors: list[BaseException]) -> None:
        shown = self.errors.show_all(errors)
        for field, edit in self.fields.items():  # the first field in the screen's order with a message
            label = self.field_errors.get(field)
            if label is not None and label in shown:
                edit.setFocus()
                return

    def create(self) -> None:
        if self._saving:
            return
        errors = self.check()
        if errors:
            self._show_errors(errors)
            return
        self.errors.clear()
        password = self.passwords.password()
        agency = self.agency.text()
        address = self.address.text()
        agency_phone = self.agency_phone.text()
        values = self.supervisor.values()

        def work(uow: Any) -> tuple[int, str, str | None]:
            from supervisor_app.services.supervisors import create_supervisor

            try:
                row = people.get_or_create_agency(uow, name=agency, address=address, phone=agency_phone)
            except DomainError as exc:
                if exc.field == "phone":
                    raise exc.with_message(exc.message, field="agency_phone") from None
                raise
            supervisor, key = create_supervisor(uow, agency=row.name, password=password, **values)
            return supervisor.id, supervisor.name, key

        self._saving = True  # Create stays enabled (and the default): disabling it sent the focus to Quit
        self.ctx.write(work, on_done=self._on_created, on_error=self._on_error, actor="setup")

    def _on_created(self, result: tuple[int, str, str | None]) -> None:
        from supervisor_app.ui.recovery_key_dialog import show_recovery_key

        supervisor_id, name, key = result
        self._saving = False
        emit(self.created, supervisor_id, name)
        self.accept()
        # Shown once, over the window that opens now; only its hash is kept.
        self.key_dialog = show_recovery_key(None, name, key)

    def _on_error(self, exc: BaseException) -> None:
        self._saving = False
        self._show_errors([exc])

    def error_text(self, field: str) -> str:
        label = self.field_errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""
