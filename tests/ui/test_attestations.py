"""Attestations: preview, save to a PDF file (recorded, with a serial), reprint, refusals,
and the supervisee's own statement in review mode."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from supervisor_app import clock
from supervisor_app.services import attestation, records
from supervisor_app.ui.pages import Page
from supervisor_app.ui.pdf_output import qt_pdf_available
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import go_to

TODAY = clock.today()


def _signed_sessions(world, count: int = 3) -> list[str]:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        ids = [
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=7 * (n + 1)))).id
            for n in range(count)
        ]
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)
    return ids


def _page(qtbot, window, world):  # type: ignore[no-untyped-def]
    go_to(qtbot, window, Page.ATTESTATIONS)
    page = window.attestations
    page.set_supervisee(world.ana)
    return page


def _save(qtbot, page, path: str) -> None:  # type: ignore[no-untyped-def]
    """Save PDF…, the file dialog answering ``path``."""
    page.ask_save_path = lambda _suggested: path
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def test_save_the_verification_to_a_pdf_file_and_reprint_it(qtbot, world, make_window, tmp_path) -> None:
    _signed_sessions(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.rendered is not None and page.rendered.pdf.startswith(b"%PDF")
    assert "Not printed yet" in page.status.text()
    with world.uow() as uow:
        assert attestation.list_attestations(uow) == []  # a preview records nothing

    out = tmp_path / "ana.pdf"
    _save(qtbot, page, str(out))
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Ana Example" in text and "Dana Whitaker" in text and "3.00" in text
    with world.uow() as uow:
        [entry] = attestation.list_attestations(uow)
    assert entry.serial in page.status.text() and "Recorded as" in page.status.text()
    assert entry.serial in text
    assert page.history.rowCount() == 1  # the list refreshed

    page.history_view.selectRow(0)
    qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
    assert "Printed before as " + entry.serial in page.status.text()
    again = tmp_path / "again.pdf"
    _save(qtbot, page, str(again))
    assert "Reprint of " + entry.serial in page.status.text()
    assert again.read_bytes() == out.read_bytes()  # the same document, byte for byte


def test_refusals_are_shown_next_to_their_field(qtbot, world, make_window, tmp_path) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world)
    _save(qtbot, page, str(tmp_path / "none.pdf"))
    assert "nothing to attest" in page.error_text("supervisee")
    assert not (tmp_path / "none.pdf").exists()

    _signed_sessions(world, 2)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=1)))
        uow.commit()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert "still waiting" in page.error_text("signed_only")
    qtbot.keyClick(page.signed_only, Qt.Key.Key_Space)  # ticks it
    assert page.signed_only.isChecked()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.rendered is not None


def test_review_mode_prints_only_the_supervisees_statement(qtbot, world, make_window, tmp_path) -> None:
    _signed_sessions(world, 2)
    window = make_window(world.db, supervisee_id=world.ana, name="Ana Example")
    go_to(qtbot, window, Page.ATTESTATIONS)
    page = window.attestations
    assert [page.kind.itemData(i) for i in range(page.kind.count())] == ["statement"]
    assert page.supervisee.count() == 1 and not page.supervisee.isEnabled()
    assert not page.history_box.isVisibleTo(page)
    _save(qtbot, page, str(tmp_path / "statement.pdf"))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "statement.pdf").pages)
    assert "Ana Example" in text
    with world.uow() as uow:
        assert attestation.list_attestations(uow) == []


@pytest.mark.skipif(
    not qt_pdf_available(), reason="needs Qt PDF (the PySide6-Pdf package) to render pages for the printer"
)
def test_print_to_a_pdf_printer(qtbot, world, make_window, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    _signed_sessions(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = _page(qtbot, window, world)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    page.ask_printer = lambda _title: printer  # what the print dialog would give
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert "Sent 2 pages to the printer" in page.status.text() or "Sent" in page.status.text()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) >= 2
    with world.uow() as uow:
        assert len(attestation.list_attestations(uow)) == 1
