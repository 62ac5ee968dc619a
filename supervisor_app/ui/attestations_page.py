"""Attestations: pick supervisee, supervisor and range; preview; Print; Save PDF; the list of
printed forms with their fingerprints; reprint.

Preparing and rendering run off the UI thread. A print or save goes through the printing use
case (:mod:`supervisor_app.usecases.printing`), as the command line's: once the user has chosen
where it goes (and the printer has started), the print is recorded (a form's serial number,
fingerprint and audit entry; a statement's audit entry) and committed, and only then is the
file written or are the pages sent. In review mode the page offers the supervisee's own
progress statement and nothing else, and records nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import __version__, clock, i18n
from supervisor_app.reports.data import PrintRecord, StatementData
from supervisor_app.services import attestation, people
from supervisor_app.services.errors import DomainError
from supervisor_app.services.filenames import safe_file_name
from supervisor_app.ui.attestation_table_model import ROW_ROLE, AttestationTableModel
from supervisor_app.ui.common import FieldErrors, error_label, from_qdate, row_table, show_error, to_qdate
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.pdf_output import (
    PrintJob,
    ask_printer,
    open_in_viewer,
    pdf_path,
    qt_pdf_available,
    save_pdf,
)
from supervisor_app.ui.pdf_preview import PdfPreview
from supervisor_app.ui.print_summary import statement_html, verification_html
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.screen_fit import narrow, scrolling
from supervisor_app.usecases import printing

_ANY_DATE = QDate(2000, 1, 1)
VERIFICATION = "verification"
STATEMENT = "statement"


@dataclass(frozen=True)
class Request:
    kind: str
    supervisee_id: int
    supervisor_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    signed_only: bool = False
    with_notes: bool = False  # the agency notes pages after the session log (never for the board)


@dataclass(frozen=True)
class Rendered:
    request: Request
    pdf: bytes
    title: str
    summary_html: str
    serial: str = ""
    reprint: bool = False
    form: printing.BuiltForm | None = None  # a verification form about to be printed or saved
    statement: StatementData | None = None  # a progress statement's data


class AttestationsPage(RefreshOnChange, QWidget):
    available = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.review = ctx.review
        # Printing a verification form records it, so a read-only copy only previews; a
        # supervisee's own statement records nothing and stays printable in review mode.
        self.can_print = self.review or not ctx.read_only
        self.rendered: Rendered | None = None
        self._reprint_of: attestation.AttestationEntry | None = None
        self.last_message = ""
        # What the save and print dialogs would answer; tests put answers here.
        self.ask_save_path: Callable[[str], str] = self._ask_save_path
        self.ask_printer: Callable[[str], Any] = lambda title: ask_printer(title, self)
        self.setObjectName("attestations_page")
        self.setAccessibleName(self.tr("Attestations") if not self.review else self.tr("My statement"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("<h2>My progress statement</h2>")
                if self.review
                else self.tr("<h2>Attestations</h2>"),
                self,
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("What to print"), left)
        form = QFormLayout(box)
        labels: dict[str, QLabel] = {}

        def row(caption: str, field: str, widget: QWidget) -> None:
            label = QLabel(caption, box)
            label.setBuddy(widget)
            form.addRow(label, widget)
            labels[field] = error_label(box)
            labels[field].setObjectName(f"error_{field}")
            form.addRow(labels[field])

        self.kind = QComboBox(box)
        self.kind.setAccessibleName(self.tr("Form"))
        if not self.review:
            self.kind.addItem(
                self.tr("Supervision verification (the board's form and session log)"), VERIFICATION
            )
        self.kind.addItem(self.tr("Progress statement (for the supervisee)"), STATEMENT)
        row(self.tr("&Form:"), "kind", self.kind)
        self.supervisee = QComboBox(box)
        self.supervisee.setAccessibleName(self.tr("Supervisee"))
        row(self.tr("Su&pervisee:"), "supervisee", self.supervisee)
        self.supervisor = QComboBox(box)
        self.supervisor.setAccessibleName(self.tr("Supervisor who attests"))
        row(self.tr("Supervis&or:"), "supervisor", self.supervisor)
        self.date_from = self._date_edit(self.tr("From date (any)"))
        self.date_to = self._date_edit(self.tr("To date (any)"))
        row(self.tr("&From:"), "date_from", self.date_from)
        row(self.tr("&To:"), "date_to", self.date_to)
        self.signed_only = QCheckBox(self.tr("Leave out records still &waiting for signature"), box)
        self.signed_only.setAccessibleName(self.tr("Print the signed records only"))
        row("", "signed_only", self.signed_only)
        self.with_notes = QCheckBox(self.tr("Add the agency &notes pages (sources, what to verify)"), box)
        self.with_notes.setAccessibleName(self.tr("Add the agency notes pages, which are not for the board"))
        self.with_notes.setToolTip(
            self.tr(
                "For the agency's file: where each rule comes from and what to verify with the board. "
                "Leave it off for the copy you send to the board."
            )
        )
        row("", "with_notes", self.with_notes)
        left_layout.addWidget(box)
        self.general_error = error_label(left)
        left_layout.addWidget(self.general_error)
        self.errors = FieldErrors(labels, fallback=self.general_error)
        self.field_errors = labels

        buttons = QHBoxLayout()
        left_layout.addLayout(buttons)
        self.preview_button = QPushButton(self.tr("Pre&view"), left)
        self.preview_button.setAccessibleName(self.tr("Preview"))
        self.print_button = QPushButton(self.tr("&Print…"), left)
        self.print_button.setAccessibleName(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Ctrl+P"))
        self.save_button = QPushButton(self.tr("&Save PDF…"), left)
        self.save_button.setAccessibleName(self.tr("Save as PDF"))
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        if not self.can_print:
            for button in (self.print_button, self.save_button):
                button.setEnabled(False)
                button.setToolTip(
                    self.tr("Read only: this database is open in another copy of supervisor_app")
                )
        self.status = QLabel(left)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        left_layout.addWidget(self.status)
        explain = QLabel(
            self.tr(
                "The form is built from signed records only. Each print is recorded with a serial number and a "
                "record fingerprint printed on every page, so the paper can be matched to the records later. "
                "Printing the same records again reuses the serial number."
            )
            if not self.review
            else self.tr(
                "Your statement shows signed and pending hours and what is still needed. It is not an ICB form."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: palette(dark);")
        left_layout.addWidget(explain)

        self.history_box = QGroupBox(self.tr("Printed attestations"), left)
        history_layout = QVBoxLayout(self.history_box)
        self.history = AttestationTableModel(self)
        self.history_view = row_table(
            self.history_box, self.history, self.tr("Printed attestations"), object_name="attestation_table"
        )
        self.history_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_layout.addWidget(self.history_view, 1)
        self.history_empty = QLabel(
            self.tr("Nothing printed yet. Each print or saved PDF is listed here."), self.history_box
        )
        self.history_empty.setWordWrap(True)
        self.history_empty.setAccessibleName(self.tr("No attestation printed yet"))
        history_layout.addWidget(self.history_empty)
        self.history.modelReset.connect(self._on_history_loaded)
        self.reprint_button = QPushButton(self.tr("&Reprint selected…"), self.history_box)
        self.reprint_button.setAccessibleName(self.tr("Reprint the selected attestation"))
        history_layout.addWidget(self.reprint_button)
        left_layout.addWidget(self.history_box, 1)
        self.history_box.setVisible(not self.review)
        if self.review:
            left_layout.addStretch(1)

        self.preview = PdfPreview(splitter)
        # A laptop at 125-150%: the choices scroll rather than make the window taller than the screen.
        splitter.addWidget(scrolling(left, splitter, sideways=False) if narrow(parent) else left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for widget in (self.supervisee, self.supervisor):
            widget.currentIndexChanged.connect(self._on_inputs_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._on_inputs_changed)
        self.signed_only.toggled.connect(self._on_inputs_changed)
        self.with_notes.toggled.connect(self._on_inputs_changed)
        self.preview_button.clicked.connect(self.preview_current)
        self.print_button.clicked.connect(lambda: self.print_current())  # not clicked(bool) as the printer
        self.save_button.clicked.connect(lambda: self.save_current())
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.history_view.activated.connect(lambda _i: self.reprint_selected())
        self._load_people()
        self._on_kind_changed()
        self.watch_records()
        self._stale = True

    # Inputs ------------------------------------------------------------------------------------
    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DATE)
        edit.setMaximumDate(QDate.currentDate())
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_ANY_DATE)
        edit.setAccessibleName(name)
        return edit

    def _load_people(self) -> None:
        ctx = self.ctx
        supervisee_id = ctx.identity.supervisee_id if ctx.identity else None

        def work(uow: Any) -> tuple[list[tuple[int, str, int | None]], list[tuple[int, str]]]:
            if supervisee_id is not None:  # review: only their own name
                s = people.get_supervisee(uow, supervisee_id)
                return [(s.id, s.name, s.supervisor_id)], []
            return (
                [(s.id, s.name, s.supervisor_id) for s in people.list_supervisees(uow)],
                [(s.id, s.name) for s in people.list_supervisors(uow)],
            )

        supervisees, supervisors = ctx.read_now(work)
        self._supervisor_of = {sid: sup for sid, _name, sup in supervisees}
        for widget in (self.supervisee, self.supervisor):
            widget.blockSignals(True)
        current = self.supervisee.currentData()
        self.supervisee.clear()
        for sid, name, _sup in supervisees:
            self.supervisee.addItem(name, sid)
        self.supervisee.setCurrentIndex(max(0, self.supervisee.findData(current)))
        current_supervisor = self.supervisor.currentData() or ctx.supervisor_id
        self.supervisor.clear()
        for sid, name in supervisors:
            self.supervisor.addItem(name, sid)
        self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(current_supervisor)))
        for widget in (self.supervisee, self.supervisor):
            widget.blockSignals(False)
        self.supervisee.setEnabled(not self.review)

    def set_supervisee(self, supervisee_id: int) -> None:
        index = self.supervisee.findData(supervisee_id)
        if index < 0:  # added since the page last loaded its list: never fall back to someone else
            self._load_people()
            index = self.supervisee.findData(supervisee_id)
        if index >= 0:
            self.supervisee.setCurrentIndex(index)
            supervisor = self._supervisor_of.get(supervisee_id)
            if self.ctx.supervisor_id is None and supervisor is not None:
                self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(supervisor)))

    def _on_kind_changed(self, *_args: object) -> None:
        verification = self.kind.currentData() == VERIFICATION
        for widget in (self.supervisor, self.date_from, self.date_to, self.signed_only, self.with_notes):
            widget.setEnabled(verification)
            widget.setVisible(verification)
            form_label = self._label_for(widget)
            if form_label is not None:
                form_label.setVisible(verification)
        self._on_inputs_changed()

    def _label_for(self, widget: QWidget) -> QLabel | None:
        for label in self.findChildren(QLabel):
            if label.buddy() is widget:
                return label
        return None

    def _on_inputs_changed(self, *_args: object) -> None:
        self.rendered = None
        self.errors.clear()
        self.status.clear()
        self.preview.clear()

    def request(self) -> Request | None:
        supervisee_id = self.supervisee.currentData()
        if supervisee_id is None:
            return None
        if self.kind.currentData() == STATEMENT:
            return Request(STATEMENT, int(supervisee_id))

        def day(edit: QDateEdit) -> dt.date | None:
            return None if edit.date() == _ANY_DATE else from_qdate(edit.date())

        return Request(
            VERIFICATION,
            int(supervisee_id),
            self.supervisor.currentData(),
            day(self.date_from),
            day(self.date_to),
            self.signed_only.isChecked(),
            self.with_notes.isChecked(),
        )

    # Loading the list ----------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def refresh(self) -> None:
        self._stale = False
        self._load_people()  # a supervisee or supervisor may have been added
        if self.review:
            return
        self.ctx.read(
            attestation.list_attestations,
            on_done=self.history.set_rows,
            on_error=lambda exc: show_error(self, exc),
        )

    def _on_history_loaded(self) -> None:
        empty = self.history.rowCount() == 0
        self.history_view.setVisible(not empty)
        self.history_empty.setVisible(empty)
        self.reprint_button.setEnabled(not empty)

    # Preview -------------------------------------------------------------------------------------
    def preview_current(self) -> None:
        request = self.request()
        if request is None:
            return
        self._busy(True, self.tr("Preparing the preview…"))
        self.errors.clear()
        self.ctx.read(
            lambda uow: render_request(uow, request, record=False),
            on_done=self._on_previewed,
            on_error=self._on_failed,
        )

    def _on_previewed(self, rendered: Rendered) -> None:
        self._busy(False)
        if rendered.request != self.request():
            return  # the inputs changed meanwhile
        self.rendered = rendered
        self.preview.show_pdf(rendered.pdf, summary_html=rendered.summary_html)
        reprint_of, self._reprint_of = self._reprint_of, None
        if reprint_of is not None and rendered.serial != reprint_of.serial:
            self._say(
                self.tr(
                    "The records in this range changed since {serial} was printed (its fingerprint no longer "
                    "matches), so printing now makes a new form with a new serial number."
                ).format(serial=reprint_of.serial)
            )
        elif rendered.request.kind == VERIFICATION:
            self._say(
                self.tr("Printed before as {serial}: printing again gives the same document.").format(
                    serial=rendered.serial
                )
                if rendered.reprint
                else self.tr("Not printed yet: a serial number is assigned when you print or save.")
            )
        else:
            self._say(self.tr("Preview ready."))

    # Print and save -------------------------------------------------------------------------------
    def print_current(self, *, printer: Any = None) -> None:
        """Print (``printer``: a ready QPrinter, else the print dialog asks, once the form is
        ready). The print is recorded once the dialog was accepted and the printer started,
        before the pages are sent: a cancelled dialog or a printer that cannot start records
        nothing."""
        request = self.request()
        if request is None or not self.can_print:
            return

        def deliver(rendered: Rendered) -> None:
            chosen = printer
            if chosen is None and qt_pdf_available():
                chosen = self.ask_printer(rendered.title)
                if chosen is None:
                    self._busy(False)
                    self._say(self.tr("Not printed: the print dialog was cancelled. Nothing was recorded."))
                    return
            if chosen is None:  # no Qt PDF: the computer's own PDF viewer prints it
                self._record(rendered, None, lambda pdf: open_in_viewer(pdf, title=rendered.title))
                return
            job = PrintJob(chosen, title=rendered.title)
            try:
                job.start()
            except DomainError as exc:
                self._show_error(exc)
                return
            self._record(rendered, None, job.send, on_error=job.cancel)

        self._output(request, deliver)

    def save_current(self, path: str | None = None) -> None:
        request = self.request()
        if request is None or not self.can_print:
            return
        target = path or self.ask_save_path(self._suggested_name(request))
        if not target:
            return
        if not path:
            self.ctx.prefs.pdf_folder = str(Path(target).parent)
        out = pdf_path(target)
        self._output(
            request,
            lambda rendered: self._record(
                rendered, out, lambda _pdf: self.tr("Saved {path}").format(path=out)
            ),
        )

    def _output(self, request: Request, deliver: Callable[[Rendered], None]) -> None:
        """Render the form (with the serial number it will be recorded under), then hand it to
        ``deliver``, which asks where it goes and calls :meth:`_record`."""
        self._busy(True, self.tr("Preparing the form…"))
        self.errors.clear()
        self.ctx.read(
            lambda uow: render_request(uow, request, record=True),
            on_done=lambda rendered: self._shown_then(rendered, deliver),
            on_error=self._on_failed,
        )

    def _shown_then(self, rendered: Rendered, deliver: Callable[[Rendered], None]) -> None:
        self.rendered = rendered
        self.preview.show_pdf(rendered.pdf, summary_html=rendered.summary_html)
        deliver(rendered)

    def _record(
        self,
        rendered: Rendered,
        out: Path | None,
        then: Callable[[bytes], str],
        *,
        on_error: Callable[[], None] | None = None,
    ) -> None:
        """Record the print and commit (the printing use case writes ``out``), then ``then``
        delivers the bytes and says how. A statement in review mode records nothing."""
        request = rendered.request
        if rendered.form is None and self.ctx.read_only:  # the supervisee's own statement
            try:
                if out is not None:
                    save_pdf(rendered.pdf, out)
            except OSError as exc:
                self._show_error(exc)
                return
            self._delivered(rendered.pdf, then, "")
            return
        printed_by = self._printed_by()
        built_form, statement = rendered.form, rendered.statement

        def work(uow: Any) -> PrintRecord | None:  # on a worker thread: no widgets, no tr()
            if built_form is None:
                assert statement is not None
                printing.print_statement(
                    uow,
                    supervisee_id=request.supervisee_id,
                    app_version=__version__,
                    out=out,
                    built=(statement, rendered.pdf),
                )
                return None
            return printing.print_form(
                uow,
                _form_request(request),
                printed_by=printed_by,
                app_version=__version__,
                out=out,
                built=built_form,
            ).record

        def recorded(record: PrintRecord | None) -> None:
            prefix = ""
            if record is not None:
                said = self.tr("Reprint of {serial}.") if record.reprint else self.tr("Recorded as {serial}.")
                prefix = said.format(serial=record.serial)
            self._delivered(rendered.pdf, then, prefix)

        def failed(exc: BaseException) -> None:
            if on_error is not None:
                on_error()
            self._show_error(exc)

        self.ctx.write(work, on_done=recorded, on_error=failed)

    def _delivered(self, pdf: bytes, then: Callable[[bytes], str], prefix: str) -> None:
        try:
            message = then(pdf)
        except (DomainError, OSError) as exc:
            self._show_error(exc)
            return
        self._busy(False)
        self._say(" ".join(part for part in (prefix, message) if part))

    def _show_error(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.clear()
        self.errors.show(exc)

    def reprint_selected(self) -> None:
        index = self.history_view.currentIndex()
        if not index.isValid():
            return
        entry = self.history.data(index, ROW_ROLE)
        self.kind.setCurrentIndex(self.kind.findData(VERIFICATION))
        self.supervisee.setCurrentIndex(max(0, self.supervisee.findData(entry.supervisee_id)))
        self.supervisor.setCurrentIndex(max(0, self.supervisor.findData(entry.supervisor_id)))
        self.date_from.setDate(to_qdate(entry.date_from) if entry.date_from else _ANY_DATE)
        self.date_to.setDate(to_qdate(entry.date_to) if entry.date_to else _ANY_DATE)
        self.signed_only.setChecked(True)
        self._reprint_of = entry
        self.preview_current()

    def _printed_by(self) -> str:
        return self.ctx.identity.name if self.ctx.identity else self.ctx.actor

    def _suggested_name(self, request: Request) -> str:
        name = self.supervisee.currentText().replace(" ", "_")
        kind = "statement" if request.kind == STATEMENT else "supervision_verification"
        return safe_file_name(f"{kind}_{name}_{clock.today().isoformat()}.pdf", fallback=kind)

    def save_folder(self) -> Path:
        """Where Save PDF starts: the folder last saved to, else the user's Documents folder."""
        last = self.ctx.prefs.pdf_folder
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents else Path.home()

    def _ask_save_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(self.save_folder() / suggested), self.tr("PDF files (*.pdf)")
        )
        return path

    # Feedback ------------------------------------------------------------------------------------
    def _busy(self, busy: bool, text: str = "") -> None:
        self.preview_button.setEnabled(not busy)
        for button in (self.print_button, self.save_button):
            button.setEnabled(not busy and self.can_print)
        self.reprint_button.setEnabled(not busy and self.history.rowCount() > 0)
        if text:
            self._say(text)

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status.setText(text)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.clear()
        self.preview.clear(self.tr("Nothing to show: see the message on the left."))
        self.errors.show(exc)

    def error_text(self, field: str) -> str:
        label = self.field_errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""


def _title(kind: str, name: str) -> str:
    if kind == STATEMENT:
        return QCoreApplication.translate("AttestationsPage", "Progress statement {name}").format(name=name)
    return QCoreApplication.translate("AttestationsPage", "Supervision verification {name}").format(name=name)


def _form_request(request: Request) -> printing.FormRequest:
    return printing.FormRequest(
        request.supervisee_id,
        request.supervisor_id or 0,
        request.date_from,
        request.date_to,
        request.signed_only,
        request.with_notes,
    )


def render_request(uow: Any, request: Request, *, record: bool) -> Rendered:
    """Prepare and render one form. Writes nothing.

    ``record``: the form is about to be printed or saved, so it carries the serial number it
    will be recorded under (:func:`printing.build_form`); the printing use case records it
    once the user has chosen where it goes. Else a preview: "PREVIEW", or the serial of an
    earlier print of the same records. Runs on a worker thread: plain data in and out, no widgets.
    """
    today = clock.today()
    if request.kind == STATEMENT:
        statement, pdf = printing.build_statement(
            uow, supervisee_id=request.supervisee_id, app_version=__version__, today=today
        )
        title = _title(STATEMENT, statement.applicant_name)
        return Rendered(request, pdf, title, statement_html(statement), statement=statement)
    from supervisor_app.reports import render_verification

    if record:
        built = printing.build_form(uow, _form_request(request), app_version=__version__)
        data, planned = built.data, built.planned
        return Rendered(
            request,
            built.pdf,
            _title(VERIFICATION, data.applicant_name),
            verification_html(data, planned.serial),
            planned.serial,
            planned.reprint,
            form=built,
        )
    form = _form_request(request)
    data = printing.prepare_form(uow, form)  # in the board's language, English
    title = _title(VERIFICATION, data.applicant_name)
    planned = attestation.plan_print(uow, data)
    serial = planned.serial if planned.reprint else ""
    generated = planned.generated if planned.reprint else today
    with i18n.using(printing.BOARD_LANGUAGE):  # the board's form: always in English
        pdf = render_verification(
            data,
            serial=serial or "PREVIEW",
            generated=generated,
            app_version=__version__,
            with_notes=request.with_notes,
        )
    return Rendered(request, pdf, title, verification_html(data, serial), serial, planned.reprint)
