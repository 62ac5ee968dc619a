"""Settings ▸ backups: back up now, the list of automatic backups, restoring one (database
closed, replaced, reopened, every view refreshed), and the backups folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from supervisor_app import storage
from supervisor_app.db import open_database
from supervisor_app.models import AuditEvent
from supervisor_app.services import people, records
from supervisor_app.ui.pages import Page
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import go_to, sign_in


def test_back_up_now_copies_the_database_to_the_chosen_file_and_logs_it(
    qtbot, world, make_window, tmp_path
) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    settings = window.settings_page
    target = tmp_path / "usb stick" / "agency copy.db"
    asked: list[str] = []
    settings.ask_backup_path = lambda suggested: asked.append(suggested) or str(target)
    qtbot.mouseClick(settings.backup_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(".db") and "backup" in asked[0]
    assert str(target) in settings.backup_status.text()
    copy = open_database(target, migrate=False)
    try:
        with copy.uow() as uow:
            assert [s.name for s in people.list_supervisors(uow)] == ["Dana Whitaker", "Rafael Ortiz"]
    finally:
        copy.close()
    with world.uow() as uow:
        actions = list(uow.session.scalars(select(AuditEvent.action)))
    assert "backup" in [str(a.value if hasattr(a, "value") else a) for a in actions]


def test_back_up_now_refuses_the_database_itself(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    settings = window.settings_page
    settings.ask_backup_path = lambda _suggested: str(world.db.path)
    before = world.db.path.read_bytes()
    qtbot.mouseClick(settings.backup_button, Qt.MouseButton.LeftButton)
    assert world.db.path.read_bytes() == before
    assert settings.backup_status.text() == ""


def test_restoring_an_automatic_backup_replaces_reopens_and_refreshes_every_view(
    qtbot, world, make_controller
) -> None:
    path = world.db.path
    taken = storage.backup_file(path, reason="daily")
    with world.uow() as uow:  # entered after the backup: the restore takes it away
        records.add_session(uow, **session_fields(world))
        uow.commit()
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    go_to(qtbot, window, Page.TO_SIGN)
    assert window.to_sign.model.rowCount() == 1

    go_to(qtbot, window, Page.SETTINGS)
    settings = window.settings_page
    assert settings.backups.rowCount() == 1 and settings.restore_button.isEnabled() is False
    assert settings.backups.data(settings.backups.index(0, 1)) == "Daily"
    settings.backups_view.selectRow(0)
    assert settings.restore_button.isEnabled()
    shown: list = []
    settings.confirm_restore = lambda info: shown.append(info) or False  # Cancel: nothing happens
    qtbot.mouseClick(settings.restore_button, Qt.MouseButton.LeftButton)
    assert shown[0].path == taken and controller.message_box is None

    settings.confirm_restore = lambda info: True
    reloads: list[int] = []
    settings.backups.modelReset.connect(lambda: reloads.append(1))
    qtbot.mouseClick(settings.restore_button, Qt.MouseButton.LeftButton)
    box = controller.message_box
    assert box is not None and "is restored" in box.text()
    replaced = next(path.parent.glob(f"{path.stem}.replaced-*{path.suffix}"))
    assert str(replaced) in box.text()
    # The same window, signed in, now on the restored records.
    assert controller.window is window and controller.ctx.supervisor_id == world.dana
    assert controller.ctx.db is not world.db
    with controller.ctx.db.uow() as uow:
        assert records.list_records(uow, "session", supervisor_id=world.dana) == []
    go_to(qtbot, window, Page.TO_SIGN)
    assert window.to_sign.model.rowCount() == 0
    # The replaced database kept the session; the list of backups was reloaded.
    conn = sqlite3.connect(replaced)
    assert conn.execute("SELECT count(*) FROM supervision_session").fetchone()[0] == 1
    conn.close()
    assert reloads
    rows = [settings.backups.row(i).path for i in range(settings.backups.rowCount())]
    assert rows == [b.path for b in storage.list_backups(path)]


def test_a_restore_that_fails_leaves_the_database_as_it_was(qtbot, world, make_controller) -> None:
    path = world.db.path
    bad = storage.backup_file(path, reason="daily")
    bad.write_bytes(b"not a backup" * 100)
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    settings = window.settings_page
    settings.refresh()
    settings.backups_view.selectRow(0)
    settings.confirm_restore = lambda info: True
    qtbot.mouseClick(settings.restore_button, Qt.MouseButton.LeftButton)
    box = controller.message_box
    assert box is not None and "not restored" in box.text()
    assert controller.window is window
    with controller.ctx.db.uow() as uow:
        assert len(people.list_supervisors(uow)) == 2


def test_open_backups_folder_opens_this_databases_folder(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    settings = window.settings_page
    opened: list[Path] = []
    settings.open_folder = opened.append
    qtbot.mouseClick(settings.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [storage.backup_dir_for(world.db.path)] and opened[0].is_dir()
    assert settings.backups_empty.isVisibleTo(settings) and not settings.restore_button.isEnabled()


def test_the_app_and_the_command_line_restore_and_back_up_through_one_use_case(
    world, make_controller, qtbot, tmp_path, monkeypatch
) -> None:
    """Settings' Restore and Back up now, and the command line's ``restore`` and ``backup``,
    call the same two functions of :mod:`supervisor_app.usecases.backups`; each restore is in
    the restored database's audit trail (the switch, then its confirmation)."""
    import shutil

    from PySide6.QtCore import Qt

    from supervisor_app.cli import main
    from supervisor_app.usecases import backups

    calls: list[tuple[str, Path]] = []
    real_restore, real_backup_now = backups.restore, backups.backup_now

    def restore(database: Path, source: Path, **kw):  # type: ignore[no-untyped-def]
        calls.append(("restore", Path(database)))
        return real_restore(database, source, **kw)

    def backup_now(db, target: Path):  # type: ignore[no-untyped-def]
        calls.append(("backup", Path(db.path)))
        return real_backup_now(db, target)

    monkeypatch.setattr(backups, "restore", restore)
    monkeypatch.setattr(backups, "backup_now", backup_now)

    # The command line, on a copy of the agency's file.
    cli_file = tmp_path / "cli" / "agency.db"
    cli_file.parent.mkdir()
    shutil.copy(world.db.path, cli_file)
    assert main(["--db", str(cli_file), "backup", "--out", str(tmp_path / "cli-copy.db")]) == 0
    assert main(["--db", str(cli_file), "restore", str(tmp_path / "cli-copy.db")]) == 0
    assert calls == [("backup", cli_file.resolve()), ("restore", cli_file.resolve())]

    # The app, on the agency's file.
    path = world.db.path
    taken = storage.backup_file(path, reason="daily")
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    window.show_page(window.stack.indexOf(window.settings_page))
    settings = window.settings_page
    settings.ask_backup_path = lambda _suggested: str(tmp_path / "app-copy.db")
    qtbot.mouseClick(settings.backup_button, Qt.MouseButton.LeftButton)
    settings.refresh()
    settings.backups_view.selectRow(
        next(i for i in range(settings.backups.rowCount()) if settings.backups.row(i).path == taken)
    )
    settings.confirm_restore = lambda info: True
    qtbot.mouseClick(settings.restore_button, Qt.MouseButton.LeftButton)
    assert controller.message_box is not None and "is restored" in controller.message_box.text()
    assert calls[2:] == [("backup", path), ("restore", path)]

    for restored in (cli_file, path):
        db = open_database(restored)
        try:
            with db.uow() as uow:
                steps = [
                    e.details
                    for e in uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "restore"))
                ]
        finally:
            db.close()
        assert ['"step": "switching"' in d for d in steps] == [True, False], steps
        assert '"step": "done"' in steps[1]
