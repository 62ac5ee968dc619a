"""One supervisee: profile, progress per domain, hours over time, what is still missing, and
their sessions and experience entries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import LANGUAGES
from supervisor_app.services import monthly_hours, overview, people
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.requirements import Progress
from supervisor_app.services.signoff import RecordsFailVerification
from supervisor_app.ui.common import show_error, status_text
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.domain_progress_panel import DomainProgressPanel
from supervisor_app.ui.hours_chart import HoursChart
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.record_actions import RecordActions
from supervisor_app.ui.record_table import (
    RecordTable,
    experience_columns,
    experience_query,
    session_columns,
    session_query,
)
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.screen_fit import ROOMY_WIDTH, available, narrow, scrolling
from supervisor_app.ui.supervisee_dialog import SuperviseeDialog
from supervisor_app.units import hours


@dataclass
class DetailData:
    progress: Progress
    months: list[monthly_hours.MonthHours]
    summary: overview.SuperviseeSummary | None
    agency: str
    integrity_problem: str = ""
    education: Any = None  # training.HoursProgress: education beside supervision and experience
    language: str | None = None  # of their statement and review mode; None: the app's


def load_detail(uow: UnitOfWork, supervisee_id: int) -> DetailData:
    problem = ""
    try:
        progress = compute_progress(uow, supervisee_id=supervisee_id)
    except RecordsFailVerification as exc:
        problem = str(exc)
        progress = compute_progress(uow, supervisee_id=supervisee_id, check_integrity=False)
    supervisee = people.get_supervisee(uow, supervisee_id)
    summaries = overview.supervisee_summaries(uow, supervisee_ids=[supervisee_id], include_inactive=True)
    from supervisor_app.services import training
    from supervisor_app.services.person_credentials import Person

    rows = training.list_training(uow, person=Person(supervisee_id=supervisee.id))
    return DetailData(
        progress=progress,
        months=monthly_hours.hours_by_month(uow, supervisee_id=supervisee_id),
        summary=summaries[0] if summaries else None,
        agency=supervisee.agency.name if supervisee.agency else "",
        integrity_problem=problem,
        education=training.education_progress(progress.profile, rows),
        language=supervisee.language,
    )


class SuperviseeDetailPage(RefreshOnChange, QWidget):
    back_requested = Signal()
    print_requested = Signal(int)
    review_requested = Signal(int)  # a supervisor hands the computer to this supervisee
    hours_file_requested = Signal(int)  # save this supervisee's hours file for them

    def __init__(self, ctx: AppContext, actions: RecordActions | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = actions
        self.supervisee_id: int | None = None
        self.data: DetailData | None = None
        self.setObjectName("supervisee_detail_page")
        self.setAccessibleName(self.tr("Supervisee detail"))
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        layout.addLayout(top)
        title_row = top
        self._compact = narrow(parent)
        if self._compact:  # a laptop at 125-150%: the actions go on a row of their own, under the name
            top = QHBoxLayout()
            layout.addLayout(top)
        self.back_button = QPushButton(self.tr("◀ &Back to list"), self)
        self.back_button.setAccessibleName(self.tr("Back to the supervisee list"))
        self.back_button.setToolTip(self.tr("Alt+Left"))
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.setVisible(not ctx.review)
        title_row.addWidget(self.back_button)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setAccessibleName(self.tr("Supervisee"))
        self.title.setWordWrap(True)  # a long name takes two lines rather than widening the window
        title_row.addWidget(self.title, 1)
        self.new_session_button = QPushButton(self.tr("New &session…"), self)
        self.new_session_button.setAccessibleName(self.tr("New session with this supervisee"))
        self.new_experience_button = QPushButton(self.tr("New e&xperience entry…"), self)
        self.new_experience_button.setAccessibleName(self.tr("New experience entry for this supervisee"))
        self.print_button = QPushButton(
            self.tr("My &statement…") if ctx.review else self.tr("&Attestation…"), self
        )
        self.print_button.setAccessibleName(
            self.tr("Print my statement of hours") if ctx.review else self.tr("Prepare the attestation form")
        )
        self.change_supervisor_button = QPushButton(self.tr("Change s&upervisor…"), self)
        self.change_supervisor_button.setAccessibleName(self.tr("Change this supervisee's supervisor"))
        self.change_supervisor_button.clicked.connect(self._change_supervisor)
        self.change_supervisor_dialog: QWidget | None = None
        for button in (self.new_session_button, self.new_experience_button, self.change_supervisor_button):
            button.setVisible(not ctx.read_only and actions is not None)
            top.addWidget(button)
        top.addWidget(self.print_button)
        self.review_button = QPushButton(self.tr("Review &with supervisee…"), self)
        self.review_button.setAccessibleName(
            self.tr("Review with this supervisee (read only, only their hours)")
        )
        self.review_button.setToolTip(
            self.tr("Hand the computer to this supervisee: only their own hours, read only")
        )
        self.review_button.setVisible(not ctx.review and ctx.supervisor_id is not None)
        self.review_button.clicked.connect(
            lambda: self.supervisee_id is not None and emit(self.review_requested, self.supervisee_id)
        )
        top.addWidget(self.review_button)
        if top is not title_row:
            top.addStretch(1)
        self.new_session_button.clicked.connect(self._new_session)
        self.new_experience_button.clicked.connect(self._new_experience)
        self.print_button.clicked.connect(
            lambda: self.supervisee_id is not None and emit(self.print_requested, self.supervisee_id)
        )

        self.inactive_note = QLabel(
            self.tr(
                "Marked inactive (left the agency): hidden from the supervisee list and from new sessions. "
                "Their records, progress and forms stay; pending records can still be signed. To edit or "
                "amend a record, reactivate them first."
            ),
            self,
        )
        self.inactive_note.setWordWrap(True)
        self.inactive_note.setStyleSheet(
            "background:#eeeeee;color:#333333;padding:6px;border:1px solid #bbb;"
        )
        self.inactive_note.setAccessibleName(self.tr("Inactive"))
        self.inactive_note.setVisible(False)
        layout.addWidget(self.inactive_note)

        self.integrity = QLabel(self)
        self.integrity.setWordWrap(True)
        self.integrity.setStyleSheet("background:#fbe3e3;color:#7a0000;padding:6px;border:1px solid #d99;")
        self.integrity.setAccessibleName(self.tr("Verification problem"))
        self.integrity.setVisible(False)
        layout.addWidget(self.integrity)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Supervisee sections"))
        layout.addWidget(self.tabs, 1)

        # Progress tab
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Progress"))
        body = QWidget(scroll)
        scroll.setWidget(body)
        body_layout = QVBoxLayout(body)
        row1 = QHBoxLayout()
        body_layout.addLayout(row1)
        info_box = QGroupBox(self.tr("Profile"), body)
        info_layout = QVBoxLayout(info_box)
        self.info = QFormLayout()
        info_layout.addLayout(self.info)
        profile_buttons = QHBoxLayout()
        info_layout.addLayout(profile_buttons)
        self.edit_button = QPushButton(self.tr("E&dit details…"), info_box)
        self.edit_button.setAccessibleName(self.tr("Edit this supervisee's details"))
        self.edit_button.clicked.connect(self.edit_details)
        self.active_button = QPushButton(self.tr("Mark &inactive"), info_box)
        self.active_button.setAccessibleName(self.tr("Mark this supervisee inactive"))
        self.active_button.clicked.connect(self._toggle_active)
        self.hours_file_button = QPushButton(self.tr("Give their hours &file…"), info_box)
        self.hours_file_button.setAccessibleName(self.tr("Give this supervisee their hours file"))
        self.hours_file_button.setToolTip(
            self.tr("Save their signed records, with the signatures, to a file they keep and take along")
        )
        self.hours_file_button.clicked.connect(
            lambda: self.supervisee_id is not None and emit(self.hours_file_requested, self.supervisee_id)
        )
        for button in (self.edit_button, self.active_button, self.hours_file_button):
            button.setVisible(not ctx.read_only)
            button.setEnabled(False)  # until the supervisee is loaded
            profile_buttons.addWidget(button)
        profile_buttons.addStretch(1)
        self.edit_dialog: SuperviseeDialog | None = None
        row1.addWidget(info_box, 2)
        missing_box = QGroupBox(self.tr("Still needed for the credential"), body)
        missing_layout = QVBoxLayout(missing_box)
        self.unmet = QLabel(missing_box)
        self.unmet.setWordWrap(True)
        self.unmet.setTextFormat(Qt.TextFormat.RichText)
        self.unmet.setAccessibleName(self.tr("Still needed"))
        self.unmet.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        missing_layout.addWidget(self.unmet)
        self.notes = QLabel(missing_box)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setStyleSheet("color: #555555;")
        missing_layout.addWidget(self.notes)
        missing_layout.addStretch(1)
        row1.addWidget(missing_box, 3)
        row2 = QHBoxLayout()
        body_layout.addLayout(row2)
        self.supervision_panel = DomainProgressPanel(self.tr("Supervision hours (signed)"), body)
        self.experience_panel = DomainProgressPanel(self.tr("Supervised experience hours (signed)"), body)
        row2.addWidget(self.supervision_panel, 1)
        row2.addWidget(self.experience_panel, 1)
        self.by_supervisor_box = QGroupBox(self.tr("Hours by supervisor (signed)"), body)
        by_supervisor_layout = QVBoxLayout(self.by_supervisor_box)
        self.by_supervisor = QLabel(self.by_supervisor_box)
        self.by_supervisor.setObjectName("by_supervisor")
        self.by_supervisor.setTextFormat(Qt.TextFormat.RichText)
        self.by_supervisor.setWordWrap(True)
        self.by_supervisor.setAccessibleName(self.tr("Hours by supervisor"))
        self.by_supervisor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        by_supervisor_layout.addWidget(self.by_supervisor)
        body_layout.addWidget(self.by_supervisor_box)
        row3 = QHBoxLayout()
        body_layout.addLayout(row3)
        self.supervision_chart = HoursChart(self.tr("Supervision hours over time"), body)
        self.experience_chart = HoursChart(self.tr("Experience hours over time"), body)
        row3.addWidget(self.supervision_chart, 1)
        row3.addWidget(self.experience_chart, 1)
        body_layout.addStretch(1)
        if self._compact:  # one column: no sideways scrolling on a laptop at 125-150%
            for row in (row1, row2, row3):
                row.setDirection(QHBoxLayout.Direction.TopToBottom)
        self.tabs.addTab(scroll, self.tr("&Progress"))

        self.sessions = RecordTable(
            ctx,
            actions,
            kind="session",
            columns=session_columns(),
            name=self.tr("Sessions of this supervisee"),
            parent=self.tabs,
        )
        self.tabs.addTab(self.sessions, self.tr("Sessio&ns"))
        self.experience = RecordTable(
            ctx,
            actions,
            kind="experience",
            columns=experience_columns(supervisee=False),
            name=self.tr("Experience entries of this supervisee"),
            parent=self.tabs,
        )
        self.tabs.addTab(self.experience, self.tr("Experience &entries"))
        from supervisor_app.ui.training_panel import TrainingPanel

        self.training = TrainingPanel(ctx, self.tabs)
        # On a laptop at 125-150% the panel scrolls up and down rather than making the window taller.
        self._training_tab = (
            scrolling(self.training, self.tabs, sideways=False) if self._compact else self.training
        )
        self.tabs.addTab(self._training_tab, self.tr("&Training"))
        from supervisor_app.ui.jobs_panel import JobsPanel

        self.jobs = JobsPanel(ctx, self.tabs)
        self.tabs.addTab(self.jobs, self.tr("&Jobs (51%)"))
        self.watch_records()

    # Loading -----------------------------------------------------------------------------------
    def show_supervisee(self, supervisee_id: int) -> None:
        if supervisee_id != self.supervisee_id:
            self.tabs.setCurrentIndex(0)
        self.supervisee_id = supervisee_id
        # In a review, a group session names none of the other attendees ("Group of 5").
        flt = overview.SessionFilter(supervisee_id=supervisee_id)
        self.sessions.set_query(*session_query(flt, private=self.ctx.review))
        self.experience.set_query(*experience_query(overview.ExperienceFilter(supervisee_id=supervisee_id)))
        from supervisor_app.services.person_credentials import Person

        self.training.show_person(Person(supervisee_id=supervisee_id))
        self.jobs.show_supervisee(supervisee_id)
        self._load()

    def show_tab(self, name: str) -> None:
        """Show the "progress" or "training" tab."""
        self.tabs.setCurrentWidget(self._training_tab if name == "training" else self.tabs.widget(0))

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def refresh(self) -> None:
        self._stale = False
        if self.supervisee_id is None:
            return
        self.sessions.refresh()
        self.experience.refresh()
        self._load()

    def _load(self) -> None:
        self._stale = False
        supervisee_id = self.supervisee_id
        assert supervisee_id is not None
        self.read_latest(lambda uow: load_detail(uow, supervisee_id), self._on_loaded)

    def _on_loaded(self, data: DetailData) -> None:
        self.data = data
        progress = data.progress
        summary = data.summary
        status = summary.status if summary else ("eligible" if progress.eligible else "on-track")
        colour = {"eligible": "#1e6b1e", "overdue": "#a40000"}.get(status, "#444444")
        if not self._compact and available(self).width() >= ROOMY_WIDTH:
            # with room to spare the button names the person; on a laptop (1366 wide, in Spanish
            # too) the name is just beside it, and the button stays short so the row fits
            self.review_button.setText(self.tr("Review &with {name}…").format(name=progress.supervisee_name))
        self.title.setText(
            f"<h2 style='margin:0'>{_esc(progress.supervisee_name)} "
            f"<span style='font-size:small;color:{colour}'>· {_esc(status_text(status))}</span></h2>"
        )
        active = summary.active if summary else True
        self.inactive_note.setVisible(not active)
        for button in (self.new_session_button, self.new_experience_button):
            button.setEnabled(active)
            button.setToolTip("" if active else self.tr("Reactivate this supervisee first"))
        self.edit_button.setEnabled(True)
        self.active_button.setEnabled(True)
        self.hours_file_button.setEnabled(True)
        self.hours_file_button.setText(
            self.tr("Give {name} their hours &file…").format(name=progress.supervisee_name)
        )
        self.active_button.setText(self.tr("Mark &inactive") if active else self.tr("&Reactivate"))
        self.active_button.setAccessibleName(
            self.tr("Mark this supervisee inactive") if active else self.tr("Reactivate this supervisee")
        )
        self.active_button.setToolTip(
            self.tr("They left the agency: hide them from the list and from new sessions")
            if active
            else self.tr("Show them in the list and in new sessions again")
        )
        while self.info.rowCount():
            self.info.removeRow(0)
        profile = progress.profile
        s = summary
        rows = [
            (self.tr("Credential"), f"{profile.name} ({profile.code}), {profile.board}"),
            (self.tr("ICB applicant ID"), s.icb_id if s and s.icb_id else self.tr("not recorded")),
            (self.tr("Position"), s.position if s and s.position else self.tr("not recorded")),
            (
                self.tr("Start date"),
                s.start_date.isoformat() if s and s.start_date else self.tr("not recorded"),
            ),
            (
                self.tr("Supervisor of record"),
                s.supervisor_name if s and s.supervisor_name else self.tr("none"),
            ),
            (self.tr("Agency"), data.agency or self.tr("not recorded")),
            (
                self.tr("Language of statements and review"),
                LANGUAGES.get(data.language or "", "") or self.tr("as the app"),
            ),
            (
                self.tr("Signed supervision"),
                self.tr("%n session(s), {first} to {last} ({months})", "", progress.sessions_signed).format(
                    first=progress.first_session.isoformat() if progress.first_session else "–",
                    last=progress.last_session.isoformat() if progress.last_session else "–",
                    months=self.tr("%n month(s)", "", progress.span_months),
                ),
            ),
            (
                self.tr("Individual / group"),
                self.tr("{i} h / {g} h").format(
                    i=hours(progress.individual_minutes), g=hours(progress.group_minutes)
                ),
            ),
        ]
        for caption, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setAccessibleName(caption)
            self.info.addRow(QLabel(caption + ":"), label)
        education = data.education
        if education is not None and education.required_minutes:
            self.info.addRow(
                QLabel(self.tr("Education") + ":"),
                QLabel(
                    self.tr("{done} of {required} h ({self_reported} h self-reported; see Training)").format(
                        done=hours(education.done_minutes),
                        required=hours(education.required_minutes),
                        self_reported=hours(education.self_reported_minutes),
                    )
                ),
            )
        education_missing = "".join(
            f"<li>{_esc(text)}</li>" for text in (education.missing if education else [])
        )
        if education_missing:
            heading = _esc(self.tr("Education"))
            education_missing = f"<b>{heading}</b><ul style='margin-left:-20px'>{education_missing}</ul>"
        if progress.unmet:
            items = "".join(f"<li>{_esc(text)}</li>" for text in progress.unmet)
            self.unmet.setText(f"<ul style='margin-left:-20px'>{items}</ul>" + education_missing)
        elif education_missing:
            self.unmet.setText(
                self.tr("<p style='color:#1e6b1e'><b>Supervision and experience are met.</b></p>")
                + education_missing
            )
        else:
            self.unmet.setText(
                self.tr(
                    "<p style='color:#1e6b1e'><b>Every requirement is met.</b> Your supervisor can print the attestation form.</p>"
                )
                if self.ctx.review
                else self.tr(
                    "<p style='color:#1e6b1e'><b>Every requirement is met.</b> The attestation form can be printed.</p>"
                )
            )
        cover = profile.supervision.cover_every_domain.value
        self.supervision_panel.set_part(progress.supervision, cover_every_domain=cover)
        self.experience_panel.set_part(progress.experience, cover_every_domain=False)
        self._show_by_supervisor(progress)
        self.supervision_chart.set_data(
            data.months, part="supervision", required_minutes=progress.supervision.required_minutes
        )
        self.experience_chart.set_data(
            data.months, part="experience", required_minutes=progress.experience.required_minutes
        )
        notes = "".join(f"<li>{_esc(n)}</li>" for n in progress.notes)
        good_to_know = self.tr("Good to know")
        self.notes.setText(
            f"<b>{good_to_know}</b><ul style='margin-left:-20px'>{notes}</ul>" if notes else ""
        )
        self.integrity.setVisible(bool(data.integrity_problem))
        if data.integrity_problem:
            self.integrity.setText(
                self.tr(
                    "Some of these records fail verification (they were changed outside the app after "
                    "signing). The figures below include them: do not print an attestation until this is "
                    "resolved. Details: Audit ▸ Verify records.\n"
                )
                + data.integrity_problem
            )

    def _show_by_supervisor(self, progress: Progress) -> None:
        """A line per supervisor: their signed supervision and experience hours (and what
        counts of them when the group cap or the experience window leaves some out)."""
        shares = progress.supervisors
        self.by_supervisor_box.setVisible(bool(shares))

        def figure(signed: int, counted: int) -> str:
            if counted == signed:
                return self.tr("{h} h").format(h=hours(signed))
            return self.tr("{h} h ({c} h counted)").format(h=hours(signed), c=hours(counted))

        head = "".join(
            f"<th align='{align}' style='padding-right:12px'>{_esc(text)}</th>"
            for text, align in (
                (self.tr("Supervisor"), "left"),
                (self.tr("Agency"), "left"),
                (self.tr("Supervision"), "right"),
                (self.tr("Experience"), "right"),
            )
        )
        rows = "".join(
            "<tr>"
            f"<td style='padding-right:12px'>{_esc(share.name)}"
            + (
                f" <span style='color:#555555'>({_esc(share.credentials)})</span>"
                if share.credentials
                else ""
            )
            + "</td>"
            f"<td style='padding-right:12px'>{_esc(share.agency or '–')}</td>"
            f"<td align='right' style='padding-right:12px'>"
            f"{_esc(figure(share.supervision_minutes, share.supervision_counted_minutes))}</td>"
            f"<td align='right'>{_esc(figure(share.experience_minutes, share.experience_counted_minutes))}</td>"
            "</tr>"
            for share in shares
        )
        self.by_supervisor.setText(f"<table><tr>{head}</tr>{rows}</table>")

    # Changing the supervisee ----------------------------------------------------------------------
    def edit_details(self) -> SuperviseeDialog | None:
        """The edit dialog for this supervisee's own details (window-modal; it saves itself)."""
        if self.supervisee_id is None or self.ctx.read_only:
            return None
        dialog = SuperviseeDialog(self.ctx, self, supervisee_id=self.supervisee_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.edit_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "edit_dialog", None))
        dialog.open()
        return dialog

    def _toggle_active(self) -> None:
        if self.supervisee_id is None or self.data is None or self.ctx.read_only:
            return
        supervisee_id = self.supervisee_id
        active = not (self.data.summary.active if self.data.summary else True)
        self.active_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.active_button.setEnabled(True)
            show_error(self, exc)

        self.ctx.write(
            lambda uow: people.set_active(uow, supervisee_id=supervisee_id, active=active),
            on_error=failed,
        )

    def _new_session(self) -> None:
        if self.actions is not None and self.supervisee_id is not None:
            self.actions.new_session([self.supervisee_id])

    def _new_experience(self) -> None:
        if self.actions is not None and self.supervisee_id is not None:
            self.actions.new_experience(self.supervisee_id)

    def _change_supervisor(self) -> None:
        if self.supervisee_id is None or self.ctx.read_only:
            return
        from supervisor_app.ui.change_supervisor_dialog import ChangeSupervisorDialog

        dialog = ChangeSupervisorDialog(self.ctx, self.supervisee_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.change_supervisor_dialog = dialog
        dialog.open()


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
