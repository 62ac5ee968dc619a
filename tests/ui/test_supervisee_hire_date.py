"""The hire date in a supervisee's Edit details dialog (issue 20): typed or cleared there,
checked and audited like the other details; the Due view counts the employer's deadline from it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, Qt

from supervisor_app.services import audit, people
from supervisor_app.services.errors import DomainError
from supervisor_app.services.supervisee_edits import update_supervisee
from supervisor_app.ui.common import to_qdate
from supervisor_app.ui.supervisee_dialog import SuperviseeDialog
from tests.conftest import TODAY, snapshot
from tests.ui.helpers import open_supervisee


def _edit_dialog(make_window, world, qtbot) -> SuperviseeDialog:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ana)
    qtbot.mouseClick(window.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = window.detail.edit_dialog
    assert isinstance(dialog, SuperviseeDialog) and dialog.isVisible()
    return dialog


def _type_date(qtbot, edit, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClicks(edit, day.isoformat())


def _toggle(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _hire_date(world) -> dt.date | None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return people.get_supervisee(uow, world.ana).hire_date


def test_a_hire_date_is_typed_saved_and_audited(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _edit_dialog(make_window, world, qtbot)
    assert not dialog.has_hire.isChecked() and not dialog.hire.isEnabled()
    assert dialog.hire.maximumDate() == QDate.currentDate()  # no future hire date can be typed
    _toggle(qtbot, dialog.has_hire)
    assert dialog.hire.isEnabled()
    hired = TODAY - dt.timedelta(days=140)
    _type_date(qtbot, dialog.hire, hired)
    assert dialog.hire.date() == to_qdate(hired)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _hire_date(world) == hired
    with world.uow() as uow:
        event = audit.list_events(uow, supervisee_id=world.ana, limit=1)[0]
    assert event.action == "edit"
    details = json.loads(event.details)
    assert (details["before"], details["after"]) == ({"hire_date": None}, {"hire_date": hired.isoformat()})


def test_the_dialog_shows_a_recorded_hire_date_and_clears_it(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    hired = TODAY - dt.timedelta(days=30)
    with world.uow() as uow:
        update_supervisee(uow, supervisee_id=world.ana, name="Ana Example", credential="CRSS", icb_id="A-0",
                          start_date=TODAY - dt.timedelta(days=500), hire_date=hired)  # fmt: skip
        uow.commit()
    dialog = _edit_dialog(make_window, world, qtbot)
    assert dialog.has_hire.isChecked() and dialog.hire.date() == to_qdate(hired)
    _toggle(qtbot, dialog.has_hire)  # no longer known
    assert not dialog.hire.isEnabled()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _hire_date(world) is None


def test_an_unchanged_hire_date_writes_nothing_and_other_edits_keep_it(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _edit_dialog(make_window, world, qtbot)
    before = snapshot(world.db)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert snapshot(world.db) == before


def test_a_hire_date_in_the_future_is_refused_and_nothing_changes(world) -> None:  # type: ignore[no-untyped-def]
    """The date field cannot hold one; the service refuses it for any other caller."""
    before = snapshot(world.db)
    tomorrow = TODAY + dt.timedelta(days=1)
    with world.uow() as uow, pytest.raises(DomainError) as info:
        update_supervisee(uow, supervisee_id=world.ana, name="Ana Example", credential="CRSS", icb_id="A-0",
                          start_date=TODAY - dt.timedelta(days=500), hire_date=tomorrow, today=TODAY)  # fmt: skip
    assert (info.value.message, info.value.field) == (
        f"The hire date {tomorrow.isoformat()} is in the future.",
        "hire_date",
    )
    assert snapshot(world.db) == before


def test_a_new_supervisee_dialog_has_no_hire_date(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    dialog = SuperviseeDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert not dialog.hire.isVisibleTo(dialog) and not dialog.has_hire.isVisibleTo(dialog)
    assert "hire_date" not in dialog._fields()
