"""Change a supervisee's supervisor from a date. No record changes: those before the date (and
any the earlier supervisor made after it) stay with the supervisor who supervised them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from supervisor_app.ui.common import field_row, from_qdate, past_date_edit, supervisor_choice
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.form_dialog import FormDialog


class ChangeSupervisorDialog(FormDialog):
    changed = Signal(object)  # SupervisorChangeResult

    def __init__(self, ctx: AppContext, supervisee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, name="change_supervisor_dialog")
        self.supervisee_id = supervisee_id
        name, current, history, choices = ctx.read_now(lambda uow: _load(uow, supervisee_id))
        lines = []
        for who, since, until in history:
            if since and until:
                lines.append(self.tr("{who}: {since} to {until}").format(who=who, since=since, until=until))
            elif since:
                lines.append(self.tr("{who}: since {since}").format(who=who, since=since))
            elif until:
                lines.append(self.tr("{who}: until {until}").format(who=who, until=until))
            else:
                lines.append(self.tr("{who}: now").format(who=who))
        self.history = QLabel(
            self.tr("Supervised by:") + "\n  " + "\n  ".join(lines)
            if lines
            else self.tr("No supervisor of record yet."),
            self,
        )
        self.history.setAccessibleName(self.tr("Supervisors so far"))
        self.history.setWordWrap(True)
        layout, form, labels = self._open_form(
            self.tr("Change the supervisor of {name}").format(name=name), self.history
        )

        self.supervisor = supervisor_choice(
            self, self.tr("New supervisor"), [choice for choice in choices if choice[0] != current], None
        )
        field_row(form, labels, self.tr("&New supervisor:"), "supervisor", self.supervisor)
        self.date = past_date_edit(self, self.tr("From"))
        field_row(form, labels, self.tr("&From (their first day):"), "effective_from", self.date)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("optional, e.g. caseload change"))
        field_row(form, labels, self.tr("&Reason:"), "reason", self.reason)
        note = QLabel(
            self.tr(
                "No record is changed: the records before this date stay with the supervisor who "
                "supervised them, and so do their signatures. The change is kept in the audit trail."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(dark);")
        layout.addWidget(note)
        self._close_form(layout, self.tr("&Change supervisor"), self.save)
        self.save_button.setEnabled(self.supervisor.count() > 0)
        self.field_errors = labels
        self.supervisor.setFocus()
        self.resize(480, self.sizeHint().height())

    def save(self) -> None:
        if self.supervisor.currentIndex() < 0:
            return
        self.errors.clear()
        supervisee_id = self.supervisee_id
        supervisor_id = int(self.supervisor.currentData())
        day = from_qdate(self.date.date())
        reason = self.reason.text()

        def work(uow: Any) -> Any:
            from supervisor_app.services.supervisors import change_supervisor

            return change_supervisor(
                uow,
                supervisee_id=supervisee_id,
                supervisor_id=supervisor_id,
                effective_from=day,
                reason=reason,
            )

        self._write(work, self.changed)


def _load(uow: Any, supervisee_id: int) -> tuple[str, int | None, list[tuple[str, str, str]], list[Any]]:
    from supervisor_app.services import people, roster, supervisors

    supervisee = people.get_supervisee(uow, supervisee_id)
    history = [
        (
            line.supervisor_name,
            line.since.isoformat() if line.since else "",
            line.until.isoformat() if line.until else "",
        )
        for line in supervisors.supervisor_history(uow, supervisee_id=supervisee_id)
    ]
    return supervisee.name, supervisee.supervisor_id, history, roster.supervisors(uow)
