"""Settings: the database file, backing it up now, and the automatic backups (restore one,
open their folder).

A mixin of :class:`~supervisor_app.ui.settings_page.SettingsPage` (``self`` is the page): the
widgets stay on the page (``settings.restore_button``...), as do the answers tests put in place
of the file dialog and the confirmation (``ask_backup_path``, ``confirm_restore``, ``open_folder``).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from supervisor_app import clock, storage
from supervisor_app.fileops import sync_folder
from supervisor_app.services.filenames import safe_file_name
from supervisor_app.storage import DatabaseError
from supervisor_app.ui.backup_table_model import ROW_ROLE, BackupTableModel, reason_text
from supervisor_app.ui.common import no_file_to_open_here, row_table, show_error
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.usecases import backups


class BackupsSection:
    """The Database and Automatic backups boxes of Settings (mixed into the page)."""

    def _database_box(self) -> QGroupBox:
        db_box = QGroupBox(self.tr("Database"), self)
        db_layout = QVBoxLayout(db_box)
        self.path = QLabel(self.ctx.location, db_box)
        self.path.setWordWrap(True)
        self.path.setAccessibleName(self.tr("Database file"))
        db_layout.addWidget(self.path)
        self.sync_warning = QLabel(db_box)
        self.sync_warning.setObjectName("sync_warning")
        self.sync_warning.setWordWrap(True)
        self.sync_warning.setStyleSheet("color: #7a4b00;")
        self.sync_warning.setAccessibleName(self.tr("Warning about the database's folder"))
        synced = (
            sync_folder(str(self.ctx.db.path), os.environ, windows=os.name == "nt")
            if self.ctx.db.path
            else None
        )
        self.sync_warning.setText(
            self.tr(
                "This database is in {folder}, which a sync service (OneDrive, Dropbox, …) copies to the "
                "cloud: it holds the file while uploading, and two computers make conflicting copies. "
                "Keep the database in the app's own folder and rely on its backups."
            ).format(folder=synced)
        )
        self.sync_warning.setVisible(synced is not None)
        db_layout.addWidget(self.sync_warning)
        self.open_button = QPushButton(self.tr("&Open another database…"), db_box)
        self.open_button.setAccessibleName(self.tr("Open another database"))
        self.open_button.clicked.connect(self.open_database_requested)
        db_layout.addWidget(self.open_button)
        self.backup_button = QPushButton(self.tr("&Back up now…"), db_box)
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.backup_button.setToolTip(
            self.tr("Save a copy of the whole database to a file you choose (a USB stick, a shared folder)")
        )
        self.backup_button.clicked.connect(self.back_up_now)
        db_layout.addWidget(self.backup_button)
        self.backup_status = QLabel(db_box)
        self.backup_status.setWordWrap(True)
        self.backup_status.setAccessibleName(self.tr("Backup status"))
        self.backup_status.setVisible(False)
        db_layout.addWidget(self.backup_status)
        return db_box

    def _backups_box(self) -> QGroupBox:
        self.backups_box = QGroupBox(self.tr("Automatic backups"), self)
        backups_layout = QVBoxLayout(self.backups_box)
        self.backups_note = QLabel(
            self.tr(
                "Taken once a day when the app starts, and before every upgrade or restore. The newest of "
                "each of the last 14 days and of the last 12 months are kept."
            ),
            self.backups_box,
        )
        self.backups_note.setWordWrap(True)
        self.backups_note.setStyleSheet("color: palette(dark);")
        backups_layout.addWidget(self.backups_note)
        self.backups = BackupTableModel(self)
        self.backups_view = row_table(
            self.backups_box, self.backups, self.tr("Automatic backups"), object_name="backup_table"
        )
        self.backups_view.setMinimumHeight(130)
        header = self.backups_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        backups_layout.addWidget(self.backups_view, 1)
        self.backups_empty = QLabel(self.tr("No automatic backup yet."), self.backups_box)
        self.backups_empty.setAccessibleName(self.tr("No automatic backup yet"))
        backups_layout.addWidget(self.backups_empty)
        backup_buttons = QHBoxLayout()
        backups_layout.addLayout(backup_buttons)
        self.restore_button = QPushButton(self.tr("&Restore this backup…"), self.backups_box)
        self.restore_button.setAccessibleName(self.tr("Restore the selected backup"))
        self.restore_button.setToolTip(
            self.tr("Replace the records with the selected backup (the current database is kept aside)")
        )
        self.folder_button = QPushButton(self.tr("Open backups &folder"), self.backups_box)
        self.folder_button.setAccessibleName(self.tr("Open the backups folder"))
        backup_buttons.addWidget(self.restore_button)
        backup_buttons.addWidget(self.folder_button)
        backup_buttons.addStretch(1)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_backups_folder)
        self.backups_view.selectionModel().selectionChanged.connect(lambda *_: self._update_backup_buttons())
        self.backups_view.activated.connect(lambda _i: self.restore_selected())
        self.backups.modelReset.connect(self._on_backups_loaded)
        return self.backups_box

    # Backups -----------------------------------------------------------------------------------
    @property
    def database_file(self) -> Path | None:
        return None if self.ctx.demo else self.ctx.db.path

    def _explain_backups(self) -> None:
        path = self.database_file
        if self.ctx.on_server:
            self._on_server()
        elif path is None:
            text = self.tr("Demo data is thrown away when the app closes, so it is not backed up.")
            self._say(text)
            self.backups_note.setText(text)
            self.backup_button.setEnabled(False)
            self.folder_button.setEnabled(False)
        elif self.ctx.db.readonly:
            self.backups_note.setText(
                self.backups_note.text()
                + " "
                + self.tr("Restoring is possible only in the copy of the app that has the database open.")
            )

    def _on_server(self) -> None:
        """The agency database: a server, not a file. Backups, restore and opening another
        file are the file's; each is hidden or disabled, and the page says why."""
        self.path.setText(self.tr("Agency database: {place}").format(place=self.ctx.location))
        self.path.setAccessibleName(self.tr("Agency database"))
        reason = self.tr(
            "The agency database is backed up by its administrator, on the server: the app takes no "
            "backups of it and restores none."
        )
        self._say(reason)
        self.backup_button.setVisible(False)
        self.backups_box.setVisible(False)
        self.open_button.setEnabled(False)
        self.open_button.setToolTip(no_file_to_open_here())

    def _on_backups_loaded(self) -> None:
        empty = self.backups.rowCount() == 0
        self.backups_view.setVisible(not empty)
        self.backups_empty.setVisible(empty)
        self._update_backup_buttons()

    def _update_backup_buttons(self) -> None:
        self.restore_button.setEnabled(
            self.selected_backup() is not None and not self.ctx.read_only and self.database_file is not None
        )

    def selected_backup(self) -> storage.BackupInfo | None:
        rows = self.backups_view.selectionModel().selectedRows()
        return self.backups.data(rows[0], ROW_ROLE) if rows else None

    def back_up_now(self) -> None:
        path = self.database_file
        if path is None:
            return
        suggested = safe_file_name(f"{path.stem} backup {clock.today().isoformat()}{path.suffix or '.db'}")
        chosen = self.ask_backup_path(str(path.parent / suggested))
        if not chosen:
            return
        target = Path(chosen).expanduser().resolve()
        if target == path.resolve():
            show_error(
                self,
                DatabaseError(self.tr("The backup must go to another file than the database itself.")),
                title=self.tr("Not backed up"),
            )
            return
        db = self.ctx.db
        self.backup_button.setEnabled(False)
        self._say(self.tr("Backing up…"))

        def work(_progress: Any) -> Path:
            return backups.backup_now(db, target)  # a read-only copy cannot add to the audit trail

        def done(saved: Path) -> None:
            self.backup_button.setEnabled(True)
            self._say(self.tr("Backed up to {path}").format(path=saved))
            if not db.readonly:
                emit(self.ctx.records_changed)  # the audit trail has the backup

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self._say("")
            reason = str(exc) if isinstance(exc, (OSError, sqlite3.Error, DatabaseError)) else repr(exc)
            show_error(
                self,
                DatabaseError(self.tr("The backup was not saved: {reason}").format(reason=reason)),
                title=self.tr("Not backed up"),
            )

        self.ctx.runner.run(work, on_done=done, on_error=failed)

    def _say(self, text: str) -> None:
        self.backup_status.setText(text)
        self.backup_status.setVisible(bool(text))

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None or self.ctx.read_only or self.database_file is None:
            return
        if self.confirm_restore(info):
            emit(self.restore_requested, str(info.path))

    def open_backups_folder(self) -> None:
        path = self.database_file
        if path is None:
            return
        folder = storage.backup_dir_for(path)
        folder.mkdir(parents=True, exist_ok=True)
        self.open_folder(folder)

    def _ask_backup_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up the database to"),
            suggested,
            self.tr("supervisor_app databases (*.db);;All files (*)"),
        )
        return path

    def _confirm_restore(self, info: storage.BackupInfo) -> bool:
        taken = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore this backup?"),
            self.tr(
                "<p><b>Replace every record in this database with the backup taken on {taken}</b> ({why}).</p>"
                "<p>Everything entered, signed or printed after {taken} will no longer be in the database. "
                "Open editors are closed.</p>"
                "<p>The database as it is now is kept aside as a copy beside it, and in the automatic "
                "backups, so this can be undone.</p>"
            ).format(taken=taken, why=reason_text(info.reason)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        restore = box.addButton(self.tr("Restore the backup"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAccessibleName(self.tr("Restore this backup?"))
        box.exec()
        return box.clickedButton() is restore


def open_folder_in_files(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
