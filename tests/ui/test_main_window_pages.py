"""Which page the main window shows: a page reached by its name, built again when its first build
failed, the print page on a supervisee added after it loaded, and the list after a restore."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from supervisor_app import storage
from supervisor_app.services import people
from supervisor_app.ui.pages import Page
from tests.conftest import PASSWORD, TODAY
from tests.ui.helpers import go_to, open_supervisee, sign_in


def test_print_goes_to_a_supervisee_added_after_the_attestations_page_loaded(
    qtbot, world, make_window
) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.ATTESTATIONS)  # the page loads its list of people
    go_to(qtbot, window, Page.SUPERVISEES)
    with world.uow() as uow:
        newcomer = people.add_supervisee(
            uow, name="Zed Newcomer", credential="CRSS", supervisor_id=world.dana, start_date=TODAY
        ).id
        uow.commit()
    window.ctx.records_changed.emit()  # what a change elsewhere (another window, the CLI) says
    window.list_page.select_id(newcomer)
    window.list_page.table.setFocus()
    qtbot.keyClick(window.list_page.table, Qt.Key.Key_Return)  # Zed's page
    qtbot.mouseClick(window.detail.print_button, Qt.MouseButton.LeftButton)  # "Attestation…"
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


def test_after_a_restore_the_app_shows_the_list_not_a_supervisee_the_backup_lacks(
    qtbot, world, make_controller
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
    open_supervisee(qtbot, window, newcomer)
    assert window.current_page() is window.detail
    controller.restore_backup(storage.list_backups(path)[0].path)
    assert controller.window is window and window.current_page() is window.list_page
    assert "Zed Newcomer" not in [
        window.list_page.model.row(i).name for i in range(window.list_page.model.rowCount())
    ]
