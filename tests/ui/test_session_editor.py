"""The session editor: a valid session, refusals shown next to their field, group sessions,
"Save and add another", keyboard save, the experience editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from supervisor_app import clock
from supervisor_app.models import SupervisionSession
from supervisor_app.services import records
from supervisor_app.ui.common import to_qdate
from supervisor_app.ui.experience_editor import ExperienceEditor
from supervisor_app.ui.pages import Page
from supervisor_app.ui.session_editor import SessionEditor
from tests.conftest import snapshot
from tests.ui.helpers import go_to

YESTERDAY = clock.today() - dt.timedelta(days=1)


def _editor(window, supervisee_ids) -> SessionEditor:  # type: ignore[no-untyped-def]
    editor = window.actions.new_session(supervisee_ids)
    assert isinstance(editor, SessionEditor) and editor.isVisible()
    editor.date.setDate(to_qdate(YESTERDAY))
    return editor


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(SupervisionSession)) or 0


def test_a_valid_session_is_saved_pending_and_every_view_refreshes(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)  # To sign: empty
    assert window.to_sign.model.rowCount() == 0
    editor = _editor(window, [world.ana])
    assert editor.format.currentData() == "individual"
    assert editor.allocations.codes() == [
        "advocacy",
        "professional-responsibility",
        "mentoring",
        "recovery-support",
    ]
    editor.minutes.setValue(60)
    editor.allocations.spin("advocacy").setValue(30)
    assert "30 min left" in editor.allocations.sum_label.text()
    editor.allocations.spin("mentoring").setValue(30)
    assert "all allocated" in editor.allocations.sum_label.text()
    editor.topics.setPlainText("Boundaries and self-care")
    assert "client" in editor.findChild(type(editor.status), "client_info_reminder").text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    with world.uow() as uow:
        rows = records.list_records(uow, "session", supervisee_id=world.ana)
    assert len(rows) == 1 and rows[0]["status"] == "pending"
    assert rows[0]["allocations"] == {"advocacy": 30, "mentoring": 30}
    assert rows[0]["topics"] == "Boundaries and self-care"
    assert window.to_sign.model.rowCount() == 1  # refreshed by "records changed"
    assert "To sign (1)" in window.pages.item(Page.TO_SIGN).text()


def test_an_invalid_session_shows_the_message_next_to_the_field_and_saves_nothing(
    qtbot, world, make_window
) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    before = snapshot(world.db)
    editor = _editor(window, [world.ana])
    editor.minutes.setValue(60)
    editor.allocations.spin("advocacy").setValue(30)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "add up to 30 minutes but the session is 60" in editor.error_text("allocations")
    assert editor.error_text("minutes") == ""

    editor.minutes.setValue(50)
    editor.allocations.spin("advocacy").setValue(50)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "15-minute steps" in editor.error_text("minutes")
    assert editor.error_text("allocations") == ""  # the old message is gone
    assert snapshot(world.db) == before


def test_enter_saves_and_escape_cancels(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _editor(window, [world.ana])
    editor.allocations.spin("advocacy").setValue(60)
    editor.minutes.setFocus()
    qtbot.keyClick(editor.minutes, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert _count(world.db) == 1

    untouched = window.actions.new_session([])
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible()
    assert _count(world.db) == 1


def test_group_session_and_save_and_add_another_keep_date_and_attendees(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _editor(window, [world.ana, world.ben, world.carla])
    assert editor.format.currentData() == "group"  # several attendees: a group
    editor.minutes.setValue(90)
    editor.start.setTime(editor.start.time().fromString("14:00", "HH:mm"))
    editor.allocations.spin("mentoring").setValue(90)
    editor.topics.setPlainText("Group: sharing lived experience")
    qtbot.mouseClick(editor.another_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "Saved (1 this time)" in editor.status.text()
    assert editor.attendees.checked_ids() == sorted([world.ana, world.ben, world.carla])
    assert editor.date.date() == to_qdate(YESTERDAY)
    assert editor.start.time().toString("HH:mm") == "15:30"  # the next one starts after it
    assert editor.allocations.values() == {} and editor.topics.toPlainText() == ""
    editor.allocations.spin("advocacy").setValue(90)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    with world.uow() as uow:
        rows = records.list_records(uow, "session", supervisee_id=world.ben)
    assert len(rows) == 2
    assert all(
        r["format"] == "group" and r["supervisee_ids"] == sorted([world.ana, world.ben, world.carla])
        for r in rows
    )


def test_mixed_credentials_are_refused_next_to_the_attendees(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _editor(window, [world.ana, world.petra])
    editor.allocations.spin("advocacy").setValue(60)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "same credential" in editor.error_text("supervisees")
    assert _count(world.db) == 0


def test_experience_editor_saves_hours_per_domain(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = window.actions.new_experience(world.ana)
    assert isinstance(editor, ExperienceEditor)
    editor.period_start.setDate(to_qdate(YESTERDAY - dt.timedelta(days=6)))
    editor.period_end.setDate(to_qdate(YESTERDAY))
    editor.setting.setText("Drop-in center")
    editor.allocations.spin("recovery-support").setValue(20)
    editor.allocations.spin("advocacy").setValue(10.5)
    assert "30.50" in editor.allocations.sum_label.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    with world.uow() as uow:
        rows = records.list_records(uow, "experience", supervisee_id=world.ana)
    assert rows[0]["allocations"] == {"advocacy": 630, "recovery-support": 1200}

    again = window.actions.new_experience(world.ana)
    again.period_start.setDate(to_qdate(YESTERDAY - dt.timedelta(days=2)))
    again.period_end.setDate(to_qdate(YESTERDAY))
    again.allocations.spin("advocacy").setValue(8)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert "overlaps this period" in again.error_text("period_start")


def test_attendees_are_picked_from_the_keyboard(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = window.actions.new_session([])
    picker = editor.attendees
    picker.filter.setFocus()
    qtbot.keyClicks(picker.filter, "carla")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.keyClicks(picker.filter, "ben")
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert sorted(picker.checked_ids()) == sorted([world.carla, world.ben])
    assert editor.isVisible()  # Enter in the name box checks a name, it does not save
    assert editor.format.currentData() == "group"
    editor.done(0)
