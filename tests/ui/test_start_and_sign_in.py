"""First run, later runs, sign in with a right and a wrong password, the demo banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from supervisor_app.models import Agency, Supervisor
from supervisor_app.ui.demo_banner import DemoBanner
from supervisor_app.ui.first_run_dialog import FirstRunDialog
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.ui.tasks import TaskRunner
from tests.conftest import PASSWORD


def test_first_run_creates_agency_and_supervisor_then_signs_in(qtbot, db, make_controller) -> None:
    controller = make_controller(db)
    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, FirstRunDialog)
    assert controller.window is None

    dialog.agency.setText("Lakeside Peer Center")
    dialog.supervisor.edits["name"].setText("Rosa Díaz")
    dialog.supervisor.edits["credentials"].setText("CRSS, LCPC")
    dialog.passwords.first.setText("short")
    assert "Too short" in dialog.passwords.strength.text()
    dialog.passwords.first.setText(PASSWORD)
    assert "Strong" in dialog.passwords.strength.text()
    dialog.passwords.second.setText(PASSWORD + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error_text("password")
    assert controller.window is None

    dialog.passwords.second.setText(PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window is not None and window.isVisible()
    assert "Signed in: Rosa Díaz" in window.who_label.text()
    assert window.db_label.toolTip() == str(db.path) and db.path.name[-8:] in window.db_label.text()
    with db.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Supervisor)) == 1
        assert uow.session.scalar(select(Agency.name)) == "Lakeside Peer Center"


def test_first_run_shows_a_service_refusal_next_to_its_field(qtbot, db, make_controller) -> None:
    controller = make_controller(db)
    controller.start()
    dialog = controller.dialog
    dialog.agency.setText("Lakeside")
    dialog.passwords.first.setText(PASSWORD)
    dialog.passwords.second.setText(PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # no name, no credentials
    assert "Supervisor name is required" in dialog.error_text("name")
    assert controller.window is None


def test_later_runs_ask_to_sign_in_and_refuse_a_wrong_password(qtbot, world, make_controller) -> None:
    controller = make_controller(world.db)
    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, SignInDialog)
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(world.dana))
    dialog.password.setText("not the password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "Wrong password" in dialog.error_text()
    assert controller.window is None and dialog.isVisible()

    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    assert controller.ctx.supervisor_id == world.dana
    assert "Dana Whitaker" in controller.window.who_label.text()
    # The next sign-in screen remembers who signed in last.
    emit(controller.window.sign_out_requested)
    again = controller.dialog
    assert isinstance(again, SignInDialog)
    assert again.supervisor.currentData() == world.dana


def test_demo_mode_shows_a_banner_everywhere(qtbot, world, make_controller) -> None:
    controller = make_controller(world.db, demo=True)
    controller.start()
    dialog = controller.dialog
    banner = dialog.findChild(DemoBanner)
    assert banner is not None and banner.isVisibleTo(dialog)
    assert "demo-password" in banner.text()
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window.demo_banner is not None and window.demo_banner.isVisible()
    assert "Demo data" in window.demo_banner.text()
    assert "Demo data" in window.windowTitle()


def test_first_run_agency_fields_are_wide_enough_to_read(db, make_controller) -> None:
    controller = make_controller(db)
    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, FirstRunDialog)
    wide = dialog.fontMetrics().horizontalAdvance("x" * 20)
    for edit in (dialog.agency, dialog.address, dialog.agency_phone):  # once 25 px beside the long form
        assert edit.width() >= wide


def test_an_answer_for_a_dialog_the_app_closed_meanwhile_is_dropped(world, make_controller, qtbot) -> None:
    controller = make_controller(world.db)
    controller.runner = TaskRunner()  # real threads: the answer comes after the dialog is gone
    controller.ctx.runner = controller.runner
    controller.start()
    dialog = controller.dialog
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(world.dana))
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    from supervisor_app.ui.controller import _dismiss

    _dismiss(dialog)  # as when the file is found damaged, or another one opened
    dialog.deleteLater()
    qtbot.wait(50)
    controller.runner.wait()
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    assert controller.window is None  # no main window on a closed sign-in, and no traceback
