"""A supervisor who left the agency: marked inactive, their supervisees handed to a successor
from a date. What they signed stays theirs; what they left pending the successor reviews and
signs as their own word (the form says who supervised and who signed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.common import (
    FieldErrors,
    action_buttons,
    error_label,
    field_row,
    from_qdate,
    past_date_edit,
)
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.qt_fixes import emit


class SupervisorLeaveDialog(QDialog):
    done_handover = Signal(object)  # HandoverResult

    def __init__(self, ctx: AppContext, supervisor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.supervisor_id = supervisor_id
        self.setObjectName("supervisor_leave_dialog")
        name, supervisees, pending, choices = ctx.read_now(lambda uow: _load(uow, supervisor_id))
        self.name = name
        self.setWindowTitle(self.tr("{name} left the agency").format(name=name))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr(
                "<p>{name} will be marked inactive: no longer listed at sign-in, no new records.</p>"
                "<p>Their <b>{supervisees}</b> go to the successor from the date below. "
                "What {name} signed stays theirs and still verifies. Their <b>{pending}</b> "
                "waiting for signature can then be reviewed and signed by the successor, as the "
                "successor's own word: the printed form says who supervised and who signed.</p>"
            ).format(
                name=name,
                supervisees=self.tr("%n supervisee(s)", "", supervisees),
                pending=self.tr("%n record(s)", "", pending),
            ),
            self,
        )
        summary.setWordWrap(True)
        summary.setAccessibleName(self.tr("What will happen"))
        layout.addWidget(summary)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        labels = {}

        self.successor = QComboBox(self)
        self.successor.setAccessibleName(self.tr("Successor"))
        if not supervisees and not pending:
            self.successor.addItem(self.tr("(nobody: nothing to hand over)"), None)
        for other_id, who, credentials in choices:
            if other_id != supervisor_id:
                self.successor.addItem(f"{who} ({credentials})" if credentials else who, other_id)
        field_row(form, labels, self.tr("&Successor:"), "successor", self.successor)
        self.date = past_date_edit(self, self.tr("The successor takes over on"))
        field_row(form, labels, self.tr("&Takes over on:"), "effective_from", self.date)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("optional, e.g. moved to another agency"))
        field_row(form, labels, self.tr("&Reason:"), "reason", self.reason)
        buttons, self.save_button = action_buttons(self, self.tr("&Mark as left"), self.save)
        self.save_button.setEnabled(self.successor.count() > 0)
        layout.addWidget(buttons)
        self.field_errors = labels
        self.errors = FieldErrors(labels, fallback=self.general_error)
        self.successor.setFocus()
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        self.errors.clear()
        supervisor_id = self.supervisor_id
        successor = self.successor.currentData()
        day = from_qdate(self.date.date())
        reason = self.reason.text()

        def work(uow: Any) -> Any:
            from supervisor_app.services.supervisors import supervisor_leaves

            return supervisor_leaves(
                uow, supervisor_id=supervisor_id, successor_id=successor, effective_from=day, reason=reason
            )

        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=self._on_done, on_error=self._on_error)

    def _on_done(self, result: Any) -> None:
        emit(self.done_handover, result)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)

    def error_text(self, field: str) -> str:
        return self.errors.message(field)


def _load(uow: Any, supervisor_id: int) -> tuple[str, int, int, list[Any]]:
    from supervisor_app.services import people, roster, supervisors

    supervisor = people.get_supervisor(uow, supervisor_id)
    supervisees = len(people.list_supervisees(uow, supervisor_id=supervisor_id))
    return (
        supervisor.name,
        supervisees,
        supervisors.pending_count(uow, supervisor_id),
        roster.supervisors(uow),
    )
