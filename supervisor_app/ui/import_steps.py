"""What the two import dialogs (records from a spreadsheet, an hours file) build alike: the line
that says what is happening with the file under a busy bar, and the Import / Cancel row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout


def add_check_status(dialog: QDialog, layout: QVBoxLayout, path: Path) -> tuple[QLabel, QProgressBar]:
    """The status line ("Checking <file>…") and the busy bar under it, added to ``layout``."""
    status = QLabel(dialog.tr("Checking {name}…").format(name=path.name), dialog)
    status.setWordWrap(True)
    status.setAccessibleName(dialog.tr("Import summary"))
    status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(status)
    busy = QProgressBar(dialog)
    busy.setRange(0, 0)
    busy.setAccessibleName(dialog.tr("Checking the file"))
    layout.addWidget(busy)
    return status, busy


def add_import_buttons(
    dialog: QDialog, layout: QVBoxLayout, on_import: Callable[[], object]
) -> tuple[QPushButton, QPushButton]:
    """Import (off until the file checks) and Cancel at the right, added to ``layout``."""
    buttons = QHBoxLayout()
    layout.addLayout(buttons)
    buttons.addStretch(1)
    import_button = QPushButton(dialog.tr("&Import"), dialog)
    import_button.setAccessibleName(dialog.tr("Import the records"))
    import_button.setEnabled(False)
    close_button = QPushButton(dialog.tr("Cancel"), dialog)
    close_button.setAccessibleName(dialog.tr("Close without importing"))
    buttons.addWidget(import_button)
    buttons.addWidget(close_button)
    import_button.clicked.connect(on_import)
    close_button.clicked.connect(dialog.reject)
    return import_button, close_button
