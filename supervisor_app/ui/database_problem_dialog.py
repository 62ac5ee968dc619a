"""When the database cannot be opened: what is wrong in plain words, and what to do about it
(restore the newest backup, open another file, or quit). Never a traceback."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.storage import BackupInfo, DatabaseError
from supervisor_app.ui.common import error_label
from supervisor_app.ui.qt_fixes import emit


class DatabaseProblemDialog(QDialog):
    restore_requested = Signal()
    open_other_requested = Signal()

    def __init__(
        self,
        error: DatabaseError,
        *,
        path: Path | None,
        newest: BackupInfo | None,
        cancel_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.error = error
        self.newest = newest
        self.setObjectName("database_problem_dialog")
        self.setWindowTitle(self.tr("supervisor_app cannot open this database"))
        self.setAccessibleName(self.tr("The database cannot be opened"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top)
        icon = QLabel(self)
        kind = QStyle.StandardPixmap.SP_MessageBoxCritical
        if error.kind == "newer":
            kind = QStyle.StandardPixmap.SP_MessageBoxInformation
        icon.setPixmap(self.style().standardIcon(kind).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        text = QVBoxLayout()
        top.addLayout(text, 1)
        self.message = QLabel(f"<b>{escape(str(error)).replace(chr(10), '<br>')}</b>", self)  # line by line
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("What is wrong"))
        text.addWidget(self.message)
        if path is not None:
            where = QLabel(self.tr("File: {path}").format(path=escape(str(path))), self)
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setStyleSheet("color: palette(dark);")
            where.setAccessibleName(self.tr("Database file"))
            text.addWidget(where)
        self.advice = QLabel(self._advice(error, newest, path), self)
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(self.tr("What you can do"))
        text.addWidget(self.advice)
        self.problem = error_label(self)
        self.problem.setObjectName("restore_error")
        layout.addWidget(self.problem)

        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        self.restore_button = QPushButton(self.tr("&Restore the newest backup"), self)
        self.restore_button.setAccessibleName(self.tr("Restore the newest backup"))
        self.restore_button.setVisible(error.offer_restore and newest is not None)
        self.open_button = QPushButton(self.tr("&Open another file…"), self)
        self.open_button.setAccessibleName(self.tr("Open another database file"))
        self.quit_button = QPushButton(cancel_text or self.tr("&Quit"), self)
        self.quit_button.setAccessibleName(cancel_text.replace("&", "") or self.tr("Quit"))
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        for button in (self.restore_button, self.open_button, self.quit_button):
            button.setAutoDefault(False)
        default = self.restore_button if self.restore_button.isVisibleTo(self) else self.open_button
        default.setDefault(True)
        default.setFocus()
        self.restore_button.clicked.connect(self._on_restore)
        self.open_button.clicked.connect(lambda: emit(self.open_other_requested))
        self.quit_button.clicked.connect(self.reject)
        self.setMinimumWidth(560)

    def _advice(self, error: DatabaseError, newest: BackupInfo | None, path: Path | None) -> str:
        if error.kind == "newer":
            return self.tr(
                "Nothing was changed. Install the newer version of supervisor_app to open this file, or "
                "open another database."
            )
        if not error.offer_restore:
            return self.tr("Nothing was changed. You can open another database file instead.")
        if newest is None:
            return self.tr(
                "There is no automatic backup of this file on this computer, so there is nothing to restore "
                "here. If you have a copy (a backup you saved, a USB stick), choose “Open another file”. The "
                "file itself was not changed."
            )
        taken = newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        name = path.name if path is not None else self.tr("the file")
        return self.tr(
            "The newest automatic backup was taken on {taken}. Restoring puts that copy in its place; "
            "anything entered after {taken} is not in it. {name} itself is kept aside unchanged (as "
            "“…damaged-<date>…”), for a data-recovery service if one is needed."
        ).format(taken=taken, name=escape(name))

    def _on_restore(self) -> None:
        self.problem.clear()
        self.problem.setVisible(False)
        self.set_busy(True)
        emit(self.restore_requested)

    def set_busy(self, busy: bool) -> None:
        for button in (self.restore_button, self.open_button, self.quit_button):
            button.setEnabled(not busy)
        if busy:
            self.advice.setText(self.tr("Restoring the backup and checking every record…"))

    def show_problem(self, text: str) -> None:
        """A restore that was refused: say why, and leave the other choices open."""
        self.set_busy(False)
        self.advice.setText(self.tr("The backup was not restored; nothing was changed."))
        self.problem.setText(text)
        self.problem.setVisible(True)

    def reject(self) -> None:
        if self.quit_button.isEnabled():
            super().reject()
