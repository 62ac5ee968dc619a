"""Start-up: a damaged, foreign or newer database file, restoring the newest backup, and the
daily backup. Real files; the damaged one is never written to."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import Qt

from supervisor_app import storage
from supervisor_app.db import open_database
from supervisor_app.services import people, records
from supervisor_app.ui.controller import AppController
from supervisor_app.ui.database_opener import DatabaseOpener
from supervisor_app.ui.database_problem_dialog import DatabaseProblemDialog
from supervisor_app.ui.first_run_dialog import FirstRunDialog
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.ui.tasks import TaskRunner
from supervisor_app.usecases import opening
from tests.conftest import PASSWORD, damage_an_index, last_full_check_ago, session_fields
from tests.ui.helpers import sign_in


def damage(path: Path) -> bytes:
    """Overwrite the file's header, as a bad USB copy would; returns the damaged bytes."""
    data = bytearray(path.read_bytes())
    data[:100] = b"\x13\x37" * 50
    path.write_bytes(bytes(data))
    return bytes(data)


def _one_session_backed_up(world) -> Path:  # type: ignore[no-untyped-def]
    """The world's file with one session, closed, and a daily backup of it: its path."""
    path = world.db.path
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    world.db.close()
    storage.backup_file(path, reason="daily")
    return path


def test_a_damaged_database_is_refused_plainly_and_the_newest_backup_restored(qtbot, world, launch) -> None:
    path = _one_session_backed_up(world)
    damaged = damage(path)

    started = launch(path)
    dialog = started.dialog
    assert isinstance(dialog, DatabaseProblemDialog) and dialog.isVisible()
    assert not started.opened
    assert "damaged" in dialog.message.text() and "Traceback" not in dialog.message.text()
    assert "newest automatic backup was taken" in dialog.advice.text()
    assert dialog.restore_button.isVisibleTo(dialog) and dialog.open_button.isVisibleTo(dialog)
    assert path.read_bytes() == damaged  # looking at it wrote nothing
    assert not Path(str(path) + ".lock").exists()  # no lock is held while the dialog waits

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert started.dialog is None and len(started.opened) == 1
    kept = list(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # kept aside, byte for byte
    controller = started.controller()
    assert isinstance(controller.dialog, SignInDialog)
    assert (
        "kept, unchanged" in controller.message_box.text() and str(kept[0]) in controller.message_box.text()
    )
    window = sign_in(controller, world.dana, PASSWORD)
    assert window is not None
    with controller.ctx.db.uow() as uow:
        assert (
            len(records.list_records(uow, "session", supervisor_id=world.dana)) == 1
        )  # the backup's records


def test_no_backup_means_no_restore_button_and_another_file_can_be_opened(
    qtbot, db_path, launch, tmp_path
) -> None:
    db_path.write_bytes(b"These are my notes, not a database.\n" * 200)
    before = db_path.read_bytes()
    started = launch(db_path)
    dialog = started.dialog
    assert not dialog.restore_button.isVisibleTo(dialog)
    assert "no automatic backup" in dialog.advice.text()

    other = tmp_path / "fresh.db"
    started.opener.ask_path = lambda _parent, _start: str(other)
    asked: list[Path] = []
    started.opener.confirm_create = lambda _parent, path: asked.append(path) or True
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert asked == [other]  # a new name: created once the supervisor confirms
    assert started.dialog is None and len(started.opened) == 1
    assert started.opened[0].path == other.resolve()
    assert isinstance(started.controller().dialog, FirstRunDialog)
    assert db_path.read_bytes() == before


def test_a_sqlite_file_of_another_program_is_not_ours_and_quit_quits(qtbot, tmp_path, launch) -> None:
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    started = launch(path)
    assert "not a supervisor_app database" in started.dialog.message.text()
    qtbot.mouseClick(started.dialog.quit_button, Qt.MouseButton.LeftButton)
    assert started.cancelled == 1 and not started.opened
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_a_database_from_a_newer_version_is_left_untouched_with_no_restore_offered(
    qtbot, world, launch
) -> None:
    path = world.db.path
    world.db.close()
    storage.backup_file(path, reason="daily")  # even with a backup at hand, nothing to restore
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    started = launch(path)
    dialog = started.dialog
    assert "newer version of supervisor_app" in dialog.message.text()
    assert "Install the newer version" in dialog.advice.text()
    assert not dialog.restore_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert started.cancelled == 1
    assert path.read_bytes() == before


def test_a_backup_that_fails_its_checks_is_not_restored_and_changes_nothing(qtbot, world, launch) -> None:
    path = world.db.path
    world.db.close()
    bad = storage.backup_file(path, reason="daily")
    bad.write_bytes(b"\x00" * 4096)  # the newest backup is itself unusable
    damaged = damage(path)
    started = launch(path)
    dialog = started.dialog
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert started.dialog is dialog and dialog.isVisible() and not started.opened
    assert dialog.problem.isVisibleTo(dialog) and dialog.problem.text()
    assert "not restored" in dialog.advice.text()
    assert path.read_bytes() == damaged  # moved back, unchanged
    assert not list(path.parent.glob("*.damaged-*"))
    assert dialog.quit_button.isEnabled()


def test_a_daily_backup_at_start_once_a_day_and_never_for_a_read_only_copy(world, launch) -> None:
    path = world.db.path
    first = launch(path)
    taken = storage.list_backups(path)
    assert [b.reason for b in taken] == ["daily"]
    first.close()
    launch(path)
    assert len(storage.list_backups(path)) == 1  # the same day: no second copy


def test_a_large_database_is_backed_up_off_the_ui_thread(world, monkeypatch, qtbot) -> None:
    path = world.db.path
    seen: list[threading.Thread] = []
    real = storage.daily_backup

    def watched(database: Path, **kwargs: object) -> Path | None:
        seen.append(threading.current_thread())
        return real(database)

    monkeypatch.setattr(opening, "LARGE_DATABASE_BYTES", 0)
    monkeypatch.setattr(opening.storage, "daily_backup", watched)
    runner = TaskRunner()  # a real thread pool, not the inline one of the other tests
    real_opener = DatabaseOpener(runner=runner)
    got: list = []
    real_opener.opened.connect(got.append)
    real_opener.open(path)
    assert got and got[0].lock is not None  # the app is up before the copy is done
    runner.wait()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert seen and seen[0] is not threading.main_thread()
    assert [b.reason for b in storage.list_backups(path)] == ["daily"]
    got[0].close()


def test_open_another_database_from_the_app_shows_the_same_choices_and_cancel_stays(
    qtbot, world, make_controller, tmp_path
) -> None:
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"garbage" * 500)
    controller.switch_database(str(broken), parent=window)
    dialog = controller.opener.dialog
    assert isinstance(dialog, DatabaseProblemDialog)
    assert dialog.quit_button.text().replace("&", "") == "Cancel"
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert controller.window is window and controller.ctx.db is world.db  # still on the first database
    with controller.ctx.db.uow() as uow:
        assert people.list_supervisors(uow)


def test_switching_databases_moves_the_lock_to_the_new_file(world, launch, tmp_path) -> None:
    path = world.db.path
    started = launch(path)
    controller = started.controller()
    assert Path(str(path) + ".lock").exists()
    other = tmp_path / "second.db"
    open_database(other).close()
    controller.switch_database(str(other))
    assert Path(str(other) + ".lock").exists()
    assert not Path(str(path) + ".lock").exists()
    assert isinstance(controller.dialog, FirstRunDialog)
    controller.close()
    assert not Path(str(other) + ".lock").exists()


def test_a_file_the_app_cannot_open_for_another_reason_gets_a_plain_message(tmp_path, launch) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where a folder should be")
    started = launch(blocker / "agency.db")
    dialog = started.dialog
    assert isinstance(dialog, DatabaseProblemDialog) and not started.opened
    assert "cannot be opened" in dialog.message.text() and "Traceback" not in dialog.message.text()
    assert not dialog.restore_button.isVisibleTo(dialog)


def test_a_large_file_opens_at_once_and_damage_found_afterwards_closes_it_and_offers_the_backup(
    qtbot, world, monkeypatch, runner, prefs
) -> None:
    path = _one_session_backed_up(world)
    damaged = damage_an_index(path)
    last_full_check_ago(path, dt.timedelta(days=1, minutes=1))  # the daily check is due
    monkeypatch.setattr(opening, "LARGE_DATABASE_BYTES", 0)  # every file counts as large

    # The app's own wiring (ui/app.py): a controller per opened file, damage reported to it.
    opener = DatabaseOpener(runner=runner)
    controllers: list[AppController] = []

    def start(opened) -> None:  # type: ignore[no-untyped-def]
        controller = AppController.for_opened(opened, runner=runner, prefs=prefs)
        controllers.append(controller)
        controller.start()

    opener.opened.connect(start)
    opener.damaged.connect(lambda opened, error: controllers[-1].database_damaged(opened, error))
    opener.open(path)

    assert opener.dialog is None and len(controllers) == 1  # it opened: no integrity check first
    controller = controllers[0]
    problem = controller.damage_opener.dialog  # the check ran after the app was up (inline here)
    assert isinstance(problem, DatabaseProblemDialog) and problem.isVisible()
    assert "damaged" in problem.message.text() and "Traceback" not in problem.message.text()
    assert controller.window is None and controller.dialog is None  # nothing left open on the file
    assert not Path(str(path) + ".lock").exists()
    assert path.read_bytes() == damaged
    assert storage.list_backups(path)[0].reason == "daily"  # no backup was made of the damaged file
    assert len(storage.list_backups(path)) == 1

    qtbot.mouseClick(problem.restore_button, Qt.MouseButton.LeftButton)
    assert controller.damage_opener.dialog is None
    assert isinstance(controller.dialog, SignInDialog)
    assert controller.ctx.db.path == path and Path(str(path) + ".lock").exists()
    kept = list(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    with controller.ctx.db.uow() as uow:
        assert len(records.list_records(uow, "session", supervisor_id=world.dana)) == 1
    for made in controllers:
        if made.dialog is not None:
            made.dialog.done(0)
        if made.message_box is not None:
            made.message_box.done(0)
        made.close()


def test_quit_after_damage_found_later_quits(qtbot, world, monkeypatch, runner, prefs) -> None:
    path = world.db.path
    world.db.close()
    damage_an_index(path)
    last_full_check_ago(path, dt.timedelta(days=2))
    monkeypatch.setattr(opening, "LARGE_DATABASE_BYTES", 0)
    opened = opening.open_for_app(path)
    assert opened.check_later and opened.full_check_due and opened.lock is not None
    controller = AppController.for_opened(opened, runner=runner, prefs=prefs)
    finished: list[int] = []
    controller.finished.connect(finished.append)
    controller.start()
    problem = opening.checks_after_opening(opened)
    assert problem is not None and problem.kind == "damaged"
    controller.database_damaged(opened, problem)
    qtbot.mouseClick(controller.damage_opener.dialog.quit_button, Qt.MouseButton.LeftButton)
    assert finished == [1]
    controller.close()


def test_opening_another_file_from_the_sign_in_screen_does_not_quit_the_app(
    world, make_controller, tmp_path
) -> None:
    controller = make_controller(world.db)
    finished: list[int] = []
    controller.finished.connect(finished.append)
    controller.start()
    assert isinstance(controller.dialog, SignInDialog)
    controller.switch_database(str(tmp_path / "other.db"))
    assert isinstance(controller.dialog, FirstRunDialog)  # the new, empty file asks for its first supervisor
    assert finished == []  # closing the old sign-in screen is not "Cancel" (which quits)


def test_quitting_stops_a_large_files_daily_backup_in_the_background(
    world, monkeypatch, runner, prefs
) -> None:
    path = world.db.path
    world.db.close()
    monkeypatch.setattr(opening, "LARGE_DATABASE_BYTES", 0)
    opened = opening.open_for_app(path)
    stopped: list[bool] = []

    def quit_during_the_backup(database, **kwargs):  # type: ignore[no-untyped-def]
        stopped.append(True)
        opened.cancel.set()  # the supervisor quits while the copy runs
        return real(database, **kwargs)

    real = storage.daily_backup
    monkeypatch.setattr(storage, "daily_backup", quit_during_the_backup)
    assert opening.checks_after_opening(opened) is None  # the file is sound; the copy was stopped
    assert stopped == [True] and storage.list_backups(path) == []
    opened.close()


def test_the_background_integrity_check_stops_when_the_app_quits_and_reports_nothing(
    world, monkeypatch, runner, prefs
) -> None:
    path = world.db.path
    world.db.close()
    damage_an_index(path)  # even a damaged file: a check stopped half-way has found nothing
    last_full_check_ago(path, dt.timedelta(days=2))
    monkeypatch.setattr(opening, "LARGE_DATABASE_BYTES", 0)
    opened = opening.open_for_app(path)
    controller = AppController.for_opened(opened, runner=runner, prefs=prefs)
    controller.start()
    controller.stop_background_checks()  # what quitting does before waiting for background work
    assert opening.checks_after_opening(opened) is None
    assert storage.list_backups(path) == []  # and no daily backup was started after it
    opened.cancel.clear()
    assert opening.checks_after_opening(opened) is not None  # not stopped: the damage is found
    controller.close()


def _signed_in(world, launch):  # type: ignore[no-untyped-def]
    """The app on the world's file, Dana signed in: the controller, its window, and the exit
    codes it asks to quit with (none, unless something quits)."""
    controller = launch(world.db.path).controller()
    window = sign_in(controller, world.dana, PASSWORD)
    quits: list[int] = []
    controller.finished.connect(quits.append)
    return controller, window, quits


def _on_a_new_file(world, launch, new: Path):  # type: ignore[no-untyped-def]
    """Signed in on the world's file, then ``new`` chosen and confirmed: its first-run screen."""
    controller, window, quits = _signed_in(world, launch)
    controller.opener.ask_path = lambda _parent, _start: str(new)
    controller.opener.confirm_create = lambda _parent, _chosen: True
    controller.choose_database(window)
    assert isinstance(controller.dialog, FirstRunDialog)
    return controller, controller.dialog, quits


def test_a_new_name_that_is_not_confirmed_creates_nothing_and_stays(world, launch, tmp_path) -> None:
    path = world.db.path
    controller, window, quits = _signed_in(world, launch)
    typo = tmp_path / "agnecy.db"
    controller.opener.ask_path = lambda _parent, _start: str(typo)
    asked: list[Path] = []
    controller.opener.confirm_create = lambda _parent, chosen: asked.append(chosen) or False
    controller.choose_database(window)
    assert asked == [typo]
    assert not typo.exists() and not list(tmp_path.glob("agnecy*"))
    assert controller.ctx.db.path == path and controller.window is window and window.isVisible()
    assert not quits


def test_the_first_run_screen_of_a_new_file_goes_back_to_the_one_before(
    qtbot, world, launch, tmp_path
) -> None:
    path = world.db.path
    new = tmp_path / "second agency.db"
    controller, first_run, quits = _on_a_new_file(world, launch, new)
    assert isinstance(first_run, FirstRunDialog) and controller.ctx.db.path == new.resolve()
    assert first_run.cancel_button.text() == f"&Back to {path.name}"
    qtbot.mouseClick(first_run.cancel_button, Qt.MouseButton.LeftButton)
    assert controller.ctx.db.path == path and isinstance(controller.dialog, SignInDialog)
    assert Path(str(path) + ".lock").exists() and not Path(str(new) + ".lock").exists()
    assert not quits


def test_the_first_run_screen_of_the_first_database_quits(qtbot, tmp_path, launch) -> None:
    started = launch(tmp_path / "agency.db")
    controller = started.controller()
    quits: list[int] = []
    controller.finished.connect(quits.append)
    first_run = controller.dialog
    assert isinstance(first_run, FirstRunDialog) and first_run.cancel_button.text() == "&Quit"
    qtbot.mouseClick(first_run.cancel_button, Qt.MouseButton.LeftButton)
    assert quits == [0]


def test_back_to_a_file_that_cannot_be_opened_any_more_stays_on_the_new_one(
    qtbot, world, launch, tmp_path
) -> None:
    path = world.db.path
    controller, first_run, quits = _on_a_new_file(world, launch, tmp_path / "second.db")
    damage(path)  # the file before is damaged meanwhile
    qtbot.mouseClick(first_run.cancel_button, Qt.MouseButton.LeftButton)
    problem = controller.opener.dialog
    assert isinstance(problem, DatabaseProblemDialog)
    qtbot.mouseClick(problem.quit_button, Qt.MouseButton.LeftButton)  # here it says Cancel: stay where we are
    assert controller.dialog is first_run and first_run.isVisible()
    assert controller.ctx.db.path == (tmp_path / "second.db").resolve() and not quits


def test_back_to_a_file_that_is_gone_asks_before_making_it_again(qtbot, world, launch, tmp_path) -> None:
    path = world.db.path
    controller, first_run, quits = _on_a_new_file(world, launch, tmp_path / "second.db")
    path.rename(tmp_path / "moved.db")
    asked: list[Path] = []
    controller.opener.confirm_create = lambda _parent, chosen: asked.append(chosen) or False
    qtbot.mouseClick(first_run.cancel_button, Qt.MouseButton.LeftButton)
    assert asked == [path] and not path.exists()
    assert controller.dialog is first_run and not quits


def test_a_name_too_long_to_look_up_is_reported_not_swallowed(qtbot, world, launch, tmp_path) -> None:
    controller, window, _quits = _signed_in(world, launch)
    controller.opener.ask_path = lambda _parent, _start: str(tmp_path / ("x" * 300 + ".db"))
    controller.choose_database(window)
    problem = controller.opener.dialog
    assert isinstance(problem, DatabaseProblemDialog) and "cannot be opened" in problem.message.text()
    qtbot.mouseClick(problem.quit_button, Qt.MouseButton.LeftButton)
    assert controller.window is window and controller.ctx.db.path == world.db.path


def test_the_back_button_shows_a_file_name_with_an_ampersand(db, make_controller) -> None:
    controller = make_controller(db)
    dialog = FirstRunDialog(controller.ctx, back_to="R&D team.db")
    assert dialog.cancel_button.text() == "&Back to R&&D team.db"
    assert dialog.cancel_button.accessibleName() == "Back to R&D team.db"
    dialog.done(0)
