"""A database on a read-only disk (issue 14, "Disks and files"): reading works, and a command
that would write says why it cannot (exit 1), never "unexpected error", and writes nothing.

Tests run as root here, which ignores permission bits, so a folder is made read-only for real
with ``chattr +i`` (immutable: not even root creates a file in it). Where that is not possible
(another file system, no privilege) the tests are skipped and say why.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import PASSWORD
from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.services import people
from supervisor_app.storage import DatabaseError


def _chattr(flag: str, *paths: Path) -> bool:
    if not shutil.which("chattr"):
        return False
    done = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def protect(tmp_path: Path) -> Iterator[Callable[..., None]]:
    """``protect(*paths)``: make files and folders immutable (undone after the test)."""
    protected: list[Path] = []

    def make(*paths: Path) -> None:
        if not _chattr("+i", *paths):
            pytest.skip(
                "chattr +i is not available here (file system or privileges): no read-only disk to test on"
            )
        protected.extend(paths)
        probe = paths[-1] / "probe" if paths[-1].is_dir() else None
        if probe is not None:
            try:
                probe.touch()
            except OSError:
                return
            probe.unlink()
            pytest.skip("an immutable folder still takes new files here")

    yield make
    if protected:
        _chattr("-i", *protected)


def cli(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(args)
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


def state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def read_only_demo(demo_template: Path, tmp_path: Path, protect) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    path = folder / "supervisor.db"
    shutil.copy(demo_template, path)
    protect(path, folder)
    return path


READING = [
    ["list", "supervisors"],
    ["list", "sessions"],
    ["verify"],
    ["progress", "--supervisee", "1"],
    ["audit", "--limit", "3"],
    ["attestations"],
    ["backups"],
]


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c[:2]))
def test_reading_commands_work_and_write_nothing(
    read_only_demo: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(read_only_demo.parent)
    code, out, err = cli(["--db", str(read_only_demo), *command], capsys)
    assert code == 0, err
    assert out.strip()
    assert state(read_only_demo.parent) == before  # no -wal, no -shm, no lock file, same bytes


WRITING = [
    (["supervisee", "add", "--name", "New Person", "--credential", "CRSS"], ""),
    (["sign", "--supervisor", "1", "--all", "--password-stdin"], "demo-password\n"),
    (["demo"], ""),
    (["init"], ""),
]


@pytest.mark.parametrize(("command", "stdin"), WRITING, ids=lambda c: c[0] if isinstance(c, list) else "")
def test_writing_commands_say_the_disk_is_read_only(
    read_only_demo: Path, command: list[str], stdin: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = state(read_only_demo.parent)
    code, out, err = cli(["--db", str(read_only_demo), *command], capsys, stdin)
    assert code == 1
    assert out == ""
    assert f"{read_only_demo} cannot be changed: the folder {read_only_demo.parent} cannot be written" in err
    assert "unexpected" not in err
    assert state(read_only_demo.parent) == before


def test_a_new_database_cannot_be_created_there(
    read_only_demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = read_only_demo.parent
    before = state(folder)
    for target in (folder / "new.db", folder / "sub" / "new.db"):
        code, _out, err = cli(["--db", str(target), "init"], capsys)
        assert code == 1
        assert f"{target} cannot be created: the folder {folder} cannot be written." in err
    assert state(folder) == before


def test_restore_onto_a_read_only_disk_is_refused(
    read_only_demo: Path, demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.db"
    shutil.copy(demo_template, backup)
    before = state(read_only_demo.parent)
    code, _out, err = cli(["--db", str(read_only_demo), "restore", str(backup)], capsys)
    assert code == 1
    assert "cannot be replaced: the folder" in err and "Nothing was restored." in err
    assert state(read_only_demo.parent) == before


def test_a_damaged_file_there_is_called_damaged(
    tmp_path: Path, protect, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "cd"
    folder.mkdir()
    path = folder / "supervisor.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    protect(path, folder)
    code, _out, err = cli(["--db", str(path), "list", "supervisors"], capsys)
    assert code == 1
    assert "damaged" in err and "unexpected" not in err and "-wal" not in err


def test_committed_data_still_in_the_wal_is_read(
    tmp_path: Path, protect, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """A disk made read-only while the database had a -wal file: what was committed there is
    read (immutable mode, which ignores the -wal file, is only for a file without one)."""
    db = open_database(tmp_path / "open.db")
    try:
        with db.uow("test") as uow:
            people.add_supervisor(uow, name="Committed In The Wal", credentials="CRSS", password=PASSWORD)
            uow.commit()
        folder = tmp_path / "ro"
        folder.mkdir()
        for suffix in ("", "-wal", "-shm"):  # copied while the app still has it open
            shutil.copy(str(db.path) + suffix, str(folder / "open.db") + suffix)
    finally:
        db.close()
    copies = [folder / f"open.db{suffix}" for suffix in ("", "-wal", "-shm")]
    assert copies[1].stat().st_size > 0
    protect(*copies, folder)
    code, out, err = cli(["--db", str(copies[0]), "list", "supervisors"], capsys)
    assert code == 0, err
    assert "Committed In The Wal" in out


def test_the_app_refuses_it_with_the_reason(read_only_demo: Path) -> None:
    """The app (open_database for writing) says why, with a kind the start-up dialog can tell apart."""
    with pytest.raises(DatabaseError, match="cannot be changed: the folder") as caught:
        open_database(read_only_demo)
    assert caught.value.kind == "read-only" and not caught.value.offer_restore
    reader = open_database(read_only_demo, reading=True)
    try:
        assert reader.readonly
        with reader.uow(reading=True) as uow:
            assert people.list_supervisors(uow)
    finally:
        reader.close()
    assert sorted(os.listdir(read_only_demo.parent)) == ["supervisor.db"]
