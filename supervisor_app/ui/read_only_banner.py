"""The banner of a second copy of the app: the database is open elsewhere, so this copy only reads."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget


class ReadOnlyBanner(QLabel):
    def __init__(self, held_by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.held_by = held_by
        self.setText(
            self.tr(
                "<b>Read-only: this database is open in supervisor_app by {holder}.</b> You can look at "
                "everything here, but nothing can be changed, signed or printed. To make changes, close "
                "supervisor_app there (or wait until it is closed), then open the database again here."
            ).format(holder=escape(held_by))
        )
        self.setObjectName("read_only_banner")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Read only"))
        self.setAccessibleDescription(self.text())
        self.setStyleSheet(
            "QLabel#read_only_banner { background:#fde2cf; color:#5a2a00; padding:6px 10px;"
            " border:1px solid #e3a77a; border-radius:3px; }"
        )
