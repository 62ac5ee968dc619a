"""The supervisee's Jobs tab and the job editor (issue 18): the 51% recovery-support answer
recorded with its job description, each mistake shown beside its field, driven as a person
would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from supervisor_app.services import audit, jobs
from tests.conftest import TODAY, World, snapshot
from tests.ui.helpers import open_supervisee

PDF = b"%PDF-1.4\n%%EOF\n"


def _jobs_tab(qtbot, window, world: World):  # type: ignore[no-untyped-def]
    open_supervisee(qtbot, window, world.ana)
    window.detail.tabs.setCurrentWidget(window.detail.jobs)
    return window.detail.jobs


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_a_job_is_recorded_answered_with_its_description_and_changed(
    qtbot, world: World, make_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    panel = _jobs_tab(qtbot, window, world)
    assert panel.model.rowCount() == 0
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.dialog
    assert editor.objectName() == "job_editor"
    _type(qtbot, editor.title, "Recovery Coach")
    _type(qtbot, editor.employer, "Hope House")
    editor.date_from.setDate(QDate(2025, 1, 6))
    assert editor.current.isChecked() and not editor.date_to.isEnabled()
    editor.answer.setFocus()
    qtbot.keyClick(editor.answer, Qt.Key.Key_Down)  # Not answered -> Yes
    assert editor.answer.currentData() == "yes"
    scan = tmp_path / "job description.pdf"
    scan.write_bytes(PDF)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert editor.file_name.text() == "To attach: job description.pdf"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert panel.model.rowCount() == 1
    row = panel.model.row(0)
    assert (row.title, row.employer, row.answer, row.answered_by, row.file_name) == (
        "Recovery Coach", "Hope House", True, "Dana Whitaker", "job description.pdf",
    )  # fmt: skip
    shown = [panel.model.data(panel.model.index(0, c)) for c in range(panel.model.columnCount())]
    assert shown[:5] == ["Recovery Coach", "Hope House", "2025-01-06", "present", "Yes"]
    assert shown[6] == "File: job description.pdf"

    panel.table.selectRow(0)
    qtbot.mouseClick(panel.view_button, Qt.MouseButton.LeftButton)
    assert panel.dialog.objectName() == "certificate_viewer"
    assert panel.dialog.windowTitle() == "Job description: job description.pdf"
    save = next(b for b in panel.dialog.findChildren(QPushButton) if b.text() == "&Save a copy…")
    assert save.accessibleName() == "Save a copy of the job description"
    panel.dialog.close()

    # Change it: the job ended; the answer becomes No; the change is in the trail, before and after.
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    editor = panel.dialog
    assert editor.answered.isVisible() and editor.answered.text().startswith("Answered by Dana Whitaker on ")
    qtbot.mouseClick(editor.current, Qt.MouseButton.LeftButton)
    assert editor.date_to.isEnabled()
    editor.date_to.setDate(QDate(2025, 12, 31))
    editor.answer.setFocus()
    qtbot.keyClick(editor.answer, Qt.Key.Key_Down)  # Yes -> No
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    row = panel.model.row(0)
    assert (row.date_to.isoformat(), row.answer) == ("2025-12-31", False)
    with world.uow() as uow:
        event = [e for e in audit.list_events(uow) if e.action == "job-edit"][-1]
    assert json.loads(event.details)["changes"] == {
        "before": {"to": None, "answer": "yes"},
        "after": {"to": "2025-12-31", "answer": "no"},
    }


def test_the_job_editor_shows_each_mistake_beside_its_field_and_saves_nothing(
    qtbot, world: World, make_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    panel = _jobs_tab(qtbot, window, world)
    before = snapshot(world.db)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = panel.dialog
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.errors.message("title") == "Job title is required."
    _type(qtbot, editor.title, "Recovery Coach")
    start, end = TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=60)
    editor.date_from.setDate(QDate(start.year, start.month, start.day))
    qtbot.mouseClick(editor.current, Qt.MouseButton.LeftButton)
    editor.date_to.setDate(QDate(end.year, end.month, end.day))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("date_to") == f"End date {end} is before the start date {start}."
    big = tmp_path / "scan.png"
    with big.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(big), ""))
    qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert editor.errors.message("description_file") == (
        "scan.png is 6.0 MB; a job description may be at most 5 MB. Scan it at a lower resolution or save it "
        "as a smaller PDF."
    )
    assert editor.file_name.text() == "No file attached"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Cancel
    assert snapshot(world.db) == before
    with world.uow() as uow:
        assert jobs.list_jobs(uow, supervisee_id=world.ana) == []
