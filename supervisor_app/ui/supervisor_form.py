"""The supervisor's own details, as printed on attestation forms."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from supervisor_app.ui.common import error_label


class SupervisorForm(QWidget):
    FIELDS = (
        "name",
        "credentials",
        "title",
        "icb_number",
        "license_type",
        "license_number",
        "email",
        "phone",
        "certification_expires",
        "license_expires",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        captions = {
            "name": (self.tr("&Name:"), self.tr("Full name, as on your credential"), ""),
            "credentials": (
                self.tr("&Credentials:"),
                self.tr("Credentials as printed"),
                self.tr("e.g. CRSS, LCPC"),
            ),
            "title": (self.tr("&Title:"), self.tr("Job title"), self.tr("e.g. Clinical Supervisor")),
            "icb_number": (self.tr("ICB certification &#:"), self.tr("ICB certification number"), ""),
            "license_type": (
                self.tr("License t&ype:"),
                self.tr("License type"),
                self.tr("e.g. LCPC (optional)"),
            ),
            "license_number": (self.tr("License n&umber:"), self.tr("License number"), self.tr("optional")),
            "email": (self.tr("&Email:"), self.tr("Email"), self.tr("optional")),
            "phone": (self.tr("P&hone:"), self.tr("Phone"), self.tr("optional")),
            "certification_expires": (
                self.tr("Certification e&xpires:"),
                self.tr("ICB certification expires on"),
                self.tr("YYYY-MM-DD (optional)"),
            ),
            "license_expires": (
                self.tr("License expire&s:"),
                self.tr("License expires on"),
                self.tr("YYYY-MM-DD (optional)"),
            ),
        }
        for field in self.FIELDS:
            caption, accessible, placeholder = captions[field]
            edit = QLineEdit(self)
            edit.setAccessibleName(accessible)
            edit.setPlaceholderText(placeholder)
            edit.setObjectName(f"supervisor_{field}")
            holder = QWidget(self)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(edit)
            edit.setMinimumHeight(edit.sizeHint().height())  # a message below never squashes the field
            self.errors[field] = error_label(holder)
            self.errors[field].setObjectName(f"error_{field}")
            box.addWidget(self.errors[field])
            label = QLabel(caption, self)
            label.setBuddy(edit)
            self.form.addRow(label, holder)
            self.edits[field] = edit

    def values(self) -> dict[str, str]:
        return {field: edit.text() for field, edit in self.edits.items()}

    def set_values(self, values: dict[str, object]) -> None:
        """Fill the fields (a supervisor being edited); dates as YYYY-MM-DD, None as empty."""
        for field, edit in self.edits.items():
            value = values.get(field)
            edit.setText(
                "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
            )
