"""Help (F1): the first evening's four tasks beside the shortcut list, each key once, readable
at 1366x768 and closed from the keyboard; the window title names the app once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supervisor_app.ui.help_dialog import HelpDialog
from tests.ui.helpers import choose


def _open_help(window, qtbot) -> HelpDialog:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_f1_shows_the_first_evening_guide_with_the_keys_that_work_here(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    dialog = _open_help(window, qtbot)
    assert dialog.tabs.currentWidget() is dialog.guide
    text = dialog.guide.toPlainText()
    for task in (
        "Record a session",
        "Sign hours",
        "Print the attestation form",
        "Let a supervisee review their hours",
    ):
        assert task in text
    for action in (window.new_session_action, window.sign_action, window.print_action, window.lock_action):
        assert action.shortcut().toString() in text  # Ctrl+N, Ctrl+Shift+S, Ctrl+P, Ctrl+L
    # Readable at 1366x768: the dialog fits, and no line runs off to the side.
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 40
    assert not dialog.guide.horizontalScrollBar().isVisible()
    assert dialog.guide.font().pointSizeF() >= QApplication.font().pointSizeF()
    qtbot.keyClick(dialog.guide, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_shortcut_list_names_each_key_once_and_the_tabs_switch_by_keyboard(
    world, make_window, qtbot
) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    dialog = _open_help(window, qtbot)
    qtbot.keyClick(dialog.tabs.currentWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentWidget() is dialog.shortcuts
    rows = dict(dialog.shortcut_rows)
    assert rows["Back to list"].split(", ").count("Alt+Left") == 1, rows["Back to list"]
    for name, keys in dialog.shortcut_rows:
        assert len(keys.split(", ")) == len(set(keys.split(", "))), name
        assert name in dialog.shortcuts.toPlainText() and keys in dialog.shortcuts.toPlainText()
    assert rows["New session"] == "Ctrl+N" and rows["Getting started"] == "F1"
    qtbot.keyClick(dialog.tabs.currentWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentWidget() is dialog.guide
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_the_keyboard_shortcuts_menu_item_opens_the_list(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    choose(qtbot, window, window.findChild(type(window.lock_action), "shortcuts"))
    assert isinstance(window.dialog, HelpDialog)
    assert window.dialog.tabs.currentWidget() is window.dialog.shortcuts


def test_review_mode_help_speaks_to_the_supervisee(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisee_id=world.carla, name="Carla Núñez")
    dialog = _open_help(window, qtbot)
    text = dialog.guide.toPlainText()
    assert "Your own hours" in text and "Print my statement" in text
    assert "Sign hours" not in text


def test_the_window_title_names_the_app_once(world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    title = window.windowTitle()
    # The platform appends the display name unless the title already ends with it.
    shown = title if title.endswith("supervisor_app") else f"{title} — supervisor_app"
    assert shown.count("supervisor_app") == 1, shown
    assert "Dana Whitaker" in shown
