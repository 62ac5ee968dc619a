"""Two at once: a second copy of the app on a database another live copy holds opens it read
only, says who holds it, and offers nothing that writes. The lock is ours otherwise, and
released on exit."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from supervisor_app.services import records
from supervisor_app.ui.pages import Page  # noqa: F401
from supervisor_app.ui.read_only_banner import ReadOnlyBanner
from supervisor_app.ui.sign_in_dialog import SignInDialog
from tests.conftest import PASSWORD, session_fields, snapshot
from tests.ui.helpers import go_to, open_supervisee, sign_in, visible_enabled_buttons


def test_a_second_copy_opens_read_only_and_says_who_holds_the_database(
    qtbot, world, other_app, launch
) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    path = world.db.path
    lock_file = Path(str(path) + ".lock")
    lock_text = lock_file.read_text()
    before = snapshot(path)

    started = launch(path)
    opened = started.opened[0]
    assert opened.db.readonly and opened.lock is None
    assert opened.holder is not None and opened.holder.pid == other_app.pid
    controller = started.controller()
    dialog = controller.dialog
    assert isinstance(dialog, SignInDialog)
    banner = dialog.read_only_banner
    assert isinstance(banner, ReadOnlyBanner) and banner.isVisibleTo(dialog)
    expected = f"Read-only: this database is open in supervisor_app by rosa on {socket.gethostname()}"
    assert expected in banner.text()

    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(world.dana))
    dialog.password.setText("not it")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "Wrong password" in dialog.error_text() and controller.window is None
    window = sign_in(controller, world.dana, PASSWORD)
    assert window is not None and controller.ctx.read_only and not controller.ctx.review
    assert window.read_only_banner is not None and window.read_only_banner.isVisible()
    assert expected in window.read_only_banner.text()
    assert "read only" in window.windowTitle()

    # Every page is there to look at; nothing that writes is enabled.
    assert window.actions is None
    for action in (
        window.new_session_action,
        window.new_experience_action,
        window.new_supervisee_action,
        window.new_supervisor_action,
        window.sign_action,
        window.print_action,
        window.import_action,
    ):
        assert not action.isEnabled(), action.objectName()
    assert window.export_csv_action.isEnabled() and window.export_json_action.isEnabled()
    assert window.verify_action.isEnabled() and window.open_action.isEnabled()
    for page in window.pages.pages():
        go_to(qtbot, window, page)
    buttons = " ".join(visible_enabled_buttons(window))
    for word in (
        "New session",
        "New supervisee",
        "New supervisor",
        "Edit",
        "Delete",
        "Amend",
        "Void",
        "Sign",
    ):
        assert word not in buttons, word
    assert (
        not window.attestations.print_button.isEnabled() and not window.attestations.save_button.isEnabled()
    )
    assert window.attestations.preview_button.isEnabled()
    settings = window.settings_page
    assert not settings.password_button.isEnabled() and not settings.restore_button.isEnabled()
    assert window.to_sign.model.rowCount() == 1  # the pending record is listed, not signable
    window.new_session()
    assert window.transfer.import_records() is None
    with pytest.raises(PermissionError):
        controller.ctx.write(lambda uow: None)

    controller.close()
    assert snapshot(path) == before  # nothing written, not even the wrong password
    assert lock_file.read_text() == lock_text  # the other copy's lock is left alone


def test_the_app_holds_the_lock_and_releases_it_on_exit(world, launch) -> None:
    path = world.db.path
    lock_file = Path(str(path) + ".lock")
    started = launch(path)
    assert not started.opened[0].db.readonly
    holder = json.loads(lock_file.read_text())
    assert holder["pid"] == os.getpid()
    controller = started.controller()
    window = sign_in(controller, world.dana, PASSWORD)
    assert window.read_only_banner is None and window.actions is not None
    controller.close()
    assert not lock_file.exists()


def test_a_lock_left_by_a_crashed_copy_is_taken_over(world, db_path, launch) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    lock_file = Path(str(db_path) + ".lock")
    lock_file.write_text(
        json.dumps(
            {"user": "rosa", "host": socket.gethostname(), "pid": gone.pid, "since": "2026-01-05T09:30:00"}
        )
    )
    started = launch(db_path)
    assert not started.opened[0].db.readonly
    assert json.loads(lock_file.read_text())["pid"] == os.getpid()


def test_a_supervisee_reviewing_on_a_read_only_copy_can_still_print_their_statement(
    qtbot, world, other_app, launch
) -> None:
    before = snapshot(world.db.path)
    started = launch(world.db.path)
    controller = started.controller()
    window = sign_in(controller, world.dana, PASSWORD)
    open_supervisee(qtbot, window, world.ana)
    qtbot.mouseClick(window.detail.review_button, Qt.MouseButton.LeftButton)
    assert "not recorded" in " ".join(label.text() for label in window.dialog.findChildren(QLabel))
    qtbot.mouseClick(window.dialog.start_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window.review and window.read_only_banner is not None
    assert snapshot(world.db.path) == before  # the read-only copy writes nothing, not even the review
    assert window.print_action.isEnabled()  # the statement records nothing
    assert not window.import_action.isVisible() and not window.export_menu.menuAction().isVisible()
