"""Changing what was entered, in the app (issue 13): a supervisee's details from their page,
marking them inactive and back, and the agency's details in Settings. Driven by clicks and
typing; every refusal shows beside its field and changes nothing."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from supervisor_app.services import audit, people, records
from supervisor_app.ui.common import to_qdate
from supervisor_app.ui.pages import Page
from supervisor_app.ui.supervisee_dialog import SuperviseeDialog
from supervisor_app.ui.supervisee_table_model import ROW_ROLE
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, session_fields, snapshot
from tests.ui.helpers import go_to, open_supervisee

DAY = dt.timedelta(days=1)


def _open(qtbot, make_window, world, supervisee_id: int):  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, supervisee_id)
    return window, window.detail


def _edit_dialog(qtbot, detail) -> SuperviseeDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = detail.edit_dialog
    assert isinstance(dialog, SuperviseeDialog) and dialog.isVisible()
    return dialog


def _retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(edit, text)


def _answer_next_box(qtbot, button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` on the next message box that opens; returns [its text] once it has."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen


def _person(world, supervisee_id: int):  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        p = people.get_supervisee(uow, supervisee_id)
        return (p.name, p.credential, p.icb_id, p.position, p.start_date, p.active)


# --------------------------------------------------------------------------------------------
# Editing a supervisee's details


def test_editing_details_from_the_supervisee_page_saves_and_refreshes(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, detail = _open(qtbot, make_window, world, world.ana)
    dialog = _edit_dialog(qtbot, detail)
    assert dialog.windowTitle() == "Edit supervisee"
    assert dialog.save_button.text() == "&Save changes"
    assert (dialog.name.text(), dialog.credential.currentData(), dialog.icb_id.text()) == (
        "Ana Example",
        "CRSS",
        "A-0",
    )
    assert dialog.start.date() == to_qdate(TODAY - 500 * DAY)
    assert not dialog.supervisor.isVisibleTo(dialog)  # a change of supervisor is not done here
    assert dialog.credential.isEnabled() and not dialog.credential_note.isVisibleTo(dialog)
    _retype(qtbot, dialog.name, "Ana Maria Example")
    _retype(qtbot, dialog.position, "Recovery Coach")
    qtbot.keyClick(dialog.position, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    assert _person(world, world.ana)[:4] == ("Ana Maria Example", "CRSS", "A-0", "Recovery Coach")
    assert "Ana Maria Example" in detail.title.text()  # refreshed by "records changed"
    with world.uow() as uow:
        event = audit.list_events(uow, supervisee_id=world.ana, limit=1)[0]
    assert (event.action, event.actor) == ("edit", f"supervisor:{world.dana}")
    assert json.loads(event.details)["before"] == {"name": "Ana Example", "position": ""}


def test_an_empty_name_is_refused_beside_the_field_and_nothing_changes(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, detail = _open(qtbot, make_window, world, world.ana)
    before = snapshot(world.db)
    dialog = _edit_dialog(qtbot, detail)
    _retype(qtbot, dialog.name, "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.errors.message("name") == "Supervisee name is required."
    assert dialog.findChild(type(dialog.general_error), "error_name").isVisibleTo(dialog)
    assert snapshot(world.db) == before


def test_a_start_date_after_a_recorded_session_is_refused_with_the_reason(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, date=TODAY - 10 * DAY))
        uow.commit()
    _window, detail = _open(qtbot, make_window, world, world.ana)
    before = snapshot(world.db)
    dialog = _edit_dialog(qtbot, detail)
    dialog.start.setFocus()
    dialog.start.setDate(to_qdate(TODAY - 5 * DAY))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = dialog.errors.message("start_date")
    assert f"already has a session on {(TODAY - 10 * DAY).isoformat()}" in message
    assert "no record may come before the start date" in message
    assert dialog.isVisible() and snapshot(world.db) == before
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())  # the message fits
    # The day of that session is accepted.
    dialog.start.setDate(to_qdate(TODAY - 10 * DAY))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and _person(world, world.ana)[4] == TODAY - 10 * DAY


def test_the_credential_is_locked_with_the_reason_once_signed_records_exist(
    make_window, world, qtbot
) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    _window, detail = _open(qtbot, make_window, world, world.ana)
    dialog = _edit_dialog(qtbot, detail)
    assert not dialog.credential.isEnabled()
    assert dialog.credential_note.isVisibleTo(dialog)
    assert "1 signed record in CRSS's performance domains" in dialog.credential_note.text()
    assert "signed records never change" in dialog.credential_note.text()
    # Everything else can still be corrected.
    _retype(qtbot, dialog.icb_id, "A-7781")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and _person(world, world.ana)[1:3] == ("CRSS", "A-7781")


def test_a_duplicate_icb_id_is_refused_beside_the_field(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, detail = _open(qtbot, make_window, world, world.ana)
    before = snapshot(world.db)
    dialog = _edit_dialog(qtbot, detail)
    _retype(qtbot, dialog.icb_id, "A-1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "ICB ID A-1 is already recorded for Ben Example" in dialog.errors.message("icb_id")
    assert snapshot(world.db) == before


def test_unsaved_changes_are_not_lost_without_a_question(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, detail = _open(qtbot, make_window, world, world.ana)
    before = snapshot(world.db)
    dialog = _edit_dialog(qtbot, detail)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()
    dialog = _edit_dialog(qtbot, detail)
    qtbot.keyClicks(dialog.name, " Jr.")
    assert dialog.is_dirty() and window.has_unsaved_edits()
    asked = _answer_next_box(qtbot, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked == ["Close without saving? Your changes to this supervisee will be lost."]
    assert dialog.isVisible() and dialog.name.text() == "Ana Example Jr."
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Cancel")
    asked = _answer_next_box(qtbot, QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert asked and not dialog.isVisible()
    assert snapshot(world.db) == before


# --------------------------------------------------------------------------------------------
# Inactive and back


def test_marking_inactive_hides_them_from_the_list_and_new_sessions_until_reactivated(
    make_window, world, qtbot
) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    window, detail = _open(qtbot, make_window, world, world.ana)
    assert detail.active_button.text() == "Mark &inactive"
    qtbot.mouseClick(detail.active_button, Qt.MouseButton.LeftButton)
    assert _person(world, world.ana)[5] is False
    assert detail.inactive_note.isVisibleTo(detail)
    assert "Inactive" in detail.title.text()
    assert not detail.new_session_button.isEnabled() and not detail.new_experience_button.isEnabled()
    assert detail.active_button.text() == "&Reactivate"
    assert detail.sessions.model.rowCount() == 1  # their records stay

    qtbot.mouseClick(window.detail.back_button, Qt.MouseButton.LeftButton)
    page = window.list_page
    names = [page.proxy.index(r, 0).data(ROW_ROLE).name for r in range(page.proxy.rowCount())]
    assert "Ana Example" not in names and "Ben Example" in names
    qtbot.mouseClick(page.show_inactive, Qt.MouseButton.LeftButton)
    rows = {page.proxy.index(r, 0).data(ROW_ROLE).name: r for r in range(page.proxy.rowCount())}
    assert "Ana Example" in rows
    page.table.selectRow(rows["Ana Example"])
    assert page.open_button.isEnabled() and not page.session_button.isEnabled()
    page.table.selectRow(rows["Ben Example"])
    assert page.session_button.isEnabled()

    editor = window.actions.new_session([])
    assert editor.attendees.person(world.ana) is None and editor.attendees.person(world.ben) is not None
    editor.done(0)

    open_supervisee(qtbot, window, world.ana)
    qtbot.mouseClick(detail.active_button, Qt.MouseButton.LeftButton)
    assert _person(world, world.ana)[5] is True
    assert not detail.inactive_note.isVisibleTo(detail) and detail.new_session_button.isEnabled()
    with world.uow() as uow:
        details = [json.loads(e.details) for e in audit.list_events(uow, supervisee_id=world.ana, limit=2)]
    assert [d["after"] for d in details] == [{"active": True}, {"active": False}]


# --------------------------------------------------------------------------------------------
# The agency, in Settings


def _settings(qtbot, make_window, world):  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.SETTINGS)
    return window.settings_page


def _agency(world):  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        agency = people.agency_for(uow, supervisor_id=world.dana)
        return (agency.name, agency.address, agency.phone)


def test_the_agency_details_are_edited_in_settings(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(qtbot, make_window, world)
    assert settings.agency_name.text() == "Prairie Lakes (TEST)"
    assert not settings.agency_save_button.isEnabled()  # nothing to save yet
    qtbot.keyClicks(settings.agency_address, "100 Example Avenue, Springfield, IL 62701")
    qtbot.keyClicks(settings.agency_phone, "(217) 555-0100")
    assert settings.agency_save_button.isEnabled() and settings.agency_revert_button.isEnabled()
    qtbot.keyClick(settings.agency_phone, Qt.Key.Key_Return)  # Enter saves
    assert _agency(world) == (
        "Prairie Lakes (TEST)",
        "100 Example Avenue, Springfield, IL 62701",
        "(217) 555-0100",
    )
    assert not settings.agency_save_button.isEnabled()
    assert "Forms printed from now on carry these details" in settings.agency_status.text()
    with world.uow() as uow:
        event = audit.list_events(uow, limit=1)[0]
    assert json.loads(event.details)["after"] == {
        "address": "100 Example Avenue, Springfield, IL 62701",
        "phone": "(217) 555-0100",
    }


def test_bad_agency_details_show_beside_the_field_and_change_nothing(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(qtbot, make_window, world)
    before = snapshot(world.db)
    qtbot.keyClicks(settings.agency_phone, "call Dana")
    qtbot.mouseClick(settings.agency_save_button, Qt.MouseButton.LeftButton)
    assert "too few digits for a phone number" in settings.agency_errors.message("phone")
    _retype(qtbot, settings.agency_name, "")
    qtbot.mouseClick(settings.agency_save_button, Qt.MouseButton.LeftButton)
    assert settings.agency_errors.message("agency") == "Agency name is required."
    assert snapshot(world.db) == before
    qtbot.mouseClick(settings.agency_revert_button, Qt.MouseButton.LeftButton)  # back as saved
    assert (settings.agency_name.text(), settings.agency_phone.text()) == ("Prairie Lakes (TEST)", "")
    assert not settings.agency_errors.fallback.isVisible() and not settings.agency_save_button.isEnabled()
    assert snapshot(world.db) == before


def test_a_supervisee_reviewing_their_page_can_change_nothing(make_window, world) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisee_id=world.ana, name="Ana Example")
    assert window.settings_page is None  # review mode has no settings (and no agency form) at all
    detail = window.detail
    assert not detail.edit_button.isVisibleTo(detail) and not detail.active_button.isVisibleTo(detail)
    assert detail.edit_details() is None
