"""The first-run screen, driven by mouse and keyboard: Enter never quits (Create stays the
default button), every mistake shows at once beside its field without squashing the fields,
and leaving with something typed asks first."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from supervisor_app.ui.first_run_dialog import FirstRunDialog
from tests.conftest import PASSWORD, snapshot


def _first_run(db, make_controller, qtbot):  # type: ignore[no-untyped-def]
    controller = make_controller(db)
    quits: list[int] = []
    controller.finished.connect(quits.append)
    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, FirstRunDialog)
    qtbot.waitExposed(dialog)
    return dialog, quits


def _answer(qtbot, text: str, seen: list[str]) -> None:
    """When the question box is up, click its button ``text`` (as a person would)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.windowTitle())
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, press)


def test_enter_after_a_refused_create_does_not_quit(db, make_controller, qtbot) -> None:
    dialog, quits = _first_run(db, make_controller, qtbot)
    before = snapshot(db)
    qtbot.keyClicks(dialog.agency, "Lakeside Peer Center")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # no name, no password

    focused = dialog.focusWidget()
    assert focused is dialog.supervisor.edits["name"]  # the first field in error, not Quit
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    dialog.cancel_button.setFocus()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)  # even with the focus on Quit

    assert dialog.isVisible() and not quits
    assert dialog.create_button.isDefault() and not dialog.cancel_button.autoDefault()
    assert dialog.agency.text() == "Lakeside Peer Center"
    assert "Supervisor name is required" in dialog.error_text("name")
    assert snapshot(db) == before


def test_every_mistake_shows_at_once_beside_its_field(db, make_controller, qtbot) -> None:
    dialog, quits = _first_run(db, make_controller, qtbot)
    heights = {name: edit.height() for name, edit in dialog.supervisor.edits.items()}
    before = snapshot(db)
    qtbot.keyClicks(dialog.supervisor.edits["email"], "not an email")
    qtbot.keyClicks(dialog.passwords.first, PASSWORD)
    qtbot.keyClicks(dialog.passwords.second, PASSWORD + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert "Agency name is required" in dialog.error_text("agency")
    assert "Supervisor name is required" in dialog.error_text("name")
    assert "Credentials is required" in dialog.error_text("credentials")
    assert "does not look like an email address" in dialog.error_text("email")
    assert "not the same" in dialog.error_text("password")
    assert dialog.general_error.isHidden()
    assert dialog.focusWidget() is dialog.agency
    QApplication.processEvents()
    for name, edit in dialog.supervisor.edits.items():  # the messages do not squash the fields
        assert edit.height() >= min(heights[name], edit.sizeHint().height()), name
    for edit in dialog.findChildren(QLineEdit):
        assert edit.height() >= edit.sizeHint().height()
    fields = [e for e in dialog.findChildren(QLineEdit) if e.isVisible()]
    for label in dialog.supervisor.errors.values():  # no message is drawn over a field
        if label.isVisible():
            box = label.rect().translated(label.mapTo(dialog, label.rect().topLeft()))
            for edit in fields:
                other = edit.rect().translated(edit.mapTo(dialog, edit.rect().topLeft()))
                assert not box.intersects(other), (label.text(), edit.accessibleName())
    assert snapshot(db) == before and not quits

    qtbot.keyClick(dialog.passwords.second, Qt.Key.Key_Backspace)  # fixed: that message goes
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text("password") == "" and "Agency name is required" in dialog.error_text("agency")


def test_quitting_with_typed_data_asks_first(db, make_controller, qtbot) -> None:
    dialog, quits = _first_run(db, make_controller, qtbot)
    qtbot.keyClicks(dialog.supervisor.edits["name"], "Rosa Diaz")
    seen: list[str] = []

    _answer(qtbot, "Stay and finish", seen)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert seen == ["Quit without creating the account?"]
    assert dialog.isVisible() and not quits
    assert dialog.supervisor.edits["name"].text() == "Rosa Diaz"

    _answer(qtbot, "Stay and finish", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc asks too
    assert len(seen) == 2 and dialog.isVisible() and not quits

    _answer(qtbot, "Quit", seen)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 3 and quits == [0]


def test_quitting_an_untouched_screen_does_not_ask(db, make_controller, qtbot) -> None:
    dialog, quits = _first_run(db, make_controller, qtbot)
    dialog.confirm_leave = lambda: (_ for _ in ()).throw(AssertionError("asked"))  # type: ignore[assignment]
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert quits == [0]


def test_no_field_is_cut_off_when_the_screen_opens(db, make_controller, qtbot) -> None:
    dialog, _quits = _first_run(db, make_controller, qtbot)
    QApplication.processEvents()
    for name, edit in dialog.supervisor.edits.items():  # each field whole, borders and all
        assert edit.parentWidget().height() >= edit.sizeHint().height(), name
        assert edit.visibleRegion().boundingRect().height() >= edit.sizeHint().height(), name
