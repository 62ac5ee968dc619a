"""What the import dialogs (records or training from a spreadsheet, an hours file) build alike:
the introduction, the line that says what is happening with the file under a busy bar, the
Import / Cancel row, and how they are busy and finish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.context import AppContext


class ImportStepsDialog(QDialog):
    """Check a file first (busy meanwhile, Cancel off), then import it; the dialog cannot be
    closed while it works. Subclasses lay out what they show between the status line and the
    buttons, and set :attr:`import_button` and :attr:`close_button` by :func:`add_import_buttons`."""

    import_button: QPushButton
    close_button: QPushButton
    busy: QProgressBar

    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None, *, name: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path)
        self.done_importing = False
        self.setObjectName(name)

    def _open(self, title: str, name: str, intro: str) -> QVBoxLayout:
        """Title and name the dialog; its layout, with ``intro`` at the top."""
        self.setWindowTitle(title)
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        return layout

    def _finished(self) -> None:
        """Nothing more to import: Import off, and Close (the default) in place of Cancel."""
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.import_button.setEnabled(False)
        self.close_button.setEnabled(not busy)

    def reject(self) -> None:
        if self.close_button.isEnabled():
            super().reject()


def add_check_status(dialog: QDialog, layout: QVBoxLayout, path: Path) -> tuple[QLabel, QProgressBar]:
    """The status line ("Checking <file>…") and the busy bar under it, added to ``layout``."""
    status = QLabel(
        QCoreApplication.translate("ImportStepsDialog", "Checking {name}…").format(name=path.name), dialog
    )
    status.setWordWrap(True)
    status.setAccessibleName(QCoreApplication.translate("ImportStepsDialog", "Import summary"))
    status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(status)
    busy = QProgressBar(dialog)
    busy.setRange(0, 0)
    busy.setAccessibleName(QCoreApplication.translate("ImportStepsDialog", "Checking the file"))
    layout.addWidget(busy)
    return status, busy


def add_import_buttons(
    dialog: QDialog, layout: QVBoxLayout, on_import: Callable[[], object]
) -> tuple[QPushButton, QPushButton]:
    """Import (off until the file checks) and Cancel at the right, added to ``layout``."""
    buttons = QHBoxLayout()
    layout.addLayout(buttons)
    buttons.addStretch(1)
    import_button = QPushButton(QCoreApplication.translate("ImportStepsDialog", "&Import"), dialog)
    import_button.setAccessibleName(QCoreApplication.translate("ImportStepsDialog", "Import the records"))
    import_button.setEnabled(False)
    close_button = QPushButton(QCoreApplication.translate("ImportStepsDialog", "Cancel"), dialog)
    close_button.setAccessibleName(QCoreApplication.translate("ImportStepsDialog", "Close without importing"))
    buttons.addWidget(import_button)
    buttons.addWidget(close_button)
    import_button.clicked.connect(on_import)
    close_button.clicked.connect(dialog.reject)
    return import_button, close_button
