"""The database, its backups and exports hold names, contacts and supervision topics: what the
app creates is readable by the user only (0600 files, 0700 folders) on POSIX (issue 14). On
Windows the per-user data folder is the user's own already (README, "Nothing lost")."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import World
from supervisor_app import storage
from supervisor_app.cli import main
from supervisor_app.db import open_database, resolve_database
from supervisor_app.lockfile import DatabaseLock
from supervisor_app.usecases import backups

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The usual 022: files would be readable by everyone unless the app says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_are_the_users_only(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "deeper" / "supervisor.db"
    db = open_database(path)
    try:
        with db.uow("test") as uow:  # a write: the -wal and -shm files exist while it is open
            from supervisor_app.services import people

            people.add_supervisor(uow, name="Dana", credentials="CRSS")
            uow.commit()
            assert mode(path) == 0o600
            assert mode(Path(f"{path}-wal")) == 0o600
            assert mode(Path(f"{path}-shm")) == 0o600
    finally:
        db.close()
    assert mode(path.parent) == mode(path.parent.parent) == 0o700  # the folders it made


def test_the_default_data_folder_is_the_users_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "home" / ".local" / "share" / "supervisor_app"
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("SUPERVISOR_APP_DATA_DIR", str(data))
    resolve_database(None)
    assert mode(data) == mode(data.parent) == mode(data.parent.parent) == 0o700
    assert mode(tmp_path / "home") == 0o755  # a folder that was there is left alone


def test_an_existing_database_keeps_its_permissions(tmp_path: Path, empty_template: Path) -> None:
    """An agency may share a database on purpose: only what the app creates is made private."""
    path = tmp_path / "shared.db"
    shutil.copy(empty_template, path)
    path.chmod(0o660)
    open_database(path).close()
    assert mode(path) == 0o660


def test_the_lock_file_is_the_users_only(world: World) -> None:
    lock = DatabaseLock(world.db.path)  # type: ignore[arg-type]
    assert lock.acquire() is None
    try:
        assert mode(lock.path) == 0o600
    finally:
        lock.release()


def test_backups_and_their_folders_are_the_users_only(world: World) -> None:
    path = world.db.path
    assert path is not None
    made = storage.backup_file(path, reason="daily")
    assert mode(made) == 0o600
    assert mode(made.parent) == mode(made.parent.parent) == 0o700  # backups/<db>-<hash>/, backups/


def test_a_backups_folder_an_older_version_made_is_made_private(world: World) -> None:
    path = world.db.path
    assert path is not None
    folder = storage.backup_dir_for(path)
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    folder.parent.chmod(0o755)
    storage.backup_file(path, reason="daily")
    assert mode(folder) == mode(folder.parent) == 0o700


def test_restore_gives_the_database_its_permissions_back(world: World, tmp_path: Path) -> None:
    path = world.db.path
    assert path is not None
    source = storage.copy_database(path, tmp_path / "source.db")
    world.db.close()
    path.chmod(0o640)
    result = backups.restore(path, source)
    assert mode(path) == 0o640
    assert result.replaced_copy is not None and mode(result.replaced_copy) == 0o600


def test_cli_backup_exports_and_forms_are_the_users_only(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", str(db), "backup", "--out", str(out / "copy.db")]) == 0
    assert main(["--db", str(db), "export", "--json", str(out / "all.json")]) == 0
    assert main(["--db", str(db), "export", "--records", str(out / "records.csv")]) == 0
    assert main(["--db", str(db), "export", "--out", str(out / "tables")]) == 0
    assert main(["--db", str(db), "template", str(out / "template.xlsx")]) == 0
    assert main(["--db", str(db), "statement", "--supervisee", "1", "--out", str(out / "statement.pdf")]) == 0
    capsys.readouterr()
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 6
    assert {p.relative_to(out).as_posix(): mode(p) for p in files} == {
        p.relative_to(out).as_posix(): 0o600 for p in files
    }
