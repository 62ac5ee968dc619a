"""Opening a database from the app, at start or from *Open another database*: the lock file,
read-only when another copy holds the file, the daily backup, and, when the file cannot be
opened, :class:`DatabaseProblemDialog` (restore the newest backup, open another file, or quit).

Nothing here blocks: :meth:`DatabaseOpener.open` ends in :attr:`~DatabaseOpener.opened` or
:attr:`~DatabaseOpener.cancelled`, now or after the supervisor chose in the dialog.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from supervisor_app.lockfile import DatabaseLock
from supervisor_app.storage import DatabaseError
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.tasks import TaskRunner
from supervisor_app.usecases import backups
from supervisor_app.usecases.opening import (
    OpenedDatabase,
    checks_after_opening,
    daily_backup_at_start,
    database_path,
    newest_backup,
    open_for_app,
)

if TYPE_CHECKING:  # imported when a file cannot be opened, not for every start
    from supervisor_app.ui.database_problem_dialog import DatabaseProblemDialog


class DatabaseOpener(QObject):
    opened = Signal(object)  # OpenedDatabase
    cancelled = Signal()
    damaged = Signal(object, object)  # OpenedDatabase, DatabaseError: a large file failed its later check
    checked = Signal(object)  # OpenedDatabase: a large file's background check found it sound

    def __init__(self, *, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.dialog: DatabaseProblemDialog | None = None
        self.ask_path: Callable[[QWidget | None, str], str] = _ask_path
        self.confirm_create: Callable[[QWidget | None, Path], bool] = _confirm_create
        self.cancel_text = ""
        self._parent_widget: QWidget | None = None

    def open(self, target: str | os.PathLike[str] | None, *, parent: QWidget | None = None) -> None:
        self._parent_widget = parent
        try:
            opened = open_for_app(target)
        except DatabaseError as exc:
            self.show_problem(exc, exc.path or _path_of(target))
            return
        except Exception as exc:  # a full disk, a folder it may not write to
            if not _is_storage_error(exc):
                raise
            path = _path_of(target)
            name = path.name if path is not None else str(target)
            reason = getattr(exc, "strerror", None) or getattr(exc, "orig", None) or exc
            self.show_problem(
                DatabaseError(
                    self.tr("{name} cannot be opened ({reason}). It was not changed.").format(
                        name=name, reason=reason
                    ),
                    kind="other",
                    path=path,
                ),
                path,
            )
            return
        daily_backup_at_start(opened)
        self._hand_over(opened)

    def _hand_over(self, opened: OpenedDatabase) -> None:
        """``opened`` goes to the app; then a large file's integrity check (and daily backup)
        runs in the background, and a damaged file is reported through :attr:`damaged`."""
        opened.checking = opened.check_later and opened.full_check_due is not None  # the window says so
        emit(self.opened, opened)
        if opened.check_later:
            self.runner.run(
                lambda _p: checks_after_opening(opened),
                on_done=lambda problem: self._checked(opened, problem),
            )

    def _checked(self, opened: OpenedDatabase, problem: DatabaseError | None) -> None:
        was_checking, opened.checking = opened.checking, False
        if problem is not None:
            emit(self.damaged, opened, problem)
        elif was_checking:
            emit(self.checked, opened)

    # The problem dialog ----------------------------------------------------------------------
    def show_problem(self, error: DatabaseError, path: Path | None) -> None:
        from supervisor_app.ui.database_problem_dialog import DatabaseProblemDialog

        newest = newest_backup(path) if error.offer_restore else None
        dialog = DatabaseProblemDialog(
            error, path=path, newest=newest, cancel_text=self.cancel_text, parent=self._parent_widget
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.restore_requested.connect(lambda: self._restore(dialog, path))
        dialog.open_other_requested.connect(lambda: self._open_other(dialog, path))
        dialog.rejected.connect(lambda: self._cancel(dialog))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _close_dialog(self, dialog: DatabaseProblemDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.done(QDialog.DialogCode.Accepted)

    def _cancel(self, dialog: DatabaseProblemDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            emit(self.cancelled)

    def choose(self, parent: QWidget | None, start: str) -> str:
        """A database file to open, picked by the supervisor; "" for none. A name that does not
        exist yet is a new database only once they confirm it (a mistyped name otherwise made
        an empty database and left the open one for the first-run screen)."""
        chosen = self.ask_path(parent, start)
        if chosen and not file_exists(chosen) and not self.confirm_create(parent, Path(chosen)):
            return ""
        return chosen

    def _open_other(self, dialog: DatabaseProblemDialog, path: Path | None) -> None:
        start = str(path.parent) if path is not None else str(Path.home())
        chosen = self.choose(dialog, start)
        if not chosen:
            return
        self._close_dialog(dialog)
        self.open(chosen, parent=self._parent_widget)

    def _restore(self, dialog: DatabaseProblemDialog, path: Path | None) -> None:
        newest = dialog.newest
        if path is None or newest is None:
            return
        lock = DatabaseLock(path)
        holder = lock.acquire()
        if holder is not None:
            dialog.show_problem(
                self.tr(
                    "This database is open in supervisor_app by {holder}; close it there first, then try again."
                ).format(holder=holder.describe())
            )
            return
        source = newest.path
        taken = newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")

        def done(restored: backups.RestoreResult) -> None:
            lock.release()
            self._close_dialog(dialog)
            self._open_restored(path, restored, taken)

        def failed(exc: BaseException) -> None:
            lock.release()
            if isinstance(exc, (DatabaseError, OSError, sqlite3.Error)):
                dialog.show_problem(str(exc))
            else:
                dialog.show_problem(self.tr("The backup could not be restored: {error}").format(error=exc))

        self.runner.run(
            lambda _p: backups.restore(path, source, unusable=True), on_done=done, on_error=failed
        )

    def _open_restored(self, path: Path, restored: backups.RestoreResult, taken: str) -> None:
        notice = self.tr("The backup of {taken} is restored, and its records passed verification.").format(
            taken=taken
        )
        if restored.kept_aside is not None:
            notice += " " + self.tr(
                "The file that could not be opened is kept, unchanged, as {path}."
            ).format(path=restored.kept_aside)
        try:
            opened = open_for_app(path)
        except DatabaseError as exc:
            self.show_problem(exc, path)
            return
        opened.notice = notice
        self._hand_over(opened)


def _path_of(target: str | os.PathLike[str] | None) -> Path | None:
    try:
        return database_path(target)
    except DatabaseError:
        return None


def _ask_path(parent: QWidget | None, start: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DatabaseOpener", "Open or create a database"),
        start,
        QCoreApplication.translate(
            "DatabaseOpener", "supervisor_app databases (*.db *.sqlite);;All files (*)"
        ),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return path


def file_exists(chosen: str | os.PathLike[str]) -> bool:
    """Whether the file is there; True when that cannot even be asked (a name too long, a
    folder it may not read, a network drive gone), so opening it says what is wrong."""
    try:
        return Path(chosen).expanduser().exists()
    except (OSError, RuntimeError, ValueError):
        return True


def _confirm_create(parent: QWidget | None, path: Path) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("DatabaseOpener", "Create a new database?"),
        QCoreApplication.translate(
            "DatabaseOpener",
            "There is no database named {name} in {folder}.\n\nCreate a new, empty database there? "
            "If the name is mistyped, choose Cancel: nothing is created.",
        ).format(name=path.name, folder=path.parent),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    create = box.addButton(
        QCoreApplication.translate("DatabaseOpener", "&Create"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAccessibleName(QCoreApplication.translate("DatabaseOpener", "Create a new database?"))
    box.exec()
    return box.clickedButton() is create


def _is_storage_error(exc: BaseException) -> bool:
    """OS, SQLite or SQLAlchemy errors (SQLAlchemy is imported only if it already is)."""
    if isinstance(exc, (OSError, sqlite3.Error)):
        return True
    import sys

    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    return sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.SQLAlchemyError)
