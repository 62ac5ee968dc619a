"""The supervised experience entry editor: a period of work, its setting and kind, and the
hours per performance domain. New, edit a pending one, or amend a signed one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.models import ExperienceKind
from supervisor_app.services import records
from supervisor_app.ui.common import (
    action_buttons,
    error_label,
    from_qdate,
    status_text,
    to_qdate,
)
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.date_field import DateField
from supervisor_app.ui.editor_choices import load_choices
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.record_editor import RecordEditor
from supervisor_app.ui.screen_fit import fit_to_screen


class ExperienceEditor(RecordEditor):
    saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        mode: str = "new",
        record_id: str | None = None,
        supervisee_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, mode=mode, record_id=record_id, parent=parent, name="experience_editor")
        self._set_title(
            {
                "new": self.tr("New experience entry"),
                "edit": self.tr("Edit pending experience entry"),
                "amend": self.tr("Amend signed experience entry"),
            }
        )
        choices = ctx.read_now(lambda uow: load_choices(uow, first_for_supervisor=ctx.supervisor_id))
        self._people = {p.id: p for p in choices.supervisees}
        self._profiles = ctx.db.profiles
        self._build(choices)
        if record_id is not None:
            self._load_record(record_id)
        elif supervisee_id is not None:
            self.supervisee.setCurrentIndex(max(0, self.supervisee.findData(supervisee_id)))
        self._on_supervisee_changed()
        self._initial = self._fields()
        self.resize(620, 600)
        fit_to_screen(self)  # a laptop at 125-150%: never bigger than the screen

    def _build(self, choices: Any) -> None:
        outer = QVBoxLayout(self)
        self.general_error = error_label(self)
        outer.addWidget(self.general_error)
        explain = QLabel(
            self.tr(
                "Log the supervised work (paid, volunteer or internship) for a period, usually a "
                "month, with the hours spent in each performance domain."
            ),
            self,
        )
        explain.setWordWrap(True)
        outer.addWidget(explain)
        form = QFormLayout()
        outer.addLayout(form)
        labels: dict[str, QLabel] = {}

        def row(text: str, field: str, widget: QWidget) -> None:
            self._form_row(form, labels, text, field, widget)

        self.supervisee = QComboBox(self)
        self.supervisee.setAccessibleName(self.tr("Supervisee"))
        for person in choices.supervisees:
            self.supervisee.addItem(f"{person.name} ({person.credential})", person.id)
        self.supervisee.currentIndexChanged.connect(self._on_supervisee_changed)
        row(self.tr("Su&pervisee:"), "supervisee", self.supervisee)

        self.supervisor = self._supervisor_row(form, labels, choices)

        today = QDate.currentDate()
        self.period_start = DateField(self)
        self.period_end = DateField(self)
        for edit, name in ((self.period_start, self.tr("From date")), (self.period_end, self.tr("To date"))):
            edit.setMaximumDate(today)
            edit.setAccessibleName(name)
        self.period_start.setDate(QDate(today.year(), today.month(), 1))
        self.period_end.setDate(today)
        row(self.tr("&From:"), "period_start", self.period_start)
        row(self.tr("&To:"), "period_end", self.period_end)

        self.setting = QLineEdit(self)
        self.setting.setAccessibleName(self.tr("Setting"))
        self.setting.setPlaceholderText(self.tr("e.g. Drop-in center"))
        row(self.tr("Setti&ng:"), "setting", self.setting)

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of work"))
        for value in ExperienceKind:
            self.kind.addItem(status_text(value.value), value.value)
        row(self.tr("&Kind:"), "kind", self.kind)

        self.reason = self._reason_row(form, labels)

        outer.addWidget(self._allocations_box(self.tr("&Hours per performance domain"), "hours", labels))
        outer.addStretch(1)

        buttons, self.save_button = action_buttons(self, self.tr("&Save"), self.save)
        self.cancel_button = buttons.button(buttons.StandardButton.Cancel)
        outer.addWidget(buttons)
        self._keep_errors(labels, self.general_error)
        self._watch_typing({"period_start": self.period_start, "period_end": self.period_end})

    def _on_supervisee_changed(self, *_args: object) -> None:
        person = self._people.get(self.supervisee.currentData())
        if person is None or person.credential not in self._profiles:
            self.allocations.set_domains([])
        else:
            profile = self._profiles.get(person.credential)
            self.allocations.set_domains([(d.code, d.label) for d in profile.domains])
        self._chain_tab_order(
            self.supervisee,
            self.supervisor,
            self.period_start,
            self.period_end,
            self.setting,
            self.kind,
            self.reason,
            *self.allocations.spins(),
            self.save_button,
            self.cancel_button,
        )

    def _load_record(self, record_id: str) -> None:
        snap = self.ctx.read_now(
            lambda uow: records.experience_snapshot(records.find_record(uow, record_id))  # type: ignore[arg-type]
        )
        self.record_id = snap["id"]
        self.supervisee.setCurrentIndex(max(0, self.supervisee.findData(snap["supervisee_id"])))
        self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(snap["supervisor_id"])))
        self.period_start.setDate(to_qdate(dt.date.fromisoformat(snap["from"])))
        self.period_end.setDate(to_qdate(dt.date.fromisoformat(snap["to"])))
        self.setting.setText(snap["setting"])
        self.kind.setCurrentIndex(max(0, self.kind.findData(snap["kind"])))
        self._on_supervisee_changed()
        self.allocations.set_values(snap["allocations"])

    def _fields(self) -> dict[str, Any]:
        return {
            "supervisee_id": self.supervisee.currentData(),
            "supervisor_id": self.supervisor.currentData(),
            "period_start": from_qdate(self.period_start.date()),
            "period_end": from_qdate(self.period_end.date()),
            "setting": self.setting.text(),
            "kind": self.kind.currentData(),
            "allocations": self.allocations.values(),
        }

    def save(self) -> None:
        if self._saving:
            return
        self.errors.clear()
        if self._refuse_typing():
            return
        work = self._save_work(self._fields(), records.add_experience, records.update_experience)
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=self._on_saved, on_error=self._on_error)

    def _on_saved(self, record_id: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._initial = self._fields()
        emit(self.saved, record_id)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.errors.show(exc)

    def _unsaved_text(self) -> str:
        return self.tr("This entry has not been saved. Close the editor and lose what you typed?")
