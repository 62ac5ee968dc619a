"""Settings: the agency's supervisors (edit, set a password, left the agency, reactivate,
review what one left pending) and my own recovery key.

A mixin of :class:`~supervisor_app.ui.settings_page.SettingsPage` (``self`` is the page): the
table and buttons stay on the page (``settings.supervisors_view``, ``settings.supervisor_dialog``...).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.common import push_button, row_table, show_error
from supervisor_app.ui.supervisor_table_model import ROW_ROLE as SUPERVISOR_ROW_ROLE
from supervisor_app.ui.supervisor_table_model import SupervisorTableModel


class SupervisorsSection:
    """The Supervisors box of Settings (mixed into the page).

    A counted string here names its context, "SettingsPage": ``self.tr`` looks it up under the
    page's class at run time, where lupdate would file it under this one."""

    def _supervisors_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("Supervisors"), self)
        box_layout = QVBoxLayout(box)
        self.supervisors = SupervisorTableModel(self)
        self.supervisors_view = row_table(
            box, self.supervisors, self.tr("Supervisors"), object_name="supervisor_table"
        )
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
        self.edit_supervisor_button = push_button(
            box, self.tr("E&dit…"), self.tr("Edit the selected supervisor"), self.edit_selected_supervisor
        )
        self.set_password_button = push_button(
            box,
            self.tr("Set pass&word…"),
            self.tr("Set the selected supervisor's password"),
            self.set_selected_password,
        )
        self.set_password_button.setToolTip(
            self.tr("A first password, or a forgotten one: they type it, you confirm with yours")
        )
        self.leave_button = push_button(
            box,
            self.tr("Left the a&gency…"),
            self.tr("The selected supervisor left the agency"),
            self.selected_supervisor_leaves,
        )
        self.leave_button.setToolTip(self.tr("Mark inactive and hand their supervisees to a successor"))
        self.reactivate_button = push_button(
            box,
            self.tr("Rea&ctivate"),
            self.tr("Reactivate the selected supervisor"),
            self.reactivate_selected_supervisor,
        )
        self.inherited_button = push_button(
            box,
            self.tr("Review pe&nding they left…"),
            self.tr("Review what the selected supervisor left unsigned"),
            self.review_inherited,
        )
        self.inherited_button.setToolTip(self.tr("You are their successor: sign what you can vouch for"))
        self.recovery_key_button = push_button(
            box,
            self.tr("New recovery &key…"),
            self.tr("Make a new recovery key for me"),
            self.new_recovery_key,
        )
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
                supervisees=QCoreApplication.translate(
                    "SettingsPage", "%n supervisee(s)", "", len(result.supervisees)
                ),
                successor=result.successor_name,
                records=QCoreApplication.translate("SettingsPage", "%n record(s)", "", result.pending),
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
