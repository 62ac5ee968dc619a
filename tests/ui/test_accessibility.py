"""Every control a keyboard can reach has an accessible name (what a screen reader says)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from supervisor_app.ui.pages import Page
from tests.ui.helpers import go_to, open_supervisee

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
)
INTERNAL_PARENTS = (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar)


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, INTERNAL_PARENTS) or (
            parent is not None and isinstance(parent.parentWidget(), INTERNAL_PARENTS)
        ):
            continue  # the line edit inside a spin box, a combo's popup list, ...
        if (
            type(widget).__name__ in ("QToolButton",)
            and parent is not None
            and type(parent).__name__ == "QTabBar"
        ):
            continue
        if not widget.accessibleName().strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} text={getattr(widget, 'text', lambda: '')()!r} in {type(parent).__name__}"
            )
    return missing


def test_every_screen_and_dialog_names_its_controls(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    for page in window.pages.pages():
        go_to(qtbot, window, page)
    open_supervisee(qtbot, window, world.ana)
    for tab in range(window.detail.tabs.count()):
        window.detail.tabs.setCurrentIndex(tab)
    window.actions.new_session([world.ana])
    window.actions.new_experience(world.ana)
    window.new_supervisee()
    window.new_supervisor()
    window.change_password()
    assert unnamed_controls(window) == []


def test_review_window_and_sign_in_name_their_controls(qtbot, world, make_window, make_controller) -> None:
    window = make_window(world.db, supervisee_id=world.ana, name="Ana Example")
    for page in window.pages.pages():
        go_to(qtbot, window, page)
    assert unnamed_controls(window) == []
    controller = make_controller(world.db)
    controller.start()
    assert unnamed_controls(controller.dialog) == []


def test_shortcuts_follow_platform_conventions_and_geometry_persists(
    qtbot, world, make_window, prefs
) -> None:

    window = make_window(world.db, supervisor_id=world.dana)
    assert window.new_session_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    window.activateWindow()  # shortcuts reach the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keySequence(window, QKeySequence.StandardKey.Find)  # on the supervisee list: its search box
    assert window.list_page.search.hasFocus() or window.focusWidget() is window.list_page.search
    go_to(qtbot, window, Page.RECORDS)
    qtbot.keySequence(window, QKeySequence.StandardKey.Find)
    assert window.focusWidget() is window.records_page.search
    qtbot.keySequence(window, QKeySequence.StandardKey.New)
    assert window.actions.dialog is not None and window.actions.dialog.isVisible()
    window.actions.dialog.done(0)

    window.resize(700, 500)  # clamped to the window's minimum size, like a user's drag
    size = (window.width(), window.height())
    window.save_geometry()
    again = make_window(world.db, supervisor_id=world.dana)
    assert (again.width(), again.height()) == size


def test_the_storage_dialogs_name_their_controls(world, make_window, launch, tmp_path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 100)
    started = launch(broken)
    assert unnamed_controls(started.dialog) == []
    path = tmp_path / "records.csv"
    path.write_text("record,supervisor\n", encoding="utf-8")
    window = make_window(world.db, supervisor_id=world.dana)
    window.transfer.ask_import_file = lambda: str(path)
    dialog = window.transfer.import_records()
    assert unnamed_controls(dialog) == []
