"""Settings: the database file, idle lock, people, and the credential profiles' rules."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.context import AppContext
from supervisor_app.ui.profile_view import ProfileView
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES


class SettingsPage(QWidget):
    open_database_requested = Signal()
    idle_minutes_changed = Signal(int)
    change_password_requested = Signal()
    new_supervisor_requested = Signal()
    new_supervisee_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settings_page")
        self.setAccessibleName(self.tr("Settings"))
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
        self.open_button = QPushButton(self.tr("&Open another database…"), db_box)
        self.open_button.setAccessibleName(self.tr("Open another database"))
        self.open_button.clicked.connect(self.open_database_requested)
        db_layout.addWidget(self.open_button)
        self.backup_button = QPushButton(self.tr("&Back up now"), db_box)
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.backup_button.setEnabled(False)
        self.backup_button.setToolTip(
            self.tr(
                "Backups arrive in the next version. Until then, copy the database file while the app is closed."
            )
        )
        db_layout.addWidget(self.backup_button)
        backup_note = QLabel(self.backup_button.toolTip(), db_box)
        backup_note.setWordWrap(True)
        backup_note.setStyleSheet("color: palette(dark);")
        db_layout.addWidget(backup_note)
        left.addWidget(db_box)

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
        self.password_button.setEnabled(ctx.supervisor_id is not None)
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
        left.addWidget(people_box)
        left.addStretch(1)

        right = QVBoxLayout()
        layout.addLayout(right, 5)
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

    def _show_profile(self, *_args: object) -> None:
        code = self.profile.currentData()
        if code:
            self.profile_view.show_profile(self.ctx.db.profiles.get(code))

    def _on_idle_changed(self, minutes: int) -> None:
        self.ctx.prefs.idle_minutes = minutes
        emit(self.idle_minutes_changed, minutes)
