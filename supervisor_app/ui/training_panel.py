"""A person's training: education and renewal progress in words, the credentials they hold,
and their training entries with certificates, each self-reported or confirmed by a supervisor.

Shown as the Training tab of a supervisee, and in *Training and credentials…* for the
signed-in supervisor's own CEUs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import person_credentials, training
from supervisor_app.services.person_credentials import Person
from supervisor_app.ui.common import error_label, push_button, row_table, show_error
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.row_list_model import RowListModel
from supervisor_app.units import hours

_Index = QModelIndex | QPersistentModelIndex


@dataclass
class TrainingData:
    entries: list[training.TrainingRow]
    credentials: list[dict[str, Any]]
    progress: list[training.HoursProgress]
    areas: list[tuple[str, str]]
    labels: dict[str, str]
    default_kind: str = ""
    hire_date: str = ""


def load_training(uow: Any, person: Person) -> TrainingData:
    rows = training.list_training(uow, person=person)
    progress: list[training.HoursProgress] = []
    default_kind = hire_date = ""
    if person.supervisee_id is not None:
        supervisee = person_credentials.get_supervisee(uow, person.supervisee_id)
        default_kind = supervisee.credential
        hire_date = supervisee.hire_date.isoformat() if supervisee.hire_date else ""
        profile = uow.db.profiles.get(default_kind)
        progress.append(training.education_progress(profile, rows))
    credentials = person_credentials.list_credentials(uow, person=person)
    for row in credentials:
        if row.kind in uow.db.profiles:
            renewal = training.renewal_progress(
                uow.db.profiles.get(row.kind),
                kind=row.kind,
                expires_on=row.expires_on,
                rows=rows,
                confirmable=person.supervisee_id is not None,
            )
            if renewal is not None:
                progress.append(renewal)
    areas = training.area_choices(uow, person)
    return TrainingData(
        rows,
        [person_credentials.to_json(c) for c in credentials],
        progress,
        areas,
        dict(areas),
        default_kind,
        hire_date,
    )


class TrainingModel(RowListModel[training.TrainingRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("From"), self.tr("To"), self.tr("Title"), self.tr("Hours"), self.tr("Status"),
            self.tr("Certificate"), self.tr("Provider"), self.tr("Areas"),
        ]  # fmt: skip
        self.labels: dict[str, str] = {}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            status = {
                training.CONFIRMED: self.tr("Confirmed by {name}").format(name=row.confirmed_by),
                training.SELF_REPORTED: self.tr("Self-reported"),
                training.BROKEN: self.tr("Confirmation does not match!"),
            }[row.status]
            delivery = self.tr("online") if row.delivery == "online" else self.tr("in person")
            areas = ", ".join(f"{self.labels.get(c, c)} {hours(m)}" for c, m in row.allocations.items())
            return [
                row.date_from.isoformat(), row.date_to.isoformat(), row.title, hours(row.minutes), status,
                row.certificate or "—", f"{row.provider} ({delivery})" if row.provider else delivery, areas,
            ][index.column()]  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 7):
            return row.title if index.column() == 2 else self.data(index)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and row.status == training.BROKEN:
            from PySide6.QtGui import QColor

            return QColor("#a40000")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CredentialModel(RowListModel[dict[str, Any]]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Credential"),
            self.tr("Number"),
            self.tr("Issued"),
            self.tr("Expires"),
            self.tr("Board"),
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self.row(index.row())
        key = ["kind", "number", "issued_on", "expires_on", "board"][index.column()]
        return row[key] or "—"


def _table(parent: QWidget, model: RowListModel[Any], name: str) -> QTableView:
    view = row_table(parent, model, name)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class TrainingPanel(RefreshOnChange, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: Person | None = None
        self.data: TrainingData | None = None
        self.dialog: QWidget | None = None
        self.setObjectName("training_panel")
        self.setAccessibleName(self.tr("Training and credentials"))
        layout = QVBoxLayout(self)
        self.progress = QLabel(self)
        self.progress.setObjectName("training_progress")
        self.progress.setWordWrap(True)
        self.progress.setTextFormat(Qt.TextFormat.RichText)
        self.progress.setAccessibleName(self.tr("Education and renewal progress"))
        self.progress.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        layout.addWidget(self.progress)

        entries_box = QGroupBox(self.tr("Training and education"), self)
        entries_layout = QVBoxLayout(entries_box)
        self.model = TrainingModel(self)
        self.table = _table(entries_box, self.model, self.tr("Training entries"))
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        entries_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = push_button(
            self, self.tr("New trainin&g…"), self.tr("Record a training"), self.new_training
        )
        self.edit_button = push_button(
            self, self.tr("C&hange…"), self.tr("Change the selected training"), self.edit_selected
        )
        self.delete_button = push_button(
            self, self.tr("De&lete"), self.tr("Delete the selected training"), self.delete_selected
        )
        self.confirm_button = push_button(
            self,
            self.tr("C&onfirm (sign)…"),
            self.tr("Confirm the selected training with your signature"),
            self.confirm_selected,
        )
        self.view_button = push_button(
            self,
            self.tr("&View certificate"),
            self.tr("Show the selected training's certificate"),
            self.view_certificate,
        )
        self.import_button = push_button(
            self, self.tr("I&mport…"), self.tr("Import training from a spreadsheet"), self.import_training
        )
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.confirm_button,
            self.view_button,
            self.import_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        entries_layout.addLayout(row)
        layout.addWidget(entries_box, 3)

        cred_box = QGroupBox(self.tr("Credentials held"), self)
        cred_layout = QVBoxLayout(cred_box)
        self.credential_model = CredentialModel(self)
        self.credential_table = _table(cred_box, self.credential_model, self.tr("Credentials held"))
        self.credential_table.setMaximumHeight(130)
        cred_layout.addWidget(self.credential_table)
        row = QHBoxLayout()
        self.add_credential_button = push_button(
            self, self.tr("Add &credential…"), self.tr("Record a credential or licence"), self.add_credential
        )
        self.remove_credential_button = push_button(
            self,
            self.tr("&Remove credential"),
            self.tr("Remove the selected credential"),
            self.remove_credential,
        )
        row.addWidget(self.add_credential_button)
        row.addWidget(self.remove_credential_button)
        row.addStretch(1)
        self.hire_caption = QLabel(self.tr("Hire date:"), cred_box)
        self.hire_date = QLineEdit(cred_box)
        self.hire_date.setObjectName("hire_date")
        self.hire_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.hire_date.setMaximumWidth(120)
        self.hire_date.setAccessibleName(
            self.tr("Hire date (an employer's credential deadline counts from it)")
        )
        self.hire_caption.setBuddy(self.hire_date)
        self.hire_button = push_button(
            self, self.tr("Save hire date"), self.tr("Save the hire date"), self.save_hire_date
        )
        self.hire_date.returnPressed.connect(self.save_hire_date)
        for widget in (self.hire_caption, self.hire_date, self.hire_button):
            row.addWidget(widget)
        cred_layout.addLayout(row)
        self.hire_error = error_label(cred_box)
        self.hire_error.setObjectName("error_hire_date")
        cred_layout.addWidget(self.hire_error)
        layout.addWidget(cred_box, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.credential_table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self._enable()
        self.watch_records()

    # Loading -------------------------------------------------------------------------------
    def show_person(self, person: Person) -> None:
        self.person = person
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.person is None:
            return
        person = self.person
        self.read_latest(lambda uow: load_training(uow, person), self._on_loaded)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def _on_loaded(self, data: TrainingData) -> None:
        self.data = data
        self.model.labels = data.labels
        self.model.set_rows(data.entries)
        self.credential_model.set_rows(data.credentials)
        if not self.hire_date.hasFocus():
            self.hire_date.setText(data.hire_date)
        parts = []
        for part in data.progress:
            period = ""
            if part.period:
                period = self.tr(" ({start} to {end})").format(
                    start=part.period[0].isoformat(), end=part.period[1].isoformat()
                )
            head = self.tr("{title}{period}: {done} of {required} h").format(
                title=escape(part.title),
                period=period,
                done=hours(part.done_minutes),
                required=hours(part.required_minutes),
            )
            colour = "#1e6b1e" if part.met else "#444444"
            items = "".join(f"<li>{escape(t)}</li>" for t in part.missing)
            notes = "".join(f"<li style='color:#555'>{escape(t)}</li>" for t in part.notes)
            met_word = self.tr("met")
            met = "" if part.missing else f" <span style='color:{colour}'>✓ {met_word}</span>"
            parts.append(f"<b>{head}</b>{met}<ul style='margin-left:-20px'>{items}{notes}</ul>")
        if not parts:
            parts.append(self.tr("Record a credential with its expiry to see progress toward its renewal."))
        self.progress.setText("".join(parts))
        self._enable()

    # Actions -------------------------------------------------------------------------------
    def selected(self) -> training.TrainingRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _enable(self) -> None:
        entry = self.selected()
        writable = not self.ctx.read_only and self.person is not None
        open_entry = entry is not None and entry.status == training.SELF_REPORTED
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and open_entry)
        self.delete_button.setEnabled(writable and open_entry)
        self.confirm_button.setVisible(self.person is not None and self.person.supervisee_id is not None)
        self.confirm_button.setEnabled(writable and open_entry and self.ctx.supervisor_id is not None)
        self.view_button.setEnabled(entry is not None and bool(entry.certificate))
        self.add_credential_button.setEnabled(writable)
        self.remove_credential_button.setEnabled(
            writable and bool(self.credential_table.selectionModel().selectedRows())
        )
        self.import_button.setEnabled(writable)
        for button in (self.new_button, self.edit_button, self.delete_button, self.add_credential_button,
                       self.remove_credential_button, self.import_button):  # fmt: skip
            button.setVisible(not self.ctx.read_only)
        if self.ctx.read_only:
            self.confirm_button.setVisible(False)
        supervisee = self.person is not None and self.person.supervisee_id is not None
        for widget in (self.hire_caption, self.hire_date, self.hire_button):
            widget.setVisible(supervisee)
        self.hire_date.setReadOnly(not writable)
        self.hire_button.setVisible(supervisee and writable)

    def _open(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def new_training(self) -> QWidget | None:
        if self.person is None or self.data is None or self.ctx.read_only:
            return None
        from supervisor_app.ui.training_editor import TrainingEditor

        return self._open(TrainingEditor(self.ctx, person=self.person, areas=self.data.areas, parent=self))

    def edit_selected(self) -> QWidget | None:
        entry = self.selected()
        if entry is None or self.person is None or self.data is None or not self.edit_button.isEnabled():
            return None
        from supervisor_app.ui.training_editor import TrainingEditor

        return self._open(
            TrainingEditor(self.ctx, person=self.person, areas=self.data.areas, entry=entry, parent=self)
        )

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is None or not self.delete_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete training"),
            self.tr("Delete the training “{title}” ({date}) and its certificate?").format(
                title=entry.title, date=entry.date_to.isoformat()
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.write(
                lambda uow: training.delete_training(uow, entry_id=entry.id),
                on_error=lambda e: show_error(self, e),
            )

    def confirm_selected(self) -> QWidget | None:
        entry = self.selected()
        supervisor_id = self.ctx.supervisor_id
        if entry is None or supervisor_id is None or not self.confirm_button.isEnabled():
            return None
        from supervisor_app.ui.password_dialog import PasswordDialog

        name = self.ctx.identity.name if self.ctx.identity else ""
        dialog = PasswordDialog(
            title=self.tr("Confirm training"),
            message=self.tr(
                "Confirm “{title}” ({hours} h, {date}) as {name}: your signature says the training took place "
                "as recorded, certificate included. A confirmed training cannot be changed."
            ).format(
                title=entry.title, hours=hours(entry.minutes), date=entry.date_to.isoformat(), name=name
            ),
            action=self.tr("&Confirm"),
            signer=name,
            parent=self,
        )

        def submit(password: str, _reason: str) -> None:
            self.ctx.write(
                lambda uow: training.confirm_training(
                    uow, entry_id=entry.id, supervisor_id=supervisor_id, password=password
                ),
                on_done=lambda _row: dialog.accept(),
                on_error=dialog.fail,
            )

        dialog.submitted.connect(submit)
        return self._open(dialog)

    def view_certificate(self) -> QWidget | None:
        entry = self.selected()
        if entry is None or not entry.certificate:
            return None
        from supervisor_app.ui.certificate_viewer import stored_file_viewer

        viewer = stored_file_viewer(self.ctx, lambda uow: training.certificate(uow, entry.id), self)
        return self._open(viewer) if viewer is not None else None

    def save_hire_date(self) -> None:
        if self.person is None or self.person.supervisee_id is None or self.ctx.read_only:
            return
        supervisee_id, text = self.person.supervisee_id, self.hire_date.text()
        self.hire_error.setVisible(False)

        def failed(exc: BaseException) -> None:
            self.hire_error.setText(str(exc))
            self.hire_error.setVisible(True)

        self.ctx.write(
            lambda uow: person_credentials.set_hire_date(uow, supervisee_id=supervisee_id, hire_date=text),
            on_error=failed,
        )

    def import_training(self) -> QWidget | None:
        """Choose a CSV or XLSX (its Training sheet) and import it, all or nothing."""
        if self.ctx.read_only:
            return None
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import training"),
            "",
            self.tr("Spreadsheets (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"),
        )
        if not path:
            return None
        from supervisor_app.ui.training_import_dialog import TrainingImportDialog

        dialog = TrainingImportDialog(self.ctx, path, self)
        self._open(dialog)
        dialog.check()
        return dialog

    def add_credential(self) -> QWidget | None:
        if self.person is None or self.ctx.read_only:
            return None
        from supervisor_app.ui.credential_dialog import CredentialDialog

        default = self.data.default_kind if self.data else ""
        return self._open(CredentialDialog(self.ctx, person=self.person, default_kind=default, parent=self))

    def remove_credential(self) -> None:
        rows = self.credential_table.selectionModel().selectedRows()
        if not rows or self.ctx.read_only:
            return
        row = self.credential_model.row(rows[0].row())
        answer = QMessageBox.question(
            self,
            self.tr("Remove credential"),
            self.tr("Remove the {kind} {number} recorded by mistake?").format(
                kind=row["kind"], number=row["number"]
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.write(
                lambda uow: person_credentials.delete_credential(uow, credential_id=row["id"]),
                on_error=lambda e: show_error(self, e),
            )
