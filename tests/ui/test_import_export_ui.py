"""File ▸ Import records (dry run, report, then import), Save import template, Export
everything; review mode imports and exports nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from supervisor_app.services import records
from supervisor_app.services.import_format import FIXED_COLUMNS
from tests.conftest import TODAY, csv_bytes, snapshot
from tests.ui.helpers import choose

COLUMNS = [*FIXED_COLUMNS, "advocacy", "mentoring", "recovery-support"]


def row(**overrides: str) -> dict[str, str]:
    values = {
        "record": "session",
        "supervisor": "Dana Whitaker",
        "supervisees": "Ana Example",
        "date": (TODAY - dt.timedelta(days=3)).isoformat(),
        "start": "10:00",
        "minutes": "60",
        "format": "individual",
        "modality": "in-person",
        "topics": "Boundaries",
        "advocacy": "30",
        "mentoring": "30",
    }
    values.update(overrides)
    return values


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_bytes(csv_bytes(rows, COLUMNS))
    return path


def pending(world) -> int:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return len(records.list_records(uow, "session", supervisor_id=world.dana, status="pending"))


def test_a_file_with_bad_rows_shows_every_one_with_its_line_and_imports_nothing(
    qtbot, world, make_window, tmp_path
) -> None:
    path = write_csv(
        tmp_path / "past.csv",
        [
            row(),
            row(date="2024-02-30", start="11:00"),  # line 3: no such day
            row(supervisees="Nobody Known", start="12:00"),  # line 4: unknown supervisee
            row(minutes="90", start="13:00"),  # line 5: allocations add up to 60
        ],
    )
    before = snapshot(world.db)
    window = make_window(world.db, supervisor_id=world.dana)
    window.transfer.ask_import_file = lambda: str(path)
    choose(qtbot, window, window.import_action)
    dialog = window.transfer.dialog
    assert dialog is not None and dialog.isVisible()
    report = dialog.details.toPlainText()
    for line in (3, 4, 5):
        assert f"line {line}" in report
    assert "line 2" not in report
    assert "Nothing was imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.close_button.text() == "Close"
    dialog.import_now()  # even forced, a failed check imports nothing
    assert snapshot(world.db) == before


def test_a_good_file_is_checked_first_then_imported_as_pending_records(
    qtbot, world, make_window, tmp_path
) -> None:
    path = write_csv(
        tmp_path / "past.csv",
        [
            row(),
            row(supervisees="Ben Example", start="11:00", advocacy="60", mentoring=""),
        ],
    )
    before = snapshot(world.db)
    window = make_window(world.db, supervisor_id=world.dana)
    window.transfer.ask_import_file = lambda: str(path)
    choose(qtbot, window, window.import_action)
    dialog = window.transfer.dialog
    assert "2 sessions and 0 experience entries would be imported" in dialog.summary.text()
    assert "Dry run: nothing was written" in dialog.summary.text()
    assert snapshot(world.db) == before  # the check wrote nothing
    assert (
        dialog.import_button.isEnabled()
        and dialog.import_button.text().replace("&", "") == "Import 2 records"
    )

    changed: list[int] = []
    window.ctx.records_changed.connect(lambda: changed.append(1))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.report.committed and dialog.done_importing
    assert "imported from past.csv" in dialog.summary.text() and "pending" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert pending(world) == 2 and changed
    assert "imported" in window.statusBar().currentMessage()


def test_importing_the_same_file_again_skips_the_duplicates(qtbot, world, make_window, tmp_path) -> None:
    path = write_csv(tmp_path / "past.csv", [row()])
    window = make_window(world.db, supervisor_id=world.dana)
    window.transfer.ask_import_file = lambda: str(path)
    choose(qtbot, window, window.import_action)
    first = window.transfer.dialog
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(first, Qt.Key.Key_Escape)  # Close
    choose(qtbot, window, window.import_action)
    again = window.transfer.dialog
    assert again is not first
    assert "skipped" in again.details.toPlainText() and "line 2" in again.details.toPlainText()
    assert not again.import_button.isEnabled()  # nothing new to import
    assert pending(world) == 1


def test_save_import_template_writes_a_workbook_with_the_columns(qtbot, world, make_window, tmp_path) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    target = tmp_path / "template"
    window.transfer.ask_template_path = lambda suggested: str(target)
    choose(qtbot, window, window.template_action)
    written = tmp_path / "template.xlsx"
    assert written.exists()
    sheet = openpyxl.load_workbook(written).worksheets[0]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert header[: len(FIXED_COLUMNS)] == list(FIXED_COLUMNS)
    assert str(written) in window.transfer.box.text()


def test_export_everything_as_csv_files_and_as_one_json_file(qtbot, world, make_window, tmp_path) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    window.transfer.ask_export_folder = lambda: str(tmp_path)
    choose(qtbot, window, window.export_csv_action)
    folders = [p for p in tmp_path.iterdir() if p.is_dir() and p.name.startswith("supervisor_app export")]
    assert len(folders) == 1 and (folders[0] / "supervisee.csv").exists()
    assert "Carla Núñez" in (folders[0] / "supervisee.csv").read_text(encoding="utf-8-sig")
    choose(qtbot, window, window.export_csv_action)  # a second export never overwrites the first
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 2

    window.transfer.ask_export_json = lambda suggested: str(tmp_path / "archive")
    choose(qtbot, window, window.export_json_action)
    document = json.loads((tmp_path / "archive.json").read_text(encoding="utf-8"))
    assert {s["name"] for s in document["tables"]["supervisee"]} >= {"Ana Example", "Petra Nowak"}
    assert "archive.json" in window.transfer.box.text()


def test_review_mode_offers_no_import_and_no_export(world, make_window) -> None:
    window = make_window(world.db, supervisee_id=world.ana, name="Ana Example")
    assert not window.import_action.isEnabled() and not window.import_action.isVisible()
    assert not window.template_action.isVisible()
    assert not window.export_menu.menuAction().isVisible()
    assert not window.export_csv_action.isEnabled() and not window.export_json_action.isEnabled()
    assert window.transfer.import_records() is None  # and the method itself refuses
