"""The app's flow: first run or sign in, the main window, the idle lock, sign-out, switching
to another database file and restoring a backup. Owns the pieces and passes them in; no
globals."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QProgressDialog, QWidget

from supervisor_app.db import Database, open_database
from supervisor_app.lockfile import DatabaseLock
from supervisor_app.services.roster import has_supervisors
from supervisor_app.storage import DatabaseError
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.database_opener import DatabaseOpener, file_exists
from supervisor_app.ui.idle_watcher import IdleWatcher
from supervisor_app.ui.main_window import MainWindow
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.settings import Preferences
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.ui.tasks import TaskRunner
from supervisor_app.usecases import backups
from supervisor_app.usecases.opening import OpenedDatabase, backup_name

if TYPE_CHECKING:  # imported when first shown: most starts never need them
    from supervisor_app.ui.end_review_dialog import EndReviewDialog
    from supervisor_app.ui.first_run_dialog import FirstRunDialog
    from supervisor_app.ui.lock_cover import LockCover
    from supervisor_app.ui.lock_dialog import LockDialog


class AppController(QObject):
    finished = Signal(int)  # exit code: the app should quit

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        prefs: Preferences,
        demo: bool = False,
        db_lock: DatabaseLock | None = None,
        held_by: str = "",
        notice: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prefs = prefs
        self.ctx = AppContext(db, runner=runner, prefs=prefs, demo=demo, held_by=held_by, parent=self)
        self.db_lock = db_lock  # the lock file we hold for ctx.db, released on switch and close
        self.notice = notice  # said once, over the first dialog (a restore at start)
        self.opener = DatabaseOpener(runner=runner, parent=self)
        self.opener.cancel_text = self.tr("&Cancel")  # a file that cannot be opened: stay where we are
        self.opener.opened.connect(self._switch_to)
        self.opener.damaged.connect(self.database_damaged)
        self.opener.checked.connect(self.database_checked)
        self.message_box: QMessageBox | None = None
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self.lock_dialog: LockDialog | EndReviewDialog | None = None
        self._covers: list[LockCover] = []
        self.idle = IdleWatcher(prefs.idle_minutes, self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self._owned_dbs: list[Database] = []
        self.damage_opener: DatabaseOpener | None = None  # shows a file found damaged after opening
        self._opened: list[OpenedDatabase] = []  # what was opened (their background checks)
        self.hours_windows: list[QWidget] = []  # hours files opened from the start screens
        self.ask_hours_files: Callable[[QWidget | None], list[str]] = _ask_hours_files
        self._previous_path: Path | None = None  # the file open before a switch (see show_first_run)
        self.file_check_label: QLabel | None = None  # "Checking the whole database file…" (status bar)

    @classmethod
    def for_opened(
        cls, opened: OpenedDatabase, *, runner: TaskRunner, prefs: Preferences, parent: QObject | None = None
    ) -> AppController:
        controller = cls(
            opened.db,
            runner=runner,
            prefs=prefs,
            db_lock=opened.lock,
            held_by=opened.held_by,
            notice=opened.notice,
            parent=parent,
        )
        controller._owned_dbs.append(opened.db)
        controller._opened.append(opened)
        return controller

    @property
    def locked(self) -> bool:
        return self.lock_dialog is not None

    # Start -------------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.ctx.demo and self.ctx.db.path is not None:
            self.prefs.last_database = str(self.ctx.db.path)
        # A read-only copy cannot create the first supervisor: its sign-in screen says why.
        if self.ctx.read_now(has_supervisors) or self.ctx.db.readonly:
            self.show_sign_in()
        else:
            self.show_first_run()
        if self.notice:
            notice, self.notice = self.notice, ""
            self._tell(self.tr("Backup restored"), notice, self.dialog)

    def _tell(self, title: str, text: str, parent: QWidget | None, *, warning: bool = False) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: self._forget_box(box))
        self.message_box = box
        box.open()
        return box

    def _forget_box(self, box: QMessageBox) -> None:
        if self.message_box is box:
            self.message_box = None

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def show_first_run(self) -> FirstRunDialog:
        from supervisor_app.ui.first_run_dialog import FirstRunDialog

        # A new database chosen from a running app: its Cancel goes back to the one before.
        previous = self._previous_path
        dialog = FirstRunDialog(self.ctx, back_to=previous.name if previous is not None else "")
        dialog.created.connect(lambda sid, name: self.signed_in(Identity(name=name, supervisor_id=sid)))
        dialog.open_hours_files.connect(lambda: self.open_hours_files(dialog))
        if previous is not None:
            dialog.back_requested.connect(lambda: self._go_back(previous, dialog))
        else:
            dialog.rejected.connect(lambda: emit(self.finished, 0))
        self._show(dialog)
        return dialog

    def show_sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.ctx)
        dialog.signed_in.connect(self.signed_in)
        dialog.rejected.connect(lambda: emit(self.finished, 0))
        dialog.open_other_database.connect(lambda: self.choose_database(dialog))
        dialog.open_hours_files.connect(lambda: self.open_hours_files(dialog))
        self._show(dialog)
        return dialog

    def open_hours_files(self, parent: QWidget) -> None:
        """From the sign-in or first-run screen: a supervisee's hours files in a read-only
        window of their own, with no account and nothing written here."""
        from supervisor_app.ui.hours_window import open_hours_window

        paths = self.ask_hours_files(parent)
        if paths:
            open_hours_window(
                paths, runner=self.ctx.runner, prefs=self.ctx.prefs, on_open=self.hours_windows.append
            )

    def _go_back(self, previous: Path, dialog: QDialog) -> None:
        """Back from a new file's first-run screen to the file before it. If that file has gone
        meanwhile, it is not quietly made again: the supervisor is asked, as for any new name."""
        if not file_exists(previous) and not self.opener.confirm_create(dialog, previous):
            return
        self.switch_database(str(previous), parent=dialog)

    def signed_in(self, identity: Identity) -> None:
        if identity.supervisor_id is not None and not self.ctx.demo:
            self.prefs.last_supervisor_id = identity.supervisor_id
        self.ctx.set_identity(identity)
        window = MainWindow(self.ctx)
        window.lock_requested.connect(self.lock)
        window.sign_out_requested.connect(self.sign_out)
        window.open_database_requested.connect(lambda: self.choose_database(window))
        window.restore_requested.connect(lambda source: self.restore_backup(Path(source)))
        window.quit_requested.connect(lambda: emit(self.finished, 0))
        window.idle_minutes_changed.connect(self.idle.set_minutes)
        window.review_started.connect(self._switch_window)
        window.review_ended.connect(self._switch_window)
        self.window = window
        self._show_file_check(window)
        window.show()
        window.raise_()
        window.activateWindow()
        window.nav.setFocus()
        self.idle.set_minutes(self.prefs.idle_minutes)
        self.idle.start()

    # Lock --------------------------------------------------------------------------------------
    def lock(self, *, idle: bool = False) -> None:
        from supervisor_app.ui.lock_cover import LockCover
        from supervisor_app.ui.lock_dialog import LockDialog

        if self.window is None or self.locked:
            return
        self.idle.stop()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, QWidget) and widget.isWindow():
                self._covers.append(LockCover(widget))
        dialog: LockDialog | EndReviewDialog
        if self.ctx.review:  # the lock stays on the supervisee; a supervisor's password goes on or ends it
            from supervisor_app.ui.end_review_dialog import EndReviewDialog

            dialog = EndReviewDialog(self.ctx, locked=True)
            dialog.continued.connect(self._on_unlocked)
            dialog.ended.connect(self._review_ended_from_lock)
        else:
            dialog = LockDialog(self.ctx, idle=idle)
            dialog.unlocked.connect(self._on_unlocked)
            dialog.sign_out_requested.connect(self._sign_out_from_lock)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.lock_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _remove_covers(self) -> None:
        for cover in self._covers:
            try:
                cover.remove()
            except RuntimeError:  # its window was closed meanwhile
                pass
        self._covers = []

    def _on_unlocked(self) -> None:
        self._remove_covers()
        self.lock_dialog = None
        self.idle.start()
        if self.window is not None:
            self.window.activateWindow()

    def _review_ended_from_lock(self, supervisor: Identity) -> None:
        self.lock_dialog = None
        self._remove_covers()
        self._switch_window(supervisor)

    def _switch_window(self, identity: Identity) -> None:
        """Into a review (``identity`` a supervisee) or out of one (the supervisor whose password
        ended it): a new window for the new identity, on the supervisee's page either way."""
        before = self.ctx.identity
        supervisee_id = identity.supervisee_id if identity.review else before and before.supervisee_id
        old, self.window = self.window, None
        self.idle.stop()
        from supervisor_app.ui.language_switch import follow_identity

        follow_identity(self.ctx, identity)  # a review in the supervisee's language; then back
        self.signed_in(identity)
        if self.window is not None and supervisee_id is not None and not identity.review:
            self.window.open_supervisee(supervisee_id)
        if old is not None:
            old.close_for_switch()

    def _sign_out_from_lock(self) -> None:
        if self.window is not None and self.window.has_unsaved_edits():
            answer = QMessageBox.question(
                self.lock_dialog,
                self.tr("Sign out?"),
                self.tr("An editor has changes that are not saved. Sign out and lose them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        if self.lock_dialog is not None:
            self.lock_dialog.done(0)
            self.lock_dialog = None
        self._remove_covers()
        self._end_session()

    # Sign out and switching databases ----------------------------------------------------------
    def sign_out(self) -> None:
        if self.window is not None and self.ctx.review:  # leaving a review needs a supervisor's password
            self.window.end_review()
            return
        if self.window is not None and not self.window.confirm_close():
            return
        self._end_session()

    def _end_session(self) -> None:
        self.idle.stop()
        window, self.window = self.window, None
        self.ctx.set_identity(None)
        self.show_sign_in()
        if window is not None:
            window.close_for_switch()

    def choose_database(self, parent: QWidget | None) -> None:
        if self.window is not None and not self.window.confirm_close():
            return
        start = str(self.ctx.db.path.parent) if self.ctx.db.path else str(Path.home())
        path = self.opener.choose(parent, start)
        if path:
            self.switch_database(path, parent=parent)

    def switch_database(self, path: str, *, parent: QWidget | None = None) -> None:
        """Open ``path`` (taking its lock, or read-only); a file that cannot be opened shows what
        is wrong and what can be done, and Cancel stays on the current database."""
        self.opener.open(path, parent=parent)

    def _switch_to(self, opened: OpenedDatabase) -> None:
        self._opened.append(opened)
        old_ctx = self.ctx
        # Where the first-run screen of a new file goes back to: the file the supervisor was
        # working in (not a demo, not the same file, not one closed as damaged).
        working = self.window is not None or self.dialog is not None
        previous = old_ctx.db.path if working and not old_ctx.demo else None
        self._previous_path = previous if previous is not None and previous != opened.path else None
        old_window, self.window = self.window, None
        old_dialog = self.dialog
        old_lock, self.db_lock = self.db_lock, opened.lock
        self.idle.stop()
        self._owned_dbs.append(opened.db)
        self.notice = opened.notice
        self.ctx = AppContext(
            opened.db, runner=self.runner, prefs=self.prefs, demo=False, held_by=opened.held_by, parent=self
        )
        self.start()
        if old_window is not None:
            old_window.close_for_switch()
        if old_dialog is not None and old_dialog is not self.dialog:
            _dismiss(old_dialog)
        old_ctx.close()
        if old_ctx.db in self._owned_dbs:
            self._owned_dbs.remove(old_ctx.db)
            old_ctx.db.close()
        if old_lock is not None:
            if self.db_lock is not None and old_lock.path == self.db_lock.path:
                self.db_lock = old_lock  # the same file again: one lock file, still ours
            else:
                old_lock.release()

    # A large file's whole-file check in the background ------------------------------------------
    def _show_file_check(self, window: MainWindow) -> None:
        """While SQLite's whole-file check of a large file runs (once a day, after an unclean
        shutdown), the status bar says so beside the busy bar; the window stays usable."""
        if not any(opened.checking and opened.db is self.ctx.db for opened in self._opened):
            return
        label = QLabel(self.tr("Checking the whole database file (once a day)…"), window)
        label.setObjectName("file_check_label")
        label.setAccessibleName(self.tr("Database file check"))
        window.statusBar().insertPermanentWidget(0, label)
        window.busy.setVisible(True)
        self.file_check_label = label

    def database_checked(self, opened: OpenedDatabase) -> None:
        """The background check found the file sound: the status bar says so for a moment."""
        label, self.file_check_label = self.file_check_label, None
        if opened.db is not self.ctx.db or self.window is None:
            return
        if label is not None:
            label.deleteLater()
        self.window.busy.setVisible(self.runner.busy)
        self.window.statusBar().showMessage(
            self.tr("The whole database file was checked: every page reads."), 8000
        )

    # A large file found damaged after it opened ------------------------------------------------
    def database_damaged(self, opened: OpenedDatabase, error: DatabaseError) -> None:
        """The background integrity check of a large file (:func:`~supervisor_app.usecases.opening.checks_after_opening`)
        found damage: close the file at once (nothing more is written to it; an unsaved edit
        cannot be kept in a damaged file) and offer what the app offers for a damaged file at
        start: restore the newest backup, open another file, or quit."""
        if opened.db is not self.ctx.db:
            return  # the app has moved to another file meanwhile
        self.file_check_label = None  # it goes with the window
        self.idle.stop()
        window, self.window = self.window, None
        dialog, self.dialog = self.dialog, None
        self.ctx.set_identity(None)
        if window is not None:
            window.close_for_switch()
        if dialog is not None:
            _dismiss(dialog)
        if self.lock_dialog is not None:
            _dismiss(self.lock_dialog)
            self.lock_dialog = None
        self._remove_covers()
        self.ctx.close()
        self.ctx.db.close()
        if self.ctx.db in self._owned_dbs:
            self._owned_dbs.remove(self.ctx.db)
        if self.db_lock is not None:
            self.db_lock.release()  # the restore needs the file free
            self.db_lock = None
        opener = DatabaseOpener(runner=self.runner, parent=self)
        opener.cancel_text = self.tr("&Quit")
        opener.opened.connect(self._switch_to)
        opener.damaged.connect(self.database_damaged)
        opener.cancelled.connect(lambda: emit(self.finished, 1))
        self.damage_opener = opener
        opener.show_problem(error, opened.path)

    # Restoring a backup (Settings) ---------------------------------------------------------------
    def restore_backup(self, source: Path) -> None:
        """Close the database, put the backup ``source`` in its place, reopen it and refresh
        every view. The caller (Settings) has asked the supervisor to confirm."""
        path = self.ctx.db.path
        if path is None or self.ctx.read_only or self.ctx.demo:
            return
        window = self.window
        if window is not None:
            if not window.confirm_close():
                return
            for dialog in window.open_editors():
                dialog.done(0)
        taken = backup_name(source, path)  # before the restore: rotation may remove the file after
        self.idle.stop()
        self.ctx.reader.close()
        self.ctx.db.close()  # nobody may have the file open while it is replaced
        progress = QProgressDialog(
            self.tr("Restoring the backup and checking every record…"), "", 0, 0, window
        )
        progress.setCancelButton(None)
        progress.setWindowTitle(self.tr("Restoring"))
        progress.setAccessibleName(self.tr("Restoring the backup"))
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(0)
        progress.show()

        def reopen() -> bool:
            progress.close()
            progress.deleteLater()
            try:
                db = open_database(path)
            except DatabaseError as exc:  # cannot happen for a verified backup; never a traceback
                self.window = None
                if window is not None:
                    window.close_for_switch()
                self.ctx.set_identity(None)
                self.opener.show_problem(exc, path)
                return False
            self._owned_dbs.append(db)
            old = self.ctx.db
            self.ctx.replace_database(db)
            if old in self._owned_dbs:
                self._owned_dbs.remove(old)
            return True

        def done(result: backups.RestoreResult) -> None:
            if not reopen():
                return
            text = self.tr("The backup of {taken} is restored, and its records passed verification.").format(
                taken=taken
            )
            if result.replaced_copy is not None:
                text += " " + self.tr(
                    "The database as it was just before is kept as {path} (and in the automatic backups)."
                ).format(path=result.replaced_copy)
            self._after_restore(text, warning=False)

        def failed(exc: BaseException) -> None:
            if not reopen():
                return
            reason = str(exc) if isinstance(exc, (DatabaseError, OSError, sqlite3.Error)) else repr(exc)
            self._after_restore(
                self.tr("The backup was not restored; the database is unchanged. {reason}").format(
                    reason=reason
                ),
                warning=True,
            )

        self.runner.run(lambda _p: backups.restore(path, source), on_done=done, on_error=failed)

    def _after_restore(self, text: str, *, warning: bool) -> None:
        from supervisor_app.services import people

        identity = self.ctx.identity
        still_here = (
            identity is None
            or identity.supervisor_id is None
            or identity.supervisor_id
            in self.ctx.read_now(lambda uow: {s.id for s in people.list_supervisors(uow, active_only=True)})
        )
        if self.window is not None and still_here:
            self.window.back_to_list()  # the supervisee on show may not exist in the backup
            emit(self.ctx.records_changed)  # every open view reloads from the restored file
            self.idle.start()
            parent: QWidget | None = self.window
        else:  # the signed-in supervisor is not in the restored records: sign in again
            self._end_session()
            parent = self.dialog
        self._tell(
            self.tr("Backup not restored") if warning else self.tr("Backup restored"),
            text,
            parent,
            warning=warning,
        )

    def stop_background_checks(self) -> None:
        """Stop the integrity checks of large files still running (the app is quitting)."""
        for opened in self._opened:
            opened.cancel.set()

    def close(self) -> None:
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.ctx.close()
        for db in self._owned_dbs:
            db.close()
        self._owned_dbs = []
        if self.db_lock is not None:
            self.db_lock.release()
            self.db_lock = None


def _dismiss(dialog: QDialog) -> None:
    """Close a dialog the app replaces (another file opened, a file closed). Its own Cancel
    means "quit" on the first screen; that meaning does not apply here."""
    with warnings.catch_warnings():  # PySide warns, rather than raises, when nothing is connected
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            dialog.rejected.disconnect()
        except (RuntimeError, TypeError):  # nothing connected
            pass
    dialog.done(0)


def _ask_hours_files(parent: QWidget | None) -> list[str]:
    from supervisor_app.ui.data_transfer import ask_hours_files  # not at start-up

    return ask_hours_files(parent)
