"""Every wrong-password message (sign in, lock, sign, void, change password) is shown whole:
the label wraps, is as tall as its wrapped text needs and lies inside a dialog that fits a
1366x768 screen. And the lock screen says why it is locked: by hand, or after idle minutes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from supervisor_app.ui.change_password_dialog import ChangePasswordDialog
from supervisor_app.ui.pages import Page
from supervisor_app.ui.password_dialog import PasswordDialog
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import go_to, sign_in

FIRST = "Wrong password for Dana Whitaker. 4 attempts left before signing locks for 5 minutes."
LOCKED = "Wrong password. Signing is now locked for Dana Whitaker for 5 minutes."


def assert_shown_whole(label: QLabel, text: str) -> None:
    window = label.window()
    assert label.isVisible() and label.text() == text
    assert label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width()), (
        label.size(),
        label.heightForWidth(label.width()),
    )
    assert window.rect().contains(QRect(label.mapTo(window, QPoint(0, 0)), label.size()))
    assert window.width() <= 1366 and window.height() <= 768


def _wrong_five_times(field, button_or_enter, label: QLabel, qtbot) -> None:  # type: ignore[no-untyped-def]
    for attempt in range(5):
        field.selectAll()
        qtbot.keyClicks(field, "not the password")
        if button_or_enter is None:
            qtbot.keyClick(field, Qt.Key.Key_Return)
        else:
            qtbot.mouseClick(button_or_enter, Qt.MouseButton.LeftButton)
        assert_shown_whole(label, FIRST if attempt == 0 else LOCKED if attempt == 4 else label.text())


def test_sign_in_messages_are_shown_whole(world, make_controller, qtbot) -> None:
    controller = make_controller(world.db)
    controller.start()
    dialog = controller.dialog
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(world.dana))
    _wrong_five_times(dialog.password, None, dialog.password_error, qtbot)
    # Locked out: the sixth try says so, whole, too.
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "Signing is locked for Dana Whitaker after 5 wrong passwords" in dialog.password_error.text()
    assert_shown_whole(dialog.password_error, dialog.password_error.text())


def test_ctrl_l_says_it_was_locked_by_hand_and_its_messages_fit(world, make_controller, qtbot) -> None:
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = controller.lock_dialog
    reason = lock.findChild(QLabel, "lock_reason").text()
    assert "You locked the app." in reason and "without use" not in reason
    _wrong_five_times(lock.password, lock.unlock_button, lock.error, qtbot)
    assert controller.locked


def test_the_idle_lock_says_how_long(world, make_controller, prefs) -> None:
    prefs.idle_minutes = 1
    controller = make_controller(world.db)
    controller.start()
    sign_in(controller, world.dana, PASSWORD)
    controller.idle.last_input -= 61
    controller.idle.check()
    reason = controller.lock_dialog.findChild(QLabel, "lock_reason").text()
    assert "locked itself after 1 minute" in reason and "You locked" not in reason


def test_signing_and_void_messages_are_shown_whole(world, make_window, qtbot) -> None:
    from supervisor_app.services import records

    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world)).id
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    dialog = window.actions.sign([rid], minutes=60)
    assert isinstance(dialog, PasswordDialog)
    _wrong_five_times(dialog.password, None, dialog.field_errors["password"], qtbot)
    dialog.done(0)


def test_void_message_is_shown_whole(world, make_window, qtbot) -> None:
    from supervisor_app.services import records
    from supervisor_app.usecases import signing

    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world)).id
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    window = make_window(world.db, supervisor_id=world.dana)
    dialog = window.actions.void(rid, "the session of yesterday")
    qtbot.keyClicks(dialog.reason, "Entered twice")
    dialog.password.setFocus()
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert_shown_whole(dialog.field_errors["password"], FIRST)


def test_change_password_message_is_shown_whole(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.SETTINGS)
    qtbot.mouseClick(window.settings_page.password_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, ChangePasswordDialog)
    qtbot.keyClicks(dialog.old, "not the password")
    qtbot.keyClicks(dialog.passwords.first, "a brand new sentence")
    qtbot.keyClicks(dialog.passwords.second, "a brand new sentence")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert_shown_whole(dialog.old_error, FIRST)
    assert dialog.isVisible() and QApplication.activeModalWidget() in (dialog, None)
