"""To sign (a batch with one password), amend and void, each with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from supervisor_app import clock
from supervisor_app.services import records
from supervisor_app.ui.pages import Page
from supervisor_app.ui.password_dialog import PasswordDialog
from supervisor_app.ui.session_editor import SessionEditor
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields, snapshot
from tests.ui.helpers import go_to, open_supervisee

TODAY = clock.today()


def _add_sessions(world, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    ids = []
    with world.uow() as uow:
        for day in range(count):
            ids.append(
                records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=day + 1))).id
            )
        uow.commit()
    return ids


def _sign(world, ids):  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)


def _status(world, record_id: str) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return records.display_status(uow, records.find_record(uow, record_id)).value


def test_sign_a_batch_with_one_password(qtbot, world, make_window) -> None:
    ids = _add_sessions(world, 3)
    with world.uow() as uow:  # someone else's pending record is not on Dana's list
        records.add_session(
            uow, **session_fields(world, supervisor_id=world.rafael, date=TODAY - dt.timedelta(days=9))
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    assert page.model.rowCount() == 3
    assert not page.sign_button.isEnabled()
    qtbot.mouseClick(page.select_all_button, Qt.MouseButton.LeftButton)
    assert "3 selected (3.00 h)" in page.summary.text()
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    assert isinstance(dialog, PasswordDialog)
    assert "Sign 3 records, 3.00 h in all" in dialog.message.text()

    before = snapshot(world.db)
    dialog.password.setText("wrong password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Wrong password" in dialog.error_text("password")
    assert dialog.isVisible()
    assert all(_status(world, rid) == "pending" for rid in ids)
    assert snapshot(world.db) != before  # only the failed attempt was counted and logged

    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert all(_status(world, rid) == "signed" for rid in ids)
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page)
    assert window.pages.item(Page.TO_SIGN).text() == "To sign"


def test_sign_only_the_selected_rows(qtbot, world, make_window) -> None:
    ids = _add_sessions(world, 3)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    page.view.selectRow(0)
    chosen = page.selected_rows()[0].id
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    window.actions.dialog.password.setText(PASSWORD)
    qtbot.mouseClick(window.actions.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _status(world, chosen) == "signed"
    assert sorted(_status(world, rid) for rid in ids) == ["pending", "pending", "signed"]


def test_amend_needs_a_reason_and_makes_a_pending_replacement(qtbot, world, make_window) -> None:
    [rid] = _add_sessions(world, 1)
    _sign(world, [rid])
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ana)
    table = window.detail.sessions
    table.select_row(0)
    assert table.amend_button.isEnabled() and not table.edit_button.isEnabled()
    qtbot.mouseClick(table.amend_button, Qt.MouseButton.LeftButton)
    editor = window.actions.dialog
    assert isinstance(editor, SessionEditor) and editor.mode == "amend"
    assert editor.minutes.value() == 60 and editor.allocations.values() == {"advocacy": 30, "mentoring": 30}
    editor.minutes.setValue(45)
    editor.allocations.spin("mentoring").setValue(15)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Reason for the amendment is required" in editor.error_text("reason")
    editor.reason.setText("Length corrected from the sign-in sheet")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    with world.uow() as uow:
        rows = records.list_records(uow, "session", supervisee_id=world.ana)
    amendment = next(r for r in rows if r["supersedes"] == rid)
    assert amendment["status"] == "pending" and amendment["minutes"] == 45
    assert amendment["amendment_reason"] == "Length corrected from the sign-in sheet"
    assert _status(world, rid) == "signed"  # the original stands until the amendment is signed
    assert table.model.rowCount() == 2


def test_void_needs_a_reason_and_the_password(qtbot, world, make_window) -> None:
    [rid] = _add_sessions(world, 1)
    _sign(world, [rid])
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.RECORDS)
    table = window.records_page.sessions
    table.select_row(0)
    qtbot.mouseClick(table.void_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    assert isinstance(dialog, PasswordDialog) and dialog.reason is not None
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Reason for the void is required" in dialog.error_text("reason")
    assert _status(world, rid) == "signed"
    dialog.reason.setPlainText("Entered twice")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _status(world, rid) == "voided"
    assert table.model.row(0).status == "voided"
    assert not table.void_button.isEnabled() and not table.amend_button.isEnabled()


def test_pending_records_can_be_edited_and_deleted(qtbot, world, make_window) -> None:
    [rid] = _add_sessions(world, 1)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    page.view.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    editor = window.actions.dialog
    assert isinstance(editor, SessionEditor) and editor.mode == "edit"
    editor.topics.setPlainText("Changed topic")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with world.uow() as uow:
        assert records.list_records(uow, "session")[0]["topics"] == "Changed topic"
    window.actions.confirm = lambda _title, _text: True
    page.view.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    with world.uow() as uow:
        assert records.list_records(uow, "session") == []
    assert page.model.rowCount() == 0


def test_amend_a_signed_experience_entry_then_sign_the_amendment(qtbot, world, make_window) -> None:
    from supervisor_app.ui.experience_editor import ExperienceEditor
    from tests.conftest import experience_fields

    with world.uow() as uow:
        rid = records.add_experience(uow, **experience_fields(world)).id
        uow.commit()
    _sign(world, [rid])
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ana)
    table = window.detail.experience
    table.select_row(0)
    qtbot.mouseClick(table.amend_button, Qt.MouseButton.LeftButton)
    editor = window.actions.dialog
    assert isinstance(editor, ExperienceEditor) and editor.mode == "amend"
    assert editor.allocations.values() == {"advocacy": 600, "recovery-support": 1200}
    editor.allocations.spin("advocacy").setValue(12)
    editor.reason.setText("Hours corrected from the timesheet")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    go_to(qtbot, window, Page.TO_SIGN)
    assert window.to_sign.model.rowCount() == 1
    assert window.to_sign.model.row(0).supersedes_id == rid
    qtbot.mouseClick(window.to_sign.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.to_sign.sign_button, Qt.MouseButton.LeftButton)
    window.actions.dialog.password.setText(PASSWORD)
    qtbot.mouseClick(window.actions.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _status(world, rid) == "amended"
