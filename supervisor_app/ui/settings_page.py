"""Settings: the agency's details, the database file and its backups, idle lock, people, the
app's language, and the credential profiles' rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import i18n, storage
from supervisor_app.services import people
from supervisor_app.ui.common import FieldErrors, error_label
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.profile_view import ProfileView
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.screen_fit import narrow, scrolling
from supervisor_app.ui.settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from supervisor_app.ui.settings_backups import BackupsSection, open_folder_in_files
from supervisor_app.ui.settings_supervisors import SupervisorsSection
from supervisor_app.ui.sync_control import can_sync
from supervisor_app.ui.sync_settings import AgencyServerSection
from supervisor_app.ui.translations import chosen_language


class SettingsPage(BackupsSection, SupervisorsSection, AgencyServerSection, RefreshOnChange, QWidget):
    restore_requested = Signal(str)  # the backup to restore, confirmed by the supervisor
    open_database_requested = Signal()
    idle_minutes_changed = Signal(int)
    change_password_requested = Signal()
    new_supervisor_requested = Signal()
    new_supervisee_requested = Signal()
    server_changed = Signal()  # the agency server's address was saved (ui/sync_settings.py)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # What the file dialogs and the confirmation would answer; tests put answers here.
        self.ask_backup_path: Callable[[str], str] = self._ask_backup_path
        self.confirm_restore: Callable[[storage.BackupInfo], bool] = self._confirm_restore
        self.open_folder: Callable[[Path], None] = open_folder_in_files
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

        left.addWidget(self._database_box())
        left.addWidget(self._backups_box(), 1)

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
        left.addWidget(self._language_box())

        right = QVBoxLayout()
        layout.addLayout(right, 5)
        right.addWidget(self._agency_box())
        if can_sync(ctx):  # a laptop's own database: the agency server to sync with
            right.addWidget(self._server_box())
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

    # Language ------------------------------------------------------------------------------------
    def _language_box(self) -> QGroupBox:
        """The app's language: the system's (the default) or one chosen; it applies at the next
        start, when every screen is built in it (a window half in each language helps nobody)."""
        box = QGroupBox(self.tr("Language"), self)
        form = QFormLayout(box)
        self.language = QComboBox(box)
        self.language.setAccessibleName(self.tr("Language of the app"))
        system = i18n.LANGUAGES[chosen_language("")]
        self.language.addItem(self.tr("System ({language})").format(language=system), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)  # each language named in itself
        self.language.setCurrentIndex(max(0, self.language.findData(self.ctx.prefs.language)))
        caption = QLabel(self.tr("La&nguage:"), box)
        caption.setBuddy(self.language)
        form.addRow(caption, self.language)
        self.language_note = QLabel(box)
        self.language_note.setObjectName("language_note")
        self.language_note.setWordWrap(True)
        form.addRow(self.language_note)
        self._running_language = i18n.current()
        self.language.currentIndexChanged.connect(self._on_language_changed)
        return box

    def _on_language_changed(self, _index: int) -> None:
        choice = str(self.language.currentData() or "")
        self.ctx.prefs.language = choice
        if chosen_language(choice) == self._running_language:
            self.language_note.clear()
        else:
            self.language_note.setText(self.tr("Saved. The app changes language the next time it starts."))

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

    def _show_profile(self, *_args: object) -> None:
        code = self.profile.currentData()
        if code:
            self.profile_view.show_profile(self.ctx.db.profiles.get(code))

    def _on_idle_changed(self, minutes: int) -> None:
        self.ctx.prefs.idle_minutes = minutes
        emit(self.idle_minutes_changed, minutes)

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
