"""What a supervisor who left had not signed, for their successor to review and sign as the
successor's own word: the signature names the successor, the record still names the supervisor
who supervised, and the printed form says both."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import overview
from supervisor_app.ui.common import row_table
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.lazy_model import LazyTableModel
from supervisor_app.ui.password_dialog import PasswordDialog
from supervisor_app.ui.screen_fit import fit_to_screen
from supervisor_app.ui.to_sign_page import COLUMNS
from supervisor_app.units import duration


class InheritedPendingDialog(QDialog):
    def __init__(self, ctx: AppContext, left_id: int, left_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.left_id = left_id
        self.left_name = left_name
        self.password_dialog: PasswordDialog | None = None
        me = ctx.identity.name if ctx.identity else ""
        self.setObjectName("inherited_pending_dialog")
        self.setWindowTitle(self.tr("Left unsigned by {name}").format(name=left_name))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{left} left the agency before signing these records. Review each one; sign only what "
                "you can vouch for. Your signature is your own word: it names you as the signer, the "
                "record still names {left} as the supervisor, and the printed form says both. "
                "Records you cannot vouch for stay pending."
            ).format(left=left_name),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = LazyTableModel(COLUMNS, parent=self)
        self.view = row_table(
            self,
            self.model,
            self.tr("Records left unsigned"),
            object_name="inherited_pending_table",
            extended=True,
        )
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate([110, 150, 60, 200, 150, 220, 120]):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        layout.addLayout(row)
        self.sign_button = QPushButton(self.tr("&Sign selected as {name}…").format(name=me), self)
        self.sign_button.setAccessibleName(self.tr("Sign the selected records as yourself"))
        self.select_all_button = QPushButton(self.tr("Select &all"), self)
        self.select_all_button.setAccessibleName(self.tr("Select every record"))
        row.addWidget(self.sign_button)
        row.addWidget(self.select_all_button)
        row.addStretch(1)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Status"))
        row.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.sign_button.clicked.connect(self.sign_selected)
        self.select_all_button.clicked.connect(self.select_all)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        self.model.set_fetch(
            lambda after, limit: ctx.read_now(
                lambda uow: overview.pending_page(uow, supervisor_id=left_id, after=after, limit=limit)
            )
        )
        self._update()
        self.resize(980, 460)
        fit_to_screen(self)  # a laptop at 125-150%: never bigger than the screen

    def selected_rows(self) -> list[overview.PendingRow]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [row for row in (self.model.row(r) for r in rows) if row is not None]

    def select_all(self) -> None:
        while self.model.canFetchMore():
            self.model.fetchMore()
        self.view.selectAll()
        self.view.setFocus()

    def _update(self) -> None:
        self.sign_button.setEnabled(bool(self.selected_rows()) and not self.ctx.read_only)
        self.select_all_button.setEnabled(self.model.rowCount() > 0)
        if self.model.rowCount() == 0:
            self.status.setText(self.tr("Nothing left unsigned."))

    def sign_selected(self) -> None:
        selected = self.selected_rows()
        me = self.ctx.supervisor_id
        if not selected or me is None or self.ctx.read_only:
            return
        ids = [r.id for r in selected]
        name = self.ctx.identity.name if self.ctx.identity else ""
        dialog = PasswordDialog(
            title=self.tr("Sign as successor"),
            message=self.tr(
                "Sign %n record(s), {length} in all, supervised by {left}, as {name}: your own "
                "word that they are right. Signed records are final.",
                "",
                len(ids),
            ).format(length=duration(sum(r.minutes for r in selected)), left=self.left_name, name=name),
            action=self.tr("&Sign {count}").format(count=len(ids)),
            signer=name,
            parent=self,
        )

        def submitted(password: str, _reason: str) -> None:
            def work(uow: Any) -> Any:
                from supervisor_app.usecases import signing

                return signing.sign(uow, supervisor_id=me, password=password, record_ids=ids)

            def done(result: Any) -> None:
                dialog.accept()
                self.model.reload()
                self.status.setText(
                    self.tr("Signed %n record(s) as {name}.", "", len(result.signed)).format(name=name)
                )

            self.ctx.write(work, on_done=done, on_error=dialog.fail)

        dialog.submitted.connect(submitted)
        self.password_dialog = dialog
        dialog.open()
