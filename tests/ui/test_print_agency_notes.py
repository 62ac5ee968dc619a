"""The print page's "agency notes" checkbox: off, the saved form is what the board gets (no
"verify" wording); on, the agency notes pages follow the session log. Driven by clicks and
keys on the real page."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from tests.ui.test_printing import _click, _page, _signed


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
    from supervisor_app.ui.attestations_page import _verification_html

    _signed(world)
    with world.uow() as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
    html = _verification_html(data, "")
    assert "To verify with the board (not printed on the form):" in html
    assert data.verify_notes and all(escape(note) in html for note in data.verify_notes)
