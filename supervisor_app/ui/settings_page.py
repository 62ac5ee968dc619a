"""Settings: the agency's details, the database file and its backups, idle lock, people, and
the credential profiles' rules."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import storage
from supervisor_app.fileops import sync_folder
from supervisor_app.services import people
from supervisor_app.services.filenames import safe_file_name
from supervisor_app.storage import DatabaseError
from supervisor_app.ui.backup_table_model import ROW_ROLE, BackupTableModel, reason_text
from supervisor_app.ui.common import FieldErrors, error_label, show_error
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.profile_view import ProfileView
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.screen_fit import narrow, scrolling
from supervisor_app.ui.settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from supervisor_app.ui.supervisor_table_model import ROW_ROLE as SUPERVISOR_ROW_ROLE
from supervisor_app.ui.supervisor_table_model import SupervisorTableModel
from supervisor_app.usecases import backups


class SettingsPage(RefreshOnChange, QWidget):
    restore_requested = Signal(str)  # the backup to restore, confirmed by the supervisor
    open_database_requested = Signal()
    idle_minutes_changed = Signal(int)
    change_password_requested = Signal()
    new_supervisor_requested = Signal()
    new_supervisee_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # What the file dialogs and the confirmation would answer; tests put answers here.
        self.ask_backup_path: Callable[[str], str] = self._ask_backup_path
        self.confirm_restore: Callable[[storage.BackupInfo], bool] = self._confirm_restore
        self.open_folder: Callable[[Path], None] = _open_folder
        self.setObjectName("settings_page")
        self.setAccessibleName(self.tr("Settings"))
        self.compact = narrow(parent)
        if self.compact:  # a laptop at 125-150%: the two columns one above the other, scrolling
            body = QWidget(self)
            page = QVBoxLayout(self)
            page.setContentsMargins(0, 0, 0, 0)
            page.addWidget(scrolling(body, self))
            layout = QHBoxLayout(body)
            layout.setDirection(QHBoxLayout.Direction.TopToBottom)
        else:
            layout = QHBoxLayout(self)
        left = QVBoxLayout()
        layout.addLayout(left, 2)
        left.addWidget(QLabel(self.tr("<h2>Settings</h2>"), self))

        db_box = QGroupBox(self.tr("Database"), self)
        db_layout = QVBoxLayout(db_box)
        self.path = QLabel(ctx.location, db_box)
        self.path.setWordWrap(True)
        self.path.setAccessibleName(self.tr("Database file"))
        db_layout.addWidget(self.path)
        self.sync_warning = QLabel(db_box)
        self.sync_warning.setObjectName("sync_warning")
        self.sync_warning.setWordWrap(True)
        self.sync_warning.setStyleSheet("color: #7a4b00;")
        self.sync_warning.setAccessibleName(self.tr("Warning about the database's folder"))
        synced = sync_folder(str(ctx.db.path), os.environ, windows=os.name == "nt") if ctx.db.path else None
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
        left.addWidget(db_box)

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
        self.backups_view = QTableView(self.backups_box)
        self.backups_view.setObjectName("backup_table")
        self.backups_view.setAccessibleName(self.tr("Automatic backups"))
        self.backups_view.setModel(self.backups)
        self.backups_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backups_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backups_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups_view.verticalHeader().setVisible(False)
        self.backups_view.setTabKeyNavigation(False)
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
        left.addWidget(self.backups_box, 1)

        security = QGroupBox(self.tr("Security"), self)
        security_form = QFormLayout(security)
        self.idle = QSpinBox(security)
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setValue(ctx.prefs.idle_minutes)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setAccessibleName(self.tr("Lock after this many idle minutes"))
        caption = QLabel(self.tr("&Lock when idle for:"), security)
        caption.setBuddy(self.idle)
        security_form.addRow(caption, self.idle)
        self.idle.valueChanged.connect(self._on_idle_changed)
        self.password_button = QPushButton(self.tr("Change my &password…"), security)
        self.password_button.setAccessibleName(self.tr("Change my password"))
        self.password_button.clicked.connect(self.change_password_requested)
        self.password_button.setEnabled(ctx.supervisor_id is not None and not ctx.read_only)
        security_form.addRow(self.password_button)
        left.addWidget(security)

        people_box = QGroupBox(self.tr("People"), self)
        people_layout = QVBoxLayout(people_box)
        self.new_supervisor_button = QPushButton(self.tr("New &supervisor…"), people_box)
        self.new_supervisor_button.setAccessibleName(self.tr("New supervisor"))
        self.new_supervisor_button.clicked.connect(self.new_supervisor_requested)
        self.new_supervisee_button = QPushButton(self.tr("New s&upervisee…"), people_box)
        self.new_supervisee_button.setAccessibleName(self.tr("New supervisee"))
        self.new_supervisee_button.clicked.connect(self.new_supervisee_requested)
        people_layout.addWidget(self.new_supervisor_button)
        people_layout.addWidget(self.new_supervisee_button)
        for button in (self.new_supervisor_button, self.new_supervisee_button):
            button.setEnabled(not ctx.read_only)
        left.addWidget(people_box)

        right = QVBoxLayout()
        layout.addLayout(right, 5)
        right.addWidget(self._agency_box())
        right.addWidget(self._supervisors_section())
        profiles_box = QGroupBox(self.tr("Credential profiles (the rules the app checks)"), self)
        profiles_layout = QVBoxLayout(profiles_box)
        self.profile = QComboBox(profiles_box)
        self.profile.setAccessibleName(self.tr("Credential profile"))
        for profile in ctx.db.profiles:
            self.profile.addItem(f"{profile.code}: {profile.name}", profile.code)
        self.profile.setCurrentIndex(max(0, self.profile.findData("CRSS")))
        profiles_layout.addWidget(self.profile)
        self.profile_view = ProfileView(profiles_box)
        profiles_layout.addWidget(self.profile_view, 1)
        right.addWidget(profiles_box, 1)
        self.profile.currentIndexChanged.connect(self._show_profile)
        self._show_profile()
        self._explain_backups()
        self.watch_records()
        self.refresh()

    # Agency ------------------------------------------------------------------------------------
    def _agency_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Agency (printed on the attestation forms)"), self)
        form = QFormLayout(box)
        self.agency_error = error_label(box)
        form.addRow(self.agency_error)
        labels: dict[str, QLabel] = {}
        self.agency_name = QLineEdit(box)
        self.agency_address = QLineEdit(box)
        self.agency_phone = QLineEdit(box)
        self.agency_phone.setPlaceholderText(self.tr("e.g. (217) 555-0100"))
        # Who may supervise (issue 18): kinds the agency adds where a profile lets it.
        self.agency_kinds = QLineEdit(box)
        self.agency_kinds.setPlaceholderText(self.tr("e.g. LSW, CCS (comma-separated)"))
        self.agency_kinds.setToolTip(
            self.tr(
                "Credentials or licences that also qualify a supervisor at this agency, besides those "
                "the CRSS, CPRS, CADC and QMHP profiles list. The LCPC's list is set by rule."
            )
        )
        for caption, name, edit, field in (
            (self.tr("Agency na&me:"), self.tr("Agency name"), self.agency_name, "agency"),
            (self.tr("A&ddress:"), self.tr("Agency address"), self.agency_address, "address"),
            (self.tr("P&hone:"), self.tr("Agency phone"), self.agency_phone, "phone"),
            (
                self.tr("Also &qualify a supervisor:"),
                self.tr("Credentials that also qualify a supervisor"),
                self.agency_kinds,
                "supervisor_kinds",
            ),
        ):
            edit.setAccessibleName(name)
            edit.textEdited.connect(lambda _text: self._update_agency_buttons())
            edit.returnPressed.connect(self.save_agency)
            label = QLabel(caption, box)
            label.setBuddy(edit)
            form.addRow(label, edit)
            labels[field] = error_label(box)
            labels[field].setObjectName(f"error_agency_{field}")
            form.addRow("", labels[field])
        self.agency_errors = FieldErrors(labels, fallback=self.agency_error)
        buttons = QHBoxLayout()
        self.agency_save_button = QPushButton(self.tr("Sa&ve agency details"), box)
        self.agency_save_button.setAccessibleName(self.tr("Save agency details"))
        self.agency_save_button.clicked.connect(self.save_agency)
        self.agency_revert_button = QPushButton(self.tr("Undo chan&ges"), box)
        self.agency_revert_button.setAccessibleName(self.tr("Undo changes to the agency details"))
        self.agency_revert_button.clicked.connect(self._load_agency)
        self.agency_status = QLabel(box)
        self.agency_status.setWordWrap(True)
        self.agency_status.setAccessibleName(self.tr("Agency details status"))
        buttons.addWidget(self.agency_save_button)
        buttons.addWidget(self.agency_revert_button)
        buttons.addWidget(self.agency_status, 1)
        form.addRow(buttons)
        self.agency_id: int | None = None
        self._agency_saved: tuple[str, str, str, str] = ("", "", "", "")
        self._load_agency()
        return box

    def _agency_fields(self) -> tuple[str, str, str, str]:
        return (
            self.agency_name.text(),
            self.agency_address.text(),
            self.agency_phone.text(),
            self.agency_kinds.text(),
        )

    def agency_dirty(self) -> bool:
        return self.agency_id is not None and self._agency_fields() != self._agency_saved

    def _load_agency(self) -> None:
        """The signed-in supervisor's agency (or the first one) as saved; typing is dropped."""
        supervisor_id = self.ctx.supervisor_id

        def read(uow: Any) -> tuple[int, str, str, str, str] | None:
            agency = people.agency_for(uow, supervisor_id=supervisor_id)
            if agency is None:
                return None
            return (agency.id, agency.name, agency.address, agency.phone, agency.supervisor_kinds)

        found = self.ctx.read_now(read)
        self.agency_errors.clear()
        self.agency_id = found[0] if found else None
        self._agency_saved = found[1:] if found else ("", "", "", "")  # type: ignore[assignment]
        for edit, value in zip(
            (self.agency_name, self.agency_address, self.agency_phone, self.agency_kinds),
            self._agency_saved,
            strict=True,
        ):
            edit.setText(value)
            edit.setReadOnly(self.ctx.read_only or found is None)
        if found is None:
            self.agency_status.setText(
                self.tr("No agency is recorded in this database yet (the first-run screen records one).")
            )
        self._update_agency_buttons()

    def _update_agency_buttons(self) -> None:
        dirty = self.agency_dirty() and not self.ctx.read_only
        self.agency_save_button.setEnabled(dirty)
        self.agency_revert_button.setEnabled(dirty)
        if dirty:
            self.agency_status.clear()

    def save_agency(self) -> None:
        agency_id = self.agency_id
        if agency_id is None or self.ctx.read_only or not self.agency_dirty():
            return
        name, address, phone, kinds = self._agency_fields()
        self.agency_errors.clear()
        self.agency_save_button.setEnabled(False)
        self.ctx.write(
            lambda uow: (
                people.update_agency(
                    uow, agency_id=agency_id, name=name, address=address, phone=phone, supervisor_kinds=kinds
                ).id
            ),
            on_done=self._on_agency_saved,
            on_error=self._on_agency_error,
        )

    def _on_agency_saved(self, _agency_id: int) -> None:
        self._load_agency()
        self.agency_status.setText(self.tr("Saved. Forms printed from now on carry these details."))

    def _on_agency_error(self, exc: BaseException) -> None:
        self.agency_save_button.setEnabled(True)
        self.agency_errors.show(exc)

    # Supervisors --------------------------------------------------------------------------------
    def _supervisors_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("Supervisors"), self)
        box_layout = QVBoxLayout(box)
        self.supervisors = SupervisorTableModel(self)
        self.supervisors_view = QTableView(box)
        self.supervisors_view.setObjectName("supervisor_table")
        self.supervisors_view.setAccessibleName(self.tr("Supervisors"))
        self.supervisors_view.setModel(self.supervisors)
        self.supervisors_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.supervisors_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.supervisors_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.supervisors_view.verticalHeader().setVisible(False)
        self.supervisors_view.setTabKeyNavigation(False)
        self.supervisors_view.setMinimumHeight(120)
        header = self.supervisors_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        box_layout.addWidget(self.supervisors_view, 1)
        row = QHBoxLayout()
        box_layout.addLayout(row)
        second_row = row
        if self.compact:  # six buttons in two rows of three
            second_row = QHBoxLayout()
            box_layout.addLayout(second_row)
        self.edit_supervisor_button = QPushButton(self.tr("E&dit…"), box)
        self.edit_supervisor_button.setAccessibleName(self.tr("Edit the selected supervisor"))
        self.set_password_button = QPushButton(self.tr("Set pass&word…"), box)
        self.set_password_button.setAccessibleName(self.tr("Set the selected supervisor's password"))
        self.set_password_button.setToolTip(
            self.tr("A first password, or a forgotten one: they type it, you confirm with yours")
        )
        self.leave_button = QPushButton(self.tr("Left the a&gency…"), box)
        self.leave_button.setAccessibleName(self.tr("The selected supervisor left the agency"))
        self.leave_button.setToolTip(self.tr("Mark inactive and hand their supervisees to a successor"))
        self.reactivate_button = QPushButton(self.tr("Rea&ctivate"), box)
        self.reactivate_button.setAccessibleName(self.tr("Reactivate the selected supervisor"))
        self.inherited_button = QPushButton(self.tr("Review pe&nding they left…"), box)
        self.inherited_button.setAccessibleName(self.tr("Review what the selected supervisor left unsigned"))
        self.inherited_button.setToolTip(self.tr("You are their successor: sign what you can vouch for"))
        self.recovery_key_button = QPushButton(self.tr("New recovery &key…"), box)
        self.recovery_key_button.setAccessibleName(self.tr("Make a new recovery key for me"))
        self.recovery_key_button.setToolTip(
            self.tr("For a forgotten password: written down, kept away from this computer")
        )
        for index, button in enumerate(
            (
                self.edit_supervisor_button,
                self.set_password_button,
                self.leave_button,
                self.reactivate_button,
                self.inherited_button,
                self.recovery_key_button,
            )
        ):
            (row if index < 3 else second_row).addWidget(button)
        row.addStretch(1)
        if second_row is not row:
            second_row.addStretch(1)
        self.supervisors_status = QLabel(box)
        self.supervisors_status.setWordWrap(True)
        self.supervisors_status.setAccessibleName(self.tr("Supervisors status"))
        self.supervisors_status.setVisible(False)
        box_layout.addWidget(self.supervisors_status)
        self.supervisor_dialog: QWidget | None = None  # the one open (tests look at it)
        self.edit_supervisor_button.clicked.connect(self.edit_selected_supervisor)
        self.set_password_button.clicked.connect(self.set_selected_password)
        self.leave_button.clicked.connect(self.selected_supervisor_leaves)
        self.reactivate_button.clicked.connect(self.reactivate_selected_supervisor)
        self.recovery_key_button.clicked.connect(self.new_recovery_key)
        self.inherited_button.clicked.connect(self.review_inherited)
        self._acting: dict[int, int] = {}  # supervisor who left: who signs for them now
        self.supervisors_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_supervisor_buttons()
        )
        self.supervisors_view.activated.connect(lambda _i: self.edit_selected_supervisor())
        self.supervisors.modelReset.connect(self._update_supervisor_buttons)
        self._update_supervisor_buttons()
        return box

    def _load_supervisors(self) -> None:
        from supervisor_app.services import roster
        from supervisor_app.services.supervisors import acting_successors

        self._supervisors_stale = False
        selected = self.selected_supervisor()
        self._acting = self.ctx.read_now(acting_successors)
        self.supervisors.set_rows(self.ctx.read_now(roster.supervisor_rows))
        if selected is not None:
            self.select_supervisor(selected.id)

    def selected_supervisor(self) -> Any:
        rows = self.supervisors_view.selectionModel().selectedRows()
        return self.supervisors.data(rows[0], SUPERVISOR_ROW_ROLE) if rows else None

    def select_supervisor(self, supervisor_id: int) -> None:
        for index, row in enumerate(self.supervisors.rows()):
            if row.id == supervisor_id:
                self.supervisors_view.selectRow(index)
                return

    def _update_supervisor_buttons(self) -> None:
        row = self.selected_supervisor()
        writable = not self.ctx.read_only
        me = self.ctx.supervisor_id
        self.edit_supervisor_button.setEnabled(writable and row is not None)
        self.set_password_button.setEnabled(
            writable and row is not None and row.active and row.id != me and me is not None
        )
        self.leave_button.setEnabled(writable and row is not None and row.active)
        self.reactivate_button.setEnabled(writable and row is not None and not row.active)
        self.recovery_key_button.setEnabled(writable and me is not None)
        self.inherited_button.setEnabled(
            writable and row is not None and me is not None and self._acting.get(row.id) == me
        )

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.supervisor_dialog = dialog
        dialog.open()
        return dialog

    def _say_supervisors(self, text: str) -> None:
        self.supervisors_status.setText(text)
        self.supervisors_status.setVisible(bool(text))

    def edit_selected_supervisor(self) -> None:
        row = self.selected_supervisor()
        if row is None or self.ctx.read_only:
            return
        from supervisor_app.ui.supervisor_dialog import SupervisorDialog

        dialog = SupervisorDialog(self.ctx, self, supervisor_id=row.id)
        dialog.saved.connect(lambda _id: self._say_supervisors(self.tr("Changes saved.")))
        self._open(dialog)

    def set_selected_password(self) -> None:
        row = self.selected_supervisor()
        if row is None or not self.set_password_button.isEnabled():
            return
        from supervisor_app.ui.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx, self, for_supervisor=(row.id, row.name))
        dialog.accepted.connect(
            lambda: self._say_supervisors(self.tr("Password set for {name}.").format(name=row.name))
        )
        self._open(dialog)

    def selected_supervisor_leaves(self) -> None:
        row = self.selected_supervisor()
        if row is None or not self.leave_button.isEnabled():
            return
        from supervisor_app.ui.supervisor_leave_dialog import SupervisorLeaveDialog

        dialog = SupervisorLeaveDialog(self.ctx, row.id, self)
        dialog.done_handover.connect(self._on_handover)
        self._open(dialog)

    def _on_handover(self, result: Any) -> None:
        if result.successor_id is None:
            text = self.tr("{name} is marked inactive.").format(name=result.supervisor_name)
        else:
            text = self.tr(
                "{name} is marked inactive; {supervisees} now with {successor}, who can review "
                "and sign the {records} left pending."
            ).format(
                name=result.supervisor_name,
                supervisees=self.tr("%n supervisee(s)", "", len(result.supervisees)),
                successor=result.successor_name,
                records=self.tr("%n record(s)", "", result.pending),
            )
        self._say_supervisors(text)

    def reactivate_selected_supervisor(self) -> None:
        row = self.selected_supervisor()
        if row is None or not self.reactivate_button.isEnabled():
            return

        def work(uow: Any) -> None:
            from supervisor_app.services.supervisors import reactivate_supervisor

            reactivate_supervisor(uow, supervisor_id=row.id)

        self.ctx.write(
            work,
            on_done=lambda _r: self._say_supervisors(
                self.tr("{name} is active again.").format(name=row.name)
            ),
            on_error=lambda exc: show_error(self, exc),
        )

    def review_inherited(self) -> None:
        row = self.selected_supervisor()
        if row is None or not self.inherited_button.isEnabled():
            return
        from supervisor_app.ui.inherited_pending_dialog import InheritedPendingDialog

        self._open(InheritedPendingDialog(self.ctx, row.id, row.name, self))

    def new_recovery_key(self) -> None:
        me = self.ctx.supervisor_id
        if me is None or self.ctx.read_only:
            return
        from supervisor_app.ui.password_dialog import PasswordDialog

        name = self.ctx.identity.name if self.ctx.identity else ""
        dialog = PasswordDialog(
            title=self.tr("New recovery key"),
            message=self.tr(
                "A new recovery key replaces the one you have (if any): the old one stops working. "
                "Write the new one down and keep it away from this computer."
            ),
            action=self.tr("&Make a new key"),
            signer=name,
            parent=self,
        )

        def submitted(password: str, _reason: str) -> None:
            def work(uow: Any) -> str:
                from supervisor_app.services.auth import new_recovery_key_for

                return new_recovery_key_for(uow, supervisor_id=me, password=password)

            def done(key: str) -> None:
                from supervisor_app.ui.recovery_key_dialog import show_recovery_key

                dialog.accept()
                self.supervisor_dialog = show_recovery_key(self, name, key)

            self.ctx.write(work, on_done=done, on_error=dialog.fail)

        dialog.submitted.connect(submitted)
        self._open(dialog)

    def _show_profile(self, *_args: object) -> None:
        code = self.profile.currentData()
        if code:
            self.profile_view.show_profile(self.ctx.db.profiles.get(code))

    def _on_idle_changed(self, minutes: int) -> None:
        self.ctx.prefs.idle_minutes = minutes
        emit(self.idle_minutes_changed, minutes)

    # Backups -----------------------------------------------------------------------------------
    @property
    def database_file(self) -> Path | None:
        return None if self.ctx.demo else self.ctx.db.path

    def _explain_backups(self) -> None:
        path = self.database_file
        if path is None:
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

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()
        if self._supervisors_stale:
            self._load_supervisors()

    def refresh(self) -> None:
        """Reload the list of automatic backups (a folder listing: quick) and of supervisors."""
        self._stale = False
        if not self.agency_dirty():  # changed elsewhere (the command line, another window)
            self._load_agency()
        self._supervisors_stale = True  # read when shown: nothing read at start-up
        if self.isVisible():
            self._load_supervisors()
        path = self.database_file
        try:
            found = storage.list_backups(path) if path is not None else []
        except OSError:
            found = []
        self.backups.set_rows(found)

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
        suggested = safe_file_name(f"{path.stem} backup {dt.date.today().isoformat()}{path.suffix or '.db'}")
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


def _open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
