"""Where a database may live (issue 22): a network drive is refused with the reason (SQLite's
locking over SMB/NFS is unreliable), a folder a sync client copies (OneDrive, which Windows
may redirect Documents into) is warned about. The detection functions are table-driven over
what each system reports: Windows paths and drive types, Linux's /proc/mounts, macOS's mount."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import snapshot
from supervisor_app import fileops
from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.fileops import (
    DRIVE_REMOTE,
    parse_macos_mount,
    parse_proc_mounts,
    posix_network_reason,
    sync_folder,
    sync_warning,
    windows_network_reason,
)
from supervisor_app.storage import DatabaseError

DRIVE_FIXED, DRIVE_REMOVABLE = 3, 2
DRIVES = {"C:\\": DRIVE_FIXED, "E:\\": DRIVE_REMOVABLE, "H:\\": DRIVE_REMOTE, "Z:\\": DRIVE_REMOTE}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"C:\Users\Peña\AppData\Local\supervisor_app\supervisor.db", None),
        (r"C:\Users\Peña\OneDrive - Prairie Lakes\Documents\agency.db", None),  # local (synced: a warning)
        (r"E:\backup stick\agency.db", None),  # a USB stick is local
        (r"\\server\share\supervision\agency.db", r"it is on the network share \\server\share"),
        (
            r"\\FILES01.agency.local\Clinical\agency.db",
            r"it is on the network share \\FILES01.agency.local\Clinical",
        ),
        (r"\\?\UNC\server\share\agency.db", r"it is on the network share \\server\share"),
        (r"\\?\C:\Users\Peña\agency.db", None),  # the long-path prefix of a local file
        (r"H:\agency.db", "it is on H:, a network drive"),  # a home drive mapped by the domain
        (r"z:\Team Folder\agency.db", "it is on Z:, a network drive"),
        ("//server/share/agency.db", r"it is on the network share \\server\share"),
    ],
)
def test_windows_network_paths(path: str, expected: str | None) -> None:
    assert windows_network_reason(path, lambda root: DRIVES.get(root.upper(), DRIVE_FIXED)) == expected


def test_windows_without_a_drive_type_still_knows_unc_paths() -> None:
    assert windows_network_reason(r"\\nas\home\a.db", None) == r"it is on the network share \\nas\home"
    assert windows_network_reason(r"H:\a.db", None) is None


PROC_MOUNTS = r"""
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
files01:/export/clinical /mnt/clinical nfs4 rw,relatime,vers=4.2 0 0
//files01/Team\040Share /mnt/team\040share cifs rw,relatime,vers=3.1.1 0 0
//nas/ana /home/ana/nas smb3 rw 0 0
ana@host:/srv /home/ana/remote fuse.sshfs rw,nosuid,nodev 0 0
/dev/sdb1 /mnt/clinical/usb vfat rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/ana/.local/share/supervisor_app/supervisor.db", None),
        ("/tmp/agency.db", None),
        (
            "/mnt/clinical/agency.db",
            "it is on /mnt/clinical, a network share (nfs4 from files01:/export/clinical)",
        ),
        ("/mnt/clinical", "it is on /mnt/clinical, a network share (nfs4 from files01:/export/clinical)"),
        ("/mnt/clinicalx/agency.db", None),  # a neighbour whose name starts the same
        ("/mnt/clinical/usb/agency.db", None),  # a USB stick mounted inside the share
        (
            "/mnt/team share/Peña/agency.db",
            "it is on /mnt/team share, a network share (cifs from //files01/Team Share)",
        ),
        ("/home/ana/nas/agency.db", "it is on /home/ana/nas, a network share (smb3 from //nas/ana)"),
        (
            "/home/ana/remote/a.db",
            "it is on /home/ana/remote, a network share (fuse.sshfs from ana@host:/srv)",
        ),
    ],
)
def test_linux_mounts(path: str, expected: str | None) -> None:
    assert posix_network_reason(path, parse_proc_mounts(PROC_MOUNTS)) == expected


MACOS_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//ana@files01.agency.local/Clinical on /Volumes/Clinical (smbfs, nodev, nosuid, mounted by ana)
files01:/export on /Volumes/export (nfs, nodev, nosuid, mounted by ana)
/dev/disk4s1 on /Volumes/USB STICK (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/Users/ana/Library/Application Support/supervisor_app/supervisor.db", None),
        (
            "/Volumes/Clinical/agency.db",
            "it is on /Volumes/Clinical, a network share (smbfs from //ana@files01.agency.local/Clinical)",
        ),
        ("/Volumes/export/a.db", "it is on /Volumes/export, a network share (nfs from files01:/export)"),
        ("/Volumes/USB STICK/agency.db", None),
    ],
)
def test_macos_mounts(path: str, expected: str | None) -> None:
    assert posix_network_reason(path, parse_macos_mount(MACOS_MOUNT)) == expected


ONEDRIVE_ENV = {
    "OneDrive": r"C:\Users\Peña\OneDrive - Prairie Lakes",
    "OneDriveCommercial": r"C:\Users\Peña\OneDrive - Prairie Lakes",
    "OneDriveConsumer": r"C:\Users\Peña\OneDrive",
}


@pytest.mark.parametrize(
    ("path", "environ", "windows", "expected"),
    [
        (r"C:\Users\Peña\AppData\Local\supervisor_app\supervisor.db", ONEDRIVE_ENV, True, None),
        # Documents redirected into OneDrive ("Known Folder Move"): the path says Documents
        (
            r"C:\Users\Peña\OneDrive - Prairie Lakes\Documents\agency.db",
            ONEDRIVE_ENV,
            True,
            r"C:\Users\Peña\OneDrive - Prairie Lakes",
        ),
        (r"c:\users\peña\onedrive\Desktop\agency.db", ONEDRIVE_ENV, True, r"C:\Users\Peña\OneDrive"),
        (r"C:\Users\Peña\OneDriveBackup\agency.db", ONEDRIVE_ENV, True, None),  # only starts alike
        # No environment (another account's folder, an old profile): the folder's name tells
        (r"D:\Users\Ana\OneDrive - Agency\Documents\a.db", {}, True, r"D:\Users\Ana\OneDrive - Agency"),
        (r"C:\Users\Ana\Dropbox (Agency)\a.db", {}, True, r"C:\Users\Ana\Dropbox (Agency)"),
        (
            "/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/a.db",
            {},
            False,
            "/Users/ana/Library/Mobile Documents",
        ),
        ("/home/ana/Dropbox/a.db", {}, False, "/home/ana/Dropbox"),
        ("/home/ana/Documents/a.db", {}, False, None),
        ("/home/ana/OneDrive.db", {}, False, None),  # a file so named, not a folder
    ],
)
def test_sync_folders(path: str, environ: dict[str, str], windows: bool, expected: str | None) -> None:
    assert sync_folder(path, environ, windows=windows) == expected


def test_the_sync_warning_names_the_folder_and_what_to_do(tmp_path: Path) -> None:
    database = tmp_path / "OneDrive - Prairie Lakes" / "Documents" / "agency.db"
    warning = sync_warning(database, {})
    assert warning is not None
    assert str(tmp_path / "OneDrive - Prairie Lakes") in warning and "backups" in warning
    assert sync_warning(tmp_path / "agency.db", {}) is None


@pytest.fixture
def on_a_share(monkeypatch: pytest.MonkeyPatch) -> str:
    """This machine has no network share to put a database on: the detection (tested above
    against real mount tables) is told the folder is one."""
    reason = "it is on /mnt/clinical, a network share (cifs from //files01/Clinical)"
    monkeypatch.setattr(fileops, "network_reason", lambda path, platform=None: reason)
    return reason


def test_a_database_on_a_network_share_is_refused_and_nothing_is_created(
    on_a_share: str, tmp_path: Path
) -> None:
    path = tmp_path / "share" / "agency.db"
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.kind == "network"
    message = str(caught.value)
    assert on_a_share in message and "SQLite's file locking over network file sharing" in message
    assert "SUPERVISOR_APP_ALLOW_NETWORK_DB=1" in message
    assert not (tmp_path / "share").exists()


def test_an_existing_database_on_a_share_is_refused_unchanged_but_can_be_read(
    on_a_share: str, db_path: Path, empty_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    shutil.copy(empty_template, db_path)
    before = snapshot(db_path)
    assert main(["--db", str(db_path), "supervisor", "add", "--name", "Ana", "--credentials", "CRSS"]) == 1
    assert on_a_share in capsys.readouterr().err
    assert snapshot(db_path) == before
    assert main(["--db", str(db_path), "list", "supervisors"]) == 0  # reading it does no harm


def test_it_team_can_allow_a_share(on_a_share: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPERVISOR_APP_ALLOW_NETWORK_DB", "1")
    db = open_database(tmp_path / "agency.db")
    db.close()
    assert (tmp_path / "agency.db").exists()


def test_this_machines_own_folders_are_not_network_drives(tmp_path: Path) -> None:
    assert fileops.network_reason(tmp_path / "not yet" / "agency.db") is None
    assert fileops.location_problem(tmp_path / "agency.db") is None
