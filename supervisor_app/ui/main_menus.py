"""The main window's menu bar: File, Edit, View and Help, their actions and shortcuts.

A mixin of :class:`~supervisor_app.ui.main_window.MainWindow`: the actions call the window's
commands (``new_session``, ``print_current``, ``sign_selected``...) and are kept on it
(``window.print_action``...), so tests and the help's list of shortcuts find them there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from supervisor_app.ui.common import no_file_to_open_here
from supervisor_app.ui.qt_fixes import emit


class MainMenus:
    """The menus of the main window (mixed into it: ``self`` is the window)."""

    # Menus -------------------------------------------------------------------------------------
    def _action(
        self, text: str, slot: Any, shortcut: Any = None, *, name: str = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name or text.replace("&", "").replace("…", "").strip().lower().replace(" ", "_"))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        SK = QKeySequence.StandardKey
        review = self.review
        file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu = file_menu  # where Sync with the agency goes (ui/sync_control.py)
        self.new_session_action = self._action(
            self.tr("&New session…"), self.new_session, SK.New, name="new_session"
        )
        self.new_experience_action = self._action(
            self.tr("New &experience entry…"), self.new_experience, "Ctrl+Shift+N", name="new_experience"
        )
        self.new_supervisee_action = self._action(
            self.tr("New s&upervisee…"), self.new_supervisee, name="new_supervisee"
        )
        self.new_supervisor_action = self._action(
            self.tr("New supe&rvisor…"), self.new_supervisor, name="new_supervisor"
        )
        self.print_action = self._action(
            self.tr("&Print attestation…"), self.print_current, SK.Print, name="print"
        )
        self.training_action = self._action(
            self.tr("Training and &credentials…"),
            self.show_training,
            name="training",
            tip=self.tr("Your own training hours, CEUs and credentials"),
        )
        self.open_action = self._action(
            self.tr("&Open database…"),
            lambda: emit(self.open_database_requested),
            SK.Open,
            name="open_database",
        )
        self.lock_action = self._action(
            self.tr("&Lock"), lambda: emit(self.lock_requested), "Ctrl+L", name="lock"
        )
        self.sign_out_action = self._action(
            self.tr("Sign &out"), lambda: emit(self.sign_out_requested), name="sign_out"
        )
        self.review_action = self._action(
            self.tr("Re&view with supervisee…"),
            self.start_review,
            name="review",
            tip=self.tr("Hand the computer to one supervisee: only their own hours, read only"),
        )
        self.end_review_action = self._action(self.tr("En&d review…"), self.end_review, name="end_review")
        self.quit_action = self._action(self.tr("&Quit"), self.close, SK.Quit, name="quit")
        self.import_action = self._action(
            self.tr("&Import records…"),
            self.transfer.import_records,
            name="import",
            tip=self.tr("Import past sessions and experience from a spreadsheet (CSV or Excel)"),
        )
        self.template_action = self._action(
            self.tr("Save import &template…"),
            self.transfer.save_template,
            name="import_template",
            tip=self.tr("A spreadsheet with the columns the import expects, and an explanation of each"),
        )
        self.give_hours_action = self._action(
            self.tr("&Give hours file to the supervisee…"),
            self.give_hours_file,
            name="give_hours_file",
            tip=self.tr("Save the signed records of the supervisee on show to a file they keep"),
        )
        self.open_hours_action = self._action(
            self.tr("Open &hours file…"),
            self.transfer.open_hours_files,
            name="open_hours_file",
            tip=self.tr("Show a supervisee's hours files read-only: progress and statement, no sign-in"),
        )
        self.export_csv_action = self._action(
            self.tr("As &CSV files (one per table)…"), self.transfer.export_csv, name="export_csv"
        )
        self.export_json_action = self._action(
            self.tr("As one &JSON file…"), self.transfer.export_json, name="export_json"
        )
        read_only_tip = self.tr("Read only: this database is open in supervisor_app by {holder}").format(
            holder=self.ctx.held_by
        )
        for action in (
            self.new_session_action,
            self.new_experience_action,
            self.new_supervisee_action,
            self.new_supervisor_action,
        ):
            action.setVisible(not review)
            action.setEnabled(not self.read_only)
            if self.ctx.db.readonly:
                action.setToolTip(read_only_tip)
            file_menu.addAction(action)
        self.training_action.setVisible(not review)
        self.training_action.setEnabled(not review and self.ctx.supervisor_id is not None)
        file_menu.addAction(self.training_action)
        file_menu.addSeparator()
        if review:
            self.print_action.setText(self.tr("&Print my statement…"))
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        self.import_action.setEnabled(self.transfer.can_import)
        self.template_action.setEnabled(not review)
        for action in (self.import_action, self.template_action):
            action.setVisible(not review)
            file_menu.addAction(action)
        self.give_hours_action.setVisible(not review)
        self.give_hours_action.setEnabled(self.transfer.can_give_hours)
        file_menu.addAction(self.give_hours_action)
        file_menu.aboutToShow.connect(self._name_give_hours)
        file_menu.addAction(self.open_hours_action)
        self.export_menu = file_menu.addMenu(self.tr("E&xport everything"))
        self.export_menu.setObjectName("export_menu")
        self.export_menu.menuAction().setVisible(not review)
        for action in (self.export_csv_action, self.export_json_action):
            action.setEnabled(self.transfer.can_export)
            self.export_menu.addAction(action)
        file_menu.addSeparator()
        self.open_action.setVisible(not review)
        self.open_action.setEnabled(not review and not self.ctx.on_server)
        if self.ctx.on_server:  # a file chooser cannot name a server; the app starts on a file instead
            self.open_action.setToolTip(no_file_to_open_here())
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.lock_action)
        self.review_action.setVisible(not review)
        self.review_action.setEnabled(not review and self.ctx.supervisor_id is not None)
        file_menu.addAction(self.review_action)
        self.end_review_action.setVisible(review)
        self.end_review_action.setEnabled(review)
        file_menu.addAction(self.end_review_action)
        self.sign_out_action.setVisible(not review)  # leaving a review needs a supervisor's password
        self.sign_out_action.setEnabled(not review)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.find_action = self._action(self.tr("&Find…"), self.find, SK.Find, name="find")
        edit_menu.addAction(self.find_action)
        self.sign_action = self._action(
            self.tr("&Sign selected…"),
            self.sign_selected,
            "Ctrl+Shift+S",
            name="sign",
            tip=self.tr("Sign the records selected in To sign"),
        )
        self.sign_action.setVisible(not review)
        self.sign_action.setEnabled(not self.read_only)
        edit_menu.addAction(self.sign_action)
        self.verify_action = self._action(self.tr("&Verify records"), self.verify_records, name="verify")
        self.verify_action.setVisible(not review)
        self.verify_action.setEnabled(not review)
        edit_menu.addAction(self.verify_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for row, page in enumerate(self.pages.pages()):
            text = self.nav.item(row).text()
            action = self._action(
                text, lambda p=page: self.show_page(p), f"Ctrl+{row + 1}", name=f"page_{row + 1}"
            )
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.back_action = self._action(
            self.tr("&Back to list"),
            self.back_to_list,
            [QKeySequence(SK.Back), QKeySequence("Alt+Left")],
            name="back",
        )
        self.back_action.setEnabled(not review)
        view_menu.addAction(self.back_action)
        self.refresh_action = self._action(
            self.tr("&Refresh"), lambda: emit(self.ctx.records_changed), SK.Refresh, name="refresh"
        )
        view_menu.addAction(self.refresh_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&Getting started…"), self.show_help, SK.HelpContents, name="help")
        )
        help_menu.addAction(
            self._action(self.tr("&Keyboard shortcuts…"), self.show_shortcuts, name="shortcuts")
        )
        help_menu.addAction(self._action(self.tr("&About supervisor_app"), self.show_about, name="about"))
        # Printing a verification form records it; a supervisee's own statement records nothing.
        self.print_action.setEnabled(review or not self.read_only)
        if not self.print_action.isEnabled():
            self.print_action.setToolTip(read_only_tip)
