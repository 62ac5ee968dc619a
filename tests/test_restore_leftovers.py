"""What a full disk, a killed backup or a killed restore leaves behind (issue 14, "Disks and
files"): nothing under a real name, leftovers deleted at the next start, and a restore audited
in the copy that becomes the database before the switch, then confirmed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import World
from supervisor_app import storage
from supervisor_app.storage import DatabaseError
from supervisor_app.usecases import backups

HERE = Path(__file__).resolve().parent
DEAD_PID = 4_194_305  # above Linux's largest pid: no such process


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def restore_events(path: Path) -> list[dict]:  # type: ignore[type-arg]
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT details FROM audit_event WHERE action = 'restore' ORDER BY id").fetchall()
    finally:
        conn.close()
    return [json.loads(details) for (details,) in rows]


def test_a_restore_is_audited_before_the_switch_then_confirmed(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = world.db.path
    assert path is not None
    source = storage.copy_database(path, tmp_path / "source.db")
    world.db.close()
    seen_before_switch: list[list[dict]] = []  # type: ignore[type-arg]
    real_replace = os.replace

    def replace(src, dst):  # type: ignore[no-untyped-def]
        if Path(dst) == path and str(src).endswith(".restoring"):
            # The instant before the switch: the copy about to become the database already
            # carries the restore's event (a process killed right after still leaves one).
            seen_before_switch.append(restore_events(Path(src)))
        return real_replace(src, dst)

    monkeypatch.setattr(storage.os, "replace", replace)
    result = backups.restore(path, source)
    [before] = seen_before_switch
    assert [e["step"] for e in before] == ["switching"]
    assert before[0]["from"] == str(source) and before[0]["replaced_copy"] == str(result.replaced_copy)
    events = restore_events(path)
    assert [e["step"] for e in events] == ["switching", "done"]
    assert events[0]["records_checked"] == events[1]["records_checked"] == result.records_checked
    assert not [p for p in path.parent.iterdir() if p.name.endswith((".restoring", ".partial"))]


def test_a_refused_restore_leaves_no_event_anywhere(world: World, tmp_path: Path) -> None:
    path = world.db.path
    assert path is not None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    world.db.close()
    before = digest(path)
    with pytest.raises(DatabaseError):
        backups.restore(path, junk)
    assert digest(path) == before and restore_events(path) == []


def _leftovers(database: Path) -> dict[str, Path]:
    folder = storage.backup_dir_for(database)
    folder.mkdir(parents=True, exist_ok=True)
    old = (dt.datetime.now() - dt.timedelta(hours=2)).timestamp()
    made = {
        "dead backup": folder / f"20260101-000000-daily.db.{DEAD_PID}.partial",
        "dead restore": database.with_name(f"{database.name}.{DEAD_PID}.restoring"),
        "dead replaced copy": database.with_name(
            f"{database.stem}.replaced-20260101-000000.db.{DEAD_PID}.partial"
        ),
        "its hot journal": database.with_name(
            f"{database.name}.{DEAD_PID}.restoring.{DEAD_PID}.partial-journal"
        ),
        "old untagged backup": folder / "20250101-000000-daily.db.partial",
        "old untagged restore": database.with_name(database.name + ".restoring"),
        "live backup": folder / f"20260102-000000-daily.db.{os.getppid()}.partial",
        "fresh untagged": folder / "20260103-000000-daily.db.partial",
        "someone's file": database.with_name(f"{database.stem}-notes.txt"),
    }
    for name, leftover in made.items():
        leftover.write_bytes(b"half a copy")
        if name.startswith("old"):
            os.utime(leftover, (old, old))
    return made


def test_leftovers_are_deleted_at_the_next_start(world: World) -> None:
    path = world.db.path
    assert path is not None
    made = _leftovers(path)
    made_backup = storage.daily_backup(path)  # what the app does when it starts
    assert made_backup is not None
    gone = {name for name, p in made.items() if not p.exists()}
    assert gone == {
        "dead backup",
        "dead restore",
        "dead replaced copy",
        "its hot journal",
        "old untagged backup",
        "old untagged restore",
    }
    # A copy another running process is writing, one too fresh to judge, and other files stay.
    assert made["live backup"].exists() and made["fresh untagged"].exists()
    assert made["someone's file"].exists()


def test_a_stopped_backup_leaves_no_partial_file(world: World) -> None:
    import threading

    path = world.db.path
    assert path is not None
    stop = threading.Event()
    stop.set()
    with pytest.raises(storage.BackupStopped):
        storage.backup_file(path, reason="daily", cancelled=stop)
    folder = storage.backup_dir_for(path)
    assert [p.name for p in folder.iterdir()] == []


FULL_DISK_SCRIPT = textwrap.dedent(
    """
    import hashlib, os, subprocess, sys
    from pathlib import Path
    mount, database, source, size = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)
    target = mount / "supervisor.db"
    target.write_bytes(database.read_bytes())
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    from supervisor_app.cli import main
    code = main(["--db", str(target), "restore", source])
    print("EXIT", code)
    print("SAME", hashlib.sha256(target.read_bytes()).hexdigest() == before)
    print("FILES", sorted(f for f in os.listdir(mount) if not f.endswith(("-wal", "-shm"))))
    """
)


def test_a_full_disk_during_restore_changes_nothing_and_leaves_nothing(
    demo_template: Path, world: World, tmp_path: Path
) -> None:
    """A real full disk: a small tmpfs in a mount namespace of its own (skipped where the
    platform cannot make one). The database fits; the copy that would replace it does not."""
    if (
        not shutil.which("unshare")
        or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode
    ):
        pytest.skip("no unshare -rm here: cannot make a small disk to fill")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    database = world.db.path
    assert database is not None
    world.db.close()
    size = database.stat().st_size + 48 * 1024
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    done = subprocess.run(
        [
            "unshare",
            "-rm",
            sys.executable,
            "-c",
            FULL_DISK_SCRIPT,
            str(mount),
            str(database),
            str(demo_template),
            str(size),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if "mount" in done.stderr and "EXIT" not in done.stdout:
        pytest.skip(f"cannot mount a small disk here: {done.stderr.strip()[-200:]}")
    assert "EXIT 1" in done.stdout, done.stdout + done.stderr
    assert "could not be restored" in done.stderr and "the database was not changed" in done.stderr
    assert "unexpected" not in done.stderr
    assert "SAME True" in done.stdout
    # No .restoring, no .partial, no -journal (SQLite's own -wal and -shm of a read are not leftovers).
    assert "FILES ['supervisor.db']" in done.stdout
