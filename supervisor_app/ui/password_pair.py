"""A new password typed twice, with a live strength hint (the auth service's rating)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from supervisor_app.services.auth import MIN_PASSWORD_LENGTH, password_strength
from supervisor_app.services.errors import DomainError
from supervisor_app.ui.common import error_label

STRENGTH_COLOURS = {"too short": "#a40000", "weak": "#a40000", "fair": "#7a4b00", "strong": "#1e6b1e"}


class PasswordPair(QWidget):
    def __init__(self, parent: QWidget | None = None, *, label: str = "") -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(label or self.tr("New password"))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the password"))
        self.strength = QLabel(self)
        self.strength.setAccessibleName(self.tr("Password strength"))
        self.error = error_label(self)
        self.error.setObjectName("error_password")
        caption = QLabel(label or self.tr("&Password:"), self)
        caption.setBuddy(self.first)
        form.addRow(caption, self.first)
        form.addRow("", self.strength)
        caption2 = QLabel(self.tr("Repea&t password:"), self)
        caption2.setBuddy(self.second)
        form.addRow(caption2, self.second)
        form.addRow("", self.error)
        self.first.textChanged.connect(self._on_changed)
        self.second.textChanged.connect(lambda _t: self.error.setVisible(False))
        self._on_changed("")

    def _on_changed(self, text: str) -> None:
        if not text:
            self.strength.setText(
                self.tr(
                    "At least {n} characters; a short sentence is easy to remember and hard to guess."
                ).format(n=MIN_PASSWORD_LENGTH)
            )
            self.strength.setStyleSheet("color: palette(dark);")
            return
        rating = password_strength(text)
        words = {
            "too short": self.tr("Too short"),
            "weak": self.tr("Weak: add words, digits or symbols"),
            "fair": self.tr("Fair: longer is stronger"),
            "strong": self.tr("Strong"),
        }
        self.strength.setText(self.tr("Strength: {rating}").format(rating=words.get(rating, rating)))
        self.strength.setStyleSheet(f"color: {STRENGTH_COLOURS.get(rating, '#444')};")

    def password(self) -> str:
        """The password, or a DomainError(field="password") if the two do not match."""
        if self.first.text() != self.second.text():
            raise DomainError(
                self.tr("The two passwords are not the same."), field="password", code="auth.passwords_differ"
            )
        return self.first.text()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
