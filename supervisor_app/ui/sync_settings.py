"""Settings ▸ Agency server: the address IT gives (``postgresql+psycopg://…``, never with the
password), whether to sync when the app starts and after signing, and Test connection.

A mixin of :class:`~supervisor_app.ui.settings_page.SettingsPage` (``self`` is the page), as
the backups' section is. Only on a laptop's own database (:func:`sync_control.can_sync`). A bad
address shows why beside the field and saves nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from supervisor_app.ui.common import error_label
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.sync_control import ask_server_password, open_agency, problem, url_problem


class AgencyServerSection:
    """The Agency server box of Settings (mixed into the page)."""

    def _server_box(self) -> QGroupBox:
        prefs = self.ctx.prefs
        box = QGroupBox(self.tr("Agency server (sync)"), self)
        box.setObjectName("server_box")
        form = QFormLayout(box)
        # Short lines, not wrapped: a wrapped label is the first thing a full page squeezes.
        note = QLabel(
            self.tr(
                "The address from your agency's IT, without the password: the app asks for it\n"
                "once each time it runs (never saved), or IT puts it in ~/.pgpass.\n"
                "Leave it empty to work on this laptop alone."
            ),
            box,
        )
        note.setToolTip(
            self.tr(
                "~/.pgpass is PostgreSQL's own password file (on Windows "
                "%APPDATA%\\postgresql\\pgpass.conf); with it the app never asks."
            )
        )
        note.setStyleSheet("color: palette(dark);")
        form.addRow(note)
        self.server_url = QLineEdit(prefs.sync_url, box)
        self.server_url.setObjectName("server_url")
        self.server_url.setPlaceholderText("postgresql+psycopg://you@agency-server/agency")
        self.server_url.setAccessibleName(self.tr("Agency server address"))
        self.server_url.textEdited.connect(lambda _text: self._update_server_buttons())
        self.server_url.returnPressed.connect(self.save_server)
        caption = QLabel(self.tr("Server &address:"), box)
        caption.setBuddy(self.server_url)
        form.addRow(caption, self.server_url)
        self.server_error = error_label(box)
        self.server_error.setObjectName("error_server_url")
        form.addRow("", self.server_error)
        self.sync_at_start = QCheckBox(self.tr("Sync when the app star&ts"), box)
        self.sync_at_start.setAccessibleName(self.tr("Sync when the app starts"))
        self.sync_at_start.setChecked(prefs.sync_at_start)
        self.sync_at_start.toggled.connect(self._on_sync_at_start)
        self.sync_after_signing = QCheckBox(self.tr("Sync after s&igning"), box)
        self.sync_after_signing.setAccessibleName(self.tr("Sync after signing"))
        self.sync_after_signing.setChecked(prefs.sync_after_signing)
        self.sync_after_signing.toggled.connect(self._on_sync_after_signing)
        form.addRow(self.sync_at_start)
        form.addRow(self.sync_after_signing)
        buttons = QHBoxLayout()
        self.server_save_button = QPushButton(self.tr("Sav&e address"), box)
        self.server_save_button.setAccessibleName(self.tr("Save the agency server address"))
        self.server_save_button.clicked.connect(self.save_server)
        self.server_test_button = QPushButton(self.tr("Test &connection"), box)
        self.server_test_button.setAccessibleName(self.tr("Test the connection to the agency server"))
        self.server_test_button.clicked.connect(self.test_server)
        buttons.addWidget(self.server_save_button)
        buttons.addWidget(self.server_test_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.server_status = QLabel(box)
        self.server_status.setObjectName("server_status")
        self.server_status.setWordWrap(True)
        self.server_status.setAccessibleName(self.tr("Agency server status"))
        form.addRow(self.server_status)
        self._update_server_buttons()
        return box

    def _server_text(self) -> str:
        return self.server_url.text().strip()

    def _update_server_buttons(self) -> None:
        self.server_save_button.setEnabled(self._server_text() != self.ctx.prefs.sync_url)
        self.server_test_button.setEnabled(bool(self._server_text()))

    def _server_checked(self) -> str | None:
        """The address typed, or None after showing why it cannot be one."""
        url = self._server_text()
        why = url_problem(url)
        self.server_error.setText(why)
        self.server_error.setVisible(bool(why))
        if why:
            self.server_status.clear()
            self.server_url.setFocus()
            return None
        return url

    def save_server(self) -> None:
        url = self._server_checked()
        if url is None:
            return
        self.ctx.prefs.sync_url = url
        self.ctx.sync_password = ""  # a password given for another server is not this one's
        self.server_url.setText(url)
        self._update_server_buttons()
        if url:
            self.server_status.setText(
                self.tr("Saved. File ▸ Sync with the agency (Ctrl+Shift+Y) syncs this laptop with it.")
            )
        else:
            self.server_status.setText(self.tr("Saved: no agency server. This laptop works alone."))
        emit(self.server_changed)

    def test_server(self) -> None:
        url = self._server_checked()
        if not url:
            return
        self.server_test_button.setEnabled(False)
        self.server_status.setText(self.tr("Connecting…"))
        password = self.ctx.sync_password

        def work(_progress: Any) -> str:
            agency = open_agency(url, password)  # checks the schema's version too
            try:
                return agency.url.rsplit("/", 1)[-1].split("?", 1)[0]
            finally:
                agency.close()

        def done(name: str) -> None:
            self.server_test_button.setEnabled(True)
            self.server_status.setText(
                self.tr("✓ Connected: the agency database {name} answers and is ready to sync.").format(
                    name=name
                )
            )

        def failed(exc: BaseException) -> None:
            self.server_test_button.setEnabled(True)
            kind = problem(exc)
            if kind in ("password", "wrong_password"):
                self.server_status.setText(self.tr("The server asks for a password."))
                self.ctx.sync_password = ""
                ask_server_password(
                    self.ctx,
                    self,
                    url,
                    wrong=kind == "wrong_password",
                    then=self.test_server,
                    cancelled=lambda: None,
                )
            elif kind == "unreachable":
                self.server_status.setText(
                    self.tr("✗ Not reachable: {reason}").format(reason=str(exc) or type(exc).__name__)
                )
            else:
                self.server_status.setText(
                    self.tr("✗ Not ready: {reason}").format(reason=str(exc) or type(exc).__name__)
                )

        self.ctx.runner.run(work, on_done=done, on_error=failed)

    def _on_sync_at_start(self, on: bool) -> None:
        self.ctx.prefs.sync_at_start = on

    def _on_sync_after_signing(self, on: bool) -> None:
        self.ctx.prefs.sync_after_signing = on
