"""When SQLite's whole-file check runs (supervisor_app.check_state): once a day, after an unclean
shutdown, on a file new to this computer or replaced; the cheap checks (header, length, schema,
revision) on every open. Real files, really damaged; a refused file is never written to."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from supervisor_app import check_state
from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.storage import DatabaseError
from tests.conftest import World, damage_an_index, last_full_check_ago, session_fields, snapshot

DAY = dt.timedelta(days=1)
ROOT = Path(__file__).resolve().parents[1]


def _closed(world: World) -> Path:
    """The world's file with a session in it, closed cleanly after its whole-file check passed."""
    from supervisor_app.services import records

    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    path = world.db.path
    world.db.close()
    assert path is not None
    return path


def _open_noting_checks(path: Path, **kwargs) -> tuple[object, list[str]]:  # type: ignore[no-untyped-def]
    reasons: list[str] = []
    db = open_database(path, on_full_check=reasons.append, **kwargs)
    return db, reasons


def _markers() -> list[Path]:
    folder = check_state._folder()
    return sorted(folder.glob("*.open-*")) if folder.exists() else []


def _child(code: str, path: Path) -> None:
    """Another process opens ``path`` for writing and runs ``code`` (``db`` is its handle)."""
    script = f"import os, sys\nfrom supervisor_app.db import open_database\ndb = open_database(sys.argv[1])\n{code}\n"
    subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, check=True, timeout=120)


# ---------------------------------------------------------------------------------- not due


def test_a_file_checked_today_is_not_checked_whole_again(world: World) -> None:
    path = _closed(world)
    assert check_state.full_check_due(path) is None  # the world's first open checked it
    db, reasons = _open_noting_checks(path)
    db.close()  # type: ignore[attr-defined]
    assert reasons == []
    last_full_check_ago(path, DAY - dt.timedelta(minutes=5))
    assert check_state.full_check_due(path) is None  # 23 h 55 min: still not due


def test_a_process_that_closes_the_file_leaves_nothing_due(world: World) -> None:
    path = _closed(world)
    _child("db.close()", path)
    assert _markers() == []
    assert check_state.full_check_due(path) is None


def test_reading_commands_leave_no_open_marker(world: World) -> None:
    path = _closed(world)
    db = open_database(path, reading=True)
    assert _markers() == []
    db.close()
    writer = open_database(path)
    assert len(_markers()) == 1  # a handle that may write is marked until it closes
    writer.close()
    assert _markers() == []


# -------------------------------------------------------------------------------------- due


def test_the_whole_file_check_is_due_a_day_after_the_last_and_finds_the_damage(world: World) -> None:
    path = _closed(world)
    damaged = damage_an_index(path)
    db, reasons = _open_noting_checks(path)  # checked today: only the cheap checks, which pass
    db.close()  # type: ignore[attr-defined]
    assert reasons == []

    last_full_check_ago(path, DAY + dt.timedelta(minutes=1))
    assert check_state.full_check_due(path) == "its last check was a day ago or more"
    with pytest.raises(DatabaseError) as caught:
        _open_noting_checks(path)
    assert caught.value.kind == "damaged" and "integrity check" in str(caught.value)
    assert path.read_bytes() == damaged  # refused before anything was written
    assert check_state.full_check_due(path) is not None  # and still due next time


def test_a_clock_set_back_makes_the_check_due(world: World) -> None:
    path = _closed(world)
    last_full_check_ago(path, -dt.timedelta(hours=2))  # "checked" two hours from now
    assert check_state.full_check_due(path) == "its last check was a day ago or more"


def test_an_unclean_shutdown_makes_the_check_due_and_a_pass_clears_it(world: World) -> None:
    path = _closed(world)
    _child("os._exit(0)  # killed: never closed", path)
    assert len(_markers()) == 1
    assert check_state.full_check_due(path) == (
        "it was not closed properly last time (the app or a command was stopped)"
    )

    db, reasons = _open_noting_checks(path)
    assert len(reasons) == 1 and "not closed properly" in reasons[0]  # it ran, and said why
    db.close()  # type: ignore[attr-defined]
    assert _markers() == []  # the pass answered the crash
    assert check_state.full_check_due(path) is None


def test_damage_after_an_unclean_shutdown_is_refused_before_anything_is_written(world: World) -> None:
    path = _closed(world)
    _child("os._exit(0)", path)
    damaged = damage_an_index(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "damaged"
    assert path.read_bytes() == damaged
    assert len(_markers()) == 1  # not answered: the next open checks again


def test_a_file_replaced_at_the_same_path_is_checked_again(world: World, tmp_path: Path) -> None:
    path = _closed(world)
    other = tmp_path / "copy.db"
    shutil.copy(path, other)
    damage_an_index(other)
    os.replace(other, path)  # a copy put in its place (by hand, a sync tool)
    assert check_state.full_check_due(path) == "the file was replaced since its last check"
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "damaged"


def test_a_file_new_to_this_computer_is_checked(world: World, tmp_path: Path) -> None:
    path = _closed(world)
    moved = tmp_path / "elsewhere" / "agency.db"
    moved.parent.mkdir()
    shutil.copy(path, moved)
    assert check_state.full_check_due(moved) == "it has not been checked on this computer yet"
    db, reasons = _open_noting_checks(moved)
    db.close()  # type: ignore[attr-defined]
    assert reasons == ["it has not been checked on this computer yet"]
    assert check_state.full_check_due(moved) is None


# ------------------------------------------------------------------- the cheap checks, always


def test_a_file_cut_short_is_refused_on_every_open(world: World) -> None:
    path = _closed(world)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4096])  # the last page lost (an interrupted copy)
    assert check_state.full_check_due(path) is None  # the file is the one checked today
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "damaged" and "cut short" in str(caught.value)
    assert path.read_bytes() == before


def test_a_damaged_header_or_an_altered_schema_is_refused_on_every_open(world: World) -> None:
    path = _closed(world)
    conn = sqlite3.connect(path)
    (trigger,) = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' LIMIT 1").fetchone()
    conn.execute(f'DROP TRIGGER "{trigger}"')  # signed records no longer protected
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert "changed outside supervisor_app" in str(caught.value)
    assert snapshot(path) == before

    data = bytearray(path.read_bytes())
    data[:100] = b"\x13\x37" * 50
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "damaged"
    assert path.read_bytes() == bytes(data)


# ------------------------------------------------------------------------- the command line


def test_the_check_command_checks_the_whole_file_whatever_the_day(world: World, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _closed(world)
    assert main(["--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: test.db is sound")
    assert main(["--db", str(path), "--json", "check"]) == 0
    assert '"sound": true' in capsys.readouterr().out

    damaged = damage_an_index(path)  # checked today, so no other command would read every page
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "integrity check" in err and "Traceback" not in err
    assert path.read_bytes() == damaged


def test_the_check_command_refuses_a_file_that_is_not_there(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nothing.db"
    assert main(["--db", str(missing), "check"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()  # nothing created


def test_a_command_runs_the_check_when_due_and_refuses_a_damaged_file(world: World, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _closed(world)
    damaged = damage_an_index(path)
    last_full_check_ago(path, 2 * DAY)
    code = main(["--db", str(path), "supervisee", "add", "--name", "New Person", "--credential", "CRSS"])
    assert code == 1
    assert "damaged" in capsys.readouterr().err
    assert path.read_bytes() == damaged  # refused before anything was written


def test_what_is_kept_for_files_that_are_gone_is_dropped(world: World, tmp_path: Path) -> None:
    path = _closed(world)
    temporary = tmp_path / "demo-copy.db"
    shutil.copy(path, temporary)
    open_database(temporary).close()  # checked: its state is kept
    assert check_state._state_file(temporary).exists()
    temporary.unlink()  # a demo's copy, deleted afterwards
    last_full_check_ago(path, 2 * DAY)  # the next pass of any file tidies up
    assert not check_state._state_file(temporary).exists()
    assert check_state._state_file(path).exists()


def test_a_file_in_use_is_not_judged_by_its_length(world: World) -> None:
    """While another process's checkpoint copies pages, page 1 (with the new page count) is
    written before the pages that lengthen the file: a file with a -wal in use is not refused
    for its length (only the whole-file check can tell then)."""
    path = _closed(world)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4096])
    wal = Path(str(path) + "-wal")
    wal.write_bytes(b"")  # an empty -wal: nothing being copied, the length is judged
    with pytest.raises(DatabaseError, match="cut short"):
        open_database(path)
    from supervisor_app.storage import _header_problem

    wal.write_bytes(b"\0" * 32)  # frames waiting to be copied into the file
    assert _header_problem(path) is None
