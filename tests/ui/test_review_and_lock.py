"""Review mode (read only) and the idle lock. Starting, locking and ending a review:
test_review_with_supervisee.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from supervisor_app.services import records
from supervisor_app.ui.lock_cover import LockCover
from supervisor_app.ui.lock_dialog import LockDialog
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.session_editor import SessionEditor
from supervisor_app.ui.sign_in_dialog import SignInDialog
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import visible_enabled_buttons


def test_review_mode_offers_nothing_to_edit_sign_or_print_but_the_statement(world, make_window) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    window = make_window(world.db, supervisee_id=world.ana, name="Ana Example")
    assert window.actions is None
    assert [window.pages.item(page).text() for page in window.pages.pages()] == [
        "My progress",
        "My statement",
    ]
    assert "read only" in window.who_label.text()
    enabled = {
        a.objectName()
        for a in window.findChildren(type(window.print_action))
        if a.isEnabled() and a.isVisible()
    }
    for forbidden in (
        "new_session",
        "new_experience",
        "new_supervisee",
        "new_supervisor",
        "sign",
        "verify",
        "open_database",
    ):
        assert forbidden not in enabled
    assert "statement" in window.print_action.text()
    buttons = " ".join(visible_enabled_buttons(window))
    for word in ("New session", "Edit", "Delete", "Amend", "Void", "Sign", "Attestation"):
        assert word not in buttons
    window.detail.tabs.setCurrentIndex(1)
    assert window.detail.sessions.model.rowCount() == 1
    window.new_session()
    assert window.findChild(SessionEditor) is None
    with pytest.raises(PermissionError):
        window.ctx.write(lambda uow: None)


def test_idle_lock_hides_the_screen_and_unlocking_keeps_an_unsaved_edit(
    qtbot, world, make_controller, prefs
) -> None:
    prefs.idle_minutes = 1
    controller = make_controller(world.db)
    controller.start()
    controller.dialog.supervisor.setCurrentIndex(controller.dialog.supervisor.findData(world.dana))
    controller.dialog.password.setText(PASSWORD)
    qtbot.mouseClick(controller.dialog.sign_in_button, Qt.MouseButton.LeftButton)
    window = controller.window
    editor = window.actions.new_session([world.ana])
    editor.topics.setPlainText("Half-typed note about boundaries")
    editor.allocations.spin("advocacy").setValue(45)

    controller.idle.last_input -= 61  # a minute without keyboard or mouse
    controller.idle.check()
    lock = controller.lock_dialog
    assert isinstance(lock, LockDialog) and lock.isVisible()
    covers = controller._covers
    assert {c.parentWidget() for c in covers} == {window, editor}
    assert len(covers) == 2 and all(c.isVisible() for c in covers)
    assert editor.isVisible()  # still open under its cover

    lock.password.setText("wrong")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert "Wrong password" in lock.error.text() and controller.locked
    lock.password.setText(PASSWORD)
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert not controller.locked
    assert editor.isVisible()
    assert editor.topics.toPlainText() == "Half-typed note about boundaries"
    assert editor.allocations.values() == {"advocacy": 45}
    assert not any(c.isVisible() for c in editor.findChildren(LockCover) + window.findChildren(LockCover))
    assert controller.idle.enabled


def test_lock_screen_sign_out_returns_to_sign_in(qtbot, world, make_controller) -> None:
    controller = make_controller(world.db)
    controller.start()
    controller.dialog.supervisor.setCurrentIndex(controller.dialog.supervisor.findData(world.dana))
    controller.dialog.password.setText(PASSWORD)
    qtbot.mouseClick(controller.dialog.sign_in_button, Qt.MouseButton.LeftButton)
    emit(controller.window.lock_requested)  # Ctrl+L
    assert controller.locked
    qtbot.mouseClick(controller.lock_dialog.sign_out_button, Qt.MouseButton.LeftButton)
    assert controller.window is None and not controller.locked
    assert isinstance(controller.dialog, SignInDialog)
    assert controller.ctx.identity is None
    assert not [b for b in controller.dialog.findChildren(QPushButton) if b.text() == "&Unlock"]
