"""Record a credential or licence a person holds: kind, number, issue date, expiry, board.
Dates are typed as YYYY-MM-DD (either may be left empty); errors show beside their field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from supervisor_app.services import person_credentials
from supervisor_app.services.person_credentials import Person
from supervisor_app.ui.common import FieldErrors, action_buttons, error_label, field_row
from supervisor_app.ui.context import AppContext


class CredentialDialog(QDialog):
    def __init__(
        self, ctx: AppContext, *, person: Person, default_kind: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.person = ctx, person
        self.setObjectName("credential_dialog")
        self.setWindowTitle(self.tr("Add a credential"))
        self.setAccessibleName(self.tr("Add a credential"))
        layout = QVBoxLayout(self)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        labels: dict[str, QLabel] = {}
        self.kind = QComboBox(self)
        self.kind.setEditable(True)
        self.kind.setAccessibleName(self.tr("Credential or licence"))
        self.kind.addItems([*ctx.db.profiles.codes(), "LCSW", "LMFT", "LPC"])
        if self.kind.findText(default_kind) >= 0:
            self.kind.setCurrentIndex(self.kind.findText(default_kind))
        field_row(form, labels, self.tr("&Credential:"), "kind", self.kind)
        self.number = QLineEdit(self)
        self.number.setAccessibleName(self.tr("Number"))
        field_row(form, labels, self.tr("&Number:"), "number", self.number)
        self.issued = QLineEdit(self)
        self.issued.setAccessibleName(self.tr("Issue date"))
        self.issued.setPlaceholderText("YYYY-MM-DD")
        field_row(form, labels, self.tr("&Issued:"), "issued_on", self.issued)
        self.expires = QLineEdit(self)
        self.expires.setAccessibleName(self.tr("Expiry date"))
        self.expires.setPlaceholderText("YYYY-MM-DD")
        field_row(form, labels, self.tr("&Expires:"), "expires_on", self.expires)
        self.board = QLineEdit(self)
        self.board.setAccessibleName(self.tr("Issuing board"))
        self.board.setPlaceholderText(self.tr("The profile's board if left empty"))
        field_row(form, labels, self.tr("&Board:"), "board", self.board)
        self.errors = FieldErrors(labels, fallback=self.general_error)
        buttons, self.save_button = action_buttons(self, self.tr("&Save"), self._on_save)
        layout.addWidget(buttons)
        self.number.setFocus()
        self.resize(440, self.sizeHint().height())

    def _on_save(self) -> None:
        self.errors.clear()
        person = self.person
        values = {
            "kind": self.kind.currentText(),
            "number": self.number.text(),
            "issued_on": self.issued.text(),
            "expires_on": self.expires.text(),
            "board": self.board.text(),
        }

        def work(uow: Any) -> int:
            return person_credentials.add_credential(uow, person=person, **values)

        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=lambda _id: self.accept(), on_error=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
