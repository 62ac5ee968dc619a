"""The Training tab, the training editor and the Due page, driven as a person would (issue 20)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from supervisor_app.services import person_credentials, training
from supervisor_app.services.person_credentials import Person
from supervisor_app.ui.pages import Page
from tests.conftest import PASSWORD, TODAY, World, snapshot
from tests.ui.helpers import go_to, open_supervisee

PDF = b"%PDF-1.4\n%%EOF\n"


def _training_tab(qtbot, window, world: World):  # type: ignore[no-untyped-def]
    open_supervisee(qtbot, window, world.ana)
    window.detail.show_tab("training")
    return window.detail.training


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_a_training_is_recorded_with_its_certificate_and_confirmed(
    qtbot, world: World, make_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    panel = _training_tab(qtbot, window, world)
    assert "Education needs 100.00 more education hours (0.00 of 100.00)." in panel.progress.text()
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.dialog
    assert editor.objectName() == "training_editor"
    editor.date_from.setDate(QDate(TODAY.year, TODAY.month, TODAY.day).addDays(-3))
    _type(qtbot, editor.title, "Ethics for peers")
    _type(qtbot, editor.provider, "Prairie Training")
    spin = editor.hours["ethics"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "6")
    cert = tmp_path / "ethics.pdf"
    cert.write_bytes(PDF)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(cert), ""))
    qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert editor.certificate_name.text() == "To attach: ethics.pdf"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert panel.model.rowCount() == 1
    row = panel.model.row(0)
    assert (row.title, row.minutes, row.certificate, row.status) == (
        "Ethics for peers",
        360,
        "ethics.pdf",
        "self-reported",
    )
    assert "Professional ethics needs" not in panel.progress.text()
    assert "6.00 of these hours are self-reported (not confirmed by a supervisor)." in panel.progress.text()

    panel.table.selectRow(0)
    qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
    assert panel.dialog.objectName() == "certificate_viewer"
    panel.dialog.close()

    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    qtbot.keyClicks(dialog.password, "wrong password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_text("password")
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert panel.model.row(0).status == "confirmed"
    panel.table.selectRow(0)
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    assert panel.model.data(panel.model.index(0, 4)) == "Confirmed by Dana Whitaker"


def test_the_editor_shows_each_mistake_beside_its_field_and_saves_nothing(
    qtbot, world: World, make_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    panel = _training_tab(qtbot, window, world)
    before = snapshot(world.db)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.dialog
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.errors.message("title") == "Title is required."
    _type(qtbot, editor.title, "Ethics")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("areas") == "Give the hours of at least one topic area."
    big = tmp_path / "scan.png"
    with big.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(big), ""))
    qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("certificate") == (
        "scan.png is 6.0 MB; a certificate may be at most 5 MB. Scan it at a lower resolution or save it as a "
        "smaller PDF."
    )
    assert editor.certificate_name.text() == "No certificate attached"
    editor.reject()
    assert snapshot(world.db) == before


def test_due_page_counts_on_start_and_each_item_opens_its_place(qtbot, world: World, make_window) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        person_credentials.add_credential(
            uow, person=Person(supervisee_id=world.ana), kind="CRSS", number="77",
            expires_on=TODAY + dt.timedelta(days=10),
        )  # fmt: skip
        person_credentials.add_credential(
            uow,
            person=Person(supervisor_id=world.dana),
            kind="LCPC",
            expires_on=TODAY + dt.timedelta(days=20),
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    window._first_badge()  # what the supervisee list's figures_loaded does on start
    # Ana's CRSS and its renewal, Dana's LCPC and its renewal, four supervisees without supervision
    assert window.pages.item(Page.DUE).text() == "Due (8)"
    go_to(qtbot, window, Page.DUE)
    page = window.due_page
    assert page.summary.text() == "8 items due in the next 60 days or overdue (4 overdue, in red)."
    rows = {page.model.row(r).text: r for r in range(page.model.rowCount())}
    ana = rows[
        f"Ana Example's CRSS (no. 77) expires on {(TODAY + dt.timedelta(days=10)).isoformat()}, in 10 days."
    ]
    page.table.selectRow(ana)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_page() is window.detail
    assert window.detail.tabs.currentWidget() is window.detail.training
    go_to(qtbot, window, Page.DUE)
    dana = next(r for text, r in rows.items() if text.startswith("Dana Whitaker's LCPC"))
    page.table.selectRow(dana)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog.objectName() == "person_training_dialog"
    assert dialog.panel.credential_model.rowCount() == 2  # and the world's qualifying CRSS
    assert "LCPC renewal needs 30.00 more CEU hours (0.00 of 30.00)." in dialog.panel.progress.text()
    dialog.close()
    page.days.setValue(5)
    assert page.summary.text() == "4 items due in the next 5 days or overdue (4 overdue, in red)."
    assert window.pages.item(Page.DUE).text() == "Due (4)"


def test_a_credential_is_added_from_the_training_tab(qtbot, world: World, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    panel = _training_tab(qtbot, window, world)
    before = snapshot(world.db)
    qtbot.mouseClick(panel.add_credential_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    _type(qtbot, dialog.number, "12345")
    _type(qtbot, dialog.issued, "2025-05-01")
    _type(qtbot, dialog.expires, "2025-04-30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.errors.message("expires_on") == "Expiry date 2025-04-30 is before the issue date 2025-05-01."
    )
    assert snapshot(world.db) == before
    _type(qtbot, dialog.expires, "2027-05-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert panel.credential_model.row(0)["kind"] == "CRSS"
    assert "CRSS renewal (2025-05-02 to 2027-05-01)" in panel.progress.text()
    assert QApplication.activeModalWidget() is None
    with world.uow() as uow:
        assert [
            c.number for c in person_credentials.list_credentials(uow, person=Person(supervisee_id=world.ana))
        ] == ["12345"]
        assert training.list_training(uow, person=Person(supervisee_id=world.ana)) == []


def test_training_is_imported_from_a_spreadsheet_all_or_nothing(
    qtbot, world: World, make_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import csv_bytes

    window = make_window(world.db, supervisor_id=world.dana)
    panel = _training_tab(qtbot, window, world)
    day = (TODAY - dt.timedelta(days=30)).isoformat()
    columns = ["supervisee", "from", "title", "ethics", "advocacy"]
    path = tmp_path / "training.csv"
    path.write_bytes(
        csv_bytes(
            [
                {"supervisee": "Ana Example", "from": day, "title": "Ethics I", "ethics": "6"},
                {"supervisee": "Ana Example", "from": day, "title": "Advocacy", "advocacy": "-2"},
            ],
            columns,
        )
    )
    before = snapshot(world.db)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.objectName() == "training_import_dialog"
    assert dialog.summary.text() == (
        "Nothing was imported from training.csv: 1 problem must be fixed first (every row is imported or none is)."
    )
    assert (
        "line 3 [advocacy]: advocacy '-2' is not a number of hours; write it as e.g. 1.5."
        in dialog.details.toPlainText()
    )
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert snapshot(world.db) == before
    path.write_bytes(
        csv_bytes([{"supervisee": "Ana Example", "from": day, "title": "Ethics I", "ethics": "6"}], columns)
    )
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.import_button.text() == "&Import 1 training entry"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith("1 training entry (6.00 h) imported from training.csv.")
    assert [panel.model.row(r).title for r in range(panel.model.rowCount())] == ["Ethics I"]


def test_the_hire_date_is_set_on_the_training_tab(qtbot, world: World, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    panel = _training_tab(qtbot, window, world)
    before = snapshot(world.db)
    future = (TODAY + dt.timedelta(days=2)).isoformat()
    _type(qtbot, panel.hire_date, future)
    qtbot.keyClick(panel.hire_date, Qt.Key.Key_Return)
    assert (
        panel.hire_error.isVisible()
        and panel.hire_error.text() == f"The hire date {future} is in the future."
    )
    assert snapshot(world.db) == before
    hired = TODAY - dt.timedelta(days=30)
    _type(qtbot, panel.hire_date, hired.isoformat())
    qtbot.mouseClick(panel.hire_button, Qt.MouseButton.LeftButton)
    assert not panel.hire_error.isVisible()
    with world.uow() as uow:
        assert person_credentials.get_supervisee(uow, world.ana).hire_date == hired
