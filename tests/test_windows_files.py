"""Windows file behaviour, exercised wherever the code path can be (issue 22).

On Windows a file cannot be replaced or deleted while any handle is open (antivirus or
OneDrive scanning a file just written, a connection of our own). Every replace and delete of a
database, a backup, the lock file or a temporary file goes through supervisor_app.fileops,
which closes connections first and retries, then says plainly why it gave up. Linux has no
sharing violations, but a file can be made impossible to replace or delete for real: the
immutable attribute (``chattr +i``, as root) or a folder without write access (anyone else).
A file "held" that way for a moment, then let go, is what antivirus does.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import World
from supervisor_app import fileops, storage
from supervisor_app.db import open_database
from supervisor_app.fileops import FileHeldError, remove_file, replace_file
from supervisor_app.lockfile import DatabaseLock
from supervisor_app.storage import DatabaseError, write_private
from supervisor_app.usecases import backups

QUICK = (0.01, 0.01, 0.01)  # retries for a file held throughout: the message, without the wait


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _can_chattr(folder: Path) -> bool:
    probe = folder / ".chattr-probe"
    probe.write_text("x")
    try:
        done = subprocess.run(["chattr", "+i", str(probe)], capture_output=True)
        if done.returncode != 0:
            return False
        subprocess.run(["chattr", "-i", str(probe)], check=True, capture_output=True)
        return True
    except OSError:
        return False
    finally:
        probe.unlink(missing_ok=True)


@pytest.fixture
def hold(tmp_path: Path) -> Iterator[Callable[..., object]]:
    """``hold(path)``: make ``path`` impossible to replace or delete until released (it and
    the folder it is in for a folder-based hold); returns a function that lets it go."""
    use_chattr = shutil.which("chattr") is not None and _can_chattr(tmp_path)
    if not use_chattr and (os.name == "nt" or os.geteuid() == 0):
        pytest.skip("no way to hold a file here (chattr +i needs root and ext4; root ignores modes)")
    released: list[Callable[[], None]] = []

    def hold_(path: Path) -> Callable[[], None]:
        if use_chattr:
            subprocess.run(["chattr", "+i", str(path)], check=True)

            def release() -> None:
                subprocess.run(["chattr", "-i", str(path)], check=False)

        else:
            folder = path.parent
            mode = folder.stat().st_mode
            folder.chmod(0o500)

            def release() -> None:
                folder.chmod(mode)

        released.append(release)
        return release

    yield hold_
    for release in released:
        release()


@contextmanager
def let_go_after(release: Callable[[], None], seconds: float) -> Iterator[None]:
    timer = threading.Timer(seconds, release)
    timer.start()
    try:
        yield
    finally:
        timer.join()


# --------------------------------------------------------------------------------------------
# The helper itself


def test_a_replace_waits_while_the_file_is_held_then_succeeds(hold, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target, source = tmp_path / "target.db", tmp_path / "new.db"
    target.write_text("old")
    source.write_text("new")
    release = hold(target)
    started = time.monotonic()
    with let_go_after(release, 0.3):
        replace_file(source, target)
    assert target.read_text() == "new" and not source.exists()
    assert time.monotonic() - started >= 0.3  # it waited for the file, as for antivirus


def test_a_file_held_throughout_gives_a_plain_message_and_changes_nothing(hold, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target, source = tmp_path / "target.db", tmp_path / "new.db"
    target.write_text("old")
    source.write_text("new")
    hold(target)
    with pytest.raises(FileHeldError) as caught:
        replace_file(source, target, delays=QUICK)
    message = str(caught.value)
    assert message.startswith(f"{target} could not be replaced: ")
    assert "Tried for" in message and "try again" in message
    assert isinstance(caught.value, PermissionError) and caught.value.errno == errno.EACCES
    assert target.read_text() == "old" and source.read_text() == "new"


def test_a_delete_waits_while_the_file_is_held(hold, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old-storage.db"
    path.write_text("x")
    with let_go_after(hold(path), 0.2):
        remove_file(path)
    assert not path.exists()
    path.write_text("x")
    hold(path)
    with pytest.raises(FileHeldError, match="could not be deleted"):
        remove_file(path, delays=QUICK)
    assert path.exists()


def test_the_connections_given_are_closed_before_the_first_try(tmp_path: Path) -> None:
    target, source = tmp_path / "a.db", tmp_path / "b.db"
    sqlite3.connect(source).close()
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE t (x)")
    replace_file(source, target, close=[conn])
    with pytest.raises(sqlite3.ProgrammingError):  # closed: on Windows it would have held the file
        conn.execute("SELECT 1")


def test_a_sharing_violation_is_retried_and_other_errors_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows' "being used by another process" (winerror 32) cannot happen on Linux: this one
    # path is simulated. Two refusals, then the real rename.
    target, source = tmp_path / "a.db", tmp_path / "b.db"
    target.write_text("old")
    source.write_text("new")
    real = os.replace
    calls: list[int] = []

    def busy(src, dst):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) <= 2:
            error = PermissionError(errno.EACCES, "The process cannot access the file")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        return real(src, dst)

    monkeypatch.setattr(os, "replace", busy)
    replace_file(source, target, delays=QUICK)
    assert len(calls) == 3 and target.read_text() == "new"
    monkeypatch.setattr(os, "replace", real)
    with pytest.raises(FileNotFoundError):  # not a held file: said at once, not retried
        replace_file(tmp_path / "missing.db", target, delays=(5.0,))


# --------------------------------------------------------------------------------------------
# Where it is used: restore, backups, the lock file, temporary files


def test_a_restore_waits_for_a_held_database_then_switches(
    hold,
    world: World,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    path = world.db.path
    assert path is not None
    source = storage.copy_database(path, tmp_path / "source.db")
    world.db.close()  # as the app does: every connection closed first
    # The database's -shm, left by a crash and being scanned: the switch deletes it first.
    # (The database itself held would be refused at once: it cannot be written.)
    shm = Path(f"{path}-shm")
    shm.write_bytes(b"")
    with let_go_after(hold(shm), 0.3):
        result = backups.restore(path, source)
    assert not shm.exists()
    assert result.records_checked >= 0
    assert not [p for p in path.parent.iterdir() if p.name.endswith((".restoring", ".partial"))]


def test_a_restore_over_a_database_held_throughout_says_so_and_changes_nothing(
    hold,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(fileops, "RETRY_DELAYS", QUICK)
    path = world.db.path
    assert path is not None
    source = storage.copy_database(path, tmp_path / "source.db")
    world.db.close()
    before = digest(path)
    shm = Path(f"{path}-shm")
    shm.write_bytes(b"")
    hold(shm)
    with pytest.raises(DatabaseError) as caught:
        backups.restore(path, source)
    assert caught.value.kind == "storage"
    message = str(caught.value)
    assert f"{shm} could not be deleted" in message and "the database was not changed" in message
    assert digest(path) == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith((".restoring", ".partial"))]


def test_rotation_leaves_a_held_backup_for_next_time(
    hold,
    world: World,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(fileops, "RETRY_DELAYS", QUICK)
    path = world.db.path
    assert path is not None
    folder = storage.backup_dir_for(path)
    folder.mkdir(parents=True)
    days = [folder / f"202601{day:02d}-120000-daily.db" for day in range(1, 17)]  # 16 days, 14 kept
    for day in days:
        day.write_bytes(b"backup")
    release = hold(days[0])
    deleted = storage.rotate(folder)  # the oldest is held (a scanner): no exception, left in place
    assert days[0].exists() and days[0] not in deleted
    release()
    assert days[0] in storage.rotate(folder)  # the next rotation deletes it
    assert not days[0].exists()


def test_a_stale_lock_file_that_cannot_be_removed_does_not_crash_the_start(
    hold,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    import json
    import socket

    monkeypatch.setattr(fileops, "RETRY_DELAYS", QUICK)
    database = tmp_path / "agency.db"
    lock = DatabaseLock(database)
    lock.path.write_text(
        json.dumps({"user": "ana", "host": socket.gethostname(), "pid": 4_194_305, "since": "2026-01-01"})
    )
    hold(lock.path)
    holder = lock.acquire()  # crashed app's lock, held by a scanner: not taken, no exception
    assert holder is not None and holder.user == "ana" and not lock.held
    lock.release()
    assert lock.path.exists()


def test_writing_a_file_waits_for_a_reader_holding_the_old_one(hold, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "form.pdf"
    out.write_bytes(b"old form")
    with let_go_after(hold(out), 0.2):
        write_private(out, b"new form")
    assert out.read_bytes() == b"new form"
    assert [p.name for p in tmp_path.iterdir()] == ["form.pdf"]  # no temporary file left


# --------------------------------------------------------------------------------------------
# Paths with spaces and non-ASCII names; %LOCALAPPDATA%


def test_a_data_folder_with_spaces_and_accents_works_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from supervisor_app.cli import main

    home = tmp_path / "Users" / "Peña Ünïcode dir" / "AppData" / "Local" / "supervisor_app"
    monkeypatch.setenv("SUPERVISOR_APP_DATA_DIR", str(home))
    assert main(["init"]) == 0  # the default database, in that folder
    database = home / "supervisor.db"
    assert database.is_file()
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long enough password\n"))
    assert (
        main(["supervisor", "add", "--name", "José Núñez", "--credentials", "CRSS", "--password-stdin"]) == 0
    )
    saved = storage.daily_backup(database)
    assert saved is not None and saved.is_relative_to(home) and "Peña Ünïcode dir" in str(saved)
    [info] = storage.list_backups(database)
    lock = DatabaseLock(database)
    assert lock.acquire() is None and lock.path.exists()
    lock.release()
    assert not lock.path.exists()
    assert main(["restore", str(info.path)]) == 0
    db = open_database(database)
    try:
        with db.uow() as uow:
            names = [row[0] for row in uow.rows("SELECT name FROM supervisor")]
    finally:
        db.close()
    assert names == ["José Núñez"]
    write_private(home / "Ünïcode form.pdf", b"%PDF")
    assert (home / "Ünïcode form.pdf").read_bytes() == b"%PDF"
    assert "Restored from" in capsys.readouterr().out


def test_windows_keeps_the_data_in_local_appdata_not_the_roaming_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from supervisor_app import APP_NAME
    from supervisor_app.storage import user_data_dir

    monkeypatch.delenv("SUPERVISOR_APP_DATA_DIR")
    if sys.platform == "win32":  # the real thing, through the shell's known-folder API
        expected = Path(os.environ["LOCALAPPDATA"]) / APP_NAME
        assert os.path.normcase(user_data_dir()) == os.path.normcase(expected)
        return
    # Elsewhere: platformdirs' Windows rules, with folders read from the environment (as it
    # does on a Windows without the shell API), given the arguments storage.user_data_dir gives.
    import platformdirs.windows as windows

    local = r"C:\Users\Peña Ünïcode\AppData\Local"
    monkeypatch.setenv("LOCALAPPDATA", local)
    monkeypatch.setenv("APPDATA", r"C:\Users\Peña Ünïcode\AppData\Roaming")
    monkeypatch.setattr(windows, "_RESOLVE_WIN_FOLDER", windows.get_win_folder_from_env_vars)
    monkeypatch.setattr("platformdirs.PlatformDirs", windows.Windows)
    folder = str(user_data_dir())
    assert folder.startswith(local) and folder.endswith(APP_NAME)
    assert "Roaming" not in folder  # a domain profile copies Roaming around at every sign-in


def test_a_temporary_folder_with_a_held_file_is_left_without_an_error(
    hold,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    import tempfile

    from supervisor_app.fileops import remove_folder, temporary_folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with temporary_folder("supervisor_app-restore-") as folder:
        (folder / "restore.db").write_bytes(b"staged copy")
        release = hold(folder / "restore.db")  # antivirus scanning the copy just written
    assert (folder / "restore.db").exists()  # left for the system's clean-up, no exception
    release()
    assert remove_folder(folder) and not folder.exists()
    with temporary_folder("supervisor_app-restore-") as folder:
        (folder / "sub").mkdir()
        (folder / "sub" / "a.db").write_bytes(b"x")
    assert not folder.exists()
