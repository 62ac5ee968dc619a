"""A file changed outside the app (protection triggers removed, a signed record fabricated, a
trigger that undoes the lock-out) is refused wherever the app meets it: at start, restored from
Settings, or opened from the app. The supervisor reads what was changed; nothing is written."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from supervisor_app import storage
from supervisor_app.services import records
from supervisor_app.ui.database_problem_dialog import DatabaseProblemDialog
from tests.conftest import PASSWORD, session_fields
from tests.test_schema_check import crafted_copy, files
from tests.ui.helpers import sign_in

LEFT = Qt.MouseButton.LeftButton


def test_a_tampered_file_at_start_is_refused_by_name_and_the_newest_backup_restored(
    world, launch, qtbot
) -> None:
    path = world.db.path
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    world.db.close()
    storage.backup_file(path, reason="daily")  # a sound backup, from before the tampering
    crafted = crafted_copy(path, path.with_name("crafted.db"), supervisor_id=world.dana)
    shutil.copyfile(crafted, path)
    tampered = files(path)

    started = launch(path)
    dialog = started.dialog
    assert isinstance(dialog, DatabaseProblemDialog) and dialog.isVisible() and not started.opened
    text = dialog.message.text()
    assert "changed outside supervisor_app" in text and "supervision_session_final_update" in text
    assert "a trigger the app did not make: reset_lockout" in text and "For IT:" in text
    assert dialog.restore_button.isVisibleTo(dialog)
    assert files(path) == tampered  # looking at it wrote nothing

    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert started.dialog is None and len(started.opened) == 1
    kept = list(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"))
    assert len(kept) == 1 and kept[0].read_bytes() == tampered[path.name]  # kept aside, as found
    controller = started.controller()
    assert sign_in(controller, world.dana, PASSWORD) is not None
    with controller.ctx.db.uow() as uow:
        assert (
            len(records.list_records(uow, "session", supervisor_id=world.dana)) == 1
        )  # the backup's, not the forgery


def test_a_tampered_backup_is_not_restored_from_settings(world, make_controller, qtbot) -> None:
    path = world.db.path
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    newest = storage.backup_file(path, reason="daily")
    crafted_copy(path, newest.with_name("crafted.db"), supervisor_id=world.dana).replace(newest)
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    settings = window.settings_page
    settings.refresh()
    settings.backups_view.selectRow(0)
    settings.confirm_restore = lambda info: True
    qtbot.mouseClick(settings.restore_button, LEFT)
    box = controller.message_box
    assert box is not None and "not restored" in box.text()
    assert "protection triggers" in box.text() and "reset_lockout" in box.text()
    assert controller.window is window
    with controller.ctx.db.uow() as uow:
        assert len(records.list_records(uow, "session", supervisor_id=world.dana)) == 1
        triggers = uow.rows(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'reset_lockout'"
        )
        assert triggers == []
    assert not list(path.parent.glob(f"{path.stem}.replaced-*"))


def test_opening_a_tampered_file_from_the_app_says_why_and_cancel_stays(
    world, make_controller, tmp_path, qtbot
) -> None:
    crafted = crafted_copy(world.db.path, tmp_path / "from-a-stick.db", supervisor_id=world.dana)
    before = files(crafted)
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    controller.switch_database(str(crafted), parent=window)
    dialog = controller.opener.dialog
    assert isinstance(dialog, DatabaseProblemDialog)
    assert "reset_lockout" in dialog.message.text()
    qtbot.mouseClick(dialog.quit_button, LEFT)
    assert controller.window is window and controller.ctx.db is world.db  # still on the first database
    assert files(crafted) == before
