"""To sign at a laptop's size, lengths in minutes when not whole quarter-hours, and a signed
record that says an amendment of it is waiting (a second Amend is refused in words)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from supervisor_app.services import records
from supervisor_app.services.units import duration
from supervisor_app.ui.session_editor import SessionEditor
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, experience_fields, session_fields, snapshot


def _add(world, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world, **overrides)).id
        uow.commit()
    return rid


def test_duration_is_hours_for_quarter_hours_and_minutes_otherwise() -> None:
    assert [duration(m) for m in (15, 60, 90, 5, 20, 70)] == [
        "0.25 h",
        "1.00 h",
        "1.50 h",
        "5 min",
        "20 min",
        "1 h 10 min",
    ]


def test_to_sign_fits_a_laptop_screen_and_shows_minutes(qtbot, world, make_window) -> None:
    _add(
        world,
        supervisee_ids=[world.ana, world.ben, world.carla],
        format="group",
        topics="A long topic " * 10,
    )
    with world.uow() as uow:  # experience is not kept in quarter-hours
        records.add_experience(
            uow, **experience_fields(world, allocations={"recovery-support": 1200, "advocacy": 20})
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    window.resize(1366, 768)
    window.show_page(2)
    page = window.to_sign
    qtbot.waitUntil(lambda: page.view.isVisible())
    view = page.view
    assert view.horizontalScrollBar().maximum() == 0  # every column in view, no sideways scrolling
    header = view.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) <= view.viewport().width()
    entry = next(r for r in range(page.model.rowCount()) if page.model.row(r).kind == "experience")
    assert page.model.index(entry, 2).data() == "20 h 20 min"
    assert "Advocacy 20 min" in page.model.index(entry, 5).data()
    assert "Check them" not in page.explain.text()  # no check boxes: the words say select
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(page.model.index(entry, 1)).center()
    )
    assert "1 selected (20 h 20 min)" in page.summary.text()


def test_an_empty_to_sign_page_stays_at_the_top(world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    window.resize(1366, 768)
    window.show_page(2)
    page = window.to_sign
    assert page.empty.isVisible() and not page.view.isVisible()
    assert page.empty.geometry().bottom() < page.height() // 3  # not spread over the page's height
    assert page.explain.height() < 100


def test_the_original_shows_its_waiting_amendment_and_a_second_amend_is_refused(
    qtbot, world, make_window
) -> None:
    rid = _add(world, date=TODAY - dt.timedelta(days=4))
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    with world.uow() as uow:
        records.amend_record(
            uow, record_id=rid, reason="Length corrected", minutes=45, allocations={"advocacy": 45}
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    window.show_page(1)
    table = window.records_page.sessions
    rows = [table.model.row(i) for i in range(table.model.rowCount())]
    original = next(i for i, r in enumerate(rows) if r.id == rid)
    status_column = next(c for c, col in enumerate(table.model.columns) if col.title == "Status")
    assert table.model.index(original, status_column).data() == "Signed · amendment waiting"
    assert "amendment of this record waits" in table.model.index(original, status_column).data(
        Qt.ItemDataRole.ToolTipRole
    )

    before = snapshot(world.db)
    view = table.view
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(table.model.index(original, 0)).center(),
    )
    assert table.amend_button.isEnabled()
    qtbot.mouseClick(table.amend_button, Qt.MouseButton.LeftButton)
    box = window.actions.dialog
    assert isinstance(box, QMessageBox) and not isinstance(box, SessionEditor)  # no form to fill in
    day = (TODAY - dt.timedelta(days=4)).isoformat()
    assert f"the session of {day}, 0.75 h" in box.text() and "“Length corrected”" in box.text()
    assert rid[:8] not in box.text()  # in words, not record ids
    box.done(0)
    assert snapshot(world.db) == before
