"""Printing and saving attestations, through the buttons: the audit trail records a print only
once the print dialog was accepted and the pages were sent (or the PDF written); a cancelled
dialog, a printer that fails or a file that cannot be written records nothing."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication

from supervisor_app import clock
from supervisor_app.services import attestation, people, records
from supervisor_app.ui.pages import Page
from supervisor_app.ui.pdf_output import qt_pdf_available
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, session_fields, snapshot
from tests.ui.helpers import go_to

needs_qt_pdf = pytest.mark.skipif(not qt_pdf_available(), reason="needs Qt PDF to render pages for a printer")


def _signed(world, supervisee_id: int | None = None, count: int = 2) -> None:  # type: ignore[no-untyped-def]
    supervisee_id = supervisee_id or world.ana
    with world.uow() as uow:
        ids = [
            records.add_session(
                uow,
                **session_fields(
                    world, supervisee_ids=[supervisee_id], date=TODAY - dt.timedelta(days=7 * (n + 1))
                ),
            ).id
            for n in range(count)
        ]
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)


def _page(qtbot, window, supervisee_id: int):  # type: ignore[no-untyped-def]
    go_to(qtbot, window, Page.ATTESTATIONS)
    page = window.attestations
    page.set_supervisee(supervisee_id)
    return page


def _pdf_printer(path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@needs_qt_pdf
def test_print_accepted_prints_then_records_once(world, make_window, qtbot, tmp_path) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    asked: list[str] = []
    out = tmp_path / "printed.pdf"
    page.ask_printer = lambda title: asked.append(title) or _pdf_printer(out)

    _click(qtbot, page.print_button)

    assert asked == ["Supervision verification Ana Example"]
    assert len(PdfReader(out).pages) >= 2  # the form and its session log, as images of the pages
    sent = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.rendered.pdf)).pages)
    with world.uow() as uow:
        [entry] = attestation.list_attestations(uow)
    assert entry.times_printed == 1 and entry.serial in sent  # the paper carries the recorded serial
    assert page.status.text().startswith(f"Recorded as {entry.serial}.") and "Sent" in page.status.text()
    assert page.print_button.isEnabled() and page.save_button.isEnabled()  # not stuck "Preparing…"

    _click(qtbot, page.print_button)  # again: the same serial, one more print in the trail
    with world.uow() as uow:
        [again] = attestation.list_attestations(uow)
    assert again.serial == entry.serial and again.times_printed == 2
    assert page.status.text().startswith(f"Reprint of {entry.serial}.")


@needs_qt_pdf
def test_cancelling_the_print_dialog_records_nothing(world, make_window, qtbot) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    before = snapshot(world.db)
    seen: list[str] = []

    def cancel() -> None:  # the real print dialog, rejected as a person presses Esc
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, cancel)
            return
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(20, cancel)
    _click(qtbot, page.print_button)

    assert seen == ["QPrintDialog"]
    assert "Not printed" in page.status.text() and "Nothing was recorded" in page.status.text()
    assert snapshot(world.db) == before  # no attestation, no "print" in the audit trail


@needs_qt_pdf
def test_a_printer_that_cannot_start_records_nothing(world, make_window, qtbot, tmp_path) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    page.ask_printer = lambda title: _pdf_printer(tmp_path / "no such folder" / "x.pdf")
    before = snapshot(world.db)

    _click(qtbot, page.print_button)

    assert "printer could not be started" in page.error_text("")
    assert snapshot(world.db) == before
    assert page.print_button.isEnabled()


@needs_qt_pdf
def test_the_supervisees_statement_prints_and_records_nothing(world, make_window, qtbot, tmp_path) -> None:
    _signed(world)
    window = make_window(world.db, supervisee_id=world.ana, name="Ana Example")
    go_to(qtbot, window, Page.ATTESTATIONS)
    page = window.attestations
    out = tmp_path / "statement.pdf"
    page.ask_printer = lambda title: _pdf_printer(out)
    before = snapshot(world.db)

    _click(qtbot, page.print_button)

    assert len(PdfReader(out).pages) >= 1
    assert page.status.text().startswith("Sent")
    assert snapshot(world.db) == before


def test_save_pdf_that_cannot_be_written_records_nothing(world, make_window, qtbot, tmp_path) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    page.ask_save_path = lambda suggested: str(tmp_path / "gone" / suggested)
    before = snapshot(world.db)

    _click(qtbot, page.save_button)

    assert "nothing was saved" in page.error_text("")
    assert snapshot(world.db) == before
    assert not (tmp_path / "gone").exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_saved_pdf_is_readable_by_the_user_only(world, make_window, qtbot, tmp_path) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    page.ask_save_path = lambda suggested: str(tmp_path / suggested)

    _click(qtbot, page.save_button)

    [saved] = list(tmp_path.glob("*.pdf"))
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600  # the form holds names
    assert len(PdfReader(saved).pages) >= 1
    assert not list(tmp_path.glob("*.partial"))


def test_save_pdf_starts_in_documents_then_in_the_folder_last_used(
    world, make_window, qtbot, tmp_path
) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert page.save_folder() == Path(documents)

    chosen = tmp_path / "forms"
    chosen.mkdir()
    page.ask_save_path = lambda suggested: str(chosen / suggested)
    _click(qtbot, page.save_button)

    [saved] = chosen.glob("*.pdf")
    assert saved.name == f"supervision_verification_Ana_Example_{clock.today().isoformat()}.pdf"
    assert page.save_folder() == chosen
    assert make_window(world.db, supervisor_id=world.dana).attestations.save_folder() == chosen  # remembered


def test_a_hostile_supervisee_name_never_suggests_a_path_outside_the_folder(
    world, make_window, qtbot, tmp_path
) -> None:
    with world.uow() as uow:
        hostile = people.add_supervisee(
            uow,
            name="../../../x",
            credential="CRSS",
            start_date=TODAY - dt.timedelta(days=400),
            supervisor_id=world.dana,
        ).id
        uow.commit()
    _signed(world, hostile)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, hostile)
    folder = tmp_path / "forms"
    folder.mkdir()
    suggested: list[str] = []
    page.ask_save_path = lambda name: suggested.append(name) or str(folder / name)

    _click(qtbot, page.save_button)

    [name] = suggested
    assert "/" not in name and "\\" not in name and ".." not in name and name.endswith(".pdf")
    [saved] = folder.iterdir()  # written inside the folder, nowhere else
    assert saved.name == name


def test_a_refused_form_says_why_before_any_print_dialog(world, make_window, qtbot) -> None:
    _signed(world)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=1)))
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    asked: list[str] = []
    page.ask_printer = lambda title: asked.append(title)
    before = snapshot(world.db)

    _click(qtbot, page.print_button)

    assert asked == [] and "still waiting" in page.error_text("signed_only")
    assert snapshot(world.db) == before


def _statement_prints(world) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    import json

    from supervisor_app.models import AuditEvent

    with world.uow() as uow:
        events = uow.session.query(AuditEvent).filter(AuditEvent.action == "print").order_by(AuditEvent.id)
        return [json.loads(e.details) for e in events]


def test_a_saved_statement_is_in_the_audit_trail_as_from_the_command_line(
    world, make_window, qtbot, tmp_path
) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_Down)  # the progress statement
    assert page.kind.currentData() == "statement"
    page.ask_save_path = lambda suggested: str(tmp_path / suggested)

    _click(qtbot, page.save_button)

    [saved] = tmp_path.glob("statement_*.pdf")
    assert page.status.text() == f"Saved {saved}"
    assert _statement_prints(world) == [{"document": "progress statement", "file": str(saved)}]


@needs_qt_pdf
def test_a_printed_statement_is_in_the_audit_trail(world, make_window, qtbot, tmp_path) -> None:
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_Down)
    page.ask_printer = lambda title: _pdf_printer(tmp_path / "statement.pdf")

    _click(qtbot, page.print_button)

    assert page.status.text().startswith("Sent")
    assert _statement_prints(world) == [{"document": "progress statement", "file": "printer"}]


# The print page's "agency notes" checkbox: off, the saved form is what the board gets (no
# "verify" wording); on, the agency notes pages follow the session log. Driven by clicks and
# keys on the real page.


def _saved_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_agency_notes_are_added_only_when_ticked(world, make_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    assert page.with_notes.isVisible() and not page.with_notes.isChecked()  # off by default

    board = tmp_path / "board"
    board.mkdir()
    page.ask_save_path = lambda suggested: str(board / suggested)
    _click(qtbot, page.save_button)
    [for_board] = board.glob("*.pdf")
    text = _saved_text(for_board)
    assert "AGENCY NOTES" not in text and "verify" not in text.lower()

    page.with_notes.setFocus()
    qtbot.keyClick(page.with_notes, Qt.Key.Key_Space)  # as a person ticks it from the keyboard
    assert page.with_notes.isChecked()
    agency = tmp_path / "agency"
    agency.mkdir()
    page.ask_save_path = lambda suggested: str(agency / suggested)
    _click(qtbot, page.save_button)
    [for_agency] = agency.glob("*.pdf")
    text = _saved_text(for_agency)
    assert "AGENCY NOTES: NOT PART OF THE FORM SENT TO THE BOARD" in text
    assert "To verify with the board" in text
    assert len(PdfReader(for_agency).pages) > len(PdfReader(for_board).pages)


def test_the_checkbox_is_only_for_the_verification_form(world, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world.ana)
    page.kind.setCurrentIndex(page.kind.findData("statement"))
    assert not page.with_notes.isVisible()


def test_the_apps_summary_keeps_the_doubts_the_form_leaves_off(world, qapp) -> None:  # type: ignore[no-untyped-def]
    from html import escape

    from supervisor_app.services import attestation
    from supervisor_app.ui.print_summary import verification_html

    _signed(world)
    with world.uow() as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
    html = verification_html(data, "")
    assert "To verify with the board (not printed on the form):" in html
    assert data.verify_notes and all(escape(note) in html for note in data.verify_notes)
