"""Every search box ignores accents and case beyond ASCII ("nguyen" finds "Nguyễn", "quin"
finds "Quiñones"); an empty result says so, and the count follows what is shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from supervisor_app.services import people, records
from supervisor_app.ui.pages import Page
from tests.conftest import TODAY, session_fields
from tests.ui.helpers import go_to


def _add_people(world) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        lan = people.add_supervisee(
            uow,
            name="Nguyễn Thị Lan",
            credential="CRSS",
            start_date=TODAY - dt.timedelta(days=400),
            supervisor_id=world.dana,
        ).id
        rosa = people.add_supervisee(
            uow,
            name="Rosa Quiñones",
            credential="CRSS",
            start_date=TODAY - dt.timedelta(days=400),
            supervisor_id=world.dana,
        ).id
        uow.commit()
    return lan, rosa


def _type(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for char in text:  # key events carrying the text (QTest cannot type letters beyond ASCII)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def test_the_supervisee_list_finds_names_without_their_accents(qtbot, world, make_window) -> None:
    _add_people(world)
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.list_page
    assert "6 supervisees" in page.summary.text()
    _type(qtbot, page.search, "nguyen")
    assert _names(page) == ["Nguyễn Thị Lan"]
    assert page.summary.text().startswith("1 of 6 supervisees match")
    _type(qtbot, page.search, "QUIN")
    assert _names(page) == ["Rosa Quiñones"]
    _type(qtbot, page.search, "núñez")  # typed with the accents: still found
    assert _names(page) == ["Carla Núñez"]
    _type(qtbot, page.search, "nunez")
    assert _names(page) == ["Carla Núñez"]

    _type(qtbot, page.search, "zzz")
    assert page.stack.currentWidget() is page.empty
    assert "No supervisee matches “zzz”" in page.empty.text()
    assert page.summary.text().startswith("0 of 6 supervisees match")
    assert not page.open_button.isEnabled()

    _type(qtbot, page.search, "")
    assert page.stack.currentWidget() is page.table
    assert page.summary.text().startswith("6 supervisees ·")


def test_an_empty_list_does_not_stay_on_loading(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.rafael)  # Rafael supervises nobody
    page = window.list_page
    qtbot.keyClick(page.only_mine, Qt.Key.Key_Space)  # ticks it
    assert page.only_mine.isChecked()
    assert page.stack.currentWidget() is page.empty
    assert "Loading" not in page.summary.text()
    assert page.summary.text() == "No supervisees"


def test_records_search_folds_accents_in_names_topics_and_sites(qtbot, world, make_window) -> None:
    lan, rosa = _add_people(world)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, supervisee_ids=[lan], topics="Reunión de equipo"))
        records.add_session(
            uow,
            **session_fields(
                world, supervisee_ids=[rosa], date=TODAY - dt.timedelta(days=2), site="Żabka Café"
            ),
        )
        records.add_session(
            uow, **session_fields(world, date=TODAY - dt.timedelta(days=3), topics="Plain check-in")
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.RECORDS)
    page = window.records_page
    sessions = page.sessions

    def search(text: str) -> list[str]:
        _type(qtbot, page.search, text)
        page._debounce.stop()
        page.apply_filters()  # what the debounce timer runs
        return [sessions.model.row(i).attendees for i in range(sessions.model.rowCount())]

    assert search("nguyen") == ["Nguyễn Thị Lan"]
    assert sessions.count.text() == "1 session"
    assert search("quin") == ["Rosa Quiñones"]
    assert search("REUNION") == ["Nguyễn Thị Lan"]
    assert search("zabka cafe") == ["Rosa Quiñones"]
    assert search("PLAIN check") == ["Ana Example"]  # plain ASCII still matched by LIKE
    assert search("50%") == []  # LIKE's wildcards are text here
    assert sessions.empty.isVisibleTo(sessions)
    assert "No sessions match “50%”" in sessions.empty.text()
    assert sessions.count.text() == "0 sessions"
    assert len(search("")) == 3
    assert not sessions.empty.isVisibleTo(sessions)


def test_the_attendee_picker_folds_accents(qtbot, world, make_window) -> None:
    _add_people(world)
    window = make_window(world.db, supervisor_id=world.dana)
    editor = window.actions.new_session()
    picker = editor.attendees
    _type(qtbot, picker.filter, "nguyen")
    shown = [
        picker.list.item(r).text() for r in range(picker.list.count()) if not picker.list.item(r).isHidden()
    ]
    assert shown == ["Nguyễn Thị Lan  (CRSS)"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert [picker.person(i).name for i in picker.checked_ids()] == ["Nguyễn Thị Lan"]
