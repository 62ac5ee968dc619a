"""Found by reviewing the app as a supervisor would use it (each failed before its fix)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QWidget

from supervisor_app import storage
from supervisor_app.services import people
from supervisor_app.ui.tasks import TaskRunner
from tests.conftest import PASSWORD, TODAY
from tests.ui.helpers import sign_in


def test_print_goes_to_a_supervisee_added_after_the_attestations_page_loaded(world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    window.show_page(window.stack.indexOf(window.attestations))  # the page loads its list of people
    window.show_page(0)
    with world.uow() as uow:
        newcomer = people.add_supervisee(
            uow, name="Zed Newcomer", credential="CRSS", supervisor_id=world.dana, start_date=TODAY
        ).id
        uow.commit()
    window.ctx.records_changed.emit()
    window.print_for(newcomer)  # "Attestation…" on Zed's page, or Ctrl+P with Zed selected
    assert window.attestations.supervisee.currentData() == newcomer  # not the first name in the list


def test_a_page_whose_first_build_fails_is_built_again_next_time(world, make_window, monkeypatch) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    from supervisor_app.ui import audit_page

    real = audit_page.AuditPage.__init__
    calls: list[int] = []

    def flaky(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("disk I/O error")  # a USB stick hiccup
        real(self, *args, **kwargs)

    monkeypatch.setattr(audit_page.AuditPage, "__init__", flaky)
    with pytest.raises(sqlite3.OperationalError):
        window.audit  # noqa: B018
    page = window.audit  # the hiccup has passed
    assert isinstance(page, audit_page.AuditPage) and type(page) is not QWidget
    assert window.stack.indexOf(page) >= 0


def test_an_answer_for_a_dialog_the_app_closed_meanwhile_is_dropped(world, make_controller, qtbot) -> None:
    controller = make_controller(world.db)
    controller.runner = TaskRunner()  # real threads: the answer comes after the dialog is gone
    controller.ctx.runner = controller.runner
    controller.start()
    dialog = controller.dialog
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(world.dana))
    dialog.password.setText(PASSWORD)
    dialog.sign_in_button.click()
    from supervisor_app.ui.controller import _dismiss

    _dismiss(dialog)  # as when the file is found damaged, or another one opened
    dialog.deleteLater()
    qtbot.wait(50)
    controller.runner.wait()
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    assert controller.window is None  # no main window on a closed sign-in, and no traceback


def test_after_a_restore_the_app_shows_the_list_not_a_supervisee_the_backup_lacks(
    world, make_controller
) -> None:
    path = world.db.path
    storage.backup_file(path, reason="daily")
    with world.uow() as uow:
        newcomer = people.add_supervisee(
            uow, name="Zed Newcomer", credential="CRSS", supervisor_id=world.dana, start_date=TODAY
        ).id
        uow.commit()
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    window.open_supervisee(newcomer)
    assert window.current_page() is window.detail
    controller.restore_backup(storage.list_backups(path)[0].path)
    assert controller.window is window and window.current_page() is window.list_page
    assert "Zed Newcomer" not in [
        window.list_page.model.row(i).name for i in range(window.list_page.model.rowCount())
    ]
