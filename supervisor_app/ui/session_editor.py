"""The supervision session editor: new, edit a pending one, or amend a signed one.

Every check is the records service's; a refusal is shown under the field it names
(``DomainError.field``) and nothing is saved. Enter saves, Esc cancels (asking first if
something was typed), Ctrl+Enter saves from the topics box, *Save and add another* keeps the
date and attendees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import i18n
from supervisor_app.models import Modality, SessionFormat
from supervisor_app.services import records
from supervisor_app.ui.attendee_picker import AttendeePicker
from supervisor_app.ui.common import error_label, from_qdate, status_text, to_qdate
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.date_field import DateField, TimeField
from supervisor_app.ui.editor_choices import load_choices
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.record_editor import RecordEditor
from supervisor_app.ui.screen_fit import dialog_body, fit_to_screen, short
from supervisor_app.units import hours


class SessionEditor(RecordEditor):
    saved = Signal(str)  # the record id

    def __init__(
        self,
        ctx: AppContext,
        *,
        mode: str = "new",
        record_id: str | None = None,
        supervisee_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, mode=mode, record_id=record_id, parent=parent, name="session_editor")
        self.saved_ids: list[str] = []
        self._set_title(
            {
                "new": self.tr("New supervision session"),
                "edit": self.tr("Edit pending session"),
                "amend": self.tr("Amend signed session"),
            }
        )
        choices = ctx.read_now(lambda uow: load_choices(uow, first_for_supervisor=ctx.supervisor_id))
        self._profiles = ctx.db.profiles
        self._build(choices)
        if record_id is not None:
            self._load_record(record_id)
        else:
            self.attendees.set_checked(supervisee_ids)
        self._on_attendees_changed()
        self._initial = self._fields()
        self.resize(940, 640)
        fit_to_screen(self)
        # Start where the typing starts: who attended, or (when known) the date.
        (self.date if self.attendees.checked_ids() else self.attendees.filter).setFocus()

    # Layout ----------------------------------------------------------------------------------
    def _build(self, choices: Any) -> None:
        buttons_row = QVBoxLayout(self)
        # A laptop at 125-150%: everything but the buttons scrolls, the buttons stay in view.
        outer = dialog_body(self, buttons_row, compact=short(self.parentWidget(), 640))
        self.general_error = error_label(self)
        self.general_error.setObjectName("general_error")
        outer.addWidget(self.general_error)
        if self.mode == "amend":
            note = QLabel(
                self.tr(
                    "The signed original stays on record. This amendment waits for signature and "
                    "replaces the original in every total once it is signed."
                ),
                self,
            )
            note.setWordWrap(True)
            outer.addWidget(note)

        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns.addLayout(left, 1)
        labels: dict[str, QLabel] = {}

        def row(text: str, field: str, widget: QWidget, buddy: QWidget | None = None) -> None:
            self._form_row(left, labels, text, field, widget, buddy)

        self.supervisor = self._supervisor_row(left, labels, choices)

        self.date = DateField(self)
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setDate(QDate.currentDate())
        self.date.setAccessibleName(self.tr("Date"))
        row(self.tr("&Date:"), "date", self.date)

        start_box = QWidget(self)
        start_layout = QHBoxLayout(start_box)
        start_layout.setContentsMargins(0, 0, 0, 0)
        self.has_start = QCheckBox(self.tr("&Known"), start_box)
        self.has_start.setChecked(True)
        self.has_start.setAccessibleName(self.tr("Start time known"))
        self.start = TimeField(start_box)
        self.start.setTime(QTime(9, 0))
        self.start.setAccessibleName(self.tr("Start time"))
        self.has_start.toggled.connect(self.start.setEnabled)
        start_layout.addWidget(self.start, 1)
        start_layout.addWidget(self.has_start)
        row(self.tr("S&tart time:"), "start", start_box, self.start)

        length_box = QWidget(self)
        length_layout = QHBoxLayout(length_box)
        length_layout.setContentsMargins(0, 0, 0, 0)
        self.minutes = QSpinBox(length_box)
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Length in minutes"))
        self.minutes_hours = QLabel(length_box)
        length_layout.addWidget(self.minutes, 1)
        length_layout.addWidget(self.minutes_hours)
        row(self.tr("&Length:"), "minutes", length_box, self.minutes)

        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for value in SessionFormat:
            self.format.addItem(status_text(value.value), value.value)
        row(self.tr("&Format:"), "format", self.format)

        self.modality = QComboBox(self)
        self.modality.setAccessibleName(self.tr("Modality"))
        for value in Modality:
            self.modality.addItem(status_text(value.value), value.value)
        row(self.tr("&Modality:"), "modality", self.modality)

        self.site = QLineEdit(self)
        self.site.setAccessibleName(self.tr("Site"))
        self.site.setPlaceholderText(self.tr("e.g. Main office, outreach van"))
        row(self.tr("S&ite:"), "site", self.site)

        self.reason = self._reason_row(
            left, labels, self.tr("Required, e.g. length corrected from the sign-in sheet")
        )

        right = QVBoxLayout()
        columns.addLayout(right, 1)
        who = QGroupBox(self.tr("Att&endees"), self)
        who_layout = QVBoxLayout(who)
        self.attendees = AttendeePicker(choices.supervisees, who)
        who_layout.addWidget(self.attendees)
        labels["supervisees"] = error_label(who)
        labels["supervisees"].setObjectName("error_supervisees")
        who_layout.addWidget(labels["supervisees"])
        right.addWidget(who, 1)
        right.addWidget(self._allocations_box(self.tr("Time per performance domai&n"), "minutes", labels))

        topics_box = QGroupBox(self.tr("To&pics"), self)
        topics_layout = QGridLayout(topics_box)
        reminder = QLabel(i18n._(records.NO_CLIENT_INFO_REMINDER), topics_box)
        reminder.setWordWrap(True)
        reminder.setStyleSheet("color: #5c4400;")
        reminder.setObjectName("client_info_reminder")
        topics_layout.addWidget(reminder, 0, 0)
        self.topics = QPlainTextEdit(topics_box)
        self.topics.setTabChangesFocus(True)
        self.topics.setAccessibleName(self.tr("Topics"))
        self.topics.setAccessibleDescription(reminder.text())
        self.topics.setPlaceholderText(self.tr("What the supervision covered (Ctrl+Enter saves)"))
        self.topics.setFixedHeight(70)
        topics_layout.addWidget(self.topics, 1, 0)
        labels["topics"] = error_label(topics_box)
        labels["topics"].setObjectName("error_topics")
        topics_layout.addWidget(labels["topics"], 2, 0)
        outer.addWidget(topics_box)

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Status"))
        buttons_row.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        self.another_button: QPushButton | None = None
        if self.mode == "new":
            self.another_button = self.buttons.addButton(
                self.tr("Save and &add another"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.another_button.setAccessibleName(self.tr("Save and add another"))
            self.another_button.clicked.connect(lambda: self.save(another=True))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save())
        buttons_row.addWidget(self.buttons)

        labels["supervisee"] = labels["supervisees"]
        self._keep_errors(labels, self.general_error)
        self._watch_typing({"date": self.date, "start": self.start})
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.save)

        self.attendees.changed.connect(self._on_attendees_changed)
        self.minutes.valueChanged.connect(self._on_length_changed)
        self._on_length_changed()

    # Behaviour -------------------------------------------------------------------------------
    def _on_length_changed(self, *_args: object) -> None:
        self.minutes_hours.setText(self.tr("= {hours} h").format(hours=hours(self.minutes.value())))
        self.allocations.set_target(self.minutes.value())

    def _on_attendees_changed(self) -> None:
        ids = self.attendees.checked_ids()
        credentials = []
        for supervisee_id in ids:
            person = self.attendees.person(supervisee_id)
            if person is not None and person.credential not in credentials:
                credentials.append(person.credential)
        if credentials and credentials[0] in self._profiles:
            profile = self._profiles.get(credentials[0])
            domains = [(d.code, d.label) for d in profile.domains]
            step = profile.supervision.minute_increment.value
            self.minutes.setSingleStep(step)
            self.allocations.set_domains(domains, step=step)
        elif not credentials:
            self.allocations.set_domains([])
        self._chain_tab_order(
            self.supervisor,
            self.date,
            self.start,
            self.has_start,
            self.minutes,
            self.format,
            self.modality,
            self.site,
            self.reason,
            self.attendees.filter,
            self.attendees.list,
            *self.allocations.spins(),
            self.topics,
            self.save_button,
            self.another_button,
            self.cancel_button,
        )
        if self.mode == "new" or self.mode == "edit":
            wanted = SessionFormat.GROUP.value if len(ids) > 1 else SessionFormat.INDIVIDUAL.value
            if ids:
                self.format.setCurrentIndex(self.format.findData(wanted))

    def _load_record(self, record_id: str) -> None:
        snapshot = self.ctx.read_now(
            lambda uow: records.session_snapshot(records.find_record(uow, record_id))  # type: ignore[arg-type]
        )
        self.record_id = snapshot["id"]
        index = self.supervisor.findData(snapshot["supervisor_id"])
        if index >= 0:
            self.supervisor.setCurrentIndex(index)
        self.date.setDate(to_qdate(dt.date.fromisoformat(snapshot["date"])))
        if snapshot["start"]:
            hour, minute = (int(x) for x in snapshot["start"].split(":"))
            self.start.setTime(QTime(hour, minute))
            self.has_start.setChecked(True)
        else:
            self.has_start.setChecked(False)
        self.minutes.setValue(snapshot["minutes"])
        self.format.setCurrentIndex(self.format.findData(snapshot["format"]))
        self.modality.setCurrentIndex(self.modality.findData(snapshot["modality"]))
        self.site.setText(snapshot["site"])
        self.topics.setPlainText(snapshot["topics"])
        self.attendees.set_checked(snapshot["supervisee_ids"])
        self._on_attendees_changed()
        self.format.setCurrentIndex(self.format.findData(snapshot["format"]))
        self.allocations.set_values(snapshot["allocations"])

    def _fields(self) -> dict[str, Any]:
        start = self.start.time()
        return {
            "supervisor_id": self.supervisor.currentData(),
            "supervisee_ids": self.attendees.checked_ids(),
            "date": from_qdate(self.date.date()),
            "start": dt.time(start.hour(), start.minute()) if self.has_start.isChecked() else None,
            "minutes": self.minutes.value(),
            "format": self.format.currentData(),
            "modality": self.modality.currentData(),
            "allocations": self.allocations.values(),
            "site": self.site.text(),
            "topics": self.topics.toPlainText(),
        }

    def save(self, *, another: bool = False) -> None:
        if self._saving:
            return
        self.errors.clear()
        self.status.clear()
        if self._refuse_typing():
            return
        fields = self._fields()
        self._set_saving(True)
        self.ctx.write(
            self._save_work(fields, records.add_session, records.update_session),
            on_done=lambda rid: self._on_saved(rid, fields, another),
            on_error=self._on_error,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in (self.save_button, self.another_button):
            if button is not None:
                button.setEnabled(not saving)

    def _on_saved(self, record_id: str, fields: dict[str, Any], another: bool) -> None:
        self._set_saving(False)
        self.saved_ids.append(record_id)
        emit(self.saved, record_id)
        if not another:
            self._initial = self._fields()
            self.accept()
            return
        # Keep the date, attendees, supervisor, format and modality; start after this one.
        if fields["start"] is not None:
            begin = dt.datetime.combine(fields["date"], fields["start"]) + dt.timedelta(
                minutes=fields["minutes"]
            )
            if begin.date() == fields["date"]:
                self.start.setTime(QTime(begin.hour, begin.minute))
        self.allocations.set_values({})
        self.topics.clear()
        self._initial = self._fields()
        self.status.setText(
            self.tr("Saved ({count} this time). The date and attendees are kept for the next one.").format(
                count=len(self.saved_ids)
            )
        )
        first = self.allocations.first_spin()
        (first or self.minutes).setFocus()

    def _on_error(self, exc: BaseException) -> None:
        self._set_saving(False)
        self.errors.show(exc)
        field = getattr(exc, "field", None)
        target = {
            "date": self.date,
            "start": self.start,
            "minutes": self.minutes,
            "supervisees": self.attendees.list,
            "allocations": self.allocations.first_spin(),
            "topics": self.topics,
            "site": self.site,
            "reason": self.reason,
            "supervisor": self.supervisor,
        }.get(field or "")
        if target is not None:
            target.setFocus()

    # Closing -----------------------------------------------------------------------------------
    def _unsaved_text(self) -> str:
        return self.tr("This session has not been saved. Close the editor and lose what you typed?")
