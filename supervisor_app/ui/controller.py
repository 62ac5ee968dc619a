"""The app's flow: first run or sign in, the main window, the idle lock, sign-out, and
switching to another database file. Owns the pieces and passes them in; no globals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from supervisor_app.db import Database, DatabaseError, open_database
from supervisor_app.services.overview import has_supervisors
from supervisor_app.ui.context import AppContext, Identity
from supervisor_app.ui.first_run_dialog import FirstRunDialog
from supervisor_app.ui.idle_watcher import IdleWatcher
from supervisor_app.ui.lock_cover import LockCover
from supervisor_app.ui.lock_dialog import LockDialog
from supervisor_app.ui.main_window import MainWindow
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.settings import Preferences
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.ui.tasks import TaskRunner


class AppController(QObject):
    finished = Signal(int)  # exit code: the app should quit

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        prefs: Preferences,
        demo: bool = False,
        opener: Callable[[str], Database] = open_database,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.prefs = prefs
        self.opener = opener
        self.ctx = AppContext(db, runner=runner, prefs=prefs, demo=demo, parent=self)
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self.lock_dialog: LockDialog | None = None
        self._covers: list[LockCover] = []
        self.idle = IdleWatcher(prefs.idle_minutes, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self._owned_dbs: list[Database] = []

    @property
    def locked(self) -> bool:
        return self.lock_dialog is not None

    # Start -------------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.ctx.demo and self.ctx.db.path is not None:
            self.prefs.last_database = str(self.ctx.db.path)
        if self.ctx.read_now(has_supervisors):
            self.show_sign_in()
        else:
            self.show_first_run()

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
        dialog = FirstRunDialog(self.ctx)
        dialog.created.connect(lambda sid, name: self.signed_in(Identity(name=name, supervisor_id=sid)))
        dialog.rejected.connect(lambda: emit(self.finished, 0))
        self._show(dialog)
        return dialog

    def show_sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.ctx)
        dialog.signed_in.connect(self.signed_in)
        dialog.rejected.connect(lambda: emit(self.finished, 0))
        dialog.open_other_database.connect(lambda: self.choose_database(dialog))
        self._show(dialog)
        return dialog

    def signed_in(self, identity: Identity) -> None:
        if identity.supervisor_id is not None and not self.ctx.demo:
            self.prefs.last_supervisor_id = identity.supervisor_id
        self.ctx.set_identity(identity)
        window = MainWindow(self.ctx)
        window.lock_requested.connect(self.lock)
        window.sign_out_requested.connect(self.sign_out)
        window.open_database_requested.connect(lambda: self.choose_database(window))
        window.quit_requested.connect(lambda: emit(self.finished, 0))
        window.idle_minutes_changed.connect(self.idle.set_minutes)
        self.window = window
        window.show()
        window.raise_()
        window.activateWindow()
        window.nav.setFocus()
        self.idle.set_minutes(self.prefs.idle_minutes)
        self.idle.start()

    # Lock --------------------------------------------------------------------------------------
    def lock(self) -> None:
        if self.window is None or self.locked:
            return
        self.idle.stop()
        if self.ctx.review:  # nothing to keep in review mode: back to the sign-in screen
            self._end_session()
            return
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, QWidget) and widget.isWindow():
                self._covers.append(LockCover(widget))
        dialog = LockDialog(self.ctx)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.unlocked.connect(self._on_unlocked)
        dialog.sign_out_requested.connect(self._sign_out_from_lock)
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
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            self.tr("Open or create a database"),
            start,
            self.tr("supervisor_app databases (*.db *.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(path, parent=parent)

    def switch_database(self, path: str, *, parent: QWidget | None = None) -> bool:
        try:
            db = self.opener(path)
        except DatabaseError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Cannot open this database"),
                str(exc),
                QMessageBox.StandardButton.Ok,
                parent,
            )
            box.setAccessibleName(self.tr("Cannot open this database"))
            box.open()
            return False
        old_ctx = self.ctx
        old_window, self.window = self.window, None
        old_dialog = self.dialog
        self.idle.stop()
        self._owned_dbs.append(db)
        self.ctx = AppContext(db, runner=self.runner, prefs=self.prefs, demo=False, parent=self)
        self.start()
        if old_window is not None:
            old_window.close_for_switch()
        if old_dialog is not None and old_dialog is not self.dialog:
            old_dialog.done(0)
        old_ctx.close()
        return True

    def close(self) -> None:
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        self.ctx.close()
        for db in self._owned_dbs:
            db.close()
