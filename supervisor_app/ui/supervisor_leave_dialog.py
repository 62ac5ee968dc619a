"""A supervisor who left the agency: marked inactive, their supervisees handed to a successor
from a date. What they signed stays theirs; what they left pending the successor reviews and
signs as their own word (the form says who supervised and who signed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from supervisor_app.ui.common import field_row, from_qdate, past_date_edit, supervisor_choice
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.form_dialog import FormDialog


class SupervisorLeaveDialog(FormDialog):
    done_handover = Signal(object)  # HandoverResult

    def __init__(self, ctx: AppContext, supervisor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, name="supervisor_leave_dialog")
        self.supervisor_id = supervisor_id
        name, supervisees, pending, choices = ctx.read_now(lambda uow: _load(uow, supervisor_id))
        self.name = name
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
        layout, form, labels = self._open_form(self.tr("{name} left the agency").format(name=name), summary)

        self.successor = supervisor_choice(
            self, self.tr("Successor"), [choice for choice in choices if choice[0] != supervisor_id], None
        )
        if not supervisees and not pending:
            self.successor.insertItem(0, self.tr("(nobody: nothing to hand over)"), None)
            self.successor.setCurrentIndex(0)
        field_row(form, labels, self.tr("&Successor:"), "successor", self.successor)
        self.date = past_date_edit(self, self.tr("The successor takes over on"))
        field_row(form, labels, self.tr("&Takes over on:"), "effective_from", self.date)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("optional, e.g. moved to another agency"))
        field_row(form, labels, self.tr("&Reason:"), "reason", self.reason)
        self._close_form(layout, self.tr("&Mark as left"), self.save)
        self.save_button.setEnabled(self.successor.count() > 0)
        self.field_errors = labels
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

        self._write(work, self.done_handover)


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
